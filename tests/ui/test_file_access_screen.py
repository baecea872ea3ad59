"""A supervisor can say who opened a family's file (Access Act); an agent cannot ask."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from console.ui.window.main_window import MainWindow
from tests.ui.families import Families
from tests.ui.test_account_screens import press, search_and_open, settle, sign_in

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def test_the_supervisor_sees_who_opened_the_file_and_the_agent_cannot(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    screens = window.file_access
    search_and_open(qtbot, window, "cote")  # the agent, Martine Lavoie, opens it
    assert not screens.action.isEnabled()
    screens.open()
    assert screens.dialog is None

    sign_in(qtbot, window, "Sylvie Boucher")
    search_and_open(qtbot, window, "cote")
    assert screens.action.isEnabled()
    press(qtbot, window, "Ctrl+Shift+O")
    dialog = screens.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 2)
    settle(qtbot, window)
    who = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert who[0] == "Sylvie Boucher"  # newest first
    assert "Martine Lavoie" in who
    assert "consultation" in dialog.status.text()
