"""Release a cart locked at checkout (F11) — only after asking the payment site.

Approved → the registration is completed instead of released. Refused, or never started
→ the cart is unlocked and back in the family's hands. Gateway unreachable → refused,
with the reason: a cart is never released blind. A payment the site has no record of
while its charge may still be in flight → refused ``payment_in_flight`` {retry_at}: it
is not "never started" yet. Every attempt is audited, refusals too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Cart, Payment, Receipt
from console.domain.errors import Refused, Unavailable
from console.domain.text import clean_reason
from console.domain.views.cart_release import ReleaseKind as ReleaseKind
from console.domain.views.cart_release import ReleaseOutcome as ReleaseOutcome
from console.domain.vocabulary import CartState, PaymentStatus
from console.services.cart_return import back_to_cart, lock_cart_activities
from console.services.carts import load_cart, lock_cart, require_caller, require_staff
from console.services.checkout import (
    apply_outcome,
    audit_cart,
    charge_in_flight_until,
    charge_may_be_in_flight,
)
from console.services.context import ServiceContext
from console.services.gateway import GatewayError, GatewayOutcome, payment_gateway
from console.services.staff import Actor

NOT_STARTED = "not_started"


def release_locked_cart(
    ctx: ServiceContext, actor: Actor, cart_id: int, reason: str
) -> ReleaseOutcome:
    require_staff(actor, "cart_release")
    reason = clean_reason(reason)
    with ctx.db.read() as session:
        key = _checked_pending_key(session, ctx, actor, cart_id)
    outcome: GatewayOutcome | None = None
    asked_at = ctx.clock.now()  # before the question: "no record" is true as of then
    if key is not None:
        try:
            outcome = payment_gateway(ctx).status(key)
        except GatewayError as exc:
            with ctx.db.write() as session:
                audit_cart(
                    session,
                    ctx,
                    actor,
                    "cart.release_refused",
                    load_cart(session, cart_id),
                    "gateway_unreachable",
                    reason,
                )
            raise Unavailable("gateway_unreachable", detail=type(exc).__name__) from exc
    with ctx.db.write() as session:
        # One lock order (activities, then the cart), then checked again under the locks:
        # a payment recorded or a cart paid meanwhile is seen, never overwritten.
        lock_cart_activities(session, ctx, load_cart(session, cart_id))
        cart = lock_cart(session, ctx, cart_id)
        if _checked_pending_key(session, ctx, actor, cart_id) != key:
            raise Refused("cart_changed_retry", cart_number=cart.number)
        done = _release(session, ctx, actor, cart, key, outcome, asked_at, reason)
    if isinstance(done, Refused):
        raise done  # once its journal entry is committed
    return done


def _release(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    cart: Cart,
    key: str | None,
    outcome: GatewayOutcome | None,
    asked_at: datetime,
    reason: str,
) -> ReleaseOutcome | Refused:
    """The release under the locks, or the refusal to raise once it is journaled."""
    now = ctx.clock.now()
    if key is None:
        answer = "no_payment"
    elif outcome is None:
        answer = NOT_STARTED
        pending = session.scalar(select(Payment).where(Payment.idempotency_key == key))
        if pending is not None and pending.status == PaymentStatus.PENDING.value:
            if charge_may_be_in_flight(pending, cart, asked_at):
                # "No record" as of asked_at: a charge begun just before may still land.
                until = charge_in_flight_until(pending, cart)
                audit_cart(
                    session, ctx, actor, "cart.release_refused", cart, "payment_in_flight", reason
                )
                return Refused("payment_in_flight", cart_number=cart.number, retry_at=until)
            # The gateway never saw this key: close it so it can never be charged later.
            pending.status = PaymentStatus.REFUSED.value
            pending.refusal_reason = NOT_STARTED
            pending.decided_at = now
    else:
        answer = outcome.status.value
        pending = session.scalar(select(Payment).where(Payment.idempotency_key == key))
        assert pending is not None
        receipt = apply_outcome(session, ctx, actor, pending, outcome)
        if outcome.approved:
            number = receipt.number if receipt else _receipt_number(session, pending.id)
            audit_cart(session, ctx, actor, "cart.release_completed", cart, answer, reason)
            return ReleaseOutcome(ReleaseKind.COMPLETED, cart.number, answer, number)
    if cart.state == CartState.CHECKOUT.value:
        back_to_cart(session, ctx, cart, now)
    audit_cart(session, ctx, actor, "cart.release", cart, answer, reason)
    return ReleaseOutcome(ReleaseKind.UNLOCKED, cart.number, answer)


def _receipt_number(session: Session, payment_id: int) -> int | None:
    return session.scalar(select(Receipt.number).where(Receipt.payment_id == payment_id))


def _checked_pending_key(
    session: Session, ctx: ServiceContext, actor: Actor, cart_id: int
) -> str | None:
    """Verified caller, cart at checkout: the key of its pending payment, if any."""
    cart = load_cart(session, cart_id)
    require_caller(session, ctx, actor, cart.household_id)
    if cart.state != CartState.CHECKOUT.value:
        raise Refused("cart_not_locked", cart_number=cart.number, state=cart.state)
    payment = session.scalar(
        select(Payment)
        .where(Payment.cart_id == cart_id, Payment.status == PaymentStatus.PENDING.value)
        .order_by(Payment.id.desc())
        .limit(1)
    )
    return payment.idempotency_key if payment else None
