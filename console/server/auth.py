"""Who is asking: the staff member of the session named by ``Authorization: Bearer``.

The one place a request's actor comes from (as Netflix Dispatch resolves its user in one
dependency): a route never reads an actor or a role from its body.
"""

from __future__ import annotations

from fastapi import Request

from console.domain.errors import Unauthenticated
from console.domain.views.staff import Actor
from console.services import staff_auth
from console.services.context import ServiceContext


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("session_missing")
    return token.strip()


def session_actor(ctx: ServiceContext, token: str) -> Actor:
    """The session's staff member and role, as the database says now (on a worker thread,
    in the same trip as the use case it precedes)."""
    return staff_auth.resolve_session(ctx, token)
