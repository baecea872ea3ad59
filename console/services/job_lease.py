"""Which server process runs a job now: one lease row per job, renewed at every pass.

A process holds the lease while its ``expires_at`` is ahead; renewing it and taking over
a lapsed one are a single ``INSERT … ON CONFLICT DO UPDATE … WHERE`` statement, so two
processes can never both hold it (the database decides, on PostgreSQL and SQLite alike,
and through PgBouncer: no session-level advisory lock).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.db.models import JobLease
from console.services.context import ServiceContext


def acquire(ctx: ServiceContext, name: str, holder: str, ttl_s: float) -> bool:
    """Take or renew the lease of job ``name`` for ``ttl_s`` seconds; whether we hold it."""
    now = ctx.clock.now()
    insert = pg_insert if ctx.dialect == "postgresql" else sqlite_insert
    values = insert(JobLease).values(
        name=name, holder=holder, acquired_at=now, expires_at=now + timedelta(seconds=ttl_s)
    )
    statement = values.on_conflict_do_update(
        index_elements=[JobLease.name],
        set_={
            "holder": values.excluded.holder,
            "expires_at": values.excluded.expires_at,
            # A renewal keeps the time it was first taken; a takeover starts anew.
            "acquired_at": _acquired_at(values),
        },
        where=may_take(holder, now),
    ).returning(JobLease.holder)
    with ctx.db.write() as session:
        won = session.execute(statement).scalar_one_or_none()
    return won == holder


def may_take(holder: str, now: datetime) -> ColumnElement[bool]:
    """When the row may change hands: it is ours already, or its holder let it run out.
    Without this condition every process would overwrite the row and believe it leads."""
    return (JobLease.holder == holder) | (JobLease.expires_at < now)


def _acquired_at(statement: object) -> object:
    from sqlalchemy import case

    excluded = statement.excluded  # type: ignore[attr-defined]
    return case(
        (JobLease.holder == excluded.holder, JobLease.acquired_at), else_=excluded.acquired_at
    )


def release(ctx: ServiceContext, name: str, holder: str) -> None:
    """Give the lease up at a clean stop, so another process takes over at once."""
    with ctx.db.write() as session:
        session.execute(delete(JobLease).where(JobLease.name == name, JobLease.holder == holder))
