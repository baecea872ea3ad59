"""A failure nobody foresaw is answered ``server_error`` and the connection stays open.

Starlette's last-resort handler answers and then re-raises, and uvicorn closes the
connection: the desktop's next call on its kept-alive connection then failed as
``server_unreachable`` (the "server unreachable" banner after one bug). The app runs here
in this process, on SQLite, behind a real uvicorn over loopback HTTP, with a clock that
fails on demand; the same connection must serve the next request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from argon2 import PasswordHasher, profiles

from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.vocabulary import Role
from console.server.app import create_app
from console.server.state import ServerState
from console.services import staff_auth
from console.services.context import ServiceContext
from tests.helpers.databases import fresh_sqlite
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import free_port
from tests.server.conftest import PASSWORD, bearer, open_session


class FailingClock(SystemClock):
    """The system clock, until ``failing``: then a bug."""

    failing = False

    def now(self) -> datetime:
        if self.failing:
            raise RuntimeError("a bug nobody foresaw")
        return super().now()


@pytest.fixture
def served(tmp_path: Path, _sqlite_template: Path) -> Iterator[tuple[str, FailingClock, str]]:
    database = fresh_sqlite(_sqlite_template, tmp_path / "server.sqlite3")
    clock = FailingClock()
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=clock)
    ctx.ports[staff_auth.HASHER_PORT] = PasswordHasher.from_parameters(profiles.CHEAPEST)
    staff_auth.add_staff(ctx, "agent1", Role.AGENT, "Agent Un", PASSWORD)
    port = free_port()
    config = uvicorn.Config(
        create_app(ServerState(ctx)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", clock, "agent1"
    server.should_exit = True
    thread.join(timeout=10)
    database.dispose()


def local_port(answer: httpx.Response) -> int:
    """The client's end of the connection that carried ``answer``."""
    stream = answer.extensions["network_stream"]
    return int(stream.get_extra_info("socket").getsockname()[1])


def test_a_server_error_leaves_the_kept_alive_connection_serving(
    served: tuple[str, FailingClock, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, clock, username = served
    caplog.set_level(logging.INFO, logger="console.server")
    with httpx.Client(base_url=url, limits=httpx.Limits(max_connections=1)) as http:
        token = open_session(http, username)
        first = http.post("/api/v1/now", json={}, headers=bearer(token))
        assert first.status_code == 200
        ports = [local_port(first)]
        clock.failing = True
        failed = http.post("/api/v1/now", json={}, headers=bearer(token))
        clock.failing = False
        ports.append(local_port(failed))
        assert failed.status_code == 500
        assert failed.json() == {
            "error": "Unavailable",
            "code": "server_error",
            "params": {},
            "reasons": [],
        }
        assert "a bug nobody foresaw" not in failed.text
        time.sleep(0.3)  # the agent's next click: a server closing the connection has by now
        after = http.post("/api/v1/now", json={}, headers=bearer(token))
        assert after.status_code == 200
        ports.append(local_port(after))
        # The same connection carried all three: the server did not drop it (httpx would
        # otherwise have opened another without telling, or failed when it raced).
        assert len(set(ports)) == 1, ports
    assert "unexpected RuntimeError on /api/v1/now" in caplog.text
    logged = [r.getMessage() for r in caplog.records if r.name == "console.server.requests"]
    assert any('"status": 500' in line for line in logged), logged


def test_each_request_is_one_json_line_without_what_was_asked(
    served: tuple[str, FailingClock, str], caplog: pytest.LogCaptureFixture
) -> None:
    """`console serve` logs one structured line per request: method, route template,
    status, time, staff id — never the query, the path's values or the body."""
    import json

    url, _clock, username = served
    caplog.set_level(logging.INFO, logger="console.server")
    secret_query = "helene.cote-secret@example.ca"
    with httpx.Client(base_url=url) as http:
        token = open_session(http, username)
        caplog.clear()
        answer = http.post(
            "/api/v1/search_callers", json={"query": secret_query}, headers=bearer(token)
        )
        assert answer.status_code == 200, answer.text
        refused = http.post("/api/v1/search_callers?x=" + secret_query, json={"query": 1})
        assert refused.status_code in (400, 401)
    lines = [r.getMessage() for r in caplog.records if r.name == "console.server.requests"]
    assert len(lines) == 2, lines
    for line in lines:
        entry = json.loads(line)
        assert set(entry) == {"method", "route", "status", "ms", "staff_id"}
        assert secret_query not in line and "helene" not in line
    assert json.loads(lines[0])["route"] == "/api/v1/search_callers"
    assert json.loads(lines[0])["staff_id"] is not None
