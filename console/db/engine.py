"""Engines, sessions and transactions for each dialect.

Writes that take or free a place lock the activity row: on PostgreSQL with
``SELECT … FOR UPDATE`` under a short ``lock_timeout``; on SQLite every write
transaction starts with ``BEGIN IMMEDIATE`` so only one writer runs at a time.
A lock wait past the timeout becomes :class:`Busy`, never a frozen console.

Reads on PostgreSQL run under a ``statement_timeout`` of a few seconds: a caller search
stuck behind a long lock (a daytime migration, say) answers "busy, try again" instead of
holding the worker. Every setting is made per transaction (``SET LOCAL``, or
``set_config(…, true)``), never per session: the database may sit behind PgBouncer in
transaction pooling, where a session setting would land on someone else's connection.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Dialect, Engine, Select, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import PoolProxiedConnection

from console.db import timing
from console.domain.errors import Busy, Unavailable

PG_LOCK_NOT_AVAILABLE = "55P03"
PG_DEADLOCK = "40P01"
PG_SERIALIZATION = "40001"
PG_INVALID_PASSWORD = "28P01"
PG_INVALID_AUTHORIZATION = "28000"
PG_QUERY_CANCELED = "57014"  # statement_timeout ran out (or a cancel request)
# A lock or a statement took too long, or lost to another transaction: try again.
_BUSY_STATES = frozenset({PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK, PG_SERIALIZATION, PG_QUERY_CANCELED})
_LOGIN_REFUSED = re.compile(
    r'authentication failed|no password supplied|FATAL:\s+role ".*" does not exist'
)


@dataclass(frozen=True)
class PoolBounds:
    """The PostgreSQL connections one process keeps and may open: the units of work's
    pool (``size`` kept, ``overflow`` more at a peak, closed once returned) and the
    lookups' own (``lookups`` kept, ``lookup_overflow`` more). Past the bound a unit of
    work or a lookup waits for a connection, up to the statement timeout, then is
    :class:`Busy`. The defaults are one server's: 20 connections in all."""

    size: int = 5
    overflow: int = 9
    lookups: int = 4
    lookup_overflow: int = 2

    @property
    def most(self) -> int:
        """The bound: connections open at once, at most."""
        return self.size + self.overflow + self.lookups + self.lookup_overflow


def _connect_args(password: str | None, *, pgbouncer: bool) -> dict[str, Any]:
    """What the driver is given besides the URL. Behind PgBouncer's transaction pooling
    each transaction may run on another server connection: psycopg must not prepare
    statements (it does after five runs of one), as a prepared statement lives in one."""
    args: dict[str, Any] = {} if password is None else {"password": password}
    if pgbouncer:
        args["prepare_threshold"] = None
    return args


def _sqlite_engine(url: str, *, immediate: bool, busy_ms: int) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": busy_ms / 1000, "check_same_thread": False},
        hide_parameters=True,
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

    path = engine.url.database
    if path and path != ":memory:" and not path.startswith("file:"):
        seen = {"file": Path(path).exists()}

        @event.listens_for(engine, "do_connect")
        def _refuse_a_missing_file(*_args: Any) -> None:
            # Once the file has existed, a missing file is an outage: opening it would
            # create an empty database in its place and keep a connection to it.
            if Path(path).exists():
                seen["file"] = True
            elif seen["file"]:
                raise sqlite3.OperationalError("unable to open database file: it is missing")

    return engine


class Database:
    """One database, with a unit of work for reads and one for writes."""

    def __init__(
        self,
        url: str,
        *,
        lock_timeout_ms: int = 3000,
        statement_timeout_ms: int = 5000,
        echo: bool = False,
        password: str | None = None,
        pool: PoolBounds | None = None,
        pgbouncer: bool = False,
    ) -> None:
        """``password``, when given, goes to the driver only: never into ``url``.
        ``pool`` bounds the connections (PostgreSQL); ``pgbouncer``: the URL reaches
        PostgreSQL through PgBouncer in transaction pooling (no prepared statements)."""
        if url.startswith("postgresql://"):  # the psycopg 3 driver, whatever the URL says
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        self.url = url
        self.lock_timeout_ms = lock_timeout_ms
        self.statement_timeout_ms = statement_timeout_ms
        self.pool = pool or PoolBounds()
        self.pgbouncer = pgbouncer
        # A lookup's settings, local to its transaction (``set_config(…, true)`` is
        # ``SET LOCAL``): the statement timeout, and the planning of prepared statements.
        # psycopg prepares a statement run five times on a connection; with a generic
        # plan the server then plans it once. Every lookup's parameters are equalities
        # or byte ranges, never LIKE patterns, so that one plan serves every value.
        self._lookup_settings = (
            f"SELECT set_config('statement_timeout', '{int(statement_timeout_ms)}', true),"
            " set_config('plan_cache_mode', 'force_generic_plan', true)"
        )
        # A one-trip write's (:meth:`write_one`): the lock timeout of :meth:`write`.
        self._write_settings = f"SELECT set_config('lock_timeout', '{int(lock_timeout_ms)}', true)"
        if url.startswith("sqlite"):
            self.dialect = "sqlite"
            self.engine = _sqlite_engine(url, immediate=False, busy_ms=lock_timeout_ms)
            self._write_engine = _sqlite_engine(url, immediate=True, busy_ms=lock_timeout_ms)
        else:
            self.dialect = "postgresql"
            # No pre-ping: it costs a round trip on every checkout. A dropped connection
            # fails its operation once (Unavailable), and SQLAlchemy then discards the
            # whole pool, so the retry connects afresh.
            self.engine = create_engine(
                url,
                echo=echo,
                # An error names its statement, never its values (a name, a note).
                hide_parameters=True,
                pool_size=self.pool.size,
                max_overflow=self.pool.overflow,
                pool_timeout=statement_timeout_ms / 1000,
                connect_args=_connect_args(password, pgbouncer=pgbouncer),
            )
            self._write_engine = self.engine
            # Single-statement lookups: connections in autocommit, each lookup its own
            # pipelined transaction, one round trip (see fetch). They are detached from
            # this pool and kept by fetch (_lookup_connection).
            self._query_engine = create_engine(
                url,
                echo=echo,
                # An error names its statement, never its values (a name, a note).
                hide_parameters=True,
                pool_size=2,
                max_overflow=6,
                isolation_level="AUTOCOMMIT",
                connect_args=_connect_args(password, pgbouncer=pgbouncer),
            )
        # Time inside SQL, for whoever measures it (the server's Server-Timing header).
        timing.install(self.engine)
        if self._write_engine is not self.engine:
            timing.install(self._write_engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        self._compiled_statements: dict[int, tuple[Select[Any], _Compiled]] = {}
        # Lookup connections kept between two lookups (see _lookup_connection).
        self._idle_lookups: deque[_Lookup] = deque()
        # Lookup connections open, idle or in use: at most lookups + lookup_overflow.
        self._lookups_open = 0
        self._lookup_turn = threading.Condition()
        # Test-only hook: the concurrency tests switch row locking off to show the race.
        self.row_locking = True

    @property
    def locks_rows(self) -> bool:
        """Whether writes take row locks (``FOR UPDATE``): on PostgreSQL, unless a test
        switched them off. SQLite has one writer at a time (``BEGIN IMMEDIATE``)."""
        return self.row_locking and self.dialect == "postgresql"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; on PostgreSQL each statement gives up after
        ``statement_timeout_ms`` (:class:`Busy`)."""
        with _translated_errors(), self._read() as session:
            try:
                if self.dialect == "postgresql":
                    session.execute(
                        text(f"SET LOCAL statement_timeout = {int(self.statement_timeout_ms)}")
                    )
                yield session
            finally:
                session.rollback()

    def fetch(self, statement: Select[Any], params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row of one read-only statement, as plain tuples.

        For hot single-statement lookups such as caller search. On PostgreSQL the
        statement is compiled once and handed straight to the driver on a kept
        autocommit connection, after the settings of its transaction (the statement
        timeout), both pipelined (:class:`_Lookup`): one round trip, and none of the per-call work
        of a session (compilation cache key, result objects) — that work cost twice the
        round trip itself. The server plans each statement once per connection (see
        ``_lookup_settings``). Anything that reads several statements and needs them
        consistent uses :meth:`read`.

        Raises :class:`Busy` when the statement timeout cancels it (a long lock ahead),
        :class:`Unavailable` ``database_unavailable`` when the connection fails.
        """
        if self.dialect != "postgresql":
            with _translated_errors(), self.engine.connect() as connection:
                try:
                    return [tuple(row) for row in connection.execute(statement, params)]
                finally:
                    connection.rollback()
        return self._one_trip(self._lookup_settings, statement, params)

    def write_one(self, statement: Select[Any], params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row of one statement that writes, alone in its own transaction, in one
        round trip (PostgreSQL only).

        As :meth:`fetch`, on a lookup connection: the transaction's settings (the lock
        timeout of :meth:`write`) and the statement go together before one Sync, so the
        statement commits as soon as the server has run it. A lock it takes is held for
        the server's own work and the commit, never across a round trip. For a function
        that does a whole transaction's work under a lock (``console_take_place``).

        Raises :class:`Busy` when a lock is not had in time (or the database asks to
        try again: a serialization failure, a deadlock), :class:`Unavailable` when the
        connection fails; anything else the statement raises comes as SQLAlchemy's error
        for it (an :class:`~sqlalchemy.exc.IntegrityError` for a bound the database
        keeps), as from any other unit of work.
        """
        if self.dialect != "postgresql":
            raise NotImplementedError("write_one: PostgreSQL only")
        return self._one_trip(self._write_settings, statement, params)

    def _one_trip(
        self, settings: str, statement: Select[Any], params: Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        """``settings`` then ``statement`` in one implicit transaction, one round trip."""
        dbapi = self._query_engine.dialect.loaded_dbapi
        lookup = self._lookup_connection()
        try:
            # After connecting: the first connection tells the dialect how the server
            # quotes (standard_conforming_strings), which the compiled text depends on.
            compiled = self._compiled(statement)
            with timing.timed_statement():
                rows = lookup.run(settings, compiled.sql, {**compiled.fixed, **params})
        except dbapi.Error as exc:
            if getattr(exc, "sqlstate", None) in _BUSY_STATES:
                # Cancelled by statement_timeout or lock_timeout (a long lock ahead), or
                # told to try again: the Sync ended the failed transaction, and the
                # connection is sound.
                self._lookup_done(lookup)
                raise Busy("database_busy") from exc
            if isinstance(exc, (dbapi.OperationalError, dbapi.InterfaceError)):
                # As for every other unit of work, an operational error is an outage.
                # This connection goes, and so do the idle ones, which a server restart
                # or a network cut has likely broken too: the next lookup connects
                # afresh. (psycopg may report a cut socket without marking the
                # connection broken, so the dialect's disconnect test is not enough.)
                self._close_lookup(lookup)
                self._close_idle_lookups()
                raise Unavailable("database_unavailable", detail=str(exc)[:200]) from exc
            self._lookup_done(lookup)
            # As SQLAlchemy raises it for every other statement (an IntegrityError for
            # a bound the database keeps, say), so callers see one kind of error.
            raise DBAPIError.instance(None, None, exc, dbapi.Error) from exc
        except BaseException:
            self._close_lookup(lookup)  # interrupted mid-exchange: its state is unknown
            raise
        self._lookup_done(lookup)
        return rows

    def _lookup_connection(self) -> _Lookup:
        """An idle lookup connection, or a new one.

        Lookup connections are taken out of SQLAlchemy's pool once (``detach``) and kept
        on a stack of their own: a lookup then costs no pool checkout and return, which
        took a sixth of a caller search. They stay in autocommit and hold no transaction
        between two lookups, so there is nothing to reset. At most
        ``pool.lookups + pool.lookup_overflow`` are open at once (:meth:`_lookup_room`).
        """
        idle = self._lookup_room()
        if idle is not None:
            return idle
        try:
            with _translated_errors():
                connection = self._query_engine.raw_connection()
        except BaseException:
            self._lookup_gone()
            raise
        connection.detach()
        try:
            return _Lookup(connection)
        except Exception as exc:
            _close_driver(connection)
            self._lookup_gone()
            raise Unavailable("database_unavailable", detail=str(exc)[:200]) from exc

    def _lookup_room(self) -> _Lookup | None:
        """An idle lookup connection, or ``None`` once a new one may open (counted open).

        While the bound's connections are all in use it waits for one, up to the
        statement timeout, then raises :class:`Busy`: a detached connection is beyond
        its pool's reach, so the bound is kept here.
        """
        deadline = time.monotonic() + self.statement_timeout_ms / 1000
        with self._lookup_turn:
            while True:
                if self._idle_lookups:
                    return self._idle_lookups.pop()
                if self._lookups_open < self.pool.lookups + self.pool.lookup_overflow:
                    self._lookups_open += 1
                    return None
                left = deadline - time.monotonic()
                if left <= 0 or not self._lookup_turn.wait(left):
                    raise Busy("database_busy")

    def _lookup_gone(self) -> None:
        """One lookup connection fewer open: a waiting lookup may open one."""
        with self._lookup_turn:
            self._lookups_open -= 1
            self._lookup_turn.notify()

    def _lookup_done(self, lookup: _Lookup) -> None:
        with self._lookup_turn:
            if lookup.idle and len(self._idle_lookups) < self.pool.lookups:
                self._idle_lookups.append(lookup)
                self._lookup_turn.notify()
                return
        self._close_lookup(lookup)

    def _close_lookup(self, lookup: _Lookup) -> None:
        lookup.close()
        self._lookup_gone()

    def _close_idle_lookups(self) -> None:
        while True:
            try:
                lookup = self._idle_lookups.pop()
            except IndexError:
                return
            self._close_lookup(lookup)

    def _compiled(self, statement: Select[Any]) -> _Compiled:
        found = self._compiled_statements.get(id(statement))
        if found is not None and found[0] is statement:
            return found[1]
        compiled = _compile_for_driver(statement, self._query_engine.dialect)
        # Keyed by identity and holding the statement, so an id is never reused.
        self._compiled_statements[id(statement)] = (statement, compiled)
        return compiled

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends, or leaves nothing behind."""
        with _translated_errors(), self._write() as session, session.begin():
            if self.dialect == "postgresql":
                session.execute(text(f"SET LOCAL lock_timeout = {int(self.lock_timeout_ms)}"))
            yield session

    def ping(self) -> None:
        """Raise :class:`Unavailable` unless the database answers now.

        SQLite opens a fresh connection that may not create the file: a pooled one would
        keep reading a file that was moved away.
        """
        with _translated_errors():
            if self.dialect == "sqlite":
                _ping_sqlite_file(self.engine.url.database)
                return
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))

    def reset(self) -> None:
        """Drop pooled PostgreSQL connections, so the next unit of work connects afresh.

        SQLite keeps its connections: each follows its file, and a new one opened while the
        file is missing would create an empty database in its place.
        """
        if self.dialect == "postgresql":
            self.dispose()

    def pool_status(self) -> dict[str, int]:
        """The connections this process may open at once (``max_connections``, the
        bound), and those open now (``open``): in use (``checked_out``, lookups
        included) and idle (``idle``, of which ``idle_lookups`` kept for lookups)."""
        pool = self.engine.pool
        checked_out = int(getattr(pool, "checkedout", lambda: 0)())
        idle = int(getattr(pool, "checkedin", lambda: 0)())
        bound = int(getattr(pool, "size", lambda: 0)()) + max(
            0, int(getattr(pool, "_max_overflow", 0))
        )
        idle_lookups = len(self._idle_lookups)
        if self.dialect == "postgresql":
            bound = self.pool.most
            checked_out += max(0, self._lookups_open - idle_lookups)
            idle += idle_lookups
        status = {
            "max_connections": bound,
            "open": checked_out + idle,
            "checked_out": checked_out,
            "idle": idle,
        }
        if self.dialect == "postgresql":
            status["idle_lookups"] = idle_lookups
        return status

    def dispose(self) -> None:
        self.engine.dispose()
        if self.dialect == "postgresql":
            self._close_idle_lookups()
            self._query_engine.dispose()
        if self._write_engine is not self.engine:
            self._write_engine.dispose()


_PG_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE: no transaction open


class _Lookup:
    """A lookup connection: detached from the pool, in autocommit, in pipeline mode.

    A lookup sends its transaction's settings and its statement in one go, then one
    Sync: one round trip. Everything before a Sync is one implicit transaction, so the
    settings (``SET LOCAL``) last for that lookup alone, as PgBouncer's transaction
    pooling needs, at no BEGIN or COMMIT. The connection stays in pipeline mode between
    lookups: entering and leaving it took a fifth of a caller search.
    """

    def __init__(self, connection: PoolProxiedConnection) -> None:
        self.connection = connection
        driver: Any = connection.dbapi_connection  # psycopg's Connection
        self._driver = driver
        self._pipeline_mode = driver.pipeline()
        self._pipeline = self._pipeline_mode.__enter__()
        self._settings = driver.cursor()
        self._rows = driver.cursor()

    def run(self, settings: str, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        self._settings.execute(settings)
        self._rows.execute(sql, params)
        self._pipeline.sync()  # raises the first statement's error, if any
        rows: list[tuple[Any, ...]] = self._rows.fetchall()
        return rows

    @property
    def idle(self) -> bool:
        """Sound and outside any transaction: fit for the next lookup."""
        return bool(not self._driver.closed and self._driver.info.transaction_status == _PG_IDLE)

    def close(self) -> None:
        """Close it for good (it belongs to no pool any more)."""
        with suppress(Exception):  # already broken: nothing left to leave
            self._pipeline_mode.__exit__(None, None, None)
        _close_driver(self.connection)


def _close_driver(connection: PoolProxiedConnection) -> None:
    driver = connection.dbapi_connection
    if driver is not None:
        with suppress(Exception):  # already broken: nothing left to close
            driver.close()


@dataclass(frozen=True)
class _Compiled:
    """A statement as its driver takes it."""

    sql: str
    fixed: dict[str, Any]  # values the statement carries itself (literals)


def _compile_for_driver(statement: Select[Any], dialect: Dialect) -> _Compiled:
    """Compile once for a driver that takes named parameters and converts no values.

    Refuses a statement whose columns or parameters need SQLAlchemy's conversions
    (a type decorator, say): the driver's values are returned as they come.
    """
    compiled = statement.compile(dialect=dialect)
    if compiled.positional:
        raise ValueError(f"{dialect.name}: fetch needs a driver with named parameters")
    for column in statement.selected_columns:
        if column.type.dialect_impl(dialect).result_processor(dialect, None) is not None:
            raise ValueError(f"column {column.key!r} needs conversion; select a plain value")
    fixed: dict[str, Any] = {}
    for name, bind in compiled.binds.items():
        if bind.type.dialect_impl(dialect).bind_processor(dialect) is not None:
            raise ValueError(f"parameter {name!r} needs conversion")
        if not bind.required and bind.callable is None:
            fixed[name] = bind.value
    return _Compiled(sql=compiled.string, fixed=fixed)


def _ping_sqlite_file(path: str | None) -> None:
    if not path or path == ":memory:":
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=1)
        try:
            conn.execute("SELECT 1 FROM alembic_version LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise Unavailable("database_unavailable", detail=str(exc)[:200]) from exc


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except PoolTimeoutError as exc:  # every connection of the bound in use, too long
        raise Busy("database_busy") from exc
    except OperationalError as exc:
        if _is_lock_timeout(exc):
            raise Busy("database_busy") from exc
        if _is_login_refused(exc):
            raise Unavailable("database_login_refused") from exc
        raise Unavailable("database_unavailable", detail=str(exc.orig)[:200]) from exc
    except DBAPIError as exc:
        if _is_lock_timeout(exc):
            raise Busy("database_busy") from exc
        raise


def _is_login_refused(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in (PG_INVALID_PASSWORD, PG_INVALID_AUTHORIZATION):
        return True
    # libpq reports connection failures without a SQLSTATE: read the server's words.
    message = str(exc.orig)
    return bool(_LOGIN_REFUSED.search(message))


def _is_lock_timeout(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in _BUSY_STATES:
        return True
    return "database is locked" in str(exc.orig)
