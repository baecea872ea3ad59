"""Checkout and payment (F9, F11): every gateway answer, idempotent retries, releases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.db.models import AuditEntry, Payment, Receipt, Registration
from console.domain.cards import CardEntry
from console.domain.errors import Refused, Unavailable
from console.domain.vocabulary import CartState, PaymentStatus
from console.services.cart_release import ReleaseKind, release_locked_cart
from console.services.carts import add_to_cart, cart_summary
from console.services.checkout import pay, reconcile_payment, start_checkout
from console.services.context import ServiceContext
from console.services.gateway import IN_FLIGHT, PORT_NAME
from console.services.places import activity_places
from console.services.sandbox_gateway import Fault, SandboxGateway
from console.services.staff import Actor
from tests.helpers.place_data import Family, make_activity, make_family, make_staff

VISA = "4242 4242 4242 4242"


@pytest.fixture
def gateway(ctx: ServiceContext) -> SandboxGateway:
    gateway = SandboxGateway()
    ctx.ports[PORT_NAME] = gateway
    return gateway


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    return make_staff(ctx)


@pytest.fixture
def family(ctx: ServiceContext, agent: Actor) -> Family:
    return make_family(ctx, verified_by=agent)


@pytest.fixture
def cart_id(ctx: ServiceContext, agent: Actor, family: Family) -> int:
    activity = make_activity(ctx, capacity=3, price_cents=4000)
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    assert out.cart is not None
    add_to_cart(
        ctx, agent, family.household_id, family.child_ids[1], activity, cart_id=out.cart.cart_id
    )
    return out.cart.cart_id


def card(number: str = VISA) -> CardEntry:
    return CardEntry(number, 12, 2030, "123")


def _rows(ctx: ServiceContext) -> tuple[int, int, int]:
    with ctx.db.read() as s:
        return (s.query(Payment).count(), s.query(Registration).count(), s.query(Receipt).count())


def test_approved_payment_registers_and_issues_a_receipt(ctx, agent, family, cart_id, gateway):
    result = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert result.registered and result.registrations == 2
    assert result.amount_cents == 8000
    assert (result.card_brand, result.card_last4) == ("visa", "4242")
    assert result.receipt_number == 20_000_001
    assert cart_summary(ctx, cart_id).state is CartState.PAID
    with ctx.db.read() as s:
        payment = s.query(Payment).one()
        assert payment.authorization_code and payment.card_last4 == "4242"
        stored = " ".join(str(v) for v in vars(payment).values())
        assert "4242424242424242" not in stored


def test_refused_payment_leaves_the_caller_unregistered(ctx, agent, family, cart_id, gateway):
    result = pay(ctx, agent, cart_id, card("4000 0000 0000 0002"), family.parent_id)
    assert result.status is PaymentStatus.REFUSED and not result.registered
    assert result.refusal_reason == "card_declined"
    # A payment, no registration, and a receipt that says "Paiement refusé" (F9).
    assert _rows(ctx) == (1, 0, 1)
    assert result.receipt_number is not None
    summary = cart_summary(ctx, cart_id)
    assert summary.state is CartState.OPEN and summary.live  # unlocked, places still held


@pytest.mark.parametrize("fault", [Fault.DECLINE, Fault.EXPIRED])
def test_injected_refusals(ctx, agent, family, cart_id, gateway, fault):
    gateway.inject(fault)
    result = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert result.refusal_reason == fault.value and not result.registered


def test_retry_after_timeout_after_charge_charges_once(ctx, agent, family, cart_id, gateway):
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    first = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert first.status is PaymentStatus.PENDING and first.refusal_reason == "gateway_timeout"
    assert cart_summary(ctx, cart_id).state is CartState.CHECKOUT
    again = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert again.registered and again.transaction_number == first.transaction_number
    assert sum(gateway.charges.values()) == 1
    assert _rows(ctx) == (1, 2, 1)


def test_retry_after_timeout_before_charge_charges_once(ctx, agent, family, cart_id, gateway):
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    assert pay(ctx, agent, cart_id, card(), family.parent_id).status is PaymentStatus.PENDING
    assert pay(ctx, agent, cart_id, card(), family.parent_id).registered
    assert sum(gateway.charges.values()) == 1
    assert _rows(ctx) == (1, 2, 1)


def test_reconcile_after_timeout_completes_the_registration(ctx, agent, family, cart_id, gateway):
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    pay(ctx, agent, cart_id, card(), family.parent_id)
    result = reconcile_payment(ctx, agent, cart_id)
    assert result.registered and result.registrations == 2
    assert sum(gateway.charges.values()) == 1


def test_gateway_down_keeps_the_payment_pending(ctx, agent, family, cart_id, gateway):
    gateway.down = True
    result = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert result.status is PaymentStatus.PENDING and result.refusal_reason == "gateway_down"
    with pytest.raises(Unavailable):
        reconcile_payment(ctx, agent, cart_id)
    gateway.down = False
    assert pay(ctx, agent, cart_id, card(), family.parent_id).registered


def test_invalid_card_never_reaches_the_gateway(ctx, agent, family, cart_id, gateway):
    with pytest.raises(Refused) as info:
        pay(ctx, agent, cart_id, CardEntry("3782 822463 10005", 12, 2030, "123"), family.parent_id)
    assert info.value.code == "card_invalid"
    assert _rows(ctx) == (0, 0, 0) and not gateway.charges


def test_a_child_cannot_pay(ctx, agent, family, cart_id, gateway):
    with pytest.raises(Refused) as info:
        start_checkout(ctx, agent, cart_id, family.child_ids[0])
    assert info.value.code == "payer_is_child"


def test_checkout_locks_the_cart_and_keeps_its_places(ctx, agent, family, cart_id, clock):
    until = start_checkout(ctx, agent, cart_id, family.parent_id)
    assert until == clock.now() + timedelta(minutes=20)
    summary = cart_summary(ctx, cart_id)
    assert summary.state is CartState.CHECKOUT
    places = activity_places(ctx, summary.items[0].activity_id)
    assert places.count.checkout_holds == 2 and len(places.checkout_locks) == 1


# Releasing a locked cart (F11): always ask the payment site first.


def _locked_with(ctx, agent, family, cart_id, gateway, fault: Fault | None) -> None:
    if fault is not None:
        gateway.inject(fault)
        pay(ctx, agent, cart_id, card(), family.parent_id)
    else:
        start_checkout(ctx, agent, cart_id, family.parent_id)
    assert cart_summary(ctx, cart_id).state is CartState.CHECKOUT


def test_release_when_the_payment_went_through_completes_it(ctx, agent, family, cart_id, gateway):
    _locked_with(ctx, agent, family, cart_id, gateway, Fault.TIMEOUT_AFTER_CHARGE)
    outcome = release_locked_cart(ctx, agent, cart_id, "browser closed")
    assert outcome.kind is ReleaseKind.COMPLETED and outcome.receipt_number
    assert cart_summary(ctx, cart_id).state is CartState.PAID
    assert _rows(ctx) == (1, 2, 1)


def test_release_when_never_charged_unlocks(ctx, clock, agent, family, cart_id, gateway):
    _locked_with(ctx, agent, family, cart_id, gateway, Fault.TIMEOUT_BEFORE_CHARGE)
    clock.advance(IN_FLIGHT)  # until then the timed-out charge may still land
    outcome = release_locked_cart(ctx, agent, cart_id, "browser closed")
    assert (outcome.kind, outcome.gateway_answer) == (ReleaseKind.UNLOCKED, "not_started")
    assert cart_summary(ctx, cart_id).state is CartState.OPEN
    with ctx.db.read() as s:
        assert s.query(Payment).one().status == "refused"
    assert pay(ctx, agent, cart_id, card(), family.parent_id).registered


def test_release_when_no_payment_was_started_unlocks(ctx, agent, family, cart_id, gateway):
    _locked_with(ctx, agent, family, cart_id, gateway, None)
    outcome = release_locked_cart(ctx, agent, cart_id, "browser closed")
    assert (outcome.kind, outcome.gateway_answer) == (ReleaseKind.UNLOCKED, "no_payment")


def test_release_when_refused_unlocks(ctx, agent, family, cart_id, gateway):
    _locked_with(ctx, agent, family, cart_id, gateway, Fault.TIMEOUT_BEFORE_CHARGE)
    gateway.inject(Fault.DECLINE)
    gateway.charge(_key(ctx), 8000, card(), "the family's browser retried")
    outcome = release_locked_cart(ctx, agent, cart_id, "browser closed")
    assert (outcome.kind, outcome.gateway_answer) == (ReleaseKind.UNLOCKED, "refused")
    assert _rows(ctx) == (1, 0, 1)  # the refused payment's receipt (F9), no registration


def test_release_refused_while_the_gateway_is_unreachable(ctx, agent, family, cart_id, gateway):
    _locked_with(ctx, agent, family, cart_id, gateway, Fault.TIMEOUT_AFTER_CHARGE)
    gateway.down = True
    with pytest.raises(Unavailable) as info:
        release_locked_cart(ctx, agent, cart_id, "browser closed")
    assert info.value.code == "gateway_unreachable"
    assert cart_summary(ctx, cart_id).state is CartState.CHECKOUT
    with ctx.db.read() as s:
        entry = s.query(AuditEntry).filter_by(action="cart.release_refused").one()
        assert entry.reason == "browser closed" and entry.staff_id == agent.staff_id


def test_release_of_an_open_cart_is_refused(ctx, agent, family, cart_id, gateway):
    with pytest.raises(Refused):
        release_locked_cart(ctx, agent, cart_id, "nothing to release")


def _key(ctx: ServiceContext) -> str:
    with ctx.db.read() as s:
        return s.query(Payment).one().idempotency_key
