"""Aide → Cas de démonstration… and the demo's tools in the embedded demo: the cases list
puts a case's identifier in the search box without changing anything, and the demo's
sweeper keeps the cases alive past their deadlines on a freshly built demo."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.db.models import AuditEntry, Cart
from console.db.seed import seed_database
from console.db.seed.cases import CASES
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.vocabulary import CartState
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.demo_cases import DemoCases, DemoCasesDialog, install_demo_cases
from console.ui.window.demo_data import install_demo_data
from console.ui.window.demo_simulation import install_demo_simulation
from console.ui.window.main_window import MainWindow
from console.ui.window.sweeper import Sweeper
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import fresh_sqlite
from tests.ui.call_helpers import staff_named

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

BUILT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo_ctx(tmp_path: Path, _sqlite_template: Path) -> Iterator[ServiceContext]:
    """A freshly built demo (the seed's ``demo`` scale), on a clock the test moves."""
    db = fresh_sqlite(_sqlite_template, tmp_path / "demo.sqlite3")
    cipher = SinCipher(TEST_SIN_KEY)
    seed_database(db, cipher, scale="demo", seed=1, now=BUILT)
    yield ServiceContext(db=db, sin_cipher=cipher, clock=FixedClock(BUILT))
    db.dispose()


@pytest.fixture
def demo_window(
    qtbot: QtBot, tasks: TaskRunner, demo_ctx: ServiceContext, qsettings: QSettings
) -> MainWindow:
    main = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(main)
    install_demo_data(main, main.workspace, lambda *_a: demo_ctx, lambda _c: None)  # kept by no one
    install_demo_simulation(main, main.workspace)
    install_demo_cases(main, main.workspace)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.staff_loaded):
        main.attach_demo(EmbeddedDemo(demo_ctx))
    gc.collect()  # as app.py does once started: what nobody keeps must not take its menu
    return main


def _menu(window: MainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == title:
            return menu
    raise AssertionError(f"no menu {title}")


def _entries(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if a.isVisible() and a.text()]


def _journal(ctx: ServiceContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count(AuditEntry.id))) or 0)


def test_the_demo_menus_carry_their_entries(demo_window: MainWindow) -> None:
    """The titles the README names, in the embedded demo."""
    assert "Données de démonstration…" in _entries(_menu(demo_window, "Fichier"))
    assert "Simuler le site public" in _entries(_menu(demo_window, "Fichier"))
    assert "Cas de démonstration…" in _entries(_menu(demo_window, "Aide"))


def test_a_case_goes_into_the_search_box_and_changes_nothing(
    qtbot: QtBot, demo_window: MainWindow, demo_ctx: ServiceContext
) -> None:
    before = _journal(demo_ctx)
    cases = demo_window.findChild(DemoCases)
    cases.show_cases()
    dialog = cases.dialog
    assert isinstance(dialog, DemoCasesDialog)
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == len(CASES)
    assert [dialog.table.item(r, 0).text() for r in range(len(CASES))] == [c.faq for c in CASES]
    f2 = next(i for i, c in enumerate(CASES) if c.faq == "F2")
    dialog.table.setFocus()
    for _ in range(f2):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    box = demo_window.search_panel.box
    assert box.text() == CASES[f2].identifier
    qtbot.waitUntil(lambda: demo_window.search_panel.model.rowCount() >= 1)
    hit = demo_window.search_panel.model.row(0)
    assert hit.household_number == CASES[f2].household_number
    assert _journal(demo_ctx) == before


def test_the_entry_is_hidden_outside_the_demo(
    demo_window: MainWindow, demo_ctx: ServiceContext
) -> None:
    cases = demo_window.findChild(DemoCases)
    assert cases.action.isVisible()
    agent = staff_named(demo_ctx, "Aïssatou Diallo")
    demo_window.workspace.set_api(InProcessApi(demo_ctx, agent), demo=None)
    assert not cases.action.isVisible()


def _case_carts(ctx: ServiceContext) -> set[tuple[int, str]]:
    numbers = [c.household_number for c in CASES if c.faq in ("F7", "F11")]
    with ctx.db.read() as session:
        rows = session.execute(
            select(Cart.owner_number, Cart.state).where(
                Cart.owner_number.in_(numbers),
                Cart.state.in_((CartState.OPEN.value, CartState.CHECKOUT.value)),
            )
        ).all()
    return {(n, s) for n, s in rows}


def test_the_demo_sweeper_keeps_the_cases_past_their_deadlines(
    qtbot: QtBot, tasks: TaskRunner, demo_ctx: ServiceContext
) -> None:
    """The sweeper (as the demo opens and every minute) re-anchors the cases, then
    sweeps: past every deadline the F7 and F11 carts are still open and locked, while a
    stranger's open cart lapses."""
    expected = {(100_002, "open"), (100_003, "checkout")}
    assert _case_carts(demo_ctx) == expected
    with demo_ctx.db.read() as session:
        stranger = session.scalars(
            select(Cart.id).where(Cart.state == "open", Cart.owner_number > 100_010).limit(1)
        ).one()
    clock = demo_ctx.clock
    assert isinstance(clock, FixedClock)
    clock.advance(timedelta(hours=3))
    sweeper = Sweeper(tasks, EmbeddedDemo(demo_ctx))
    sweeper.run()
    qtbot.waitUntil(lambda: sweeper.last is not None or sweeper.last_error is not None)
    assert sweeper.last_error is None
    assert _case_carts(demo_ctx) == expected
    with demo_ctx.db.read() as session:
        assert session.scalar(select(Cart.state).where(Cart.id == stranger)) == "lapsed"
