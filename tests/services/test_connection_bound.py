"""One server, a bounded number of database connections, and ``/health`` says how many.

The bound comes from the settings (``db_pool_size``, ``db_max_overflow``,
``db_lookup_pool_size``, ``db_lookup_max_overflow``): 20 in all by default, units of work
and lookups together, however many consoles and threads call at once. Past it, a unit of
work or a lookup waits for a connection up to the statement timeout, then is busy.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import bindparam, select, text
from sqlalchemy.engine import make_url

from console.bootstrap import configured_database
from console.config import Settings, load_settings
from console.db.engine import Database, PoolBounds
from console.db.models import Borough
from console.db.sin import SinCipher
from console.domain.errors import Busy
from console.server.app import create_app
from console.server.state import ServerState
from console.services.context import ServiceContext
from tests.helpers.secrets import TEST_SIN_KEY

GOAL = 20  # connections of one server, at most
THREADS = 40  # anyio's default thread pool: the requests a server works on at once
postgres_only = pytest.mark.parametrize("db", ["postgresql", "pgbouncer"], indirect=True)


def test_the_settings_bound_a_server_to_twenty_connections_by_default() -> None:
    settings = Settings(database_url="postgresql://server@db-host:6432/loisirs", embedded=False)
    database = configured_database(settings)  # no connection is opened yet
    assert database.pool_status()["max_connections"] == database.pool.most <= GOAL
    assert database.pool.most == (
        settings.db_pool_size
        + settings.db_max_overflow
        + settings.db_lookup_pool_size
        + settings.db_lookup_max_overflow
    )
    assert not database.pgbouncer
    database.dispose()


def test_the_settings_file_names_the_pooler_and_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'database_url = "postgresql://server@db-host:6432/loisirs"\n'
        "pgbouncer = true\n"
        "db_pool_size = 3\ndb_max_overflow = 4\n"
        "db_lookup_pool_size = 2\ndb_lookup_max_overflow = 1\n",
        encoding="utf-8",
    )
    settings = load_settings({"CONSOLE_SETTINGS": str(path)})
    database = configured_database(settings)
    assert database.pgbouncer
    assert database.pool == PoolBounds(size=3, overflow=4, lookups=2, lookup_overflow=1)
    assert database.pool_status()["max_connections"] == 10
    database.dispose()
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    assert load_settings({"CONSOLE_SETTINGS": str(empty), "CONSOLE_PGBOUNCER": "1"}).pgbouncer
    assert not load_settings({"CONSOLE_SETTINGS": str(empty)}).pgbouncer


@pytest.fixture
def server_db(db: Database) -> Iterator[Database]:
    """The run's database as a server with default settings opens it, named so that its
    connections can be counted in ``pg_stat_activity``."""
    url = make_url(db.url).update_query_dict({"application_name": f"bound-{uuid.uuid4().hex}"})
    settings = Settings(
        database_url=url.render_as_string(hide_password=False),
        embedded=False,
        pgbouncer=db.pgbouncer,
    )
    database = configured_database(settings)
    yield database
    database.dispose()


@postgres_only
def test_health_reports_the_bound_and_the_connections_open_now(server_db: Database) -> None:
    ctx = ServiceContext(db=server_db, sin_cipher=SinCipher(TEST_SIN_KEY))
    app = create_app(ServerState(ctx))

    async def health() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://server") as http:
            return await http.get("/health")

    answer = asyncio.run(health())
    assert answer.status_code == 200, answer.text
    pool = answer.json()["database"]["pool"]
    assert pool["max_connections"] <= GOAL
    assert pool["open"] == pool["checked_out"] + pool["idle"]
    assert pool["open"] >= 1  # the ping's connection, kept idle
    assert pool["checked_out"] == 0


def _backends(application_name: str) -> int:
    """Connections PostgreSQL has open for that application (direct connections only)."""
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres") as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            (application_name,),
        ).fetchone()
    return int(row[0]) if row else 0


@postgres_only
def test_forty_threads_at_once_never_open_more_than_the_bound(server_db: Database) -> None:
    with server_db.write() as session:
        session.add_all(
            [Borough(code="CL", name="La Cité-Limoilou"), Borough(code="BE", name="Beauport")]
        )
    bound = server_db.pool_status()["max_connections"]
    lookup = select(Borough.name).where(Borough.code == bindparam("code"))
    start = threading.Barrier(THREADS + 1)
    done = threading.Event()
    errors: list[BaseException] = []
    opened: list[int] = []

    def work() -> None:
        start.wait()
        try:
            for _ in range(5):
                assert server_db.fetch(lookup, {"code": "BE"}) == [("Beauport",)]
                with server_db.read() as session:
                    session.execute(text("SELECT pg_sleep(0.01)"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    def watch() -> None:
        while not done.is_set():
            opened.append(server_db.pool_status()["open"])
            time.sleep(0.002)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    watcher = threading.Thread(target=watch)
    for thread in threads:
        thread.start()
    watcher.start()
    start.wait()
    application_name = str(make_url(server_db.url).query["application_name"])
    in_postgres = []
    while any(thread.is_alive() for thread in threads):
        if not server_db.pgbouncer:  # through PgBouncer, PostgreSQL sees its connections
            in_postgres.append(_backends(application_name))
        time.sleep(0.02)
    done.set()
    watcher.join()
    assert errors == []
    assert bound <= GOAL
    assert max(opened) <= bound
    assert max(opened) > server_db.pool.size  # the threads did crowd the pool
    assert max(in_postgres, default=0) <= bound
    status = server_db.pool_status()
    assert status["checked_out"] == 0
    assert status["open"] == status["idle"] <= server_db.pool.size + server_db.pool.lookups


@postgres_only
def test_past_the_bound_a_lookup_or_a_unit_of_work_waits_then_is_busy(db: Database) -> None:
    small = Database(
        db.url,
        pool=PoolBounds(size=1, overflow=0, lookups=1, lookup_overflow=0),
        pgbouncer=db.pgbouncer,
        statement_timeout_ms=200,
    )
    statement = select(Borough.code)
    try:
        held = small._lookup_connection()  # the one lookup connection, in use
        began = time.monotonic()
        with pytest.raises(Busy):
            small.fetch(statement, {})
        assert time.monotonic() - began >= 0.2
        assert small.pool_status()["max_connections"] == 2
        small._lookup_done(held)
        assert small.fetch(statement, {}) == []  # its turn came
        with small.read() as session:  # the one unit-of-work connection, in use
            session.execute(text("SELECT 1"))
            with pytest.raises(Busy), small.read() as other:
                other.execute(text("SELECT 1"))
            assert small.pool_status()["open"] == 2
        with small.read() as session:
            session.execute(text("SELECT 1"))
    finally:
        small.dispose()
