"""Engines, sessions and transactions for each dialect.

Writes that take or free a place lock the activity row: on PostgreSQL with
``SELECT … FOR UPDATE`` under a short ``lock_timeout``; on SQLite every write
transaction starts with ``BEGIN IMMEDIATE`` so only one writer runs at a time.
A lock wait past the timeout becomes :class:`Busy`, never a frozen console.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.errors import Busy, Unavailable

PG_LOCK_NOT_AVAILABLE = "55P03"
PG_DEADLOCK = "40P01"
PG_SERIALIZATION = "40001"


def _sqlite_engine(url: str, *, immediate: bool, busy_ms: int) -> Engine:
    engine = create_engine(
        url, connect_args={"timeout": busy_ms / 1000, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if ":memory:" not in url and url != "sqlite://":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """One database, with a unit of work for reads and one for writes."""

    def __init__(self, url: str, *, lock_timeout_ms: int = 3000, echo: bool = False) -> None:
        if url.startswith("postgresql://"):  # the psycopg 3 driver, whatever the URL says
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        self.url = url
        self.lock_timeout_ms = lock_timeout_ms
        if url.startswith("sqlite"):
            self.dialect = "sqlite"
            self.engine = _sqlite_engine(url, immediate=False, busy_ms=lock_timeout_ms)
            self._write_engine = _sqlite_engine(url, immediate=True, busy_ms=lock_timeout_ms)
        else:
            self.dialect = "postgresql"
            # No pre-ping: it costs a round trip on every checkout. A dropped connection
            # fails its operation once (Unavailable), and SQLAlchemy then discards the
            # whole pool, so the retry connects afresh.
            self.engine = create_engine(url, echo=echo, pool_size=5, max_overflow=10)
            self._write_engine = self.engine
            # Single-statement lookups: connections that stay in autocommit, so a lookup is
            # one round trip with no isolation switch on checkout and return.
            self._query_engine = create_engine(
                url, echo=echo, pool_size=2, max_overflow=6, isolation_level="AUTOCOMMIT"
            )
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        # Test-only hook: the concurrency tests switch row locking off to show the race.
        self.row_locking = True

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _translated_errors(), self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def query(self) -> Iterator[Connection]:
        """One read-only statement, no transaction around it (one round trip on PostgreSQL).

        For single-statement lookups such as caller search; anything that reads several
        statements and needs them consistent uses :meth:`read`.
        """
        with _translated_errors():
            if self.dialect == "postgresql":
                with self._query_engine.connect() as connection:
                    yield connection
            else:
                with self.engine.connect() as connection:
                    try:
                        yield connection
                    finally:
                        connection.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends, or leaves nothing behind."""
        with _translated_errors(), self._write() as session, session.begin():
            if self.dialect == "postgresql":
                session.execute(text(f"SET LOCAL lock_timeout = {int(self.lock_timeout_ms)}"))
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.dialect == "postgresql":
            self._query_engine.dispose()
        if self._write_engine is not self.engine:
            self._write_engine.dispose()


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        if _is_lock_timeout(exc):
            raise Busy("database_busy") from exc
        raise Unavailable("database_unavailable", detail=str(exc.orig)[:200]) from exc
    except DBAPIError as exc:
        if _is_lock_timeout(exc):
            raise Busy("database_busy") from exc
        raise


def _is_lock_timeout(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in (PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK, PG_SERIALIZATION):
        return True
    return "database is locked" in str(exc.orig)
