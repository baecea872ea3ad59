"""Two agents on the same household see each other in the household header."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.services.context import ServiceContext
from console.services.presence import others_present, touch_presence
from console.ui.call.presence_banner import POLL_MS, presence_text
from console.ui.window.main_window import MainWindow
from tests.ui.call_helpers import open_household, settle, staff_named
from tests.ui.families import Families


def test_another_agent_on_the_household_shows_in_the_header(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    touch_presence(ui_ctx, staff_named(ui_ctx, "Sylvie Boucher"), families.cote)
    open_household(qtbot, window, families.cote)
    banner = window.call_flow.presence.banner
    assert banner.isVisible()
    assert banner.text() == "Sylvie Boucher consulte aussi ce dossier"
    header = window.household_panel.findChild(QWidget, "householdHeader")
    assert header is not None and banner.parentWidget() is header


def test_the_other_agent_sees_me_and_the_banner_goes_when_they_leave(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    sylvie = staff_named(ui_ctx, "Sylvie Boucher")
    touch_presence(ui_ctx, sylvie, families.cote)
    open_household(qtbot, window, families.cote)
    assert others_present(ui_ctx, sylvie, families.cote) == ("Martine Lavoie",)
    touch_presence(ui_ctx, sylvie, None)
    window.call_flow.presence.poll()
    settle(qtbot, window)
    assert not window.call_flow.presence.banner.isVisible()


def test_presence_is_polled_every_twenty_seconds_while_a_household_is_open(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    watcher = window.call_flow.presence
    assert POLL_MS == 20_000
    assert not watcher.timer.isActive()
    open_household(qtbot, window, families.gagnon)
    assert watcher.timer.isActive()
    assert watcher.timer.interval() == POLL_MS


def test_closing_the_household_tells_the_others(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    sylvie = staff_named(ui_ctx, "Sylvie Boucher")
    open_household(qtbot, window, families.gagnon)
    assert others_present(ui_ctx, sylvie, families.gagnon) == ("Martine Lavoie",)
    with qtbot.waitSignal(window.workspace.household_changed):
        window.close_household_action.trigger()
    settle(qtbot, window)
    assert others_present(ui_ctx, sylvie, families.gagnon) == ()
    assert not window.call_flow.presence.timer.isActive()


def test_several_others_are_named_together() -> None:
    assert presence_text(()) == ""
    assert (
        presence_text(("Alice Roy", "Bruno Roy", "Sophie Tremblay"))
        == "Alice Roy, Bruno Roy et Sophie Tremblay consultent aussi ce dossier"
    )
