"""The server seals each complete day of the journal soon after it ends, in one server at a
time, so the current week is never only as safe as its trigger."""

from __future__ import annotations

import time
from pathlib import Path

from console.services import audit_seal
from tests.helpers.databases import PostgresRun
from tests.helpers.server_process import ServerProcess, TestCertificates
from tests.server.conftest import Site


def test_the_server_seals_a_complete_day_and_verify_then_finds_it_whole(
    site: Site, pg_run: PostgresRun, certificates: TestCertificates, tmp_path: Path
) -> None:
    site.sql(
        "INSERT INTO audit_entry (at, action, target, reason, details)"
        " VALUES (now() - interval '2 days', 'account_unlocked', 'compte', '', '')"
    )
    assert site.sql("SELECT count(*) FROM audit_seal")[0][0] == 0
    server = ServerProcess(
        pg_run.url,
        tmp_path / "sealer",
        certificates,
        jobs=True,
        extra_args=("--sweep-interval", "60", "--relay-interval", "0", "--seal-interval", "0.5"),
    )
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if site.sql("SELECT count(*) FROM audit_seal WHERE log = 'audit_entry'")[0][0]:
                break
            time.sleep(0.2)
        with server.client() as http:
            jobs = http.get("/health").json()["jobs"]
    finally:
        server.stop()
    assert site.sql("SELECT count(*) FROM audit_seal WHERE log = 'audit_entry'")[0][0] >= 1
    assert jobs["audit_seal"]["alive"] and jobs["audit_seal"]["runs"] >= 1
    assert audit_seal.verify(site.ctx).ok
