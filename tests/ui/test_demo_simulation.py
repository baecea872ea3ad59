"""The demo's public-site simulation makes holds appear in the shared database, and stops."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.db.models import CartItem
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.demo_simulation import install_demo_simulation
from console.ui.window.main_window import MainWindow
from tests.ui.call_helpers import staff_named


def _items(ctx: ServiceContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CartItem)) or 0)


def test_switching_the_simulation_on_fills_carts_and_off_stops_it(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, ui_ctx: ServiceContext
) -> None:
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    with qtbot.waitSignal(window.staff_loaded):
        window.attach_demo(EmbeddedDemo(ui_ctx))
    simulation = install_demo_simulation(window, window.workspace)
    assert simulation.action.isVisible()
    before = _items(ui_ctx)
    simulation.action.setChecked(True)
    assert simulation.running
    qtbot.waitUntil(lambda: _items(ui_ctx) > before, timeout=15000)
    simulation.action.setChecked(False)
    assert not simulation.running


def test_the_simulation_is_hidden_outside_the_demo(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, ui_ctx: ServiceContext
) -> None:
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    window.attach(InProcessApi(ui_ctx, staff_named(ui_ctx, "Martine Lavoie")))
    simulation = install_demo_simulation(window, window.workspace)
    assert not simulation.action.isVisible()
    assert isinstance(window, QMainWindow)
