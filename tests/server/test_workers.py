"""``console serve --workers N``: N processes answer on one port, each with its own pool,
and a session opened on one is good on the others (sessions live in the database)."""

from __future__ import annotations

from pathlib import Path

from console.domain.vocabulary import Role
from tests.helpers.databases import PostgresRun
from tests.helpers.server_process import ServerProcess, TestCertificates
from tests.server.conftest import Site, bearer, open_session


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def test_two_workers_answer_on_one_port(
    site: Site, pg_run: PostgresRun, certificates: TestCertificates, tmp_path: Path
) -> None:
    agent = site.staff(Role.AGENT)
    server = ServerProcess(pg_run.url, tmp_path, certificates, extra_args=("--workers", "2"))
    try:
        with server.client() as http:
            token = open_session(http, agent.username)
            for _ in range(20):
                assert http.post("/api/v1/ping", json={}, headers=bearer(token)).status_code == 200
        # The supervisor's children: its two workers (spawned interpreters).
        workers = [
            child
            for child in _children(server.process.pid)
            if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text(errors="replace")
        ]
        assert len(workers) == 2, server.log()
        assert "(2 workers)" in server.log()
    finally:
        server.stop()
