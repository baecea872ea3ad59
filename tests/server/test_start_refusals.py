"""``console serve`` refuses to start rather than run unsafely, in one line, exit status 2.

No certificate (plain HTTP only on loopback, and only when asked for), the sandbox payment
gateway on a shared database that settings do not name, a schema behind the migrations,
a clock more than 2 seconds from the database's. Each refusal is set beside the same
start with that one thing put right, so a server that refused everything would fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.api import operations
from console.domain.clock import SystemClock
from console.server.main import StartRefused, check_database
from console.services.context import ServiceContext
from tests.helpers.databases import PostgresRun
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import ServerProcess, TestCertificates, free_port
from tests.server.conftest import SERVER_KEYS, require_postgres

# Nothing listens there: a start that gets as far as the database fails on it.
NOWHERE = "postgresql+psycopg://nobody@127.0.0.1:9/nothing"
PREFIX = "console serve: refused to start: "


def serve(
    directory: Path, *args: str, env: Mapping[str, str] | None = None, timeout_s: float = 60
) -> subprocess.CompletedProcess[str]:
    settings = directory / f"settings-{uuid.uuid4().hex[:6]}.toml"
    settings.write_text("", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")} | {
        "CONSOLE_SETTINGS": str(settings),
        **SERVER_KEYS,
        "HOME": str(directory),  # no user's settings, data or keys
        "XDG_CONFIG_HOME": str(directory / "config"),
        "XDG_DATA_HOME": str(directory / "data"),
    }
    environment.update(env or {})
    command = [sys.executable, "-m", "console", "serve", "--port", str(free_port()), *args]
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=timeout_s, check=False
    )


def refusal(done: subprocess.CompletedProcess[str]) -> str:
    """The one line a refusal prints, without its prefix."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(PREFIX), lines
    return lines[0].removeprefix(PREFIX)


def test_without_a_certificate_the_server_refuses_to_start(
    tmp_path: Path, certificates: TestCertificates
) -> None:
    shared = {"CONSOLE_DATABASE_URL": NOWHERE, "CONSOLE_ALLOW_SANDBOX_GATEWAY": "1"}
    message = refusal(serve(tmp_path, "--host", "127.0.0.1", env=shared))
    assert message.startswith("no TLS certificate")
    only_cert = serve(tmp_path, "--cert", str(certificates.cert_file), env=shared)
    assert refusal(only_cert).startswith("no TLS certificate")
    # With both, it gets past the transport, as far as the (absent) database.
    both = serve(
        tmp_path,
        "--cert",
        str(certificates.cert_file),
        "--key",
        str(certificates.key_file),
        env=shared,
    )
    assert refusal(both).startswith("the database does not answer")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "console.example.ca"])
def test_plain_http_is_refused_off_loopback(tmp_path: Path, host: str) -> None:
    done = serve(tmp_path, "--insecure-http", "--host", host, env={"CONSOLE_DATABASE_URL": NOWHERE})
    assert refusal(done) == f"plain HTTP is allowed only on a loopback address, not {host}"


def test_the_sandbox_gateway_on_a_shared_database_must_be_named(tmp_path: Path) -> None:
    tls = ("--insecure-http", "--host", "127.0.0.1")
    shared = {"CONSOLE_DATABASE_URL": NOWHERE}
    message = refusal(serve(tmp_path, *tls, env=shared))
    assert message.startswith("the sandbox payment gateway is not allowed on a shared database")
    assert "allow_sandbox_gateway = true" in message
    named_off = serve(tmp_path, *tls, env=shared | {"CONSOLE_ALLOW_SANDBOX_GATEWAY": "0"})
    assert refusal(named_off).startswith("the sandbox payment gateway is not allowed")
    # Named on purpose: past the gateway, as far as the (absent) database.
    named = serve(tmp_path, *tls, env=shared | {"CONSOLE_ALLOW_SANDBOX_GATEWAY": "1"})
    assert refusal(named).startswith("the database does not answer")


# --- On PostgreSQL --------------------------------------------------------------------


@pytest.fixture
def empty_database(_postgres_run: PostgresRun | None) -> Iterator[str]:
    """A PostgreSQL database nobody migrated."""
    run = require_postgres(_postgres_run)
    name = f"{run.name}_empty"
    admin = create_engine(run.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield run.admin_url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_schema_behind_the_migrations_is_refused(tmp_path: Path, empty_database: str) -> None:
    env = {"CONSOLE_DATABASE_URL": empty_database, "CONSOLE_ALLOW_SANDBOX_GATEWAY": "1"}
    done = serve(tmp_path, "--insecure-http", "--host", "127.0.0.1", "--no-jobs", env=env)
    assert refusal(done) == "the schema is not at the newest migration: run console db upgrade"


def test_plain_http_on_loopback_when_asked_for_serves(
    tmp_path: Path, _postgres_run: PostgresRun | None
) -> None:
    run = require_postgres(_postgres_run)
    port = free_port()
    settings = tmp_path / "settings.toml"
    settings.write_text("", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")} | {
        "CONSOLE_SETTINGS": str(settings),
        "CONSOLE_DATABASE_URL": run.url,
        **SERVER_KEYS,
        "CONSOLE_ALLOW_SANDBOX_GATEWAY": "1",
    }
    command = [sys.executable, "-m", "console", "serve", "--insecure-http", "--no-jobs"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "no answer over plain HTTP"
                time.sleep(0.1)
        assert answer.status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=15)
        if process.stderr is not None:
            process.stderr.close()


class OffsetClock(SystemClock):
    """The system clock moved by ``offset``: a machine whose time service failed."""

    def __init__(self, offset: timedelta) -> None:
        self.offset = offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
def pg_database(_postgres_run: PostgresRun | None) -> Iterator[Database]:
    run = require_postgres(_postgres_run)
    database = Database(run.url)
    yield database
    database.dispose()


@pytest.mark.parametrize("minutes", [21, -21])
def test_a_clock_far_from_the_databases_is_refused(pg_database: Database, minutes: int) -> None:
    skewed = ServiceContext(
        db=pg_database,
        sin_cipher=SinCipher(TEST_SIN_KEY),
        clock=OffsetClock(timedelta(minutes=minutes)),
    )
    with pytest.raises(StartRefused) as refused:
        check_database(skewed)
    message = str(refused.value)
    said = re.search(r"clock is ([+-][0-9.]+) s from the database's \(more than 2 s\)", message)
    assert said is not None, message
    assert abs(float(said.group(1)) - minutes * 60) < 2


@pytest.mark.parametrize("offset_s", [0.0, 1.0, -1.0])
def test_a_clock_within_two_seconds_of_the_databases_is_accepted(
    pg_database: Database, offset_s: float
) -> None:
    ctx = ServiceContext(
        db=pg_database,
        sin_cipher=SinCipher(TEST_SIN_KEY),
        clock=OffsetClock(timedelta(seconds=offset_s)),
    )
    check_database(ctx)


def test_a_clock_three_seconds_off_is_refused(pg_database: Database) -> None:
    ctx = ServiceContext(
        db=pg_database,
        sin_cipher=SinCipher(TEST_SIN_KEY),
        clock=OffsetClock(timedelta(seconds=3)),
    )
    with pytest.raises(StartRefused):
        check_database(ctx)


# --- What a started server answers without a session ----------------------------------


def test_health_answers_without_signing_in(console_server: ServerProcess | None) -> None:
    if console_server is None:
        pytest.skip("PostgreSQL not configured: the server runs on the run's PostgreSQL")
    with console_server.client() as http:
        answer = http.get("/health")
    assert answer.status_code == 200
    report = answer.json()
    assert report["ok"] is True
    assert report["database"]["reachable"] is True
    assert report["database"]["migrations_current"] is True
    assert report["jobs"] == {}  # this one runs with --no-jobs
    assert "url" not in str(report["database"]).lower()


def test_the_openapi_document_has_one_post_route_per_use_case(
    console_server: ServerProcess | None,
) -> None:
    if console_server is None:
        pytest.skip("PostgreSQL not configured: the server runs on the run's PostgreSQL")
    with console_server.client() as http:
        document = http.get("/openapi.json").json()
    use_cases = {
        path.removeprefix("/api/v1/"): methods
        for path, methods in document["paths"].items()
        if path.startswith("/api/v1/") and path != "/api/v1/session"
    }
    assert set(use_cases) == set(operations())
    assert all(list(methods) == ["post"] for methods in use_cases.values())
    assert set(document["paths"]["/api/v1/session"]) == {"post", "delete"}
    assert set(document["paths"]) == {f"/api/v1/{n}" for n in operations()} | {
        "/api/v1/session",
        "/health",
    }
    assert document["components"]["securitySchemes"]["session"]["scheme"] == "bearer"
