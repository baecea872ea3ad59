from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.errors import Reason
from console.domain.places import (
    PLACES_AVAILABLE,
    PLACES_FULL,
    PLACES_HELD_BY_OFFERS,
    PLACES_HELD_IN_CARTS,
    PlaceCount,
    earliest_release,
)
from tests.domain.strategies import BASE, moments

counts = st.integers(min_value=0, max_value=60)
place_counts = st.builds(
    PlaceCount,
    capacity=counts,
    confirmed=counts,
    live_holds=counts,
    checkout_holds=counts,
    open_offers=counts,
    waitlist_length=counts,
)


def test_site_counts_only_confirmed_registrations() -> None:
    count = PlaceCount(capacity=20, confirmed=17, live_holds=2, checkout_holds=1)
    assert count.site_remaining == 3
    assert count.real_remaining == 0
    assert count.held_elsewhere == 3


def test_free_places_are_available_with_their_count() -> None:
    count = PlaceCount(capacity=20, confirmed=15, live_holds=2, open_offers=1, waitlist_length=0)
    assert count.explanation() == Reason(
        PLACES_AVAILABLE, {"remaining": 2, "capacity": 20, "waitlist_length": 0}
    )


def test_not_full_on_the_site_but_held_in_carts_says_who_holds_and_when_one_frees() -> None:
    count = PlaceCount(
        capacity=20, confirmed=17, live_holds=1, checkout_holds=1, open_offers=1, waitlist_length=4
    )
    assert count.explanation(BASE) == Reason(
        PLACES_HELD_IN_CARTS,
        {
            "site_remaining": 3,
            "in_carts": 1,
            "at_checkout": 1,
            "by_offers": 1,
            "next_release": BASE,
            "waitlist_length": 4,
        },
    )


def test_places_held_only_by_waitlist_offers_are_named_so() -> None:
    count = PlaceCount(capacity=10, confirmed=8, open_offers=2, waitlist_length=5)
    reason = count.explanation(BASE)
    assert reason == Reason(
        PLACES_HELD_BY_OFFERS,
        {"site_remaining": 2, "by_offers": 2, "next_release": BASE, "waitlist_length": 5},
    )


def test_confirmed_registrations_filling_the_capacity_is_full() -> None:
    count = PlaceCount(capacity=10, confirmed=10, live_holds=3, waitlist_length=2)
    assert count.explanation(BASE) == Reason(
        PLACES_FULL, {"capacity": 10, "confirmed": 10, "waitlist_length": 2}
    )


def test_overbooked_activity_shows_zero_not_negative() -> None:
    count = PlaceCount(capacity=10, confirmed=12)
    assert count.site_remaining == count.real_remaining == count.held_elsewhere == 0
    assert count.explanation().code == PLACES_FULL


def test_next_release_is_unknown_when_not_given() -> None:
    reason = PlaceCount(capacity=1, confirmed=0, live_holds=1).explanation()
    assert reason.params["next_release"] is None


@pytest.mark.parametrize(
    "field",
    ["capacity", "confirmed", "live_holds", "checkout_holds", "open_offers", "waitlist_length"],
)
def test_negative_counts_are_refused(field: str) -> None:
    values = dict.fromkeys(
        ["capacity", "confirmed", "live_holds", "checkout_holds", "open_offers", "waitlist_length"],
        1,
    )
    values[field] = -1
    with pytest.raises(ValueError):
        PlaceCount(**values)


def test_earliest_release_ignores_unknown_moments() -> None:
    assert earliest_release([None, BASE.replace(hour=11), BASE, None]) == BASE
    assert earliest_release([None]) is None
    assert earliest_release([]) is None


@given(place_counts)
def test_real_remaining_never_exceeds_site_remaining_and_is_never_negative(
    count: PlaceCount,
) -> None:
    assert 0 <= count.real_remaining <= count.site_remaining <= count.capacity
    assert count.held_elsewhere == count.site_remaining - count.real_remaining >= 0
    assert count.held_elsewhere <= count.live_holds + count.checkout_holds + count.open_offers


@given(place_counts, st.one_of(st.none(), moments))
def test_explanation_code_matches_the_counts(count: PlaceCount, when: datetime | None) -> None:
    reason = count.explanation(when)
    if count.real_remaining > 0:
        assert reason.code == PLACES_AVAILABLE
        assert reason.params["remaining"] == count.real_remaining
    elif count.site_remaining == 0:
        assert reason.code == PLACES_FULL
    else:
        assert reason.code in (PLACES_HELD_IN_CARTS, PLACES_HELD_BY_OFFERS)
        assert reason.params["next_release"] == when
        assert reason.params["site_remaining"] == count.site_remaining


@given(place_counts)
def test_one_more_hold_never_adds_a_place(count: PlaceCount) -> None:
    more = PlaceCount(
        capacity=count.capacity,
        confirmed=count.confirmed,
        live_holds=count.live_holds + 1,
        checkout_holds=count.checkout_holds,
        open_offers=count.open_offers,
        waitlist_length=count.waitlist_length,
    )
    assert more.real_remaining in (count.real_remaining, count.real_remaining - 1)
    assert more.site_remaining == count.site_remaining
