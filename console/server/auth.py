"""Who is asking: the staff member of the session named by ``Authorization: Bearer``.

The one place a request's actor comes from (as Netflix Dispatch resolves its user in one
dependency): a route never reads an actor or a role from its body.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from console.domain.errors import Unauthenticated
from console.domain.views.staff import Actor
from console.server.state import state_of
from console.services import staff_auth


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("session_missing")
    return token.strip()


async def current_actor(request: Request) -> Actor:
    token = bearer_token(request)
    ctx = state_of(request).ctx
    actor = await run_in_threadpool(staff_auth.resolve_session, ctx, token)
    request.state.staff_id = actor.staff_id
    return actor
