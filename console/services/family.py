"""The family file (Dossier loisir): members, their relationship, who may pay (F12), and
the two changes support makes — a relationship (audited with a reason) and a removal,
which only the household's borough office may do (F4).

Every change carries the household ``version`` the agent saw; a household changed since
is refused with :class:`StaleData`, and every change bumps the version.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from console.db.models import (
    Activity,
    Cart,
    CartItem,
    Household,
    Member,
    Registration,
    Season,
    WaitlistEntry,
)
from console.domain.errors import Forbidden, NotFound, Reason, Refused, StaleData
from console.domain.payers import PayerCandidate, eligible_payers
from console.domain.text import clean_reason
from console.domain.views.family import FamilyChange as FamilyChange
from console.domain.views.family import FamilyFile as FamilyFile
from console.domain.views.family import FamilyMember as FamilyMember
from console.domain.vocabulary import (
    CartItemState,
    CartState,
    RegistrationState,
    Relationship,
    Role,
    WaitlistState,
)
from console.services import audit
from console.services.context import ServiceContext
from console.services.quebec_time import local_date
from console.services.staff import Actor, require_role
from console.services.verification import require_verified

ANY_STAFF = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def family_file(ctx: ServiceContext, actor: Actor, household_id: int) -> FamilyFile:
    require_role(actor, *ANY_STAFF, action="view_family")
    today = local_date(ctx.clock.now())
    with ctx.db.read() as session:
        household = session.get(Household, household_id)
        if household is None:
            raise NotFound("household_not_found", household_id=household_id)
        rows = household.members
        payers = {
            c.member_id
            for c in eligible_payers(
                PayerCandidate(
                    m.id,
                    f"{m.first_name} {m.last_name}",
                    Relationship(m.relationship),
                    m.removed_at is not None,
                )
                for m in rows
            )
        }
        order = list(Relationship)
        members = tuple(
            FamilyMember(
                member_id=m.id,
                first_name=m.first_name,
                last_name=m.last_name,
                birth_date=m.birth_date,
                relationship=Relationship(m.relationship),
                may_pay=m.id in payers,
                removed_at=m.removed_at,
                removal_blockers=(
                    _removal_blockers(session, m.id, ctx.clock.now(), today)
                    if m.removed_at is None and m.relationship != Relationship.RESPONSIBLE
                    else ()
                ),
            )
            for m in sorted(
                rows,
                key=lambda m: (
                    m.removed_at is not None,
                    order.index(Relationship(m.relationship)),
                    m.birth_date,
                ),
            )
        )
        return FamilyFile(
            household_id=household.id,
            number=household.number,
            version=household.version,
            borough_id=household.borough_id,
            borough=household.borough.name,
            members=members,
            actor_may_remove=actor.role is Role.CLERK and actor.borough_id == household.borough_id,
        )


def change_relationship(
    ctx: ServiceContext,
    actor: Actor,
    household_id: int,
    member_id: int,
    relationship: Relationship,
    *,
    reason: str,
    seen_version: int,
) -> FamilyChange:
    """Change a member's relationship, e.g. so a spouse appears in the payer list (F12).

    The responsible is fixed: a change to or from "responsible" is refused.
    """
    require_role(actor, *ANY_STAFF, action="change_relationship")
    reason = clean_reason(reason)
    with ctx.db.write() as session:
        require_verified(session, ctx, actor, household_id)
        version = _bump_version(session, household_id, seen_version)
        member = _member(session, household_id, member_id)
        previous = Relationship(member.relationship)
        if Relationship.RESPONSIBLE in (previous, relationship):
            raise Refused("responsible_is_fixed", member_name=_name(member))
        if previous is relationship:
            raise Refused("relationship_unchanged", relationship=relationship.value)
        member.relationship = relationship.value
        audit.record(
            session,
            ctx,
            actor,
            "member_relationship_changed",
            household_id=household_id,
            member_id=member.id,
            target=_name(member),
            reason=reason.strip(),
            details={"from": previous.value, "to": relationship.value},
        )
        return FamilyChange(household_id, member.id, version)


def remove_member(
    ctx: ServiceContext,
    actor: Actor,
    household_id: int,
    member_id: int,
    *,
    reason: str,
    seen_version: int,
) -> FamilyChange:
    """F4: a borough-office clerk of the household's borough removes a member.

    Never the responsible. Refused ``member_removal_blocked`` with one reason per coming
    registration, held cart item and open waitlist entry. History is kept: the member is
    marked removed, and receipts and past registrations still name them.
    """
    require_role(actor, Role.CLERK, action="remove_member")
    reason = clean_reason(reason)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        borough_id = session.scalar(
            select(Household.borough_id).where(Household.id == household_id)
        )
        if borough_id is None:
            raise NotFound("household_not_found", household_id=household_id)
        if actor.borough_id != borough_id:
            raise Forbidden("other_borough", action="remove_member")
        require_verified(session, ctx, actor, household_id)
        version = _bump_version(session, household_id, seen_version)
        member = _member(session, household_id, member_id)
        if member.relationship == Relationship.RESPONSIBLE.value:
            raise Refused("responsible_cannot_be_removed", member_name=_name(member))
        blockers = _removal_blockers(session, member.id, now, local_date(now))
        if blockers:
            raise Refused("member_removal_blocked", reasons=blockers, member_name=_name(member))
        member.removed_at = now
        audit.record(
            session,
            ctx,
            actor,
            "member_removed",
            household_id=household_id,
            member_id=member.id,
            target=_name(member),
            reason=reason.strip(),
            details={"relationship": member.relationship},
        )
        return FamilyChange(household_id, member.id, version)


def _bump_version(session: Session, household_id: int, seen_version: int) -> int:
    """Compare-and-set the household version: one statement, so two clerks cannot both win.

    On PostgreSQL the second UPDATE waits for the first and then matches no row.
    """
    result = session.execute(
        update(Household)
        .where(Household.id == household_id, Household.version == seen_version)
        .values(version=seen_version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return seen_version + 1
    current = session.scalar(select(Household.version).where(Household.id == household_id))
    if current is None:
        raise NotFound("household_not_found", household_id=household_id)
    raise StaleData("household_changed", seen_version=seen_version, current_version=current)


def _member(session: Session, household_id: int, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.household_id != household_id:
        raise NotFound("member_not_found", member_id=member_id)
    if member.removed_at is not None:
        raise Refused("member_already_removed", member_name=_name(member))
    return member


def _name(member: Member) -> str:
    return f"{member.first_name} {member.last_name}"


def _removal_blockers(
    session: Session, member_id: int, now: datetime, today: date
) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    registrations = session.execute(
        select(Activity.code, Activity.title, Season.ends_on)
        .join(Registration, Registration.activity_id == Activity.id)
        .join(Season, Activity.season_id == Season.id)
        .where(
            Registration.member_id == member_id,
            Registration.state == RegistrationState.CONFIRMED.value,
            Season.ends_on >= today,
        )
        .order_by(Season.ends_on, Activity.code)
    )
    for code, title, ends_on in registrations:
        reasons.append(
            Reason(
                "member_has_coming_registration",
                {"activity_code": code, "activity_title": title, "season_ends_on": ends_on},
            )
        )
    holds = session.execute(
        select(Activity.code, Activity.title, Cart.number)
        .join(CartItem, CartItem.activity_id == Activity.id)
        .join(Cart, CartItem.cart_id == Cart.id)
        .where(
            CartItem.member_id == member_id,
            CartItem.state == CartItemState.HELD.value,
            or_(
                (Cart.state == CartState.OPEN.value) & (Cart.hold_expires_at > now),
                (Cart.state == CartState.CHECKOUT.value) & (Cart.checkout_locked_until > now),
            ),
        )
        .order_by(Cart.number, Activity.code)
    )
    for code, title, cart_number in holds:
        reasons.append(
            Reason(
                "member_has_held_cart_item",
                {"activity_code": code, "activity_title": title, "cart_number": cart_number},
            )
        )
    waiting = session.execute(
        select(Activity.code, Activity.title, WaitlistEntry.state)
        .join(WaitlistEntry, WaitlistEntry.activity_id == Activity.id)
        .where(
            WaitlistEntry.member_id == member_id,
            WaitlistEntry.state.in_((WaitlistState.WAITING.value, WaitlistState.OFFERED.value)),
        )
        .order_by(Activity.code)
    )
    for code, title, state in waiting:
        reasons.append(
            Reason(
                "member_on_waitlist",
                {"activity_code": code, "activity_title": title, "state": state},
            )
        )
    return tuple(reasons)
