"""Cart rules (F8) and phone registration (F6) on both dialects."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.db.models import AuditEntry, Cart
from console.domain.clock import FixedClock
from console.domain.errors import Refused, VerificationRequired
from console.domain.vocabulary import CartItemState, CartState
from console.services.carts import add_to_cart, cart_summary, extend_hold, remove_from_cart
from console.services.context import ServiceContext
from console.services.places import activity_places
from console.services.staff import Actor
from console.services.sweep import sweep
from tests.helpers.place_data import Family, make_activity, make_family, make_staff

MIN = timedelta(minutes=1)


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    return make_staff(ctx)


@pytest.fixture
def family(ctx: ServiceContext, agent: Actor) -> Family:
    return make_family(ctx, children=3, verified_by=agent)


def test_add_holds_a_place_for_twenty_minutes(ctx, agent, family, clock: FixedClock) -> None:
    activity = make_activity(ctx, capacity=2)
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    assert out.held and out.cart is not None
    assert out.cart.hold_expires_at == clock.now() + 20 * MIN
    assert out.cart.channel == agent.username
    assert out.cart.owner_number == family.number
    assert activity_places(ctx, activity).real_remaining == 1


def test_every_change_extends_the_hold(ctx, agent, family, clock: FixedClock) -> None:
    a, b = make_activity(ctx), make_activity(ctx)
    cart = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], a).cart
    assert cart is not None
    clock.advance(12 * MIN)
    cart = add_to_cart(
        ctx, agent, family.household_id, family.child_ids[1], b, cart_id=cart.cart_id
    ).cart
    assert cart is not None and cart.hold_expires_at == clock.now() + 20 * MIN
    clock.advance(12 * MIN)
    cart = remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    assert cart.hold_expires_at == clock.now() + 20 * MIN
    assert activity_places(ctx, a).real_remaining == 2


def test_one_extension_only(ctx, agent, family, clock: FixedClock) -> None:
    cart = add_to_cart(
        ctx, agent, family.household_id, family.child_ids[0], make_activity(ctx)
    ).cart
    assert cart is not None
    extended = extend_hold(ctx, agent, cart.cart_id)
    assert extended.hold_expires_at == cart.hold_expires_at + 20 * MIN
    assert extended.extension_used
    with pytest.raises(Refused) as info:
        extend_hold(ctx, agent, cart.cart_id)
    assert info.value.code == "cart_extension_used"


def test_lapsed_hold_frees_the_place(ctx, agent, family, clock: FixedClock) -> None:
    activity = make_activity(ctx, capacity=1)
    cart = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity).cart
    assert cart is not None
    clock.advance(19 * MIN)
    assert activity_places(ctx, activity).real_remaining == 0
    clock.advance(1 * MIN)
    # The count frees the place at the deadline, before any sweep.
    assert activity_places(ctx, activity).real_remaining == 1
    with pytest.raises(Refused) as info:
        add_to_cart(
            ctx, agent, family.household_id, family.child_ids[1], activity, cart_id=cart.cart_id
        )
    assert info.value.code == "cart_hold_lapsed"
    sweep(ctx)
    summary = cart_summary(ctx, cart.cart_id)
    assert summary.state is CartState.LAPSED
    assert summary.items[0].state is CartItemState.RELEASED


def test_no_place_left_puts_the_caller_on_the_waitlist(ctx, agent, family) -> None:
    activity = make_activity(ctx, capacity=1)
    other = make_family(ctx, verified_by=agent)
    add_to_cart(ctx, None, other.household_id, other.child_ids[0], activity)  # a web user
    first = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    second = add_to_cart(ctx, agent, family.household_id, family.child_ids[1], activity)
    assert not first.held and first.waitlist_position == 1
    assert second.waitlist_position == 2
    places = activity_places(ctx, activity)
    assert places.site_remaining == 1 and places.real_remaining == 0
    assert places.count.waitlist_length == 2


def test_the_same_member_cannot_hold_twice(ctx, agent, family) -> None:
    activity = make_activity(ctx, capacity=3)
    add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    with pytest.raises(Refused) as info:
        add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    assert info.value.code == "already_in_cart"


def test_staff_need_a_verified_caller(ctx, agent) -> None:
    stranger = make_family(ctx)
    with pytest.raises(VerificationRequired):
        add_to_cart(ctx, agent, stranger.household_id, stranger.child_ids[0], make_activity(ctx))


def test_staff_changes_are_audited_web_changes_are_not(ctx, agent, family) -> None:
    activity = make_activity(ctx, capacity=5)
    add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    add_to_cart(ctx, None, family.household_id, family.child_ids[1], activity)
    with ctx.db.read() as s:
        actions = [(e.action, e.staff_id) for e in s.query(AuditEntry)]
        channels = sorted(c.channel for c in s.query(Cart))
    assert actions == [("cart.add", agent.staff_id)]
    assert channels == [agent.username, "web"]


def test_another_familys_cart_is_refused_before_anything_is_written_or_shown(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    """Seen in review: with the activity full, the waitlist answer described the cart
    named in the request, whoever's it was, and wrote a waitlist entry first."""
    from sqlalchemy import func, select

    from console.db.models import WaitlistEntry

    other = make_family(ctx, children=1)
    theirs = add_to_cart(
        ctx,
        make_staff_verified_for(ctx, other),
        other.household_id,
        other.child_ids[0],
        make_activity(ctx, capacity=3),
    ).cart
    assert theirs is not None
    full = make_activity(ctx, capacity=0)
    with pytest.raises(Refused) as refused:
        add_to_cart(
            ctx, agent, family.household_id, family.child_ids[0], full, cart_id=theirs.cart_id
        )
    assert refused.value.code == "cart_other_household"
    assert "cart_number" not in refused.value.params
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(WaitlistEntry)) == 0


def make_staff_verified_for(ctx: ServiceContext, family: Family) -> Actor:
    from tests.helpers.place_data import verify

    actor = make_staff(ctx)
    verify(ctx, actor, family.household_id)
    return actor


def test_what_is_missing_is_named_before_anything_is_held(ctx):
    """The household, the member and the activity are read in one statement; when one is
    missing (or the member was removed, or is another household's), the refusal says
    which, and nothing is written."""
    from console.db.models import CartItem, WaitlistEntry
    from console.domain.errors import NotFound

    family = make_family(ctx)
    other = make_family(ctx)
    activity = make_activity(ctx, capacity=3)
    kid = family.child_ids[0]
    cases = [
        ((family.household_id, kid, activity + 999), "activity_not_found"),
        ((family.household_id + 999, kid, activity), "household_not_found"),
        ((family.household_id, kid + 999, activity), "member_not_found"),
        ((family.household_id, other.child_ids[0], activity), "member_not_found"),
    ]
    for (household, member, act), code in cases:
        with pytest.raises(NotFound) as caught:
            add_to_cart(ctx, None, household, member, act)
        assert caught.value.code == code
    with ctx.db.read() as s:
        assert s.query(CartItem).count() == 0 and s.query(WaitlistEntry).count() == 0
