from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.cart_timer import (
    CART_EXTENSION_USED,
    CART_HOLD_LAPSED,
    CART_NOT_IN_CHECKOUT,
    CART_NOT_OPEN,
    CHECKOUT_LOCK,
    EXTENSION,
    HOLD,
    CartHold,
    checkout_lock_until,
    extend,
    hold_deadline_after_change,
    is_lapsed,
    is_live_hold,
    minutes_left,
)
from console.domain.errors import Reason
from console.domain.vocabulary import CartState
from tests.domain.strategies import BASE, durations, moments

T0 = BASE
MIN = timedelta(minutes=1)


def ok(value: CartHold | Reason) -> CartHold:
    assert isinstance(value, CartHold), value
    return value


def refused(value: CartHold | datetime | Reason) -> Reason:
    assert isinstance(value, Reason), value
    return value


def test_hold_extension_and_checkout_lock_are_twenty_minutes() -> None:
    assert HOLD == EXTENSION == CHECKOUT_LOCK == timedelta(minutes=20)


def test_a_change_holds_the_cart_twenty_minutes_from_now() -> None:
    assert hold_deadline_after_change(T0) == T0 + 20 * MIN


def test_a_change_moves_an_earlier_deadline_later() -> None:
    assert hold_deadline_after_change(T0 + 5 * MIN, T0 + 20 * MIN) == T0 + 25 * MIN


def test_a_change_never_shortens_an_extended_deadline() -> None:
    assert hold_deadline_after_change(T0 + MIN, T0 + 40 * MIN) == T0 + 40 * MIN


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        hold_deadline_after_change(datetime(2026, 3, 2, 9, 0))
    with pytest.raises(ValueError):
        CartHold(deadline=datetime(2026, 3, 2, 9, 0))


def test_the_hold_lapses_exactly_at_its_deadline() -> None:
    assert not is_lapsed(T0 + 20 * MIN, T0 + 20 * MIN - timedelta(microseconds=1))
    assert is_lapsed(T0 + 20 * MIN, T0 + 20 * MIN)


def test_extension_adds_twenty_minutes_to_the_current_deadline() -> None:
    assert extend(T0 + 20 * MIN, False, T0 + 19 * MIN) == T0 + 40 * MIN


def test_extension_is_refused_once_used() -> None:
    reason = refused(extend(T0 + 40 * MIN, True, T0 + MIN))
    assert reason == Reason(CART_EXTENSION_USED, {"deadline": T0 + 40 * MIN})


def test_extension_is_refused_after_the_hold_lapsed() -> None:
    reason = refused(extend(T0 + 20 * MIN, False, T0 + 20 * MIN))
    assert reason == Reason(CART_HOLD_LAPSED, {"deadline": T0 + 20 * MIN})


def test_checkout_lock_runs_twenty_minutes() -> None:
    assert checkout_lock_until(T0) == T0 + 20 * MIN


@pytest.mark.parametrize(
    ("left", "shown"),
    [
        (timedelta(minutes=20), 20),
        (timedelta(minutes=19, seconds=1), 20),
        (timedelta(seconds=30), 1),
        (timedelta(0), 0),
        (timedelta(minutes=-3), 0),
    ],
)
def test_minutes_left_rounds_up_and_stops_at_zero(left: timedelta, shown: int) -> None:
    assert minutes_left(T0 + left, T0) == shown


def test_open_cart_is_a_live_hold_until_its_deadline() -> None:
    assert is_live_hold(CartState.OPEN, T0 + MIN, None, T0)
    assert not is_live_hold(CartState.OPEN, T0 + MIN, None, T0 + MIN)


def test_cart_at_checkout_holds_until_the_lock_runs_out_even_past_its_deadline() -> None:
    assert is_live_hold(CartState.CHECKOUT, T0, T0 + 10 * MIN, T0 + 5 * MIN)
    assert not is_live_hold(CartState.CHECKOUT, T0, T0 + 10 * MIN, T0 + 10 * MIN)
    assert not is_live_hold(CartState.CHECKOUT, T0 + 99 * MIN, None, T0)


@pytest.mark.parametrize("state", [CartState.PAID, CartState.LAPSED, CartState.CANCELLED])
def test_finished_carts_hold_nothing(state: CartState) -> None:
    assert not is_live_hold(state, T0 + 99 * MIN, T0 + 99 * MIN, T0)


class TestCartHold:
    def test_a_new_cart_is_open_for_twenty_minutes_without_extension(self) -> None:
        hold = CartHold.start(T0)
        assert hold == CartHold(deadline=T0 + 20 * MIN)
        assert hold.state is CartState.OPEN and not hold.extension_used
        assert hold.minutes_left(T0) == 20
        assert hold.releases_at() == T0 + 20 * MIN

    def test_lock_exists_exactly_at_checkout(self) -> None:
        with pytest.raises(ValueError):
            CartHold(deadline=T0, state=CartState.CHECKOUT)
        with pytest.raises(ValueError):
            CartHold(deadline=T0, checkout_locked_until=T0)

    def test_adding_an_item_extends_the_hold(self) -> None:
        hold = ok(CartHold.start(T0).after_change(T0 + 15 * MIN))
        assert hold.deadline == T0 + 35 * MIN

    def test_a_change_after_the_hold_lapsed_is_refused(self) -> None:
        reason = refused(CartHold.start(T0).after_change(T0 + 20 * MIN))
        assert reason.code == CART_HOLD_LAPSED

    def test_extension_is_granted_once_then_refused(self) -> None:
        once = ok(CartHold.start(T0).extend(T0 + MIN))
        assert once.deadline == T0 + 40 * MIN and once.extension_used
        assert refused(once.extend(T0 + 2 * MIN)).code == CART_EXTENSION_USED

    def test_a_change_keeps_the_extended_deadline_and_the_extension_used(self) -> None:
        extended = ok(CartHold.start(T0).extend(T0))
        changed = ok(extended.after_change(T0 + MIN))
        assert changed.deadline == T0 + 40 * MIN and changed.extension_used

    def test_checkout_locks_the_cart_and_holds_past_the_deadline(self) -> None:
        locked = ok(CartHold.start(T0).start_checkout(T0 + 19 * MIN))
        assert locked.state is CartState.CHECKOUT
        assert locked.checkout_locked_until == T0 + 39 * MIN
        assert locked.releases_at() == T0 + 39 * MIN
        assert locked.is_live(T0 + 30 * MIN)
        assert not locked.is_lapsed(T0 + 30 * MIN)
        assert locked.minutes_left(T0 + 30 * MIN) == 9

    def test_a_locked_cart_cannot_change_extend_or_check_out_again(self) -> None:
        locked = ok(CartHold.start(T0).start_checkout(T0))
        for attempt in (locked.after_change, locked.extend, locked.start_checkout):
            reason = refused(attempt(T0 + MIN))
            assert reason == Reason(CART_NOT_OPEN, {"state": CartState.CHECKOUT})

    def test_checkout_is_refused_once_the_hold_lapsed(self) -> None:
        assert refused(CartHold.start(T0).start_checkout(T0 + HOLD)).code == CART_HOLD_LAPSED

    def test_returning_to_the_cart_gives_a_fresh_hold(self) -> None:
        locked = ok(CartHold.start(T0).start_checkout(T0 + 10 * MIN))
        back = ok(locked.return_to_cart(T0 + 30 * MIN))
        assert back.state is CartState.OPEN and back.checkout_locked_until is None
        assert back.deadline == T0 + 50 * MIN

    def test_only_a_cart_at_checkout_can_return_to_the_cart(self) -> None:
        reason = refused(CartHold.start(T0).return_to_cart(T0))
        assert reason == Reason(CART_NOT_IN_CHECKOUT, {"state": CartState.OPEN})

    def test_a_paid_cart_releases_nothing_and_shows_no_time(self) -> None:
        paid = CartHold(deadline=T0, state=CartState.PAID)
        assert paid.releases_at() is None and paid.minutes_left(T0) == 0
        assert not paid.is_live(T0 - MIN) and not paid.is_lapsed(T0 + MIN)


@given(moments, st.one_of(st.none(), moments))
def test_a_change_never_shrinks_the_deadline(now: datetime, current: datetime | None) -> None:
    after = hold_deadline_after_change(now, current)
    assert after >= now + HOLD
    if current is not None:
        assert after >= current


@given(moments, st.lists(st.tuples(st.sampled_from(["change", "extend"]), durations), max_size=12))
def test_a_sequence_of_changes_and_extensions_never_shrinks_the_hold(
    start: datetime, steps: list[tuple[str, timedelta]]
) -> None:
    hold = CartHold.start(start)
    now = start
    extensions = 0
    for action, wait in steps:
        now += wait
        result = hold.after_change(now) if action == "change" else hold.extend(now)
        if isinstance(result, Reason):
            assert result.code in (CART_HOLD_LAPSED, CART_EXTENSION_USED)
            # A lapsed hold is never revived by any action.
            if result.code == CART_HOLD_LAPSED:
                assert hold.is_lapsed(now)
            continue
        assert result.deadline >= hold.deadline
        assert result.deadline > now
        extensions += result.extension_used and not hold.extension_used
        hold = result
    assert extensions <= 1


@given(moments, durations)
def test_live_and_lapsed_are_opposites_for_an_open_cart(start: datetime, wait: timedelta) -> None:
    hold = CartHold.start(start)
    assert hold.is_live(start + wait) != hold.is_lapsed(start + wait)
    assert (hold.minutes_left(start + wait) == 0) == hold.is_lapsed(start + wait)
