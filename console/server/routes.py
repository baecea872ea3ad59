"""One route per use case, built from ``ConsoleApi``'s annotations.

``POST /api/v1/<use case>`` takes the use case's arguments as one JSON object and answers
its result; the acting staff member comes from the session (``Authorization: Bearer``),
never from the body. Bodies are decoded by the wire codec against the declared types, not
by FastAPI's validation, whose error answers echo the input (a card number, say).
"""

from __future__ import annotations

import inspect
import json
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from console.db import timing
from console.domain import wire
from console.domain.api import ConsoleApi, operations
from console.domain.errors import Refused
from console.server.auth import bearer_token, session_actor
from console.server.state import ServerState, state_of
from console.services.api import InProcessApi
from console.services.context import ServiceContext

PREFIX = "/api/v1"
MAX_BODY_BYTES = 256 * 1024


@cache
def signature(name: str) -> tuple[tuple[tuple[str, Any, Any], ...], Any]:
    """The arguments (name, type, default) and the result type of one use case."""
    method = getattr(ConsoleApi, name)
    hints = typing.get_type_hints(method)
    params = tuple(
        (p.name, hints[p.name], p.default)
        for p in list(inspect.signature(method).parameters.values())[1:]
    )
    return params, hints["return"]


def decode_arguments(name: str, body: Any) -> dict[str, Any]:
    params, _result = signature(name)
    if not isinstance(body, dict):
        raise wire.WireError("the body must be an object")
    unknown = set(body) - {p for p, _k, _d in params}
    if unknown:
        raise wire.WireError(f"unknown arguments: {sorted(unknown)}")
    arguments: dict[str, Any] = {}
    for param, kind, default in params:
        if param in body:
            arguments[param] = wire.decode(kind, body[param])  # refuses a zoneless time
        elif default is inspect.Parameter.empty:
            raise wire.WireError(f"{param} is missing")
    return arguments


async def read_json(request: Request) -> Any:
    """The body as JSON, read no further than ``MAX_BODY_BYTES``: a request announcing
    more is refused before it is read, and one that sends more is cut off (no use case
    takes more than a few kilobytes; nobody makes the server buffer a large body)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise Refused("request_too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise Refused("request_too_large")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise wire.WireError("the body is not JSON") from exc


def _endpoint(name: str) -> Callable[..., Any]:
    async def endpoint(request: Request) -> Response:
        token = bearer_token(request)
        arguments = decode_arguments(name, await read_json(request))
        ctx = state_of(request).ctx
        spent = timing.SqlTime()
        # One trip to the worker threads: who is asking (the session), then the use case.
        try:
            staff_id, result = await run_in_threadpool(_run, ctx, token, name, arguments, spent)
        except Exception as error:
            # A refusal is logged with who was refused, when the session named someone.
            request.state.staff_id = getattr(error, "console_staff_id", None)
            if request.state.staff_id is not None:
                request.state.sql_s, request.state.lock_s = spent.seconds, spent.locked
            raise
        request.state.staff_id = staff_id
        # For the answer's Server-Timing header (app.server_timing).
        request.state.sql_s, request.state.lock_s = spent.seconds, spent.locked
        return JSONResponse(wire.encode(result))

    endpoint.__name__ = name
    return endpoint


def _run(
    ctx: ServiceContext,
    token: str,
    name: str,
    arguments: dict[str, Any],
    spent: timing.SqlTime,
) -> Any:
    with timing.measured(spent):  # the session's statement and the use case's
        actor = session_actor(ctx, token)
        try:
            return actor.staff_id, getattr(InProcessApi(ctx, actor), name)(**arguments)
        except Exception as error:
            error.console_staff_id = actor.staff_id  # type: ignore[attr-defined]
            raise


def api_router(state: ServerState) -> APIRouter:
    router = APIRouter(prefix=PREFIX)
    for name in operations():
        method = getattr(ConsoleApi, name)
        router.add_api_route(
            f"/{name}",
            _endpoint(name),
            methods=["POST"],
            name=name,
            summary=(inspect.getdoc(method) or name.replace("_", " ")).splitlines()[0],
            openapi_extra=_openapi(name, state),
            response_class=JSONResponse,
        )
    return router


def _openapi(name: str, state: ServerState) -> dict[str, Any]:
    params, result = signature(name)
    properties = {p: state.schemas.of(kind) for p, kind, _d in params}
    required = [p for p, _k, d in params if d is inspect.Parameter.empty]
    return {
        "requestBody": {
            "required": bool(required),
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": properties,
                        "required": required,
                        "additionalProperties": False,
                    }
                }
            },
        },
        "responses": {
            "200": {
                "description": "the use case's result",
                "content": {"application/json": {"schema": state.schemas.of(result)}},
            },
            "401": {"description": "no valid session"},
            "403": {"description": "the role does not allow it, or the caller is not verified"},
            "404": {"description": "not found"},
            "409": {"description": "changed by someone else since it was read"},
            "422": {"description": "refused by a rule (code and reasons in the body)"},
            "503": {"description": "busy or unavailable: try again"},
        },
    }
