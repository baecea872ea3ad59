"""Reads have a statement timeout (PostgreSQL): a caller search behind a long lock (a
daytime migration, say) answers "busy, try again" within a few seconds instead of
blocking the worker; every setting is made per transaction, never per session (the
database may sit behind PgBouncer in transaction pooling)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from console.db.engine import Database
from console.db.models import Household
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.errors import Busy, Unavailable
from console.services.context import ServiceContext
from console.services.search import search_callers
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.place_data import make_family

TIMEOUT_MS = 300


@pytest.fixture
def pg(_postgres_run: PostgresRun | None) -> Iterator[tuple[Database, Database]]:
    """The run's database, and a second handle on it with a short statement timeout."""
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test")
    db = _postgres_run.fresh()
    quick = Database(_postgres_run.url, statement_timeout_ms=TIMEOUT_MS)
    yield db, quick
    quick.dispose()
    db.dispose()


def _ctx(db: Database) -> ServiceContext:
    return ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock())


def test_a_search_behind_a_table_lock_is_busy_within_the_timeout(pg):
    db, quick = pg
    family = make_family(_ctx(db), children=0)
    query = str(family.number)
    assert search_callers(_ctx(quick), query).hits  # the lookup connection is open
    with db.engine.connect() as migration:
        migration.execute(text("LOCK TABLE household IN ACCESS EXCLUSIVE MODE"))
        for _ in range(2):  # the connection stays usable after a cancelled statement
            started = time.monotonic()
            with pytest.raises(Busy) as busy:
                search_callers(_ctx(quick), query)
            assert busy.value.code == "database_busy"
            assert time.monotonic() - started < 2
        migration.rollback()
    assert [h.household_id for h in search_callers(_ctx(quick), query).hits] == [
        family.household_id
    ]
    assert quick.pool_status()["idle_lookups"] == 1  # kept, not reconnected


def test_a_read_behind_a_table_lock_is_busy_within_the_timeout(pg):
    db, quick = pg
    with db.engine.connect() as migration:
        migration.execute(text("LOCK TABLE household IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        with pytest.raises(Busy), quick.read() as session:
            session.scalar(select(func.count()).select_from(Household))
        assert time.monotonic() - started < 2
        migration.rollback()
    with quick.read() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 0


def test_the_timeout_and_the_plan_setting_last_one_transaction_only(pg):
    _db, quick = pg
    settings = select(
        func.current_setting("statement_timeout"), func.current_setting("plan_cache_mode")
    )
    assert quick.fetch(settings, {}) == [(f"{TIMEOUT_MS}ms", "force_generic_plan")]
    with quick.read() as session:
        assert session.scalar(text("SHOW statement_timeout")) == f"{TIMEOUT_MS}ms"
    # Nothing stays on the connection (PgBouncer hands it to someone else next), and
    # nothing is asked of it at startup (PgBouncer refuses startup options).
    driver = quick._idle_lookups[-1].connection.dbapi_connection
    assert driver is not None
    assert driver.execute("SHOW statement_timeout").fetchone() == ("0",)
    assert driver.execute("SHOW plan_cache_mode").fetchone() == ("auto",)
    assert "options" not in driver.info.get_parameters()
    with quick.engine.connect() as connection:
        assert connection.execute(text("SHOW statement_timeout")).scalar() == "0"


def test_a_lookup_connection_that_fails_is_unavailable_not_a_driver_error(pg):
    _db, quick = pg
    assert quick.fetch(select(func.pg_backend_pid()), {})
    pid = quick.fetch(select(func.pg_backend_pid()), {})[0][0]
    with quick.engine.connect() as other:
        other.execute(select(func.pg_terminate_backend(pid)))
    with pytest.raises(Unavailable) as lost:
        search_callers(_ctx(quick), "Tremblay")
    assert lost.value.code == "database_unavailable"
    assert search_callers(_ctx(quick), "Tremblay").hits == ()  # the next one reconnects
