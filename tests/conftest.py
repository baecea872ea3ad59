"""Shared fixtures: every database test runs on SQLite, on PostgreSQL and on PostgreSQL
through PgBouncer; the server tests (contract, server) share one ``console serve`` process
over HTTPS."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No administrator's file of this machine leaks into the tests (each test names its own).
os.environ["CONSOLE_SYSTEM_SETTINGS"] = ""

from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.services.context import ServiceContext
from tests.helpers.databases import (
    PG_ENV,
    PGBOUNCER_ENV,
    PostgresRun,
    fresh_sqlite,
    pg_base_url,
    pgbouncer_base_url,
    sqlite_template,
)
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import ServerProcess, TestCertificates

# Property tests check what is generated, never how fast: on a loaded two-core machine a
# slow draw or example is the machine, not the rule (a timing check made the run flaky).
settings.register_profile("console", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("console")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def _postgres_run() -> Iterator[PostgresRun | None]:
    base = pg_base_url()
    if base is None:
        yield None
        return
    run = PostgresRun(base)
    yield run
    run.drop()


@pytest.fixture(params=["sqlite", "postgresql", "pgbouncer"])
def db(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    _sqlite_template: Path,
    _postgres_run: PostgresRun | None,
) -> Iterator[Database]:
    """A migrated, empty database; the test runs once per dialect, and once more on
    PostgreSQL through PgBouncer in transaction pooling (``pgbouncer = true``)."""
    if request.param == "sqlite":
        database = fresh_sqlite(_sqlite_template, tmp_path / "test.sqlite3")
    else:
        if _postgres_run is None:
            pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test on PostgreSQL")
        if request.param == "pgbouncer":
            through = pgbouncer_base_url()
            if through is None:
                pytest.skip(
                    f"PgBouncer not configured: set {PGBOUNCER_ENV} to run this test"
                    " through PgBouncer"
                )
            database = _postgres_run.fresh(_postgres_run.url_through(through), pgbouncer=True)
        else:
            database = _postgres_run.fresh()
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def ctx(db: Database, clock: FixedClock) -> ServiceContext:
    return ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=clock)


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> TestCertificates:
    return TestCertificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def console_server(
    _postgres_run: PostgresRun | None,
    certificates: TestCertificates,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ServerProcess | None]:
    """One ``console serve`` (no jobs) on the run's PostgreSQL database; None without it."""
    if _postgres_run is None:
        yield None
        return
    server = ServerProcess(_postgres_run.url, tmp_path_factory.mktemp("server"), certificates)
    yield server
    server.stop()
