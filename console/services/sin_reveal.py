"""Revealing a social insurance number: its own use case, the only one that opens one.

Who: a clerk of the household's borough office (the office that keeps the family's file,
as for a removal, F4) or a supervisor; never an agent, who sees only the last three
digits ("*** *** 123", kept beside the ciphertext). Each of them must have verified the
caller of this household in the last 30 minutes: a number is revealed to confirm it with
the family on the line (the Relevé 24), and a pretexting call is the way a stranger
would ask for it — a supervisor is no less a target. A reason is required and journaled
(``sin.reveal``, with the member and the key's id), never the number itself; the entry is
committed before the number leaves the server.
"""

from __future__ import annotations

from sqlalchemy import select

from console.db.models import Household, Member
from console.db.sin import LEGACY_KEY_ID, SinKeyMissing
from console.domain.errors import Forbidden, NotFound, Refused
from console.domain.sin import REVEAL_SECONDS, format_sin
from console.domain.text import clean_reason
from console.domain.views.sin import RevealedSin as RevealedSin
from console.domain.vocabulary import Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.staff import Actor, require_role
from console.services.verification import require_verified

REVEAL_ROLES = (Role.CLERK, Role.SUPERVISOR)


def may_reveal(actor: Actor, household_borough_id: int) -> bool:
    """Whether ``actor``'s role and office let them reveal a number of this household."""
    if actor.role is Role.SUPERVISOR:
        return True
    return actor.role is Role.CLERK and actor.borough_id == household_borough_id


def reveal_sin(
    ctx: ServiceContext, actor: Actor, household_id: int, member_id: int, *, reason: str
) -> RevealedSin:
    """The member's whole number, for :data:`REVEAL_SECONDS` on screen.

    Refused ``role_forbidden`` (an agent), ``sin_reveal_other_borough`` (a clerk of another
    office), ``reason_required``, ``caller_not_verified``, ``no_sin_on_file``
    {member_name}, or ``sin_unreadable`` {member_name} (the server lacks the key it was
    sealed with: its operator must restore it).
    """
    require_role(actor, *REVEAL_ROLES, action="reveal_sin")
    reason = clean_reason(reason).strip()
    with ctx.db.write() as session:
        borough_id = session.scalar(
            select(Household.borough_id).where(Household.id == household_id)
        )
        if borough_id is None:
            raise NotFound("household_not_found", household_id=household_id)
        if not may_reveal(actor, borough_id):
            raise Forbidden("sin_reveal_other_borough", action="reveal_sin")
        require_verified(session, ctx, actor, household_id)
        member = session.get(Member, member_id)
        if member is None or member.household_id != household_id:
            raise NotFound("member_not_found", member_id=member_id)
        name = f"{member.first_name} {member.last_name}"
        if member.sin_encrypted is None:
            raise Refused("no_sin_on_file", member_name=name)
        try:
            digits = ctx.sin_cipher.decrypt(member.sin_encrypted, member.sin_key_id)
        except (SinKeyMissing, ValueError) as exc:
            raise Refused("sin_unreadable", member_name=name) from exc
        audit.record(
            session,
            ctx,
            actor,
            "sin.reveal",
            household_id=household_id,
            member_id=member.id,
            target=name,
            reason=reason,
            details={"key_id": member.sin_key_id or LEGACY_KEY_ID},
        )
        revealed_at = ctx.clock.now()
    return RevealedSin(
        household_id=household_id,
        member_id=member_id,
        member_name=name,
        number=format_sin(digits),
        revealed_at=revealed_at,
        visible_seconds=REVEAL_SECONDS,
    )
