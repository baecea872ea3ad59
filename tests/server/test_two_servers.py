"""Several ``console serve`` processes behind a load balancer, on one database.

They keep no state of their own: a session opened on one works on the other, and a staff
member disabled on the server machine is refused by both at their next request. The jobs
(the sweep here) run in exactly one of them at a time, the one holding the job's lease;
when it stops, another takes over within a pass or two.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client.remote import RemoteApi, http_client
from console.domain.errors import Unauthenticated
from console.domain.vocabulary import Role
from tests.helpers.databases import PostgresRun
from tests.helpers.server_process import ServerProcess, TestCertificates
from tests.server.conftest import SERVER_KEYS, Site, bearer, open_session, require_postgres

SWEEP_INTERVAL_S = 0.5


@pytest.fixture(scope="module")
def second_server(
    _postgres_run: PostgresRun | None,
    certificates: TestCertificates,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ServerProcess]:
    run = require_postgres(_postgres_run)
    server = ServerProcess(run.url, tmp_path_factory.mktemp("second"), certificates)
    yield server
    server.stop()


def staff_command(
    run: PostgresRun, directory: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """``python -m console staff …`` on the server machine, with the servers' settings."""
    settings = directory / "staff-cli.toml"
    settings.write_text("", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")} | {
        "CONSOLE_SETTINGS": str(settings),
        "CONSOLE_DATABASE_URL": run.url,
        **SERVER_KEYS,
        "CONSOLE_ARGON2_FAST": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "console", "staff", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_session_opened_on_one_server_works_on_the_other(
    site: Site, second_server: ServerProcess
) -> None:
    first = site.server
    agent = site.staff(Role.AGENT)
    built = site.household(last_name="Bouchard")
    api_on_first = site.remote(agent)
    token = api_on_first._token
    # The desktop's session, carried to the other server (as a load balancer would).
    api_on_second = RemoteApi(
        http_client(second_server.url, str(second_server.certificates.ca_file)),
        token,
        api_on_first.actor,
        base_url=second_server.url,
        ca_file=str(second_server.certificates.ca_file),
    )
    found = api_on_second.search_callers("Bouchard")
    assert [hit.household_id for hit in found.hits] == [built.household_id]
    # What one server wrote (the file opened), the other reads.
    api_on_second.household_view(built.household_id)
    assert api_on_first.now() is not None

    with first.client() as on_first, second_server.client() as on_second:
        token_b = open_session(on_second, agent.username)
        assert on_first.post("/api/v1/now", json={}, headers=bearer(token_b)).status_code == 200
        # Signed out on one, ended on both.
        assert on_second.delete("/api/v1/session", headers=bearer(token_b)).status_code == 204
        answer = on_first.post("/api/v1/now", json={}, headers=bearer(token_b))
        assert answer.status_code == 401
    api_on_second._http.close()


def test_a_staff_member_disabled_on_the_server_machine_is_refused_by_both(
    site: Site, second_server: ServerProcess, pg_run: PostgresRun, tmp_path: Path
) -> None:
    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    with site.server.client() as on_first, second_server.client() as on_second:
        token = open_session(on_second, agent.username)
        for http in (on_first, on_second):
            assert http.post("/api/v1/now", json={}, headers=bearer(token)).status_code == 200

        done = staff_command(pg_run, tmp_path, "disable", agent.username)
        assert done.returncode == 0, done.stderr
        assert "sessions ended: 2" in done.stdout

        for http in (on_first, on_second):
            answer = http.post("/api/v1/now", json={}, headers=bearer(token))
            assert (answer.status_code, answer.json()["code"]) == (401, "session_invalid")
    with pytest.raises(Unauthenticated):
        api.ping()


# --- The jobs -------------------------------------------------------------------------


def sweep_status(server: ServerProcess) -> dict[str, Any]:
    with server.client() as http:
        answer = http.get("/health", timeout=5)
    assert answer.status_code == 200, answer.text
    status: dict[str, Any] = answer.json()["jobs"]["sweep"]
    return status


def lease_holder(site: Site) -> str | None:
    rows = site.sql("SELECT holder FROM job_lease WHERE name = 'sweep'")
    return str(rows[0][0]) if rows else None


def pid_of(holder: str | None) -> int | None:
    """A holder reads ``host:pid:nonce``."""
    return int(holder.split(":")[1]) if holder else None


def wait_for(condition: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout_s} s: {what}")
        time.sleep(0.1)


def test_exactly_one_of_two_servers_sweeps_and_the_other_takes_over_when_it_stops(
    site: Site, pg_run: PostgresRun, certificates: TestCertificates, tmp_path: Path
) -> None:
    arguments = ("--sweep-interval", str(SWEEP_INTERVAL_S), "--relay-interval", "0")
    servers = [
        ServerProcess(pg_run.url, tmp_path / name, certificates, jobs=True, extra_args=arguments)
        for name in ("a", "b")
    ]
    try:
        by_pid = {server.process.pid: server for server in servers}
        wait_for(lambda: lease_holder(site) is not None, 10, "a server takes the lease")
        wait_for(
            lambda: sum(sweep_status(s)["leader"] for s in servers) == 1,
            10,
            "exactly one server says it leads",
        )
        leader = by_pid[pid_of(lease_holder(site)) or 0]
        (follower,) = (s for s in servers if s is not leader)

        # Over several passes: one leader, the lease's holder; the other never sweeps.
        for _sample in range(8):
            leading, following = sweep_status(leader), sweep_status(follower)
            assert (leading["leader"], following["leader"]) == (True, False)
            assert leading["alive"] and following["alive"]
            assert following["runs"] == 0
            assert pid_of(lease_holder(site)) == leader.process.pid
            time.sleep(SWEEP_INTERVAL_S / 2)
        assert sweep_status(leader)["runs"] >= 3

        stopped_at = time.monotonic()
        leader.stop()  # a clean stop gives the lease back
        wait_for(lambda: sweep_status(follower)["leader"], 5, "the other server takes over")
        assert time.monotonic() - stopped_at < 5
        assert pid_of(lease_holder(site)) == follower.process.pid
        wait_for(lambda: sweep_status(follower)["runs"] >= 2, 5, "the new leader sweeps")
    finally:
        for server in servers:
            server.stop()
