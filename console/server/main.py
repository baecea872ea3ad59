"""``console serve``: check everything that must hold, then listen (TLS by default).

The server refuses to start rather than run unsafely: without a certificate (plain HTTP
only on loopback, when asked for), with its clock more than 2 seconds from the database's,
with the schema behind the migrations, with the sandbox payment gateway on a shared
database that settings do not name on purpose, without its SIN keys (or with keys that do
not open the numbers stored) or without its outbox key.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Any

from console.config import Settings, load_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from console.server.state import ServerState
    from console.services.context import ServiceContext

MAX_CLOCK_SKEW_S = 2.0
log = logging.getLogger("console.server")


class StartRefused(Exception):
    """Why the server will not start, in one sentence for the operator."""


def add_serve_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser("serve", help="the console server (HTTPS API for the desktops)")
    serve.add_argument("--host", help="address to listen on (settings: server_host)")
    serve.add_argument("--port", type=int, help="port to listen on (settings: server_port)")
    serve.add_argument("--cert", help="TLS certificate, PEM (settings: server_cert)")
    serve.add_argument("--key", help="TLS private key, PEM (settings: server_key)")
    serve.add_argument(
        "--insecure-http",
        action="store_true",
        help="plain HTTP, allowed only on a loopback address (a local test)",
    )
    serve.add_argument("--sweep-interval", type=float, default=60.0, metavar="SECONDS")
    serve.add_argument(
        "--relay-interval",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="mail relay pass (0: no relay in this process)",
    )
    serve.add_argument(
        "--seal-interval",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="seal the journal's complete days (0: not in this process)",
    )
    serve.add_argument("--no-jobs", action="store_true", help="run no job at all")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes sharing the port, each with its own database pool (at most"
        " 20 connections each) and its own interpreter (default 1)",
    )
    serve.set_defaults(func=serve_command)


# What a worker process (``--workers`` > 1) is told of its command line, through its
# environment: uvicorn starts each one afresh from ``worker_app``.
WORKER_JOBS_ENV = "CONSOLE_SERVE_WORKER_JOBS"


def serve_command(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    settings = load_settings()
    host = args.host or settings.server_host
    port = args.port or settings.server_port
    cert = args.cert or settings.server_cert
    key = args.key or settings.server_key
    try:
        check_transport(host, cert, key, insecure_http=args.insecure_http)
        check_gateway(settings)
        ctx = open_server_context(settings)
    except StartRefused as refused:
        print(f"console serve: refused to start: {refused}", file=sys.stderr)
        return 2
    try:
        check_database(ctx)
    except StartRefused as refused:
        ctx.db.dispose()
        print(f"console serve: refused to start: {refused}", file=sys.stderr)
        return 2
    import uvicorn

    jobs = (
        "" if args.no_jobs else f"{args.sweep_interval},{args.relay_interval},{args.seal_interval}"
    )
    workers = max(1, args.workers)
    state = None
    target: Any
    if workers == 1:
        state = _server_state(ctx, jobs)
        from console.server.app import create_app

        target = create_app(state)
    else:
        # Each worker opens its own context (its pool, its keys) from the same settings,
        # and runs the jobs too: a lease in the database lets one run each at a time.
        ctx.db.dispose()
        os.environ[WORKER_JOBS_ENV] = jobs
        target = "console.server.main:worker_app"
    scheme = "http" if args.insecure_http else "https"
    print(
        f"console serve: listening on {scheme}://{host}:{port}"
        + (f" ({workers} workers)" if workers > 1 else ""),
        file=sys.stderr,
        flush=True,
    )
    try:
        uvicorn.run(
            target,
            factory=workers > 1,
            workers=workers if workers > 1 else None,
            host=host,
            port=port,
            ssl_certfile=None if args.insecure_http else cert,
            ssl_keyfile=None if args.insecure_http else key,
            access_log=False,  # one structured line per request of our own, without paths
            log_level="warning",
            timeout_graceful_shutdown=5,
            # Desktops keep one connection open between an agent's actions (their heartbeat
            # is 20 s): a new TLS handshake per action cost 1.4 ms, and a request sent as
            # the server closed an idle connection failed.
            timeout_keep_alive=75,
            http="httptools" if _has("httptools") else "h11",
            loop="uvloop" if _has("uvloop") else "asyncio",
        )
    finally:
        if state is not None and state.jobs is not None:
            state.jobs.stop()
        ctx.db.dispose()
    return 0


def _server_state(ctx: ServiceContext, jobs: str) -> ServerState:
    """The state of one server process; its jobs started when ``jobs`` names their
    intervals (``sweep,relay,seal`` in seconds; empty: no jobs)."""
    from console.server.jobs import server_jobs
    from console.server.state import ServerState

    state = ServerState(ctx)
    if jobs:
        sweep_s, relay_s, seal_s = (float(value) for value in jobs.split(","))
        state.jobs = server_jobs(ctx, sweep_s=sweep_s, relay_s=relay_s, seal_s=seal_s)
        state.jobs.start()
    return state


def worker_app() -> FastAPI:
    """One worker's application (``--workers`` > 1), in a process uvicorn started: the
    checks passed in the parent, which then let go of its connections."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    from console.server.app import create_app

    ctx = open_server_context(load_settings())
    return create_app(_server_state(ctx, os.environ.get(WORKER_JOBS_ENV, "")))


def _has(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def check_transport(host: str, cert: str, key: str, *, insecure_http: bool) -> None:
    if insecure_http:
        if not _is_loopback(host):
            raise StartRefused(f"plain HTTP is allowed only on a loopback address, not {host}")
        return
    if not cert or not key:
        raise StartRefused("no TLS certificate: set server_cert and server_key (or --cert/--key)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_gateway(settings: Settings) -> None:
    """Fail closed: on a shared database the sandbox (no money moves) must be named."""
    shared = not settings.embedded
    if settings.gateway == "sandbox" and shared and not settings.allow_sandbox_gateway:
        raise StartRefused(
            "the sandbox payment gateway is not allowed on a shared database; set"
            " allow_sandbox_gateway = true to run it on purpose (a test environment)"
        )


def open_server_context(settings: Settings) -> ServiceContext:
    from console.bootstrap import MissingKey, open_database, outbox_cipher, sin_cipher
    from console.db.sin import SinKeyError
    from console.domain.clock import SystemClock
    from console.services.context import ServiceContext

    # On a shared database a key made here would silently fail to read every number
    # already stored (and every reset link another server queued): the keys are configured.
    try:
        cipher = sin_cipher(settings)
        outbox = outbox_cipher(settings)
    except (MissingKey, SinKeyError, ValueError) as problem:
        raise StartRefused(str(problem)) from problem
    database = open_database(migrate=settings.embedded, settings=settings, seed_demo=False)
    return ServiceContext(
        db=database,
        sin_cipher=cipher,
        clock=SystemClock(),
        settings=settings,
        outbox_cipher=outbox,
    )


def check_database(ctx: ServiceContext) -> None:
    from console.domain.errors import ConsoleError
    from console.services import health
    from console.services.sin_keys import ring_problem

    try:
        health.ping(ctx)
        current = health.migrations_current(ctx)
        skew = clock_skew_s(ctx)
    except ConsoleError as error:
        raise StartRefused(f"the database does not answer ({error.code})") from error
    if not current:
        raise StartRefused("the schema is not at the newest migration: run console db upgrade")
    try:  # a key missing or wrong would otherwise show at the first reveal
        keys = ring_problem(ctx)
    except ConsoleError as error:
        raise StartRefused(f"the database does not answer ({error.code})") from error
    if keys is not None:
        raise StartRefused(keys)
    if skew is not None and abs(skew) > MAX_CLOCK_SKEW_S:
        raise StartRefused(
            f"this machine's clock is {skew:+.1f} s from the database's (more than"
            f" {MAX_CLOCK_SKEW_S:.0f} s): fix the time service (NTP) first"
        )
    warn_about_database_role(ctx)


def warn_about_database_role(ctx: ServiceContext) -> None:
    """Loudly, without refusing (the tests run as a superuser): a server connected as the
    owner or a superuser is held by no grant and no append-only trigger."""
    from console.db.roles import connection_warnings

    for warning in connection_warnings(ctx.db.engine):
        print(f"console serve: WARNING: {warning}", file=sys.stderr, flush=True)


def clock_skew_s(ctx: ServiceContext) -> float | None:
    """Our clock minus the database's, in seconds; ``None`` where the database has none of
    its own (SQLite runs in this process)."""
    from console.services.health import database_now

    before = ctx.clock.now()
    theirs = database_now(ctx)
    after = ctx.clock.now()
    if theirs is None:
        return None
    ours = before + (after - before) / 2
    return (ours - theirs.astimezone(UTC)).total_seconds()
