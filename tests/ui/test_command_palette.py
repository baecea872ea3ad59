"""The command palette (Ctrl+Shift+K) lists every action of the window, finds one from a
few letters of its words (accents or not, French or English) and runs only the one
highlighted; the F1 sheet lists a shortcut for each of the same actions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.window.command_palette import CommandPalette, plain
from console.ui.window.main_window import MainWindow
from console.ui.window.shortcuts import shortcut_rows
from tests.ui.console_window import ConsoleWindow, language_installed
from tests.ui.families import Families

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with language_installed(qapp, request.param) as language:
        yield language


@pytest.fixture
def console(
    qtbot: QtBot,
    language: str,
    tasks: TaskRunner,
    ui_ctx: ServiceContext,
    families: Families,
    qsettings: QSettings,
) -> ConsoleWindow:
    console = ConsoleWindow(qtbot, tasks, ui_ctx, qsettings)
    console.show(1366, 768)
    console.open_household(families.cote)
    return console


def _every_action(window: MainWindow) -> list[QAction]:
    """Read here without the palette's own helper: each action with a text, bar the
    menus' titles, separators and the toolbar's show/hide switch."""
    toggle = window.findChild(QToolBar, "staffToolbar").toggleViewAction()
    return [
        a
        for a in window.findChildren(QAction)
        if a.text() and not a.isSeparator() and not isinstance(a.menu(), QMenu) and a is not toggle
    ]


def _palette(qtbot: QtBot, window: MainWindow) -> CommandPalette:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.command_palette.palette is not None)
    palette = window.command_palette.palette
    assert palette is not None and palette.isVisible()
    return palette


def test_the_palette_lists_every_enabled_action(qtbot: QtBot, console: ConsoleWindow) -> None:
    window = console.window
    palette = _palette(qtbot, window)
    listed = {id(a) for a in palette.listed}
    missing = [
        plain(a.text())
        for a in _every_action(window)
        if a.isEnabled() and a.isVisible() and id(a) not in listed
    ]
    assert missing == []
    assert len(listed) >= 30
    # Household actions, call actions and menu entries alike.
    for action in (
        window.call_flow.end_call_action,
        console.payments.receipt_action,
        console.places.register_action,
        window.household_panel.refresh_action,
        window.search_action,
    ):
        assert id(action) in listed, action.text()
    palette.reject()


def test_every_action_has_a_shortcut_in_the_sheet(console: ConsoleWindow) -> None:
    window = console.window
    rows = {(r.action, r.keys) for r in shortcut_rows(window)}
    native = QKeySequence.SequenceFormat.NativeText
    without = []
    for action in _every_action(window):
        keys = ", ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty())
        if not keys or (plain(action.text()), keys) not in rows:
            without.append(plain(action.text()))
    assert without == []


FRAGMENTS = {
    "fr": [("ecr note", "call_flow.note_action"), ("term app", "call_flow.end_call_action")],
    "en": [("write no", "call_flow.note_action"), ("end cal", "call_flow.end_call_action")],
}


def _named(window: MainWindow, name: str) -> QAction:
    owner: object = window
    for part in name.split("."):
        owner = getattr(owner, part)
    assert isinstance(owner, QAction)
    return owner


def test_a_few_letters_find_the_action_accents_or_not(
    qtbot: QtBot, console: ConsoleWindow, language: str
) -> None:
    window = console.window
    for typed, name in FRAGMENTS[language]:
        palette = _palette(qtbot, window)
        qtbot.keyClicks(palette.box, typed)
        assert palette.current_action() is _named(window, name), typed
        assert len(palette.visible_actions()) < len(palette.listed)
        palette.reject()
        qtbot.waitUntil(lambda: window.command_palette.palette is None)


def test_enter_runs_only_the_highlighted_action(qtbot: QtBot, console: ConsoleWindow) -> None:
    window = console.window
    palette = _palette(qtbot, window)
    fired: list[str] = []
    for action in _every_action(window):
        action.triggered.connect(lambda _c=False, a=action: fired.append(a.text()))
    qtbot.keyClicks(palette.box, plain(window.call_flow.note_action.text()))
    chosen = palette.current_action()
    assert chosen is window.call_flow.note_action
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fired != [])
    assert fired == [chosen.text()]
    assert window.command_palette.palette is None  # closed before the action ran
    assert window.focusWidget() is window.call_flow.panel.note_edit


def test_arrows_move_the_highlight_and_nothing_runs_without_a_match(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    window = console.window
    palette = _palette(qtbot, window)
    first = palette.current_action()
    qtbot.keyClick(palette.box, Qt.Key.Key_Down)
    assert palette.current_action() is not first
    qtbot.keyClicks(palette.box, "zzzqqq")
    assert palette.visible_actions() == [] and palette.current_action() is None
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    assert palette.isVisible() and palette.chosen is None
    palette.reject()
