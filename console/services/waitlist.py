"""Liste d'attente (F6): entries in arrival order; a freed place becomes an offer.

A freed place is offered to the first waiting entry and held for it for
``Settings.offer_validity_hours`` (48 h by default); the family is emailed through the
outbox in the same transaction; accepting puts the place in a cart; a lapsed offer
passes to the next entry (the sweep does that). Supervisors review, reorder and send
offers by hand, with a reason, audited (see ``waitlist_review``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Integer, bindparam, cast, func, or_, select
from sqlalchemy.orm import Session

from console.db.models import Account, Activity, Household, Member, WaitlistEntry
from console.domain.vocabulary import EmailKind, WaitlistState
from console.services.context import ServiceContext
from console.services.outbox import enqueue_for_account
from console.services.places import OPEN_WAITLIST, lock_activities, place_count
from console.services.quebec_time import LOCAL_TZ

DEFAULT_OFFER_HOURS = 48


def offer_validity(ctx: ServiceContext) -> timedelta:
    hours = ctx.settings.offer_validity_hours if ctx.settings else DEFAULT_OFFER_HOURS
    return timedelta(hours=hours)


def join_waitlist(
    session: Session, member: Member, activity_id: int, now: datetime
) -> WaitlistEntry:
    """Put the member at the end of the activity's list (caller holds the activity lock).

    The end of the line is read by the insert itself (one statement, one round trip under
    the lock; ``ix_waitlist_activity_position`` makes it one index step), so the entry's
    ``position`` is loaded again when read."""
    last = func.max(WaitlistEntry.position)
    # The whole part of the last position (positions are positive): SQLite truncates a
    # cast, PostgreSQL would round it.
    whole = cast(last, Integer) if session.get_bind().dialect.name == "sqlite" else func.floor(last)
    end_of_line = (
        select(func.coalesce(whole, 0) + 1)
        .where(WaitlistEntry.activity_id == activity_id)
        .scalar_subquery()
    )
    entry = WaitlistEntry(
        activity_id=activity_id,
        member_id=member.id,
        household_id=member.household_id,
        position=end_of_line,
        state=WaitlistState.WAITING.value,
        created_at=now,
    )
    session.add(entry)
    session.flush()
    return entry


# The open entries ahead of a position in the activity's line. The open states are
# spelt out (not an IN list): ``Database.fetch`` runs it too (the site's answer after its
# one call), and a lookup takes no expanding parameter.
AHEAD_IN_LINE = select(func.count()).where(
    WaitlistEntry.activity_id == bindparam("activity_id"),
    or_(*(WaitlistEntry.state == state for state in OPEN_WAITLIST)),
    WaitlistEntry.position < bindparam("position"),
)


def rank(session: Session, entry: WaitlistEntry) -> int:
    """1-based place in line among the activity's open entries."""
    params = {"activity_id": entry.activity_id, "position": entry.position}
    return int(session.scalar(AHEAD_IN_LINE, params) or 0) + 1


def make_offer(session: Session, ctx: ServiceContext, entry: WaitlistEntry, now: datetime) -> None:
    """Hold a place for the entry and email the family (the place must be free)."""
    entry.state = WaitlistState.OFFERED.value
    entry.offered_at = now
    entry.offer_expires_at = now + offer_validity(ctx)
    _queue_offer_email(session, ctx, entry, now)


def offer_free_places(
    session: Session, ctx: ServiceContext, activity_id: int, now: datetime
) -> list[int]:
    """Offer every really free place of the activity to the next waiting entries.

    Returns the ids of the entries offered a place. Locks the activity (a no-op when the
    transaction already holds the lock).
    """
    lock_activities(session, ctx.db, [activity_id])
    free = place_count(session, activity_id, now).real_remaining
    if free <= 0:
        return []
    entries = session.scalars(
        select(WaitlistEntry)
        .where(
            WaitlistEntry.activity_id == activity_id,
            WaitlistEntry.state == WaitlistState.WAITING.value,
        )
        .order_by(WaitlistEntry.position, WaitlistEntry.id)
        .limit(free)
    ).all()
    for entry in entries:
        make_offer(session, ctx, entry, now)
    return [e.id for e in entries]


def lapse_offers(entries: Sequence[WaitlistEntry], now: datetime) -> list[int]:
    """Close these offers, whose deadline passed (the caller found and locked them);
    returns the activities that got a place back."""
    for entry in entries:
        entry.state = WaitlistState.LAPSED.value
        entry.closed_at = now
    return sorted({e.activity_id for e in entries})


def _queue_offer_email(
    session: Session, ctx: ServiceContext, entry: WaitlistEntry, now: datetime
) -> None:
    account, member, title = session.execute(
        select(Account, Member, Activity.title)
        .join(Household, Household.account_id == Account.id)
        .join(Member, Member.household_id == Household.id)
        .join(Activity, Activity.id == entry.activity_id)
        .where(Member.id == entry.member_id)
    ).one()
    assert entry.offer_expires_at is not None
    enqueue_for_account(
        session,
        ctx,
        account,
        EmailKind.WAITLIST_OFFER,
        member=f"{member.first_name} {member.last_name}",
        activity=title,
        deadline=entry.offer_expires_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M"),
    )
