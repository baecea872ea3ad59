"""Is the database there? A cheap question the console asks while it waits for it."""

from __future__ import annotations

from console.services.context import ServiceContext


def ping(ctx: ServiceContext) -> None:
    """Return when the database answers; raise ``Unavailable`` when it does not."""
    ctx.db.ping()


def reconnect(ctx: ServiceContext) -> None:
    """After an outage: forget the pooled connections, then ping with a new one."""
    ctx.db.reset()
    ctx.db.ping()
