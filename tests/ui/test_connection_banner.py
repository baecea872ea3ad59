"""When the database drops: a banner, reconnection by itself, nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.errors import Unavailable
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.services.households import HouseholdView
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.connection_banner import ConnectionMonitor
from console.ui.window.main_window import MainWindow
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.outages import postgres_outage, sqlite_file_moved
from tests.ui.families import T0, Families, insert_families

BANNER = "Connexion à la base de données perdue — reconnexion…"


def _quick(monitor: ConnectionMonitor) -> None:
    monitor.set_heartbeat_interval(50)
    monitor.first_retry_ms = 50
    monitor.max_retry_ms = 200


def _mid_call(qtbot: QtBot, window: MainWindow, household_id: int) -> None:
    """The agent has a household open and has typed something in the search box."""
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        window.open_household(household_id)
    window.search_panel.box.setText("Hélène Cô")


def _lost_then_restored(
    qtbot: QtBot, window: MainWindow, household_id: int, outage: AbstractContextManager[None]
) -> None:
    monitor = window.connection
    banner = monitor.banner
    reloaded: list[HouseholdView | None] = []
    with outage:
        qtbot.waitUntil(lambda: monitor.down, timeout=10000)
        assert banner.isVisible()
        assert banner.text.text() == BANNER
        window.workspace.household_changed.connect(reloaded.append)
        # The agent keeps typing while the database is away.
        qtbot.keyClicks(window.search_panel.box, "t")
        qtbot.wait(300)  # a few failed reconnection attempts, with back-off
        assert banner.isVisible()
        assert reloaded == []
    qtbot.waitUntil(lambda: not monitor.down and bool(reloaded), timeout=15000)
    assert not banner.isVisible()
    view = reloaded[-1]
    assert view is not None and view.household_id == household_id
    assert window.search_panel.box.text() == "Hélène Côt"
    assert window.household_panel.view is not None


def test_a_moved_sqlite_file_shows_the_banner_until_it_is_back(
    qtbot: QtBot, window: MainWindow, ui_ctx: ServiceContext, families: Families
) -> None:
    _quick(window.connection)
    _mid_call(qtbot, window, families.cote)
    path = Path(str(ui_ctx.db.engine.url.database))
    _lost_then_restored(qtbot, window, families.cote, sqlite_file_moved(path))


def test_an_outage_reported_by_any_task_shows_the_banner(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    monitor = window.connection
    monitor.first_retry_ms = 50
    with qtbot.waitSignal(monitor.lost, timeout=2000):
        window.workspace.tasks.run(_raise_outage, lambda _r: None, window.workspace.report)
    with qtbot.waitSignal(monitor.restored, timeout=5000):
        pass  # the database never left: the first retry finds it
    assert not monitor.banner.isVisible()
    # The outage sentence in the message bar goes with the banner.
    assert not window.message_bar.isVisible()


def test_other_errors_do_not_show_the_banner(qtbot: QtBot, window: MainWindow) -> None:
    failures: list[BaseException] = []
    window.workspace.tasks.run(_raise_gateway_down, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert not window.connection.banner.isVisible()


def _raise_outage() -> None:
    raise Unavailable("database_unavailable", detail="server closed the connection")


def _raise_gateway_down() -> None:
    raise Unavailable("gateway_unavailable")


@pytest.fixture
def pg_window(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, _postgres_run: PostgresRun | None
) -> Iterator[tuple[MainWindow, Families, PostgresRun]]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV}")
    database = _postgres_run.fresh()
    families = insert_families(database)
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(T0))
    main = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.staff_loaded):
        main.attach_demo(EmbeddedDemo(ctx))
    yield main, families, _postgres_run
    tasks.wait_idle()
    database.dispose()


def test_terminated_postgres_connections_show_the_banner_until_it_lets_us_back(
    qtbot: QtBot, pg_window: tuple[MainWindow, Families, PostgresRun]
) -> None:
    window, families, run = pg_window
    _quick(window.connection)
    _mid_call(qtbot, window, families.cote)
    outage = postgres_outage(run.admin_url, run.name)
    _lost_then_restored(qtbot, window, families.cote, outage)
