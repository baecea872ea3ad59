"""What the call-flow UI tests share: opening a household and waiting for the workers."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.services.context import ServiceContext
from console.services.staff import Actor, list_staff
from console.ui.window.main_window import MainWindow


def open_household(qtbot: QtBot, window: MainWindow, household_id: int) -> None:
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        window.open_household(household_id)
    settle(qtbot, window)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.workspace.tasks.busy, timeout=10000)


def staff_named(ctx: ServiceContext, name: str) -> Actor:
    return next(a for a in list_staff(ctx) if a.display_name == name)
