from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.db.models import Account, OutboxMessage, PasswordResetToken
from console.domain.clock import FixedClock
from console.domain.errors import Refused
from console.domain.vocabulary import Role
from console.services.accounts import send_password_reset
from console.services.context import ServiceContext
from console.services.password_reset import consume_reset_token, password_matches
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call
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
    with ctx.db.read() as session:
        body = session.get_one(OutboxMessage, outcome.outbox_id).body
    return body.split("jeton=")[1].split()[0]


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
