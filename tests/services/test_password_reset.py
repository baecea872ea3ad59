from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.config import SmtpSettings
from console.db.models import Account, Base, PasswordResetToken
from console.domain.clock import FixedClock
from console.domain.errors import Refused
from console.domain.vocabulary import Role
from console.services.accounts import send_password_reset
from console.services.context import ServiceContext
from console.services.mail_relay import RelayPolicy, SmtpTransport, deliver_due
from console.services.password_reset import consume_reset_token, password_matches
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call
from tests.helpers.outbox import queued_token
from tests.helpers.smtp_server import RecordingHandler, free_port, smtp_server
from tests.helpers.snapshots import snapshot

GOOD = "Soleil#2026"


@pytest.fixture
def family(ctx: ServiceContext) -> BuiltHousehold:
    with ctx.db.write() as session:
        return make_household(session)


def _send_link(ctx: ServiceContext, family: BuiltHousehold) -> str:
    with ctx.db.write() as session:
        agent = make_staff(session, Role.AGENT)
    verify_call(ctx, agent, family)
    outcome = send_password_reset(ctx, agent, family.household_id)
    return queued_token(ctx, outcome.outbox_id)


def test_a_link_sets_a_scrypt_hashed_password_once(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    token = _send_link(ctx, family)
    consume_reset_token(ctx, token, GOOD)
    with ctx.db.read() as session:
        stored = session.get_one(Account, family.account_id).password_hash
        assert stored is not None and stored.startswith("scrypt$") and GOOD not in stored
        assert password_matches(GOOD, stored)
        assert session.scalars(select(PasswordResetToken.used_at)).one() is not None
    with pytest.raises(Refused) as refused:
        consume_reset_token(ctx, token, "Autre#2026")
    assert refused.value.code == "reset_token_invalid"


def test_a_password_breaking_f1_is_refused_and_the_link_still_works(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    token = _send_link(ctx, family)
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        consume_reset_token(ctx, token, "#court1")
    assert refused.value.code == "password_rejected"
    codes = {r.code for r in refused.value.reasons}
    assert {"password_too_short", "password_needs_uppercase", "password_special_first"} <= codes
    assert snapshot(ctx.db) == before
    consume_reset_token(ctx, token, GOOD)


def test_an_expired_revoked_or_unknown_link_is_refused(
    ctx: ServiceContext, family: BuiltHousehold, clock: FixedClock
) -> None:
    first = _send_link(ctx, family)
    second = _send_link(ctx, family)
    for token in (first, "not-a-token"):
        with pytest.raises(Refused):
            consume_reset_token(ctx, token, GOOD)
    clock.advance(timedelta(minutes=61))
    before = snapshot(ctx.db)
    with pytest.raises(Refused):
        consume_reset_token(ctx, second, GOOD)
    assert snapshot(ctx.db) == before


def _columns_holding(ctx: ServiceContext, secret: str) -> list[str]:
    """Every table.column of every row whose value contains ``secret``."""
    found = []
    with ctx.db.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)).mappings():
                for column, value in row.items():
                    text = (
                        value.decode(errors="replace") if isinstance(value, bytes) else str(value)
                    )
                    if secret in text:
                        found.append(f"{table.name}.{column}")
    return found


def test_after_delivery_no_column_of_any_table_holds_the_token(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    token = _send_link(ctx, family)
    assert _columns_holding(ctx, token) == []  # queued: it waits encrypted
    port = free_port()
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port), timeout=5)
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, transport, sender="relais@exemple.ca").sent == 1
    [received] = server.received
    body = received.get_body()
    assert body is not None
    emailed = body.get_content().split("jeton=")[1].split()[0]
    assert emailed == token
    assert _columns_holding(ctx, token) == []
    consume_reset_token(ctx, emailed, GOOD)  # the emailed link still works


def test_a_failed_reset_message_keeps_no_token(ctx: ServiceContext, family: BuiltHousehold) -> None:
    token = _send_link(ctx, family)
    port = free_port()  # nothing listens: refused until the last attempt
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port), timeout=5)
    report = deliver_due(
        ctx, transport, sender="relais@exemple.ca", policy=RelayPolicy(max_attempts=1)
    )
    assert report.failed == 1
    assert _columns_holding(ctx, token) == []
