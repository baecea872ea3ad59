"""Through PgBouncer in transaction pooling (``pgbouncer = true`` in the server's settings).

PgBouncer hands each transaction whichever server connection is free, so nothing may
outlive a transaction on one: no prepared statement, no session setting, no startup
option. Every service test runs through it as well (the ``pgbouncer`` database); these are
the proofs aimed at what transaction pooling breaks.

psycopg prepares a statement once it has run five times on a connection. The two-sided
proof: a lookup (and a write) run six times, then another client holds the server
connection they ran on (PgBouncer gives out the one freed last), and the next one runs on
another server connection. With ``pgbouncer = true`` it answers; without it, the prepared
statement is missing there — proof that the test can fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import Integer, bindparam, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from console.db.engine import Database
from console.db.models import Borough
from console.domain.errors import Busy
from tests.helpers.databases import (
    PG_ENV,
    PGBOUNCER_ENV,
    PostgresRun,
    pgbouncer_base_url,
)

RUNS_BEFORE_PREPARED = 6  # psycopg's prepare_threshold is 5
NUMBER = select(bindparam("n", type_=Integer))


@dataclass(frozen=True)
class Bouncer:
    """A database of its own, reached through PgBouncer: a pool no other test touches."""

    url: str  # SQLAlchemy's, for Database
    libpq_url: str  # psycopg's, for another client
    direct_libpq_url: str  # the same database, PostgreSQL's own address


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _through_pgbouncer() -> str:
    through = pgbouncer_base_url()
    if through is None:
        pytest.skip(f"PgBouncer not configured: set {PGBOUNCER_ENV} to run this test")
    return through


@pytest.fixture
def bouncer(_postgres_run: PostgresRun | None) -> Iterator[Bouncer]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test on PostgreSQL")
    through = make_url(_through_pgbouncer())
    name = f"{_postgres_run.name}_bouncer"
    admin = create_engine(_postgres_run.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = through.set(drivername="postgresql+psycopg", database=name)
    direct = _postgres_run.admin_url.set(database=name)
    try:
        yield Bouncer(
            url=url.render_as_string(hide_password=False),
            libpq_url=_libpq(url.render_as_string(hide_password=False)),
            direct_libpq_url=_libpq(direct.render_as_string(hide_password=False)),
        )
    finally:
        with admin.connect() as conn:  # PgBouncer's server connections go with it
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def _server_connection_taken(libpq_url: str) -> Iterator[None]:
    """Another client inside a transaction: it holds the server connection freed last."""
    with psycopg.connect(libpq_url) as other:
        other.execute("SELECT 1")
        yield


def _lookup_after_a_change_of_server_connection(bouncer: Bouncer, *, pgbouncer: bool) -> int:
    database = Database(bouncer.url, pgbouncer=pgbouncer)
    try:
        for n in range(RUNS_BEFORE_PREPARED):
            assert database.fetch(NUMBER, {"n": n}) == [(n,)]
        with _server_connection_taken(bouncer.libpq_url):
            rows = database.fetch(NUMBER, {"n": 42})
        return int(rows[0][0])
    finally:
        database.dispose()


def _write_after_a_change_of_server_connection(bouncer: Bouncer, *, pgbouncer: bool) -> int:
    database = Database(bouncer.url, pgbouncer=pgbouncer)
    try:
        # A write commits, and psycopg keeps what it prepared past a commit (not a rollback).
        for n in range(RUNS_BEFORE_PREPARED):
            with database.write() as session:
                session.execute(text("SELECT :n"), {"n": n})
        with _server_connection_taken(bouncer.libpq_url), database.write() as session:
            return int(session.execute(text("SELECT :n"), {"n": 42}).scalar_one())
    finally:
        database.dispose()


def test_a_lookup_through_pgbouncer_answers_on_any_server_connection(bouncer: Bouncer) -> None:
    assert _lookup_after_a_change_of_server_connection(bouncer, pgbouncer=True) == 42


def test_without_the_setting_a_lookup_meets_a_statement_prepared_elsewhere(
    bouncer: Bouncer,
) -> None:
    with pytest.raises(DBAPIError, match="prepared statement"):
        _lookup_after_a_change_of_server_connection(bouncer, pgbouncer=False)


def test_a_write_through_pgbouncer_answers_on_any_server_connection(bouncer: Bouncer) -> None:
    assert _write_after_a_change_of_server_connection(bouncer, pgbouncer=True) == 42


def test_without_the_setting_a_write_meets_a_statement_prepared_elsewhere(
    bouncer: Bouncer,
) -> None:
    with pytest.raises(Exception, match="prepared statement"):
        _write_after_a_change_of_server_connection(bouncer, pgbouncer=False)


def _session_settings(libpq_url: str) -> tuple[str, str, str]:
    """What a plain transaction finds set, on the server connection freed last."""
    with psycopg.connect(libpq_url) as other:
        row = other.execute(
            "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'),"
            " current_setting('plan_cache_mode')"
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def test_every_setting_ends_with_its_transaction(bouncer: Bouncer) -> None:
    defaults = _session_settings(bouncer.direct_libpq_url)
    database = Database(bouncer.url, pgbouncer=True, statement_timeout_ms=1234)
    try:
        database.fetch(NUMBER, {"n": 1})  # set_config(…, true): the lookup's own
        assert _session_settings(bouncer.libpq_url) == defaults
        with database.read() as session:  # SET LOCAL statement_timeout
            session.execute(text("SELECT 1"))
        assert _session_settings(bouncer.libpq_url) == defaults
        with database.write() as session:  # SET LOCAL lock_timeout
            session.execute(text("SELECT 1"))
        assert _session_settings(bouncer.libpq_url) == defaults
        database.write_one(NUMBER, {"n": 1})  # a one-trip write's lock timeout
        assert _session_settings(bouncer.libpq_url) == defaults
    finally:
        database.dispose()


def test_this_pgbouncer_refuses_startup_options_as_production_does(bouncer: Bouncer) -> None:
    # So the service tests through it prove the console sends none.
    with pytest.raises(psycopg.OperationalError, match="unsupported startup parameter"):
        psycopg.connect(bouncer.libpq_url, options="-c plan_cache_mode=force_generic_plan")


@pytest.mark.parametrize("db", ["pgbouncer"], indirect=True)
def test_a_lookup_or_a_read_behind_a_lock_is_busy_through_pgbouncer(db: Database) -> None:
    quick = Database(db.url, pgbouncer=True, statement_timeout_ms=300)
    statement = select(Borough.code)
    try:
        assert quick.fetch(statement, {}) == []
        with db.engine.connect() as migration:  # through PgBouncer too: one transaction
            migration.execute(text("LOCK TABLE borough IN ACCESS EXCLUSIVE MODE"))
            for _ in range(2):  # the connections stay usable after a cancelled statement
                with pytest.raises(Busy):
                    quick.fetch(statement, {})
                with pytest.raises(Busy), quick.read() as session:
                    session.execute(statement)
            migration.rollback()
        assert quick.fetch(statement, {}) == []
        with quick.read() as session:
            assert session.execute(statement).all() == []
    finally:
        quick.dispose()
