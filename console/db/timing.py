"""Where a unit of work's time goes: the time spent inside SQL, measured where it is spent.

:func:`measured` opens a scope on the current thread (a context variable); while it is
open, every statement run through a :class:`~console.db.engine.Database` — ORM and Core
statements, the lookups of ``Database.fetch``, each ``COMMIT`` and ``ROLLBACK`` — adds its
time to the scope. The server reports the scope as its ``Server-Timing`` header's ``db``
figure; the seat benchmark uses it in process too. Outside a scope the hooks cost one
context-variable read per statement.

The scope also times the row locks a transaction takes: from the answer of its first
``SELECT … FOR UPDATE`` to its ``COMMIT`` (or ``ROLLBACK``) being sent, the window in
which other writers of those rows wait.

Only durations are kept: never a statement, a parameter or a row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event


@dataclass
class SqlTime:
    """Seconds inside SQL (``seconds``, over ``statements`` round trips, commits and
    rollbacks included) and seconds holding row locks (``locked``, over ``locks``
    transactions) since the scope opened."""

    seconds: float = 0.0
    statements: int = 0
    locked: float = 0.0
    locks: int = 0
    _locked_at: float | None = None

    def add(self, seconds: float) -> None:
        self.seconds += seconds
        self.statements += 1

    def lock_taken(self) -> None:
        if self._locked_at is None:
            self._locked_at = time.perf_counter()

    def lock_released(self) -> None:
        if self._locked_at is not None:
            self.locked += time.perf_counter() - self._locked_at
            self.locks += 1
            self._locked_at = None


_current: ContextVar[SqlTime | None] = ContextVar("console_sql_time", default=None)


@contextmanager
def measured(scope: SqlTime | None = None) -> Iterator[SqlTime]:
    """A scope (``scope``, or a new one) that collects the SQL time of this thread (this
    context) until it ends."""
    scope = SqlTime() if scope is None else scope
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)


def current() -> SqlTime | None:
    return _current.get()


def install(engine: Engine) -> None:
    """Time every statement, commit and rollback of ``engine`` into the open scope."""
    if engine.dialect.__dict__.get("_console_timed"):
        return

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, _cursor: Any, _statement: str, *_args: Any) -> None:
        if _current.get() is not None:
            conn.info["console_sql_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        scope = _current.get()
        started = conn.info.pop("console_sql_started", None)
        if scope is None or started is None:
            return
        scope.add(time.perf_counter() - started)
        if "FOR UPDATE" in statement:
            scope.lock_taken()

    # COMMIT and ROLLBACK are round trips too (a commit waits for its WAL flush), but no
    # event follows them: the dialect's own calls are wrapped, for this engine alone (its
    # pool rolls back on return through the same dialect).
    dialect: Any = engine.dialect
    for name in ("do_commit", "do_rollback"):
        setattr(dialect, name, _ending(getattr(dialect, name)))
    dialect._console_timed = True


def _ending(original: Callable[[Any], None]) -> Callable[[Any], None]:
    def timed(dbapi_connection: Any) -> None:
        scope = _current.get()
        if scope is None:
            original(dbapi_connection)
            return
        scope.lock_released()
        started = time.perf_counter()
        try:
            original(dbapi_connection)
        finally:
            scope.add(time.perf_counter() - started)

    return timed


def lock_taken() -> None:
    """A row lock taken inside a statement whose text does not say ``FOR UPDATE`` (a
    function's): held from now to the transaction's end."""
    scope = _current.get()
    if scope is not None:
        scope.lock_taken()


def lock_held(seconds: float) -> None:
    """Count a row lock held ``seconds`` inside one statement (a function that locks and
    commits in one round trip reports it itself)."""
    scope = _current.get()
    if scope is not None:
        scope.locked += seconds
        scope.locks += 1


@contextmanager
def timed_statement() -> Iterator[None]:
    """Time one round trip made outside SQLAlchemy's cursor events (``Database.fetch``)."""
    scope = _current.get()
    if scope is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        scope.add(time.perf_counter() - started)
