"""The supervisors' waitlist review, and accepting an offer.

Review: per activity, each entry with its state and offer deadline, the fill rate and
the real remaining places. Supervisors may move an entry or send an offer by hand, with a
reason, audited. Accepting an offer turns the place it holds into a cart hold.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Activity, Household, Member, WaitlistEntry
from console.domain.errors import NotFound, Refused
from console.domain.text import clean_reason
from console.domain.views.waitlist_admin import EntryLine as EntryLine
from console.domain.views.waitlist_admin import WaitlistReview as WaitlistReview
from console.domain.vocabulary import Relationship, Role, WaitlistState
from console.services import audit, places
from console.services.carts import (
    CartSummary,
    add_item,
    open_cart_of,
    require_caller,
    require_staff,
    summarize,
)
from console.services.context import ServiceContext
from console.services.places import OPEN_WAITLIST, lock_activities, place_count
from console.services.staff import Actor, require_role
from console.services.waitlist import make_offer


def waitlist_review(
    ctx: ServiceContext, actor: Actor, activity_id: int, *, include_closed: bool = False
) -> WaitlistReview:
    require_role(actor, Role.SUPERVISOR, action="waitlist_review")
    now = ctx.clock.now()
    with ctx.db.read() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("activity_not_found", activity_id=activity_id)
        query = (
            select(
                WaitlistEntry,
                Member.first_name,
                Member.last_name,
                Household.number,
                Member.relationship,
            )
            .join(Member, Member.id == WaitlistEntry.member_id)
            .join(Household, Household.id == WaitlistEntry.household_id)
            .where(WaitlistEntry.activity_id == activity_id)
            .order_by(WaitlistEntry.position, WaitlistEntry.id)
        )
        if not include_closed:
            query = query.where(WaitlistEntry.state.in_(OPEN_WAITLIST))
        lines, rank = [], 0
        for entry, first, last, number, relationship in session.execute(query):
            is_open = entry.state in OPEN_WAITLIST
            rank += is_open
            lines.append(
                EntryLine(
                    entry.id,
                    rank if is_open else None,
                    entry.member_id,
                    f"{first} {last}",
                    number,
                    WaitlistState(entry.state),
                    entry.created_at,
                    entry.offer_expires_at,
                    Relationship(relationship),
                )
            )
        return WaitlistReview(
            activity.id,
            activity.code,
            activity.title,
            place_count(session, activity_id, now),
            tuple(lines),
            now,
        )


def move_entry(
    ctx: ServiceContext, actor: Actor, entry_id: int, new_rank: int, reason: str
) -> None:
    """Put an open entry at ``new_rank`` (1 = first) among the open entries, audited."""
    require_role(actor, Role.SUPERVISOR, action="waitlist_move")
    reason = clean_reason(reason)
    with ctx.db.write() as session:
        entry = _locked_entry(session, ctx, entry_id)
        if entry.state not in OPEN_WAITLIST:
            raise NotFound("waitlist_entry_not_found", entry_id=entry_id)
        others = [
            e
            for e in session.scalars(
                select(WaitlistEntry)
                .where(
                    WaitlistEntry.activity_id == entry.activity_id,
                    WaitlistEntry.state.in_(OPEN_WAITLIST),
                    WaitlistEntry.id != entry.id,
                )
                .order_by(WaitlistEntry.position, WaitlistEntry.id)
            )
        ]
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        index = max(0, min(new_rank - 1, len(others)))
        before = others[index - 1].position if index > 0 else None
        after = others[index].position if index < len(others) else None
        old = entry.position
        if before is None and after is None:
            return
        if before is None:
            entry.position = after - 1.0  # type: ignore[operator]
        elif after is None:
            entry.position = before + 1.0
        else:
            entry.position = (before + after) / 2  # float positions: no renumbering
        audit.record(
            session,
            ctx,
            actor,
            "waitlist.move",
            household_id=entry.household_id,
            member_id=entry.member_id,
            target=f"waitlist {entry.id}",
            reason=reason,
            details={
                "activity_id": entry.activity_id,
                "from": old,
                "to": entry.position,
                "rank": index + 1,
            },
        )


def send_offer(ctx: ServiceContext, actor: Actor, entry_id: int, reason: str) -> datetime:
    """Offer a free place to this entry out of turn; returns the offer's deadline."""
    require_role(actor, Role.SUPERVISOR, action="waitlist_offer")
    reason = clean_reason(reason)
    with ctx.db.write() as session:
        entry = _locked_entry(session, ctx, entry_id)
        if entry.state != WaitlistState.WAITING.value:  # read after the lock: no double offer
            raise NotFound("waitlist_entry_not_found", entry_id=entry_id)
        now = ctx.clock.now()
        if place_count(session, entry.activity_id, now).real_remaining <= 0:
            raise Refused("no_place_to_offer", activity_id=entry.activity_id)
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        make_offer(session, ctx, entry, now)
        audit.record(
            session,
            ctx,
            actor,
            "waitlist.offer",
            household_id=entry.household_id,
            member_id=entry.member_id,
            target=f"waitlist {entry.id}",
            reason=reason,
            details={"activity_id": entry.activity_id},
        )
        assert entry.offer_expires_at is not None
        return entry.offer_expires_at


def accept_offer(
    ctx: ServiceContext, actor: Actor | None, entry_id: int, *, cart_id: int | None = None
) -> CartSummary:
    """Put the offered place in a cart (the offer's place becomes the cart's hold)."""
    require_staff(actor, "waitlist_accept")
    with ctx.db.write() as session:
        entry = _locked_entry(session, ctx, entry_id)
        require_caller(session, ctx, actor, entry.household_id)
        now = ctx.clock.now()
        if entry.state != WaitlistState.OFFERED.value or (
            entry.offer_expires_at is not None and entry.offer_expires_at <= now
        ):
            raise Refused("offer_not_open", entry_id=entry_id, state=entry.state)
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        household = session.get(Household, entry.household_id)
        member = session.get(Member, entry.member_id)
        activity = session.get(Activity, entry.activity_id)
        assert household and member and activity
        if member.removed_at is not None:
            raise Refused("member_removed", entry_id=entry_id, member_id=member.id)
        entry.state = WaitlistState.ACCEPTED.value
        entry.closed_at = now
        if cart_id is None and actor is not None:
            cart_id = open_cart_of(session, household.id, now)  # one cart per call
        cart, _item = add_item(
            session, ctx, actor, household, member, activity, cart_id, waitlist_entry_id=entry.id
        )
        if actor is not None:
            audit.record(
                session,
                ctx,
                actor,
                "waitlist.accept",
                household_id=household.id,
                member_id=member.id,
                target=f"cart {cart.number}",
                details={"activity_id": activity.id},
            )
        return summarize(session, cart, now)


def _locked_entry(session: Session, ctx: ServiceContext, entry_id: int) -> WaitlistEntry:
    """The entry, read again after locking its activity (and its own row): what another
    transaction committed while this one waited — an offer made, accepted — is seen."""
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFound("waitlist_entry_not_found", entry_id=entry_id)
    lock_activities(session, ctx.db, [entry.activity_id])
    fresh = session.get(
        WaitlistEntry,
        entry_id,
        populate_existing=True,
        with_for_update=ctx.db.locks_rows,
    )
    if fresh is None:
        raise NotFound("waitlist_entry_not_found", entry_id=entry_id)
    return fresh
