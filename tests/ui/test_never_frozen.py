"""Never frozen: during a scripted call on a large database, no SQL statement runs on the
GUI thread (every statement's thread is recorded: a proof, whatever the machine's load),
and the GUI thread never goes long without running its event loop.

The stall figure is printed; its bound is a gross-freeze guard (a query or a layout pass
on the GUI thread over a large file), not the 50 ms goal itself, which a loaded two-core
machine's scheduler alone can break: the statement check is what proves the rule."""

from __future__ import annotations

import gc
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from console.app import settle_interpreter
from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from tests.conftest import TEST_SIN_KEY
from tests.helpers.large_database import LargeDatabase, fill_large
from tests.helpers.stall_probe import StallProbe
from tests.ui.families import T0

HOUSEHOLDS = 5000
LONGEST_STALL_MS = 150  # a gross freeze; the goal is 50 ms (see the module's docstring)
KEY_INTERVAL_MS = 180  # a quick typist; longer than the search debounce, so every key searches


@pytest.fixture(scope="session")
def _large_template(
    tmp_path_factory: pytest.TempPathFactory, _sqlite_template: Path
) -> tuple[Path, LargeDatabase]:
    path = tmp_path_factory.mktemp("large") / "large.sqlite3"
    shutil.copyfile(_sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    try:
        built = fill_large(database, HOUSEHOLDS, T0)
    finally:
        database.dispose()
    return path, built


gui_statements: list[str] = []  # SQL run on the GUI thread (the main thread), if any


@pytest.fixture
def large_window(
    qtbot: QtBot,
    tasks: TaskRunner,
    qsettings: QSettings,
    tmp_path: Path,
    _large_template: tuple[Path, LargeDatabase],
) -> Iterator[tuple[MainWindow, LargeDatabase]]:
    template, built = _large_template
    path = tmp_path / "large.sqlite3"
    shutil.copyfile(template, path)
    database = Database(f"sqlite:///{path}")
    gui_statements.clear()

    def record(*_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            gui_statements.append(str(_args[2])[:80])

    event.listen(database.engine, "before_cursor_execute", record)
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(T0))
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.staff_loaded):
        window.attach_demo(EmbeddedDemo(ctx))
    switch_interval = sys.getswitchinterval()
    settle_interpreter()  # as run_gui does once the database is open
    yield window, built
    gc.unfreeze()
    sys.setswitchinterval(switch_interval)
    tasks.wait_idle()
    database.dispose()


@pytest.mark.slow
def test_the_gui_thread_never_stalls_during_a_call_on_a_large_database(
    qtbot: QtBot, large_window: tuple[MainWindow, LargeDatabase]
) -> None:
    window, built = large_window
    panel = window.search_panel
    workspace = window.workspace
    probe = StallProbe()
    probe.start()

    # The agent types the caller's name letter by letter: every pause runs a search.
    window.search_action.trigger()
    name = built.busiest_last_name.lower()
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        for letter in name:
            qtbot.keyClick(panel.box, letter)
            qtbot.wait(KEY_INTERVAL_MS)
    qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=10000)
    assert panel.model.rowCount() > 10

    # Opens the first household with Enter, then the busiest one from its number.
    with qtbot.waitSignal(workspace.household_changed, timeout=10000):
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    with qtbot.waitSignal(workspace.household_changed, timeout=10000):
        window.open_household(built.busiest_household_id)
    assert workspace.household is not None
    assert workspace.household.household_id == built.busiest_household_id

    # Reads each section of the family file, then refreshes it.
    for index in range(window.household_panel.tabs.count()):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(60)
    with qtbot.waitSignal(workspace.household_changed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait(50)
    probe.stop()

    print(f"\nlongest GUI-thread stall: {probe.longest_ms:.1f} ms over {probe.ticks} ticks")
    print(f"worst gaps (ms): {[round(g, 1) for g in probe.worst()]}")
    assert probe.ticks > 200
    assert gui_statements == [], "SQL on the GUI thread"
    assert probe.longest_ms < LONGEST_STALL_MS
