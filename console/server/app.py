"""The console server's HTTP application: sign-in, the use cases, health.

Every domain error crosses as its class, code and parameters (``wire.encode_error``) with
a status that says what kind of answer it is, so a desktop shows the same sentence as the
embedded demo. Nothing else about a failure leaves the server: an unexpected error is
logged here and answered as ``server_error``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
import traceback
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, StatementError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from console.domain import errors, wire
from console.server import health
from console.server.auth import bearer_token
from console.server.routes import PREFIX, api_router, read_json
from console.server.state import ServerState
from console.server.throttle import ATTEMPTS, SignInThrottle
from console.services import staff_auth
from console.services.api import VERSION

log = logging.getLogger("console.server")
requests_log = logging.getLogger("console.server.requests")

STATUS: dict[type[errors.ConsoleError], int] = {
    errors.Unauthenticated: 401,
    errors.Forbidden: 403,
    errors.VerificationRequired: 403,
    errors.NotFound: 404,
    errors.StaleData: 409,
    errors.Refused: 422,
    errors.Busy: 503,
    errors.Unavailable: 503,
}


def status_of(error: errors.ConsoleError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 422


def create_app(state: ServerState) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        # The jobs stop (and give their leases back) while the server shuts down: uvicorn
        # re-raises SIGTERM once it has, which ends the process before any code after
        # uvicorn.run, so another server would wait for the leases to run out.
        if state.jobs is not None:
            await run_in_threadpool(state.jobs.stop)

    app = FastAPI(
        title="Console de soutien — Mes loisirs en ligne",
        version=VERSION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.console = state
    _handlers(app)
    _sessions(app, state)
    app.include_router(api_router(state))

    @app.get("/health", summary="database reachable, migrations current, jobs alive")
    async def health_check() -> Response:
        report = await run_in_threadpool(health.report, state)
        return JSONResponse(report, status_code=200 if report["ok"] else 503)

    app.add_middleware(RequestLog)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, routes=app.routes)
            components = document.setdefault("components", {}).setdefault("schemas", {})
            components.update(state.schemas.components)
            document["components"]["securitySchemes"] = {
                "session": {"type": "http", "scheme": "bearer"}
            }
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


class RequestLog:
    """One structured line per request, and the last word on a failure nobody foresaw.

    Plain ASGI rather than ``@app.middleware("http")``, whose per-request streaming
    machinery cost a tenth of a millisecond on every call. The line names the route's
    template, never the raw path, query or body (no personal data). An unexpected error
    is answered here rather than by Starlette's last-resort handler, which re-raises after
    answering: the server would then close the desktop's kept-alive connection, and the
    desktop's next call would fail as "unreachable".
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        answer = {"status": 500, "begun": False}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"], answer["begun"] = message["status"], True
                timing = server_timing(scope, time.perf_counter() - started)
                if timing is not None:
                    message = {**message, "headers": [*message.get("headers", ()), timing]}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:
            if answer["begun"]:
                raise
            await unexpected_answer(Request(scope), error)(scope, receive, sending)
        requests_log.info(
            json.dumps(
                {
                    "method": scope.get("method"),
                    "route": getattr(scope.get("route"), "path", "unmatched"),
                    "status": answer["status"],
                    "ms": round((time.perf_counter() - started) * 1000, 2),
                    "staff_id": (scope.get("state") or {}).get("staff_id"),
                }
            )
        )


def server_timing(scope: Scope, app_s: float) -> tuple[bytes, bytes] | None:
    """The ``Server-Timing`` header of a use case's answer to a signed-in session: the
    server's time from the request to its answer (``app``) and, of it, the time inside
    SQL (``db``), in milliseconds — so a desktop or a benchmark can tell the database,
    the server's Python and the network apart — and, when the use case locked rows, how
    long it held them (``lock``: from the lock granted to the commit sent). Numbers and
    nothing else: no statement, no description. Not on a sign-in, whose duration could
    tell a username that exists from one that does not, nor on an answer to no session,
    nor on ``/health``."""
    state = scope.get("state") or {}
    sql_s = state.get("sql_s")
    if sql_s is None or state.get("staff_id") is None:
        return None
    value = f"db;dur={sql_s * 1000:.2f}, app;dur={app_s * 1000:.2f}"
    lock_s = state.get("lock_s") or 0.0
    if lock_s > 0:
        value += f", lock;dur={lock_s * 1000:.2f}"
    return b"server-timing", value.encode("ascii")


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(errors.ConsoleError)
    async def console_error(_request: Request, error: errors.ConsoleError) -> Response:
        headers = {"Retry-After": "1"} if isinstance(error, errors.Busy) else None
        return JSONResponse(wire.encode_error(error), status_code=status_of(error), headers=headers)

    @app.exception_handler(wire.WireError)
    async def malformed(_request: Request, error: wire.WireError) -> Response:
        # The message names the field, never the value sent.
        body = wire.encode_error(errors.Refused("request_malformed"))
        return JSONResponse(body, status_code=400)

    @app.exception_handler(DataError)
    async def refused_by_the_database(request: Request, error: DataError) -> Response:
        # A value the database cannot hold (an id beyond its integers, a NUL character in
        # a text): the request's fault, answered like any malformed request.
        log.warning(
            "request refused by the database (%s) on %s",
            getattr(error.orig, "sqlstate", None) or type(error.orig).__name__,
            _route_of(request),
        )
        body = wire.encode_error(errors.Refused("request_malformed"))
        return JSONResponse(body, status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        return unexpected_answer(request, error)


def unexpected_answer(request: Request, error: Exception) -> Response:
    """Log a failure nobody foresaw and answer ``server_error``, telling the client nothing.

    A database error's message carries the statement's parameters (a call note, a name):
    only its SQL and the driver's error class are logged."""
    route = _route_of(request)
    if isinstance(error, StatementError):
        frames = "".join(traceback.format_tb(error.__traceback__))
        log.error(
            "unexpected %s (%s) on %s in %s\n%s",
            type(error).__name__,
            type(error.orig).__name__,
            route,
            error.statement,
            frames,
        )
    else:
        log.error("unexpected %s on %s", type(error).__name__, route, exc_info=error)
    return JSONResponse(wire.encode_error(errors.Unavailable("server_error")), status_code=500)


def _route_of(request: Request) -> str:
    return str(getattr(request.scope.get("route"), "path", "unmatched"))


def attempts_per_minute() -> int:
    import os

    value = os.environ.get("CONSOLE_SIGN_IN_ATTEMPTS_PER_MINUTE", "")
    return int(value) if value.isdigit() and int(value) > 0 else ATTEMPTS


def _sessions(app: FastAPI, state: ServerState) -> None:
    # Sign-ins a minute from one address (CONSOLE_SIGN_IN_ATTEMPTS_PER_MINUTE; a support
    # centre behind one NAT address may need more than the default).
    throttle = SignInThrottle(attempts_per_minute())

    @app.post(f"{PREFIX}/session", summary="sign in: a session token for the staff member")
    async def sign_in(request: Request) -> Response:
        address = request.client.host if request.client is not None else "?"
        wait_s = throttle.allow(address)
        if wait_s is not None:
            raise errors.Busy("sign_in_throttled", retry_after_s=int(wait_s) + 1)
        body = await read_json(request)
        if not isinstance(body, dict):
            raise wire.WireError("the body must be an object")
        username = wire.decode(str, body.get("username"))
        password = wire.decode(str, body.get("password"))
        opened = await run_in_threadpool(staff_auth.sign_in, state.ctx, username, password)
        request.state.staff_id = opened.actor.staff_id
        return JSONResponse(wire.encode(opened))

    @app.delete(f"{PREFIX}/session", summary="sign out: the session ends at once")
    async def sign_out(request: Request) -> Response:
        token = bearer_token(request)
        await run_in_threadpool(staff_auth.sign_out, state.ctx, token)
        return Response(status_code=204)
