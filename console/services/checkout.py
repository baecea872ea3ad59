"""Checkout and payment (F9, F11): a registration exists only after an approved payment.

``pay`` writes the pending Payment (with its idempotency key) and commits, calls the
gateway outside any transaction — no row lock is ever held over the network — then
records the outcome in a second transaction. A lost answer (timeout) leaves the payment
pending; the next ``pay`` or ``reconcile_payment`` asks ``status(key)`` first, so a card
is never charged twice and an approved payment always ends as registrations.

A charge may still be in flight after the checkout lock ran out (the payment site then
answers ``status`` with "no record"): :func:`charge_in_flight_until` says until when,
and nothing settles a pending payment as never started before that moment.

``validate_payer`` applies the payer rules of ``payers`` (F12/F13); ``record_outcome``
creates the registrations of an approval and, for every decided payment (approved or
refused, F9), the Receipt row that ``receipts`` renders, reprints and emails.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import (
    Account,
    Cart,
    Household,
    Payment,
    Receipt,
    Registration,
)
from console.db.numbers import next_number
from console.domain.cards import CardEntry
from console.domain.errors import NotFound, Refused, Unavailable
from console.domain.payers import PayerCheck
from console.domain.views.checkout import PaymentResult as PaymentResult
from console.domain.vocabulary import CartItemState, CartState, PaymentStatus, RegistrationState
from console.services import audit, payers, places
from console.services.cart_return import back_to_cart, lock_cart_activities
from console.services.carts import (
    apply_hold,
    hold_of,
    load_cart,
    lock_cart,
    require_caller,
    require_staff,
)
from console.services.context import ServiceContext
from console.services.gateway import (
    IN_FLIGHT,
    GatewayDown,
    GatewayError,
    GatewayOutcome,
    payment_gateway,
)
from console.services.quebec_time import local_date
from console.services.staff import Actor

# Test-only switch: the race test turns it off to show the double charge it prevents.
settle_in_flight_guard = True


def validate_payer(session: Session, cart: Cart, payer_member_id: int) -> PayerCheck:
    """The payer rules (F12, F13) inside the payment transaction (see ``payers``)."""
    return payers.validate_payer(session, cart.id, payer_member_id)


def start_checkout(
    ctx: ServiceContext, actor: Actor | None, cart_id: int, payer_member_id: int
) -> datetime:
    """Lock the cart while the payment site has it (F11); returns when the lock runs out."""
    require_staff(actor, "checkout_start")
    with ctx.db.write() as session:
        cart = lock_cart(session, ctx, cart_id)  # read after the lock: no lapse meanwhile
        require_caller(session, ctx, actor, cart.household_id)
        _start(session, ctx, cart, payer_member_id)
        audit_cart(session, ctx, actor, "cart.checkout", cart)
        assert cart.checkout_locked_until is not None
        return cart.checkout_locked_until


def _start(session: Session, ctx: ServiceContext, cart: Cart, payer_member_id: int) -> None:
    if not any(i.state == CartItemState.HELD.value for i in cart.items):
        raise Refused("cart_empty", cart_number=cart.number)
    validate_payer(session, cart, payer_member_id)
    now = ctx.clock.now()
    apply_hold(cart, hold_of(cart).start_checkout(now), now)


def pay(
    ctx: ServiceContext,
    actor: Actor | None,
    cart_id: int,
    card: CardEntry,
    payer_member_id: int,
) -> PaymentResult:
    """Charge the card for the cart and record the outcome (see the module docstring)."""
    require_staff(actor, "checkout_pay")
    check = card.check(local_date(ctx.clock.now()))  # the card's month ends in Québec
    if not check.ok:
        raise Refused("card_invalid", reasons=check.reasons)
    with ctx.db.write() as session:
        # Read after the cart's lock: a payment made at the same time (a double click, the
        # family on the site) is seen, and a cart the sweep is lapsing is not revived.
        cart = lock_cart(session, ctx, cart_id)
        require_caller(session, ctx, actor, cart.household_id)
        payment = pending_payment(session, cart)
        if places.after_count is not None:  # test-only: widen the read-then-write window
            places.after_count()
        retry = payment is not None
        may_charge = True
        if payment is None:
            if cart.state == CartState.OPEN.value:
                _start(session, ctx, cart, payer_member_id)
            else:
                validate_payer(session, cart, payer_member_id)
            if cart.state != CartState.CHECKOUT.value or not hold_of(cart).is_live(ctx.clock.now()):
                raise Refused("cart_not_payable", cart_number=cart.number, state=cart.state)
            payment = _new_payment(session, ctx, actor, cart, payer_member_id)
            audit_cart(
                session, ctx, actor, "payment.started", cart, str(payment.transaction_number)
            )
        else:
            if payment.payer_member_id != payer_member_id:
                # The pending payment is in its payer's name: a retry may not change it.
                raise Refused("payer_changed", cart_number=cart.number)
            # Charge again only while the cart is still locked for this payment.
            may_charge = cart.state == CartState.CHECKOUT.value and hold_of(cart).is_live(
                ctx.clock.now()
            )
            if may_charge:
                # This charge begins now: the cart's last change marks it (see
                # charge_in_flight_until), committed before the request leaves.
                cart.updated_at = ctx.clock.now()
        key, amount, number = payment.idempotency_key, payment.amount_cents, cart.number
    gateway = payment_gateway(ctx)
    try:
        # A pending payment may already have been charged: ask before charging again.
        outcome = gateway.status(key) if retry else None
        if outcome is None and not may_charge:
            return _result_for(ctx, key, pending_reason="not_charged")
        if outcome is None:
            outcome = gateway.charge(key, amount, card, f"Mes loisirs en ligne — panier {number}")
    except GatewayError as exc:
        reason = "gateway_down" if isinstance(exc, GatewayDown) else "gateway_timeout"
        return _result_for(ctx, key, pending_reason=reason)
    return record_outcome(ctx, actor, key, outcome)


def reconcile_payment(ctx: ServiceContext, actor: Actor | None, cart_id: int) -> PaymentResult:
    """Ask the gateway what became of the cart's pending payment, and record it."""
    require_staff(actor, "checkout_reconcile")
    with ctx.db.read() as session:
        cart = load_cart(session, cart_id)
        require_caller(session, ctx, actor, cart.household_id)
        payment = pending_payment(session, cart)
        if payment is None:
            raise NotFound("no_pending_payment", cart_id=cart_id)
        key = payment.idempotency_key
    try:
        outcome = payment_gateway(ctx).status(key)
    except GatewayError as exc:
        raise Unavailable("gateway_unreachable", detail=type(exc).__name__) from exc
    if outcome is None:
        return _result_for(ctx, key, pending_reason="not_charged")
    return record_outcome(ctx, actor, key, outcome)


def charge_in_flight_until(payment: Payment, cart: Cart) -> datetime:
    """Until when a charge of this pending payment may still be in flight.

    Every charge begins right after a transaction that locked the cart and wrote the
    time: the payment's ``created_at`` (the first charge) or the cart's ``updated_at``
    (a retry by :func:`pay`). The adapter gives up on it within ``GATEWAY_MAX_REQUEST_S``;
    with the margin, that is :data:`~console.services.gateway.IN_FLIGHT` later. All three
    times come from the one clock (``ctx.clock``).
    """
    return max(payment.created_at, cart.updated_at) + IN_FLIGHT


def charge_may_be_in_flight(payment: Payment, cart: Cart, now: datetime) -> bool:
    """Whether the payment site's "no record" may yet become a charge (see above)."""
    return settle_in_flight_guard and now < charge_in_flight_until(payment, cart)


def pending_payment(session: Session, cart: Cart) -> Payment | None:
    """The cart's latest PENDING payment, if any."""
    return session.scalar(
        select(Payment)
        .where(Payment.cart_id == cart.id, Payment.status == PaymentStatus.PENDING.value)
        .order_by(Payment.id.desc())
        .limit(1)
    )


def _new_payment(
    session: Session, ctx: ServiceContext, actor: Actor | None, cart: Cart, payer_member_id: int
) -> Payment:
    payment = Payment(
        transaction_number=next_number(session, "transaction_number_seq"),
        idempotency_key=uuid.uuid4().hex,
        cart_id=cart.id,
        payer_member_id=payer_member_id,
        amount_cents=sum(i.price_cents for i in cart.items if i.state == CartItemState.HELD.value),
        status=PaymentStatus.PENDING.value,
        created_at=ctx.clock.now(),
        channel=actor.username if actor else "web",
    )
    session.add(payment)
    session.flush()
    return payment


def record_outcome(
    ctx: ServiceContext, actor: Actor | None, idempotency_key: str, outcome: GatewayOutcome
) -> PaymentResult:
    """Write the gateway's decision: approved → registrations and receipt; refused → the
    cart is unlocked and nobody is registered (F9). Recording twice changes nothing."""
    with ctx.db.write() as session:
        payment = session.scalar(select(Payment).where(Payment.idempotency_key == idempotency_key))
        if payment is None:
            raise NotFound("payment_not_found")
        apply_outcome(session, ctx, actor, payment, outcome)
    return _result_for(ctx, idempotency_key)


def apply_outcome(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    payment: Payment,
    outcome: GatewayOutcome,
) -> Receipt | None:
    """The outcome inside the caller's transaction; returns the receipt of an approval."""
    now = ctx.clock.now()
    approved = outcome.approved
    if _already_decided(payment, outcome):
        return None
    cart = load_cart(session, payment.cart_id)
    # Lock order: the activities first, then the cart and payment rows (places module).
    lock_cart_activities(session, ctx, cart)
    cart = lock_cart(session, ctx, payment.cart_id)
    locked = session.get(
        Payment,
        payment.id,
        with_for_update=ctx.db.locks_rows,
        populate_existing=True,
    )
    assert locked is payment  # the same object, read again after the locks
    if _already_decided(payment, outcome):  # another recording of it won the locks
        return None
    payment.status = outcome.status.value
    payment.decided_at = now
    payment.card_brand = outcome.brand.value if outcome.brand else None
    payment.card_last4 = outcome.last4
    payment.authorization_code = outcome.authorization_code
    payment.refusal_reason = outcome.refusal_code
    if not approved:
        if cart.state == CartState.CHECKOUT.value:
            back_to_cart(session, ctx, cart, now)
        # The site's receipt says "Paiement refusé" (F9): the caller keeps proof of the try.
        _issue_receipt(session, ctx, cart, payment)
        audit_cart(session, ctx, actor, "payment.refused", cart, outcome.refusal_code or "")
        return None
    for item in cart.items:
        if item.state == CartItemState.HELD.value:
            item.state = CartItemState.REGISTERED.value
            session.add(
                Registration(
                    member_id=item.member_id,
                    activity_id=item.activity_id,
                    cart_id=cart.id,
                    payment_id=payment.id,
                    state=RegistrationState.CONFIRMED.value,
                    created_at=now,
                )
            )
    cart.state = CartState.PAID.value
    cart.checkout_locked_until = None
    cart.updated_at = now
    receipt = _issue_receipt(session, ctx, cart, payment)
    audit_cart(session, ctx, actor, "payment.approved", cart, str(payment.transaction_number))
    return receipt


def _already_decided(payment: Payment, outcome: GatewayOutcome) -> bool:
    """An approval always wins (the money was taken); anything else only decides a
    pending payment."""
    return payment.status == PaymentStatus.APPROVED.value or (
        payment.status != PaymentStatus.PENDING.value and not outcome.approved
    )


def _issue_receipt(session: Session, ctx: ServiceContext, cart: Cart, payment: Payment) -> Receipt:
    """The receipt of a decided payment, in the payer's name and the household's language."""
    language = session.scalar(
        select(Account.language)
        .join(Household, Household.account_id == Account.id)
        .where(Household.id == cart.household_id)
    )
    receipt = Receipt(
        number=next_number(session, "receipt_number_seq"),
        cart_id=cart.id,
        payment_id=payment.id,
        payer_member_id=payment.payer_member_id,
        issued_at=ctx.clock.now(),
        language=language or "fr",
    )
    session.add(receipt)
    session.flush()
    return receipt


def _result_for(
    ctx: ServiceContext, key: str, *, pending_reason: str | None = None
) -> PaymentResult:
    with ctx.db.read() as session:
        payment = session.scalar(select(Payment).where(Payment.idempotency_key == key))
        if payment is None:
            raise NotFound("payment_not_found")
        cart = payment.cart
        receipt = session.scalar(select(Receipt).where(Receipt.payment_id == payment.id))
        registrations = session.scalars(
            select(Registration.id).where(Registration.payment_id == payment.id)
        ).all()
        return PaymentResult(
            cart_id=cart.id,
            cart_number=cart.number,
            owner_number=cart.owner_number,
            transaction_number=payment.transaction_number,
            status=PaymentStatus(payment.status),
            amount_cents=payment.amount_cents,
            card_brand=payment.card_brand,
            card_last4=payment.card_last4,
            authorization_code=payment.authorization_code,
            refusal_reason=payment.refusal_reason or pending_reason,
            receipt_id=receipt.id if receipt else None,
            receipt_number=receipt.number if receipt else None,
            registrations=len(registrations),
        )


def audit_cart(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    cart: Cart,
    detail: str = "",
    reason: str = "",
) -> None:
    if actor is None:
        return  # the public site's own actions are not in the console's journal
    audit.record(
        session,
        ctx,
        actor,
        action,
        household_id=cart.household_id,
        target=f"cart {cart.number}",
        reason=reason,
        details={"detail": detail} if detail else None,
    )
