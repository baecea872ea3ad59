"""``GET /health``: what a load balancer and an operator need, without signing in."""

from __future__ import annotations

from typing import Any

from console.domain.errors import ConsoleError
from console.server.state import ServerState
from console.services import health as health_service


def report(state: ServerState) -> dict[str, Any]:
    ctx = state.ctx
    database: dict[str, Any] = {"reachable": False}
    try:
        health_service.ping(ctx)
        database["reachable"] = True
        database["migrations_current"] = health_service.migrations_current(ctx)
    except ConsoleError as error:
        database["error"] = error.code
    database["pool"] = health_service.pool_status(ctx)
    jobs = state.jobs.status() if state.jobs is not None else {}
    ok = (
        database["reachable"]
        and database.get("migrations_current", False)
        and all(job["alive"] for job in jobs.values())
    )
    return {"ok": bool(ok), "database": database, "jobs": jobs}
