"""Guessing passwords or staff names from one address is slowed down before any hash is
computed or any journal entry written; unknown names cannot flood the journal."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from console.db.models import AuditEntry
from console.domain.audit_actions import AuditAction
from console.domain.errors import Unauthenticated
from console.server.throttle import SignInThrottle
from console.services import staff_auth
from console.services.context import ServiceContext
from tests.server.conftest import Site


def test_an_address_gets_a_few_attempts_a_minute_then_waits() -> None:
    now = [0.0]
    throttle = SignInThrottle(attempts=3, window_s=60, clock=lambda: now[0])
    assert [throttle.allow("10.0.0.9") for _ in range(3)] == [None, None, None]
    wait = throttle.allow("10.0.0.9")
    assert wait is not None and 0 < wait <= 60
    assert throttle.allow("10.0.0.10") is None  # another address is not slowed
    now[0] = 61.0
    assert throttle.allow("10.0.0.9") is None


def test_the_server_answers_busy_past_the_limit(site: Site) -> None:
    # The shared test server allows many attempts (the suites sign in often); a server of
    # its own keeps the default.
    from tests.helpers.server_process import ServerProcess

    server = ServerProcess(
        site.ctx.db.url,
        site.server.log_file.parent / "throttled",
        site.server.certificates,
        env={"CONSOLE_SIGN_IN_ATTEMPTS_PER_MINUTE": "3"},
    )
    try:
        with server.client() as http:
            answers = [
                http.post("/api/v1/session", json={"username": "x", "password": "y"})
                for _ in range(5)
            ]
    finally:
        server.stop()
    assert [a.status_code for a in answers] == [401, 401, 401, 503, 503]
    assert answers[-1].json()["code"] == "sign_in_throttled"


def test_guesses_at_an_unknown_name_write_one_journal_entry_a_minute(ctx: ServiceContext) -> None:
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            staff_auth.sign_in(ctx, "personne", "Mauvais-mot-de-passe")
    with ctx.db.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == AuditAction.STAFF_SIGN_IN_FAILED.value)
        )
    assert count == 1
