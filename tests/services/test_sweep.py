"""The sweep: lapsed holds release, lapsed checkout locks are settled with the gateway."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.vocabulary import CartItemState, CartState, PaymentStatus
from console.services.carts import add_to_cart, cart_summary
from console.services.checkout import pay, start_checkout
from console.services.context import ServiceContext
from console.services.gateway import PORT_NAME
from console.services.places import activity_places
from console.services.sandbox_gateway import Fault, SandboxGateway
from console.services.sweep import sweep
from tests.helpers.place_data import make_activity, make_family, make_staff
from tests.services.test_checkout import card

MIN = timedelta(minutes=1)


@pytest.fixture
def gateway(ctx: ServiceContext) -> SandboxGateway:
    gateway = SandboxGateway()
    ctx.ports[PORT_NAME] = gateway
    return gateway


def test_sweep_lapses_expired_carts_only(ctx, clock):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=3)
    old = add_to_cart(ctx, None, family.household_id, family.child_ids[0], activity).cart
    clock.advance(10 * MIN)
    fresh = add_to_cart(ctx, None, family.household_id, family.child_ids[1], activity).cart
    assert old and fresh
    clock.advance(10 * MIN)
    assert sweep(ctx).carts_lapsed == 1
    assert cart_summary(ctx, old.cart_id).state is CartState.LAPSED
    assert cart_summary(ctx, fresh.cart_id).state is CartState.OPEN
    assert sweep(ctx).carts_lapsed == 0


def test_lapsed_checkout_lock_returns_the_cart_when_never_charged(ctx, clock, gateway):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=1)
    cart = add_to_cart(ctx, None, family.household_id, family.child_ids[0], activity).cart
    assert cart
    start_checkout(ctx, None, cart.cart_id, family.parent_id)
    clock.advance(21 * MIN)
    assert sweep(ctx).checkouts_settled == 1
    summary = cart_summary(ctx, cart.cart_id)
    assert summary.state is CartState.OPEN and summary.held  # still free: kept
    assert summary.hold_expires_at == clock.now() + 20 * MIN


def test_lapsed_checkout_lock_loses_a_place_taken_meanwhile(ctx, clock, gateway):
    agent = make_staff(ctx)
    one, two = make_family(ctx, verified_by=agent), make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=1)
    cart = add_to_cart(ctx, None, one.household_id, one.child_ids[0], activity).cart
    assert cart
    start_checkout(ctx, None, cart.cart_id, one.parent_id)
    clock.advance(21 * MIN)
    assert add_to_cart(ctx, agent, two.household_id, two.child_ids[0], activity).held
    sweep(ctx)
    summary = cart_summary(ctx, cart.cart_id)
    assert summary.state is CartState.OPEN
    assert [i.state for i in summary.items] == [CartItemState.RELEASED]
    assert activity_places(ctx, activity).count.live_holds == 1


def test_lapsed_checkout_with_an_approved_payment_registers(ctx, clock, gateway):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    cart = add_to_cart(
        ctx, agent, family.household_id, family.child_ids[0], make_activity(ctx)
    ).cart
    assert cart
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    assert pay(ctx, agent, cart.cart_id, card(), family.parent_id).status is PaymentStatus.PENDING
    clock.advance(21 * MIN)
    gateway.down = True
    assert sweep(ctx).checkouts_unsettled == 1  # never settled blind
    assert cart_summary(ctx, cart.cart_id).state is CartState.CHECKOUT
    gateway.down = False
    assert sweep(ctx).checkouts_settled == 1
    assert cart_summary(ctx, cart.cart_id).state is CartState.PAID
