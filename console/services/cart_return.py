"""A cart back in the family's hands after checkout (F11), keeping only what still fits.

Refused payment, a released cart, a checkout lock that ran out: every path uses
:func:`back_to_cart`. While the lock was out of date (and no payment was pending) its
places counted as free, so each one is taken again under the activity lock, or released.

Lock order, everywhere: the activities (by id), then the cart's rows — call
:func:`lock_cart_activities` before changing the cart or its payment.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Cart, CartItem, WaitlistEntry
from console.domain.vocabulary import CartItemState
from console.services.carts import apply_hold, hold_of, release_item
from console.services.context import ServiceContext
from console.services.places import (
    LOCK_LAPSED,
    OPEN_WAITLIST,
    free_for_newcomers,
    lock_activities,
    place_counts,
)


def lock_cart_activities(session: Session, ctx: ServiceContext, cart: Cart) -> None:
    """Lock the activities of the cart's held items (before any change to the cart)."""
    held = [i.activity_id for i in cart.items if i.state == CartItemState.HELD.value]
    lock_activities(session, ctx.db, held)


def back_to_cart(session: Session, ctx: ServiceContext, cart: Cart, now: datetime) -> None:
    """Return a cart at checkout to the family, with the places that are still its own.

    A live lock held its places all along: they are kept. A lock that ran out did not
    (once its payment was settled): the places are counted again, under the lock, and
    what no longer fits is released.
    """
    hold = hold_of(cart).return_to_cart(now)
    lock_cart_activities(session, ctx, cart)
    if not hold_of(cart).is_live(now):
        held = [i for i in cart.items if i.state == CartItemState.HELD.value]
        # Its lock ran out and its payment is settled: its own items are not counted.
        session.flush()
        counts = place_counts(session, [i.activity_id for i in held], now)
        free = {a: free_for_newcomers(c) for a, c in counts.items()}
        waiting = _in_line(session, held)
        for item in held:
            if (item.member_id, item.activity_id) in waiting:
                # Meanwhile the member joined the line for it: the line decides, not a
                # place kept beside it (an offer would then be a second hold).
                release_item(item, now, LOCK_LAPSED)
            elif free.get(item.activity_id, 0) > 0:
                free[item.activity_id] -= 1
            else:
                release_item(item, now, LOCK_LAPSED)
    apply_hold(cart, hold, now)


def _in_line(session: Session, items: list[CartItem]) -> set[tuple[int, int]]:
    """The (member, activity) pairs of ``items`` with an open waitlist entry."""
    if not items:
        return set()
    rows = session.execute(
        select(WaitlistEntry.member_id, WaitlistEntry.activity_id).where(
            WaitlistEntry.member_id.in_({i.member_id for i in items}),
            WaitlistEntry.activity_id.in_({i.activity_id for i in items}),
            WaitlistEntry.state.in_(OPEN_WAITLIST),
        )
    ).all()
    return {(member, activity) for member, activity in rows}
