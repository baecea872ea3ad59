"""Alt+letter is unique wherever it works: among the menu bar's titles and the labels and
buttons on screen with them, within each menu, and within each dialog — in French and in
English (the English translations carry their own & letters)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from tests.ui.console_window import ConsoleWindow, language_installed
from tests.ui.families import Families

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def mnemonic(text: str) -> str | None:
    """The letter after a single &, if any (&& is a plain ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return None


def clashes(texts: Iterable[str]) -> list[str]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            by_letter[letter].append(text)
    return [f"{k}: {' / '.join(v)}" for k, v in sorted(by_letter.items()) if len(v) > 1]


def on_screen(widget: QWidget) -> list[str]:
    """The Alt+letter texts the widget's window answers to now: visible buttons, labels
    with a buddy, checkable group boxes and tab titles."""
    texts: list[str] = []
    for button in widget.findChildren(QAbstractButton):
        if button.isVisible() and button.window() is widget.window():
            texts.append(button.text())
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None and label.window() is widget.window():
            texts.append(label.text())
    for box in widget.findChildren(QGroupBox):
        if box.isVisible() and box.window() is widget.window():
            texts.append(box.title())
    return texts


def menus(widget: QWidget) -> list[QMenu]:
    return [m for m in widget.findChildren(QMenu)]


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
    console.show(1920, 1080)
    console.open_household(families.cote)
    return console


def test_the_menu_bar_and_the_window_have_one_action_per_letter(console: ConsoleWindow) -> None:
    window = console.window
    bar = [a.text() for a in window.menuBar().actions()]
    assert clashes(bar) == []
    panel = window.household_panel
    found: list[str] = []
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        found += [f"[{panel.tabs.tabText(tab)}] {c}" for c in clashes(bar + on_screen(window))]
    assert found == [], "\n".join(found)


def test_each_menu_has_one_action_per_letter(console: ConsoleWindow) -> None:
    window = console.window
    found = [f"{m.title()} — {c}" for m in menus(window) for c in clashes(_texts(m.actions()))]
    # The household actions: any of them may go under « Plus » beside any other.
    strip = window.household_panel.action_strip
    found += [f"Plus — {c}" for c in clashes(_texts(b.defaultAction() for b in strip.buttons()))]
    assert found == [], "\n".join(found)


def _texts(actions: Iterable[QAction | None]) -> list[str]:
    return [a.text() for a in actions if a is not None and not a.isSeparator()]


def test_each_dialog_has_one_action_per_letter(console: ConsoleWindow, families: Families) -> None:
    found: list[str] = []
    seen = 0
    for name, dialog in console.dialogs(families):
        seen += 1
        found += [f"{name} — {c}" for c in clashes(on_screen(dialog))]
        for menu in menus(dialog):
            found += [f"{name} / {menu.title()} — {c}" for c in clashes(_texts(menu.actions()))]
    assert seen >= 12
    assert found == [], "\n".join(found)


def test_the_check_finds_a_clash() -> None:
    assert clashes(["&Dossier", "Ai&de", "&Fichier", "&&Rien"]) == ["d: &Dossier / Ai&de"]
