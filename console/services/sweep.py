"""The sweep: lapse what ran out and give the freed places to the waitlist.

Run by ``console sweep`` and every minute by the console. In order: open carts whose
hold ran out lapse (their places free); carts whose checkout lock ran out are settled
with the payment site — approved → registered, otherwise back in the family's cart
(F11), keeping only the places still free, but never while a charge may still be in
flight; lapsed offers close; then every activity
with a free place and people waiting makes offers, one short locked transaction each.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Cart, Payment, WaitlistEntry
from console.domain.views.sweep import SweepReport as SweepReport
from console.domain.vocabulary import CartState, PaymentStatus, WaitlistState
from console.services import audit, places
from console.services.cart_return import back_to_cart, lock_cart_activities
from console.services.carts import lapse_cart, load_cart, lock_cart
from console.services.checkout import apply_outcome, charge_may_be_in_flight, pending_payment
from console.services.context import ServiceContext
from console.services.gateway import GatewayError, GatewayOutcome, payment_gateway
from console.services.places import place_counts
from console.services.waitlist import lapse_offers, offer_free_places


def sweep(ctx: ServiceContext) -> SweepReport:
    now = ctx.clock.now()
    with ctx.db.write() as session:
        # Each cart row is locked, and one being paid right now (its row locked by pay or
        # start_checkout) is skipped: otherwise a checkout in the hold's last second could
        # be lapsed under its payment. The next sweep sees what it became.
        due_carts = select(Cart).where(
            Cart.state == CartState.OPEN.value, Cart.hold_expires_at <= now
        )
        if ctx.db.locks_rows:
            due_carts = due_carts.with_for_update(skip_locked=True)
        expired = session.scalars(due_carts).all()
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        for cart in expired:
            freed = lapse_cart(cart, now)
            _system(session, ctx, "system.cart_lapsed", cart, activities=freed)
        # Each offer row is locked, and one being accepted right now (its row locked by
        # accept_offer) is skipped: otherwise an acceptance in the offer's last instant
        # could be overwritten as lapsed. The next sweep sees what it became.
        due = select(WaitlistEntry).where(
            WaitlistEntry.state == WaitlistState.OFFERED.value,
            WaitlistEntry.offer_expires_at <= now,
        )
        if ctx.db.locks_rows:
            due = due.with_for_update(skip_locked=True)
        lapsed_offers = session.scalars(due).all()
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        for entry in lapsed_offers:
            audit.record(
                session,
                ctx,
                None,
                "system.offer_lapsed",
                household_id=entry.household_id,
                member_id=entry.member_id,
                target=f"waitlist {entry.id}",
                details={"activity_id": entry.activity_id},
            )
        lapse_offers(lapsed_offers, now)
    settled, unsettled = _settle_checkouts(ctx)
    offers = 0
    with ctx.db.read() as session:
        waiting = session.scalars(
            select(WaitlistEntry.activity_id)
            .where(WaitlistEntry.state == WaitlistState.WAITING.value)
            .distinct()
        ).all()
        counts = place_counts(session, waiting, now)
    for activity_id in sorted(a for a, c in counts.items() if c.real_remaining > 0):
        with ctx.db.write() as session:
            offers += len(offer_free_places(session, ctx, activity_id, ctx.clock.now()))
    return SweepReport(len(expired), settled, unsettled, len(lapsed_offers), offers)


def _settle_checkouts(ctx: ServiceContext) -> tuple[int, int]:
    """Settle the carts whose checkout lock ran out; returns (settled, left for later).

    A pending payment the payment site has no record of is closed as never started only
    once no charge of it can still be in flight (``charge_in_flight_until``): until then
    the cart stays as it is — its places held, its payment pending — and a later sweep
    settles it. Otherwise a charge answering after the lock ran out would find the cart
    reopened and paid again: two approved payments for one registration.
    """
    now = ctx.clock.now()
    with ctx.db.read() as session:
        rows = session.execute(
            select(Cart.id, Payment.idempotency_key)
            .outerjoin(
                Payment,
                (Payment.cart_id == Cart.id) & (Payment.status == PaymentStatus.PENDING.value),
            )
            .where(Cart.state == CartState.CHECKOUT.value, Cart.checkout_locked_until <= now)
        ).all()
    settled = unsettled = 0
    gateway = payment_gateway(ctx) if any(key for _, key in rows) else None
    for cart_id, key in rows:
        outcome: GatewayOutcome | None = None
        if key is not None and gateway is not None:
            try:
                outcome = gateway.status(key)  # asked at or after ``now``
            except GatewayError:
                unsettled += 1  # never release blind: try again at the next sweep
                continue
        with ctx.db.write() as session:
            cart = load_cart(session, cart_id)
            if cart.state != CartState.CHECKOUT.value:
                continue
            lock_cart_activities(session, ctx, cart)  # before any change: one lock order
            cart = lock_cart(session, ctx, cart_id)  # read again: paid meanwhile?
            if cart.state != CartState.CHECKOUT.value:
                continue
            # Read again under the cart's lock: a payment started since is not overlooked.
            payment = pending_payment(session, cart)
            if (payment.idempotency_key if payment else None) != key:
                unsettled += 1  # changed since the gateway was asked: the next sweep
                continue
            if payment is not None and outcome is not None:
                apply_outcome(session, ctx, None, payment, outcome)
            elif payment is not None:
                if charge_may_be_in_flight(payment, cart, now):
                    unsettled += 1  # "no record" may still become a charge: wait
                    continue
                payment.status = PaymentStatus.REFUSED.value
                payment.refusal_reason = "not_started"
                payment.decided_at = ctx.clock.now()
            if cart.state == CartState.CHECKOUT.value:
                back_to_cart(session, ctx, cart, ctx.clock.now())
            answer = payment.status if payment is not None else "no_payment"
            _system(session, ctx, "system.payment_settled", cart, answer=answer)
            settled += 1
    return settled, unsettled


def _system(
    session: Session, ctx: ServiceContext, action: str, cart: Cart, **details: object
) -> None:
    """The sweep's own changes, in the journal with no staff member (actor None)."""
    audit.record(
        session,
        ctx,
        None,
        action,
        household_id=cart.household_id,
        target=f"cart {cart.number}",
        details=dict(details),
    )
