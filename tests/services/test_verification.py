from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from console.db.models import AuditEntry, CallVerification
from console.domain.clock import FixedClock
from console.domain.errors import Refused, VerificationRequired
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.staff import Actor
from console.services.verification import (
    CallerAnswers,
    Factor,
    require_verified,
    verification_status,
    verify_caller,
)
from tests.helpers.builders import BuiltHousehold, make_household, make_payment, make_staff
from tests.helpers.snapshots import snapshot


@pytest.fixture
def family(ctx: ServiceContext, clock: FixedClock) -> BuiltHousehold:
    with ctx.db.write() as session:
        household = make_household(session, postal_code="G1R 2B5")
        make_payment(session, household, amount_cents=8750, at=clock.now() - timedelta(days=3))
    return household


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    with ctx.db.write() as session:
        return make_staff(session, Role.AGENT)


def test_two_matching_answers_pass_and_record_factor_names_only(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, clock: FixedClock
) -> None:
    result = verify_caller(
        ctx,
        agent,
        family.household_id,
        CallerAnswers(birth_date=family.responsible_birth_date, postal_code=" g1r2b5 "),
    )
    assert result.passed
    assert result.matched == (Factor.BIRTH_DATE, Factor.POSTAL_CODE)
    assert result.verified_until == clock.now() + timedelta(minutes=30)
    with ctx.db.read() as session:
        row = session.scalars(select(CallVerification)).one()
        assert (row.passed, row.matched, row.staff_id) == (
            True,
            "birth_date,postal_code",
            agent.staff_id,
        )
        entry = session.scalars(select(AuditEntry)).one()
        assert entry.action == "caller_verified"
        assert entry.household_id == family.household_id
        assert "1984" not in entry.details and "G1R" not in entry.details.upper()


def test_last_payment_and_household_number_count_as_factors(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, clock: FixedClock
) -> None:
    paid_on = (clock.now() - timedelta(days=3)).date()
    result = verify_caller(
        ctx,
        agent,
        family.household_id,
        CallerAnswers(
            household_number=f" {family.number} ",
            last_payment_cents=8750,
            last_payment_date=paid_on,
        ),
    )
    assert result.matched == (Factor.HOUSEHOLD_NUMBER, Factor.LAST_PAYMENT)
    assert result.passed


def test_one_match_fails_and_is_audited(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor
) -> None:
    result = verify_caller(
        ctx,
        agent,
        family.household_id,
        CallerAnswers(birth_date=date(1990, 1, 1), postal_code="G1R 2B5"),
    )
    assert not result.passed
    assert result.matched == (Factor.POSTAL_CODE,)
    assert result.attempts_left == 2
    with ctx.db.read() as session:
        assert session.scalars(select(AuditEntry.action)).all() == ["caller_verification_failed"]


def test_fewer_than_two_answers_is_refused_and_records_nothing(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor
) -> None:
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        verify_caller(ctx, agent, family.household_id, CallerAnswers(postal_code="G1R 2B5"))
    assert refused.value.code == "verification_needs_two_answers"
    assert snapshot(ctx.db) == before


def test_three_failures_block_every_agent_for_fifteen_minutes(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, clock: FixedClock
) -> None:
    wrong = CallerAnswers(birth_date=date(1990, 1, 1), postal_code="H0H 0H0")
    right = CallerAnswers(birth_date=family.responsible_birth_date, postal_code="G1R2B5")
    first_failure = clock.now()
    for _ in range(3):
        verify_caller(ctx, agent, family.household_id, wrong)
        clock.advance(timedelta(minutes=1))
    with ctx.db.write() as session:
        other_agent = make_staff(session, Role.AGENT)
    blocked = verify_caller(ctx, other_agent, family.household_id, right)
    assert not blocked.passed
    assert blocked.blocked_until == first_failure + timedelta(minutes=15)
    with ctx.db.read() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions[-1] == "caller_verification_blocked"
        assert session.scalar(select(CallVerification).where(CallVerification.passed)) is None
    clock.advance(timedelta(minutes=15))
    assert verify_caller(ctx, other_agent, family.household_id, right).passed


def test_require_verified_needs_this_agent_this_household_within_thirty_minutes(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, clock: FixedClock
) -> None:
    with ctx.db.write() as session:
        other_agent = make_staff(session, Role.AGENT)
        other_family = make_household(session)
    verify_caller(
        ctx,
        agent,
        family.household_id,
        CallerAnswers(birth_date=family.responsible_birth_date, postal_code="G1R 2B5"),
    )
    with ctx.db.read() as session:
        require_verified(session, ctx, agent, family.household_id)
        with pytest.raises(VerificationRequired):
            require_verified(session, ctx, other_agent, family.household_id)
        with pytest.raises(VerificationRequired):
            require_verified(session, ctx, agent, other_family.household_id)
    assert verification_status(ctx, agent, family.household_id).verified
    clock.advance(timedelta(minutes=31))
    with ctx.db.read() as session, pytest.raises(VerificationRequired):
        require_verified(session, ctx, agent, family.household_id)
    assert not verification_status(ctx, agent, family.household_id).verified
