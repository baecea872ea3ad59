"""Verify the caller before acting (DESIGN.md §6): the help-desk defence against account
takeover. An agent records which facts the caller knew; sensitive services then call
:func:`require_verified`.

Only the names of the matched factors are kept, never the answers the caller gave.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import CallVerification, Cart, Household, Member, Payment
from console.domain.errors import NotFound, Refused, VerificationRequired
from console.domain.text import ANSWER_MAX, clean_optional
from console.domain.views.verification import CallerAnswers as CallerAnswers
from console.domain.views.verification import Factor as Factor
from console.domain.views.verification import VerificationResult as VerificationResult
from console.domain.views.verification import VerificationStatus as VerificationStatus
from console.domain.vocabulary import PaymentStatus, Relationship, Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.quebec_time import local_date
from console.services.staff import Actor, require_role

MATCHES_NEEDED = 2
CALL_WINDOW = timedelta(minutes=30)
MAX_FAILURES = 3
FAILURE_WINDOW = timedelta(minutes=15)


def normalize_postal_code(text: str) -> str:
    """ "g1r 2b5", "G1R2B5" and " G1R 2B5 " are the same postal code."""
    return "".join(text.split()).upper()


def verify_caller(
    ctx: ServiceContext, actor: Actor, household_id: int, answers: CallerAnswers
) -> VerificationResult:
    """Compare the caller's answers to the file; passes with two matching factors.

    Refused ``verification_needs_two_answers`` (nothing recorded) when fewer than two
    questions were asked. After three failures in 15 minutes for a household, further
    attempts are blocked for the rest of that window; a blocked attempt is audited.
    """
    require_role(actor, Role.AGENT, Role.CLERK, Role.SUPERVISOR, action="verify_caller")
    clean_optional(answers.postal_code, field="postal_code", max_length=ANSWER_MAX)
    clean_optional(answers.household_number, field="household_number", max_length=ANSWER_MAX)
    asked = answers.asked()
    if len(asked) < MATCHES_NEEDED:
        raise Refused("verification_needs_two_answers", needed=MATCHES_NEEDED)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        # Lock the household so concurrent attempts count each other's failures.
        household = session.get(Household, household_id, with_for_update=True)
        if household is None:
            raise NotFound("household_not_found", household_id=household_id)
        blocked_until = _blocked_until(session, household_id, now)
        if blocked_until is not None:
            audit.record(
                session,
                ctx,
                actor,
                "caller_verification_blocked",
                household_id=household_id,
                target=str(household.number),
                details={"blocked_until": blocked_until.isoformat()},
            )
            return VerificationResult(False, (), asked, None, blocked_until, 0)
        matched = _matches(session, household, answers)
        passed = len(matched) >= MATCHES_NEEDED
        session.add(
            CallVerification(
                staff_id=actor.staff_id,
                household_id=household_id,
                at=now,
                matched=",".join(f.value for f in matched),
                passed=passed,
            )
        )
        session.flush()
        blocked_until = None if passed else _blocked_until(session, household_id, now)
        failures = [] if passed else _recent_failures(session, household_id, now)
        audit.record(
            session,
            ctx,
            actor,
            "caller_verified" if passed else "caller_verification_failed",
            household_id=household_id,
            target=str(household.number),
            details={
                "asked": [f.value for f in asked],
                "matched": [f.value for f in matched],
                **({"blocked_until": blocked_until.isoformat()} if blocked_until else {}),
            },
        )
        return VerificationResult(
            passed=passed,
            matched=matched,
            asked=asked,
            verified_until=now + CALL_WINDOW if passed else None,
            blocked_until=blocked_until,
            attempts_left=MAX_FAILURES if passed else max(0, MAX_FAILURES - len(failures)),
        )


def verification_status(ctx: ServiceContext, actor: Actor, household_id: int) -> VerificationStatus:
    """Whether this agent has verified this household's caller, and until when."""
    now = ctx.clock.now()
    with ctx.db.read() as session:
        last = _last_pass(session, actor, household_id, now)
        return VerificationStatus(
            household_id=household_id,
            verified_until=last + CALL_WINDOW if last else None,
            blocked_until=_blocked_until(session, household_id, now),
        )


def require_verified(
    session: Session, ctx: ServiceContext, actor: Actor, household_id: int
) -> None:
    """Raise :class:`VerificationRequired` unless ``actor`` verified this household's
    caller in the last 30 minutes. For every service that changes an account or a family
    file, or reveals a receipt."""
    if _last_pass(session, actor, household_id, ctx.clock.now()) is None:
        raise VerificationRequired("caller_not_verified", household_id=household_id)


def _last_pass(session: Session, actor: Actor, household_id: int, now: datetime) -> datetime | None:
    return session.scalar(
        select(CallVerification.at)
        .where(
            CallVerification.staff_id == actor.staff_id,
            CallVerification.household_id == household_id,
            CallVerification.passed,
            CallVerification.at > now - CALL_WINDOW,
            CallVerification.at <= now,
        )
        .order_by(CallVerification.at.desc())
        .limit(1)
    )


def _recent_failures(session: Session, household_id: int, now: datetime) -> list[datetime]:
    """Failed attempts in the window, newest first, that no later success cleared.

    Counted for the household whoever the agent: an impostor who hangs up and calls
    again reaches another agent.
    """
    rows = session.execute(
        select(CallVerification.at, CallVerification.passed)
        .where(
            CallVerification.household_id == household_id,
            CallVerification.at > now - FAILURE_WINDOW,
            CallVerification.at <= now,
        )
        .order_by(CallVerification.at.desc(), CallVerification.id.desc())
    ).all()
    failures = []
    for at, passed in rows:
        if passed:
            break
        failures.append(at)
    return failures


def _blocked_until(session: Session, household_id: int, now: datetime) -> datetime | None:
    failures = _recent_failures(session, household_id, now)
    if len(failures) < MAX_FAILURES:
        return None
    return failures[MAX_FAILURES - 1] + FAILURE_WINDOW


def _matches(session: Session, household: Household, answers: CallerAnswers) -> tuple[Factor, ...]:
    matched: list[Factor] = []
    if answers.birth_date is not None:
        responsible = session.scalar(
            select(Member).where(
                Member.household_id == household.id,
                Member.relationship == Relationship.RESPONSIBLE.value,
                Member.removed_at.is_(None),
            )
        )
        if responsible is not None and responsible.birth_date == answers.birth_date:
            matched.append(Factor.BIRTH_DATE)
    if answers.postal_code and normalize_postal_code(answers.postal_code) == (
        normalize_postal_code(household.postal_code)
    ):
        matched.append(Factor.POSTAL_CODE)
    if answers.household_number and "".join(answers.household_number.split()) == str(
        household.number
    ):
        matched.append(Factor.HOUSEHOLD_NUMBER)
    if answers.last_payment_cents is not None and answers.last_payment_date is not None:
        last = session.execute(
            select(Payment.amount_cents, Payment.created_at)
            .join(Cart, Payment.cart_id == Cart.id)
            .where(
                Cart.household_id == household.id,
                Payment.status == PaymentStatus.APPROVED.value,
            )
            .order_by(Payment.created_at.desc())
            .limit(1)
        ).first()
        if (
            last is not None
            and last[0] == answers.last_payment_cents
            and answers.last_payment_date in _calendar_dates(last[1])
        ):
            matched.append(Factor.LAST_PAYMENT)
    return tuple(matched)


def _calendar_dates(moment: datetime) -> set[date]:
    """The day a payment was made, as the family (Québec time) or the database (UTC) sees it."""
    return {moment.astimezone(UTC).date(), local_date(moment)}
