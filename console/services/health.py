"""Is the database there? A cheap question the console asks while it waits for it."""

from __future__ import annotations

from datetime import datetime

from console.services.context import ServiceContext


def ping(ctx: ServiceContext) -> None:
    """Return when the database answers; raise ``Unavailable`` when it does not."""
    ctx.db.ping()


def reconnect(ctx: ServiceContext) -> None:
    """After an outage: forget the pooled connections, then ping with a new one."""
    ctx.db.reset()
    ctx.db.ping()


def migrations_current(ctx: ServiceContext) -> bool:
    """Whether the schema is at the newest migration this program knows."""
    from console.db.migrate import current_revision, head_revision

    return current_revision(ctx.db.engine) == head_revision()


def pool_status(ctx: ServiceContext) -> dict[str, int]:
    """The bounded pool of database connections this process keeps."""
    return ctx.db.pool_status()


def database_now(ctx: ServiceContext) -> datetime | None:
    """The database server's own clock (PostgreSQL); ``None`` for SQLite, which has none."""
    if ctx.dialect != "postgresql":
        return None
    from sqlalchemy import text

    with ctx.db.read() as session:
        value = session.execute(text("SELECT clock_timestamp()")).scalar_one()
    assert isinstance(value, datetime)
    return value
