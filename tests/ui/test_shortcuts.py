"""The cheat sheet lists every shortcut of the window, read from the actions themselves."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.ui.window.demo_data import install_demo_data
from console.ui.window.demo_simulation import install_demo_simulation
from console.ui.window.main_window import MainWindow
from console.ui.window.payment_actions import install_payments
from console.ui.window.places_wiring import install_places
from console.ui.window.shortcuts import ShortcutsDialog, shortcut_rows

# The offscreen platform cannot resize a shown top-level widget to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _press(qtbot: QtBot, window: MainWindow, shortcut: str) -> None:
    combination = QKeySequence(shortcut)[0]
    qtbot.keyClick(
        QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers()
    )


def test_f1_opens_the_cheat_sheet(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_panel.box.setFocus()
    _press(qtbot, window, "F1")
    qtbot.waitUntil(lambda: window.call_flow.shortcuts_dialog is not None)
    dialog = window.call_flow.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_the_sheet_lists_the_call_and_search_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    rows = {(r.action, r.keys) for r in shortcut_rows(window)}
    assert ("Terminer l'appel", "Ctrl+Shift+E") in rows
    assert ("Nouvel appel", "Ctrl+N") in rows
    assert ("Rechercher la personne qui appelle", "Ctrl+K, F3, Ctrl+F") in rows
    assert ("Raccourcis clavier", "F1, Ctrl+?") in rows
    assert ("Actualiser", "F5") in rows


def test_a_new_action_appears_without_touching_the_sheet(qtbot: QtBot, window: MainWindow) -> None:
    action = QAction("Réimprimer le reçu", window)
    action.setShortcut(QKeySequence("Ctrl+Alt+P"))
    window.addAction(action)
    dialog = ShortcutsDialog(window)
    qtbot.add_widget(dialog)
    assert "Réimprimer le reçu" in [r.action for r in dialog.rows]


def test_the_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.filter, "appel")
    visible = dialog.visible_actions()
    assert "Terminer l'appel" in visible
    assert "Quitter" not in visible


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    # Every action the real console adds (app.run_gui), not only the window's own: two of
    # them once shared Ctrl+Shift+R and two Ctrl+Shift+L, and then neither fired.
    install_places(window)
    install_payments(window)
    install_demo_data(window, window.workspace, _no_rebuild, lambda _ctx: None)
    install_demo_simulation(window, window.workspace)
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            if key in seen and seen[key] != action.text():
                raise AssertionError(f"{key}: {seen[key]!r} and {action.text()!r}")
            seen[key] = action.text()


def test_every_call_action_has_a_shortcut(window: MainWindow) -> None:
    flow = window.call_flow
    for action in (
        flow.new_call_action,
        flow.end_call_action,
        flow.reason_action,
        flow.note_action,
        flow.language_action,
        flow.notice_action,
        flow.dock_action,
        flow.shortcuts_action,
    ):
        assert action.shortcuts(), action.text()


def _no_rebuild(*_args: object) -> object:
    raise AssertionError("not rebuilt in this test")
