from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from console.db.models import Account, AuditEntry, OutboxMessage, PasswordResetToken
from console.domain.clock import FixedClock
from console.domain.errors import Refused, VerificationRequired
from console.domain.vocabulary import Role
from console.services.accounts import (
    account_summary,
    check_address,
    resend_confirmation,
    send_password_reset,
    unlock_account,
)
from console.services.context import ServiceContext
from console.services.staff import Actor
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call
from tests.helpers.outbox import queued_token
from tests.helpers.snapshots import snapshot


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    with ctx.db.write() as session:
        return make_staff(session, Role.AGENT)


def _household(ctx: ServiceContext, **kwargs: object) -> BuiltHousehold:
    with ctx.db.write() as session:
        return make_household(session, **kwargs)  # type: ignore[arg-type]


def test_unlock_clears_lock_and_count_and_emails_the_holder(
    ctx: ServiceContext, agent: Actor
) -> None:
    family = _household(ctx, locked=True, language="en")
    verify_call(ctx, agent, family)
    outcome = unlock_account(ctx, agent, family.household_id, reason="caller locked out")
    with ctx.db.read() as session:
        account = session.get_one(Account, family.account_id)
        assert (account.locked_at, account.failed_login_count) == (None, 0)
        message = session.get_one(OutboxMessage, outcome.outbox_id)
        assert message.to_address == family.email
        assert message.kind == "account_unlocked"
        assert "418 641-6018" in message.body and "unlocked" in message.subject
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "account_unlocked")
        ).one()
        assert (entry.staff_id, entry.account_id, entry.reason) == (
            agent.staff_id,
            family.account_id,
            "caller locked out",
        )


def test_unlock_without_verification_changes_nothing(ctx: ServiceContext, agent: Actor) -> None:
    family = _household(ctx, locked=True)
    before = snapshot(ctx.db)
    with pytest.raises(VerificationRequired):
        unlock_account(ctx, agent, family.household_id)
    assert snapshot(ctx.db) == before


def test_unlocking_an_unlocked_account_is_refused(ctx: ServiceContext, agent: Actor) -> None:
    family = _household(ctx)
    verify_call(ctx, agent, family)
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        unlock_account(ctx, agent, family.household_id)
    assert refused.value.code == "account_not_locked"
    assert snapshot(ctx.db) == before


def test_reset_link_goes_to_the_address_on_file_with_a_hashed_single_token(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    family = _household(ctx)
    verify_call(ctx, agent, family)
    outcome = send_password_reset(ctx, agent, family.household_id)
    assert outcome.to_address == family.email
    assert outcome.valid_until == clock.now() + timedelta(minutes=60)
    token = queued_token(ctx, outcome.outbox_id)
    with ctx.db.read() as session:
        message = session.get_one(OutboxMessage, outcome.outbox_id)
        assert token not in message.body  # it waits encrypted, beside a placeholder
        assert len(token) >= 43  # 32 random bytes, base64
        stored = session.scalars(select(PasswordResetToken)).one()
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in stored.token_hash
        assert stored.expires_at == clock.now() + timedelta(minutes=60)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "password_reset_sent")
        ).one()
        assert token not in entry.details


def test_a_new_reset_link_revokes_the_earlier_ones(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    family = _household(ctx)
    verify_call(ctx, agent, family)
    send_password_reset(ctx, agent, family.household_id)
    clock.advance(timedelta(minutes=5))
    send_password_reset(ctx, agent, family.household_id)
    with ctx.db.read() as session:
        tokens = session.scalars(select(PasswordResetToken).order_by(PasswordResetToken.id)).all()
        assert [t.revoked_at is not None for t in tokens] == [True, False]


def test_a_fourth_reset_link_within_the_hour_is_refused(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    family = _household(ctx)
    verify_call(ctx, agent, family)
    first = clock.now()
    for _ in range(3):
        send_password_reset(ctx, agent, family.household_id)
        clock.advance(timedelta(minutes=2))
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        send_password_reset(ctx, agent, family.household_id)
    assert refused.value.code == "reset_rate_limited"
    assert refused.value.params["retry_at"] == first + timedelta(hours=1)
    assert snapshot(ctx.db) == before
    assert account_summary(ctx, agent, family.household_id).reset_links_left == 0


def test_confirmation_is_resent_only_to_an_unconfirmed_account(
    ctx: ServiceContext, agent: Actor
) -> None:
    unconfirmed = _household(ctx, confirmed=False)
    confirmed = _household(ctx)
    verify_call(ctx, agent, unconfirmed)
    verify_call(ctx, agent, confirmed)
    outcome = resend_confirmation(ctx, agent, unconfirmed.household_id)
    assert (outcome.to_address, outcome.kind) == (unconfirmed.email, "confirmation")
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        resend_confirmation(ctx, agent, confirmed.household_id)
    assert refused.value.code == "account_already_confirmed"
    assert snapshot(ctx.db) == before


def test_confirmation_resends_are_limited_to_three_an_hour(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    family = _household(ctx, confirmed=False)
    verify_call(ctx, agent, family)
    for _ in range(3):
        resend_confirmation(ctx, agent, family.household_id)
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        resend_confirmation(ctx, agent, family.household_id)
    assert refused.value.code == "confirmation_rate_limited"
    assert snapshot(ctx.db) == before
    clock.advance(timedelta(minutes=61))
    verify_call(ctx, agent, family)
    resend_confirmation(ctx, agent, family.household_id)


def test_summary_lists_every_message_with_its_delivery_state(
    ctx: ServiceContext, agent: Actor
) -> None:
    family = _household(ctx, locked=True, confirmed=False)
    verify_call(ctx, agent, family)
    unlock_account(ctx, agent, family.household_id)
    send_password_reset(ctx, agent, family.household_id)
    resend_confirmation(ctx, agent, family.household_id)
    summary = account_summary(ctx, agent, family.household_id)
    assert not summary.locked and not summary.confirmed
    assert summary.failed_login_count == 0
    assert {m.kind for m in summary.messages} == {
        "account_unlocked",
        "password_reset",
        "confirmation",
    }
    assert {m.state.value for m in summary.messages} == {"queued"}
    assert summary.reset_links_left == 2 and summary.confirmations_left == 2
    assert summary.reset_link_valid_until is not None


def test_address_check_tells_whether_a_quoted_address_has_a_dossier(
    ctx: ServiceContext, agent: Actor
) -> None:
    family = _household(ctx, email="marie.tremblay@exemple.ca")
    found = check_address(ctx, agent, "  Marie.Tremblay@EXEMPLE.ca ")
    assert (found.in_use, found.household_number) == (True, family.number)
    unknown = check_address(ctx, agent, "personne@exemple.ca")
    assert not unknown.in_use


@pytest.mark.parametrize("bad", ["marie.tremblay", "marie@", "a b@exemple.ca", ""])
def test_a_malformed_address_is_refused_and_changes_nothing(
    ctx: ServiceContext, agent: Actor, bad: str
) -> None:
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        check_address(ctx, agent, bad)
    assert refused.value.code == "email_malformed"
    assert snapshot(ctx.db) == before
