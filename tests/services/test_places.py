"""The places panel (F6): real remaining versus the site's figure, and why they differ."""

from __future__ import annotations

from datetime import timedelta

from console.domain.places import PLACES_AVAILABLE, PLACES_FULL, PLACES_HELD_IN_CARTS
from console.services.carts import add_to_cart
from console.services.checkout import start_checkout
from console.services.places import activity_places, find_activities
from tests.helpers.place_data import make_activity, make_family, make_staff

MIN = timedelta(minutes=1)


def test_holds_explain_why_the_site_says_not_full(ctx, clock):
    agent = make_staff(ctx)
    activity = make_activity(ctx, capacity=3)
    one = make_family(ctx, verified_by=agent)
    two = make_family(ctx, verified_by=agent)
    first = add_to_cart(ctx, None, one.household_id, one.child_ids[0], activity)
    clock.advance(5 * MIN)
    second = add_to_cart(ctx, agent, two.household_id, two.child_ids[0], activity)
    assert first.cart and second.cart
    start_checkout(ctx, agent, second.cart.cart_id, two.parent_id)
    places = activity_places(ctx, activity)
    assert (places.count.capacity, places.count.confirmed) == (3, 0)
    assert (places.site_remaining, places.real_remaining) == (3, 1)
    assert places.explanation.code == PLACES_AVAILABLE
    third = make_family(ctx, verified_by=agent)
    add_to_cart(ctx, agent, third.household_id, third.child_ids[0], activity)
    places = activity_places(ctx, activity)
    assert places.real_remaining == 0 and places.site_remaining == 3
    assert places.explanation.code == PLACES_HELD_IN_CARTS
    # The web cart was first: it lapses first, at 9:20.
    assert places.next_release == first.cart.hold_expires_at
    assert places.explanation.params["next_release"] == places.next_release
    assert next(h.cart_number for h in places.cart_holds) == first.cart.number
    assert places.checkout_locks[0].lapses_at == clock.now() + 20 * MIN
    assert [h.channel for h in places.cart_holds] == ["web", agent.username]


def test_empty_activity_is_full_only_when_capacity_is_used(ctx):
    activity = make_activity(ctx, capacity=0)
    assert activity_places(ctx, activity).explanation.code == PLACES_FULL


def test_find_activities_shows_both_figures(ctx):
    agent = make_staff(ctx)
    activity = make_activity(ctx, capacity=2, title="Patinage libre")
    make_activity(ctx, capacity=2, title="Natation")
    family = make_family(ctx, verified_by=agent)
    add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    found = find_activities(ctx, "patin")
    assert [(a.activity_id, a.site_remaining, a.real_remaining) for a in found] == [
        (activity, 2, 1)
    ]
    assert len(find_activities(ctx, "")) == 2
