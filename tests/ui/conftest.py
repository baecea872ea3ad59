"""UI fixtures: the window driven against a real, migrated SQLite database.

The screens are the same on both dialects, so the UI tests run on SQLite only; the
services below them are tested on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import fresh_sqlite
from tests.ui.families import T0, Families, insert_families


@pytest.fixture
def sqlite_db(tmp_path: Path, _sqlite_template: Path) -> Iterator[Database]:
    database = fresh_sqlite(_sqlite_template, tmp_path / "ui.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def families(sqlite_db: Database) -> Families:
    return insert_families(sqlite_db)


@pytest.fixture
def ui_ctx(sqlite_db: Database, families: Families) -> ServiceContext:
    return ServiceContext(db=sqlite_db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(T0))


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qtbot: QtBot, tasks: TaskRunner, ui_ctx: ServiceContext, qsettings: QSettings
) -> MainWindow:
    """The main window on the embedded demo's services, the first agent picked."""
    workspace = Workspace(tasks)
    main = MainWindow(workspace, qsettings)
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.staff_loaded):
        main.attach_demo(EmbeddedDemo(ui_ctx))
    return main
