"""On a 1366×768 laptop, with the call panel open, the family file shows a whole family
of six without scrolling, and every household action with its whole label — in French
and in English, with the console's own style sheet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from console.db.engine import Database
from console.domain.vocabulary import Relationship
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from console.ui.window.payment_actions import install_payments
from console.ui.window.places_wiring import install_places
from console.ui.window.startup import install_language, install_style
from tests.helpers.builders import make_member
from tests.ui.families import Families

# The offscreen platform cannot resize a shown top-level widget to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LAPTOP = (1366, 768)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The language and the style sheet the console installs, removed afterwards."""
    locale, style = QLocale(), qapp.style().name()
    translators = install_language(qapp, request.param)
    install_style(qapp)
    yield request.param
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def laptop(
    qtbot: QtBot,
    language: str,
    tasks: TaskRunner,
    sqlite_db: Database,
    families: Families,
    ui_ctx: ServiceContext,
    qsettings: QSettings,
) -> MainWindow:
    """The window as ``console`` builds it, at 1366×768, the Côté family (grown to six
    members) open; the call panel is open, as it is during a call."""
    with sqlite_db.write() as session:
        for first, born in (("Noah", date(2012, 3, 4)), ("Léa", date(2014, 8, 9))):
            make_member(session, families.cote, first, "Côté", Relationship.CHILD, born)
        make_member(
            session,
            families.cote,
            "Monique",
            "Côté-Bergeron",
            Relationship.PARENT_OF_RESPONSIBLE,
            date(1955, 11, 30),
        )
    window = MainWindow(Workspace(tasks), qsettings)
    install_places(window)
    install_payments(window)
    qtbot.add_widget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.staff_loaded):
        window.attach_demo(EmbeddedDemo(ui_ctx))
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        window.open_household(families.cote)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert window.call_flow.dock.isVisible()
    assert (window.width(), window.height()) == LAPTOP
    return window


def test_a_family_of_six_shows_whole_beside_the_call_panel(laptop: MainWindow) -> None:
    panel = laptop.household_panel
    table = panel.members_table
    assert panel.members_model.rowCount() == 6
    rows = sum(table.rowHeight(row) for row in range(6))
    assert table.viewport().height() >= rows
    assert not table.verticalScrollBar().isVisible()


def test_every_action_label_stays_whole(laptop: MainWindow) -> None:
    panel = laptop.household_panel
    buttons = [b for b in panel.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert len(buttons) >= 4
    squeezed = [b.text() for b in buttons if b.sizeHint().width() > b.width()]
    assert squeezed == []
    # Nor cut by the edge of the panel (or hidden under a neighbour).
    cut = [b.text() for b in buttons if b.visibleRegion().boundingRect() != b.rect()]
    assert cut == []


def test_every_tab_title_shows_without_scrolling(laptop: MainWindow) -> None:
    bar = laptop.household_panel.tabs.tabBar()
    assert bar.sizeHint().width() <= bar.width()
    # When the titles fit, the bar hides its scroll arrows.
    assert not any(b.isVisible() for b in bar.findChildren(QAbstractButton))


def test_actions_that_do_not_fit_wait_under_plus_with_their_shortcuts(
    qtbot: QtBot, laptop: MainWindow
) -> None:
    panel = laptop.household_panel
    strip = panel.action_strip
    hidden = strip.overflow()
    assert strip.more_button.isVisible()
    assert hidden == strip.more_menu.actions()
    assert panel.refresh_action in hidden  # F5: the file refreshes itself anyway
    assert all(action.shortcuts() for action in hidden)
    laptop.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop)
    with qtbot.waitSignal(laptop.workspace.household_changed, timeout=5000):
        qtbot.keyClick(laptop, Qt.Key.Key_F5)


def test_a_wide_screen_shows_every_action(qtbot: QtBot, laptop: MainWindow) -> None:
    laptop.resize(1920, 1080)
    strip = laptop.household_panel.action_strip
    qtbot.waitUntil(lambda: not strip.more_button.isVisible())
    assert all(button.isVisible() for button in strip.buttons())
    assert strip.overflow() == []
