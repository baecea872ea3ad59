"""The time inside SQL is counted where it is spent (``console.db.timing``): every
statement of a unit of work, its commit, and the lookups of ``Database.fetch``, on every
dialect; and nothing outside a scope."""

from __future__ import annotations

import time

from sqlalchemy import func, select, text

from console.db import timing
from console.db.engine import Database
from console.db.models import Borough


def _slow_statement(db: Database) -> str:
    """A statement that spends a known 50 ms inside the database."""
    if db.dialect == "postgresql":
        return "SELECT pg_sleep(0.05)"
    # SQLite runs in this process: a recursive count that takes a while.
    return (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)"
        " SELECT count(*) FROM n"
    )


def test_statements_and_the_commit_are_counted_and_python_time_is_not(db: Database) -> None:
    with timing.measured() as spent, db.write() as session:
        began = time.perf_counter()
        session.execute(text(_slow_statement(db)))
        inside = time.perf_counter() - began
        session.add(Borough(code="TM", name="Temps"))
        time.sleep(0.1)  # Python's time, not the database's
    assert spent.statements >= 3  # the slow one, the insert, the commit (and SET LOCAL)
    assert spent.seconds >= inside * 0.9
    assert spent.seconds < inside + 0.09  # the 100 ms of sleep is not in it


def test_fetch_lookups_are_counted(db: Database) -> None:
    statement = select(func.count()).select_from(Borough)
    db.fetch(statement, {})  # connected and compiled outside the scope
    with timing.measured() as spent:
        db.fetch(statement, {})
        db.fetch(statement, {})
    # On PostgreSQL one pipelined round trip each; SQLite's also counts BEGIN and ROLLBACK.
    assert spent.statements == 2 if db.dialect == "postgresql" else spent.statements >= 2
    assert spent.seconds > 0


def test_nothing_is_counted_outside_a_scope_or_after_it(db: Database) -> None:
    with timing.measured() as spent:
        pass
    with db.write() as session:
        session.execute(text("SELECT 1"))
    assert (spent.statements, spent.seconds) == (0, 0.0)
    assert timing.current() is None


def test_a_row_lock_is_timed_from_its_answer_to_the_commit(db: Database) -> None:
    with db.write() as session:
        session.add(Borough(code="VR", name="Verrou"))
    lock = "SELECT id FROM borough WHERE code = 'VR'"
    if db.dialect == "postgresql":
        lock += " FOR UPDATE"
    with timing.measured() as spent, db.write() as session:
        session.execute(text(lock))
        time.sleep(0.05)
    if db.dialect == "postgresql":
        assert spent.locks == 1
        assert 0.05 <= spent.locked < 0.5
    else:  # SQLite takes no row locks (one writer at a time)
        assert spent.locks == 0
