"""What a review found by attacking a real server, each now refused: a body too large to
be buffered, a period the dashboard cannot hold, a call note backdated by days, and a
refusal logged without the staff member it refused."""

from __future__ import annotations

import json
import socket
import ssl
from datetime import timedelta

import httpx

from console.domain.vocabulary import Role
from tests.server.conftest import Site, bearer, open_session


def test_a_body_announced_or_sent_too_large_is_refused_before_it_is_buffered(
    site: Site, http: httpx.Client
) -> None:
    # No session at all: the size is checked first, so nobody makes the server buffer.
    announced = http.post(
        "/api/v1/search_callers",
        content=b" " * 300_000,  # its Content-Length says so: refused on the header
        headers={"Authorization": "Bearer nobody"},
    )
    assert (announced.status_code, announced.json()["code"]) == (422, "request_too_large")
    # Announcing 400 MB and sending none of it: answered at once, not after waiting for
    # (and buffering) the body, which a server reading the whole body first would do.
    port = int(site.server.url.rsplit(":", 1)[1])
    trust = ssl.create_default_context(cafile=str(site.server.certificates.ca_file))
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        trust.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        tls.sendall(
            b"POST /api/v1/search_callers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Authorization: Bearer nobody\r\nContent-Type: application/json\r\n"
            b"Content-Length: 400000000\r\n\r\n{"
        )
        head = tls.recv(4096)  # a socket timeout here means the server waited
    assert head.startswith(b"HTTP/1.1 422")
    chunks = (b"x" * 65536 for _ in range(8))  # 512 KiB, streamed without a length
    streamed = http.post(
        "/api/v1/search_callers", content=chunks, headers={"Authorization": "Bearer nobody"}
    )
    assert streamed.status_code == 422
    assert streamed.json()["code"] == "request_too_large"


def test_a_dashboard_period_out_of_range_is_refused_not_a_server_error(
    site: Site, http: httpx.Client
) -> None:
    supervisor = site.staff(Role.SUPERVISOR)
    token = open_session(http, supervisor.username)
    for days in (0, 367, 10**12):
        answer = http.post(
            "/api/v1/dashboard_figures",
            json={"borough_id": None, "season_id": None, "days": days},
            headers=bearer(token),
        )
        assert (answer.status_code, answer.json()["code"]) == (422, "request_malformed")


def test_a_call_note_cannot_start_days_before_the_servers_now(site: Site) -> None:
    built = site.household()
    agent = site.remote(Role.AGENT)
    now = agent.now()
    note = agent.end_call(built.household_id, "other", now - timedelta(days=3), "")
    assert note.ended_at - note.started_at <= timedelta(hours=4, seconds=5)


def test_a_refusal_is_logged_with_the_staff_member_it_refused(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    refused = http.post("/api/v1/list_staff", json={}, headers=bearer(token))
    assert refused.status_code == 200
    forbidden = http.post("/api/v1/audit_actions", json={}, headers=bearer(token))
    assert forbidden.status_code == 403
    lines = [
        json.loads(line)
        for line in site.server.log().splitlines()
        if line.startswith("{") and '"/api/v1/audit_actions"' in line
    ]
    assert lines and lines[-1]["status"] == 403
    assert lines[-1]["staff_id"] == agent.actor.staff_id
