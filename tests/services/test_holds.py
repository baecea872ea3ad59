"""« Vous êtes déjà inscrit » (F7): what holds a member on an activity, and freeing it."""

from __future__ import annotations

import pytest

from console.db.models import AuditEntry
from console.domain.cards import CardEntry
from console.domain.errors import Refused
from console.domain.vocabulary import CartState
from console.services.carts import add_to_cart
from console.services.checkout import pay, start_checkout
from console.services.holds import HoldKind, release_stale_hold, what_holds
from console.services.places import activity_places
from tests.helpers.place_data import make_activity, make_family, make_staff


def test_lists_registration_cart_item_and_waitlist_entry(ctx):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    a, full = make_activity(ctx, capacity=2), make_activity(ctx, capacity=0)
    kid = family.child_ids[0]
    cart = add_to_cart(ctx, agent, family.household_id, kid, a).cart
    assert cart is not None
    with CardEntry("4242424242424242", 12, 2030, "123") as card:
        paid = pay(ctx, agent, cart.cart_id, card, family.parent_id)
    web = add_to_cart(ctx, None, family.household_id, family.child_ids[1], a).cart
    add_to_cart(ctx, agent, family.household_id, kid, full)
    registered = what_holds(ctx, kid, a).holds
    assert [(h.kind, h.receipt_number) for h in registered] == [
        (HoldKind.REGISTRATION, paid.receipt_number)
    ]
    in_cart = what_holds(ctx, family.child_ids[1], a).holds
    assert web is not None
    assert [(h.kind, h.cart_number, h.deadline, h.releasable) for h in in_cart] == [
        (HoldKind.CART_ITEM, web.number, web.hold_expires_at, True)
    ]
    waiting = what_holds(ctx, kid, full).holds
    assert [(h.kind, h.waitlist_position) for h in waiting] == [(HoldKind.WAITLIST, 1)]


def test_release_a_stale_cart_hold_audited(ctx):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=1)
    add_to_cart(ctx, None, family.household_id, family.child_ids[0], activity)
    hold = what_holds(ctx, family.child_ids[0], activity).holds[0]
    with pytest.raises(Refused):
        release_stale_hold(ctx, agent, hold.kind, hold.record_id, "")
    release_stale_hold(ctx, agent, hold.kind, hold.record_id, "old tab on another computer")
    assert what_holds(ctx, family.child_ids[0], activity).holds == ()
    assert activity_places(ctx, activity).real_remaining == 1
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    assert out.held
    with ctx.db.read() as s:
        entry = s.query(AuditEntry).filter_by(action="hold.release").one()
        assert entry.reason == "old tab on another computer"


def test_release_a_waitlist_entry(ctx):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    full = make_activity(ctx, capacity=0)
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], full)
    assert out.waitlist_entry_id
    release_stale_hold(ctx, agent, HoldKind.WAITLIST, out.waitlist_entry_id, "no longer wanted")
    assert what_holds(ctx, family.child_ids[0], full).holds == ()


def test_a_locked_cart_goes_through_the_f11_release(ctx):
    agent = make_staff(ctx)
    family = make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=1)
    cart = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity).cart
    assert cart is not None
    start_checkout(ctx, agent, cart.cart_id, family.parent_id)
    hold = what_holds(ctx, family.child_ids[0], activity).holds[0]
    assert hold.cart_state is CartState.CHECKOUT and not hold.releasable
    with pytest.raises(Refused) as info:
        release_stale_hold(ctx, agent, hold.kind, hold.record_id, "stale")
    assert info.value.code == "cart_locked_use_release"
