"""Layouts do not jump: a message, a badge or a banner coming or going moves no pane."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.errors import Refused
from console.ui.window.main_window import MainWindow


def _panes(window: MainWindow) -> list[tuple[int, int, int, int]]:
    QApplication.processEvents()
    return [
        w.geometry().getRect()
        for w in (window.search_panel, window.household_panel, window.search_panel.box)
    ]


def test_a_message_coming_and_going_moves_no_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1366, 768)
    before = _panes(window)
    long = "Une phrase longue qui ne tient pas sur une seule ligne du bandeau. " * 8
    window.message_bar.show_error(Refused("caller_not_verified"))
    assert window.message_bar.isVisible()
    assert _panes(window) == before
    window.message_bar.show_info(long)
    assert _panes(window) == before
    assert window.message_bar.text == long  # whole, though the line is elided
    assert window.message_bar.toolTip() == long
    window.message_bar.dismiss()
    assert _panes(window) == before
