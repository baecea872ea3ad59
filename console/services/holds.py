"""« Vous êtes déjà inscrit à cette activité » (F7): what already holds a member on an
activity — a registration, an item in a cart, a waitlist entry — and releasing a stale one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Activity, Cart, CartItem, Member, Receipt, Registration, WaitlistEntry
from console.domain.errors import NotFound, Refused
from console.domain.text import clean_reason
from console.domain.views.holds import ExistingHold as ExistingHold
from console.domain.views.holds import HoldDiagnosis as HoldDiagnosis
from console.domain.views.holds import HoldKind as HoldKind
from console.domain.vocabulary import CartItemState, CartState, WaitlistState
from console.services import audit
from console.services.carts import hold_of, release_item, require_caller, require_staff
from console.services.context import ServiceContext
from console.services.places import OPEN_WAITLIST, lock_activities
from console.services.staff import Actor
from console.services.waitlist import offer_free_places, rank


def what_holds(ctx: ServiceContext, member_id: int, activity_id: int) -> HoldDiagnosis:
    now = ctx.clock.now()
    with ctx.db.read() as session:
        member = session.get(Member, member_id)
        activity = session.get(Activity, activity_id)
        if member is None or activity is None:
            raise NotFound("member_or_activity_not_found")
        holds = (
            _registrations(session, member_id, activity_id)
            + _cart_items(session, member_id, activity_id, now)
            + _waitlist(session, member_id, activity_id, now)
        )
        return HoldDiagnosis(
            member_id=member.id,
            member_name=f"{member.first_name} {member.last_name}",
            household_id=member.household_id,
            activity_id=activity.id,
            activity_code=activity.code,
            activity_title=activity.title,
            holds=tuple(holds),
            as_of=now,
        )


def _registrations(session: Session, member_id: int, activity_id: int) -> list[ExistingHold]:
    rows = session.execute(
        select(Registration, Cart.number, Receipt.number)
        .outerjoin(Cart, Cart.id == Registration.cart_id)
        .outerjoin(Receipt, Receipt.payment_id == Registration.payment_id)
        .where(Registration.member_id == member_id, Registration.activity_id == activity_id)
        .order_by(Registration.created_at)
    ).all()
    return [
        ExistingHold(
            kind=HoldKind.REGISTRATION,
            record_id=r.id,
            state=r.state,
            since=r.created_at,
            cart_number=cart_number,
            receipt_number=receipt_number,
            live=r.state == "confirmed",
        )
        for r, cart_number, receipt_number in rows
    ]


def _cart_items(
    session: Session, member_id: int, activity_id: int, now: datetime
) -> list[ExistingHold]:
    rows = session.execute(
        select(CartItem, Cart)
        .join(Cart, Cart.id == CartItem.cart_id)
        .where(
            CartItem.member_id == member_id,
            CartItem.activity_id == activity_id,
            CartItem.state == CartItemState.HELD.value,
        )
        .order_by(CartItem.added_at)
    ).all()
    out = []
    for item, cart in rows:
        hold = hold_of(cart)
        out.append(
            ExistingHold(
                kind=HoldKind.CART_ITEM,
                record_id=item.id,
                state=item.state,
                since=item.added_at,
                deadline=hold.releases_at(),
                cart_number=cart.number,
                cart_state=hold.state,
                live=hold.is_live(now),
                # A cart at the payment site is released through F11, after asking it.
                releasable=hold.state is CartState.OPEN,
            )
        )
    return out


def _waitlist(
    session: Session, member_id: int, activity_id: int, now: datetime
) -> list[ExistingHold]:
    entries = session.scalars(
        select(WaitlistEntry).where(
            WaitlistEntry.member_id == member_id,
            WaitlistEntry.activity_id == activity_id,
            WaitlistEntry.state.in_(OPEN_WAITLIST),
        )
    ).all()
    return [
        ExistingHold(
            kind=HoldKind.WAITLIST,
            record_id=e.id,
            state=e.state,
            since=e.created_at,
            deadline=e.offer_expires_at,
            waitlist_position=rank(session, e),
            live=e.offer_expires_at is None or e.offer_expires_at > now,
            releasable=True,
        )
        for e in entries
    ]


def release_stale_hold(
    ctx: ServiceContext, actor: Actor, kind: HoldKind, record_id: int, reason: str
) -> None:
    """Free a hold the caller no longer wants: a cart item (open cart) or a waitlist entry."""
    require_staff(actor, "hold_release")
    reason = clean_reason(reason)
    with ctx.db.write() as session:
        now = ctx.clock.now()
        if kind is HoldKind.CART_ITEM:
            item = session.get(CartItem, record_id)
            if item is None or item.state != CartItemState.HELD.value:
                raise NotFound("cart_item_not_found", item_id=record_id)
            if item.cart.state != CartState.OPEN.value:
                raise Refused("cart_locked_use_release", cart_number=item.cart.number)
            # One lock order everywhere: the activity, then the cart's rows.
            lock_activities(session, ctx.db, [item.activity_id])
            household_id, member_id, activity_id = (
                item.cart.household_id,
                item.member_id,
                item.activity_id,
            )
            require_caller(session, ctx, actor, household_id)
            release_item(item, now, "released_by_support")
            target = f"cart {item.cart.number}"
        elif kind is HoldKind.WAITLIST:
            entry = session.get(WaitlistEntry, record_id)
            if entry is None or entry.state not in OPEN_WAITLIST:
                raise NotFound("waitlist_entry_not_found", entry_id=record_id)
            household_id, member_id, activity_id = (
                entry.household_id,
                entry.member_id,
                entry.activity_id,
            )
            require_caller(session, ctx, actor, household_id)
            lock_activities(session, ctx.db, [activity_id])
            entry.state = WaitlistState.CANCELLED.value
            entry.closed_at = now
            target = f"waitlist {entry.id}"
        else:
            # Registrations are paid for: cancelling one is a refund, not a stale hold.
            raise Refused("registration_not_releasable")
        offer_free_places(session, ctx, activity_id, now)
        audit.record(
            session,
            ctx,
            actor,
            "hold.release",
            household_id=household_id,
            member_id=member_id,
            target=target,
            reason=reason,
            details={"kind": kind.value, "activity_id": activity_id},
        )
