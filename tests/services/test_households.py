"""The household view gathers the whole family file in one read, on both dialects."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from console.domain.clock import FixedClock
from console.domain.errors import NotFound
from console.domain.vocabulary import CartState, Relationship
from console.services.context import ServiceContext
from console.services.households import household_view
from tests.helpers.builders import (
    T0,
    make_activity,
    make_cart,
    make_cart_item,
    make_household,
    make_payment,
    make_registration,
    make_waitlist_entry,
)


def test_view_shows_members_in_family_order_with_who_may_pay(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(T0)
    with ctx.db.write() as s:
        family = make_household(s, locked=True, failed_logins=6)
    view = household_view(ctx, family.household_id)
    assert view.number == family.number
    assert [m.relationship for m in view.members] == [
        Relationship.RESPONSIBLE,
        Relationship.SPOUSE,
        Relationship.CHILD,
    ]
    assert [m.may_pay for m in view.members] == [True, True, False]
    assert view.responsible is not None
    assert view.responsible.member_id == family.responsible_id
    assert view.account.locked is True
    assert view.account.failed_login_count == 6
    assert view.account.email == family.email


def test_view_tells_a_live_hold_from_a_lapsed_one(ctx: ServiceContext, clock: FixedClock) -> None:
    clock.set(T0 + timedelta(minutes=5))
    with ctx.db.write() as s:
        family = make_household(s)
        activity = make_activity(s)
        live = make_cart(s, family, hold_expires_at=T0 + timedelta(minutes=20))
        make_cart_item(s, live, family.child_id or 0, activity)
        stale = make_cart(s, family, hold_expires_at=T0 - timedelta(minutes=1))
        make_cart_item(s, stale, family.child_id or 0, activity)
    carts = {c.cart_id: c for c in household_view(ctx, family.household_id).carts}
    assert carts[live].live is True
    assert carts[stale].live is False
    assert carts[live].state is CartState.OPEN
    assert carts[live].items[0].activity_code == activity.code


def test_view_lists_registrations_waitlist_position_and_payments(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(T0)
    with ctx.db.write() as s:
        family = make_household(s)
        other = make_household(s, last_name="Gagnon")
        swim = make_activity(s)
        camp = make_activity(s, title="Camp de jour")
        make_registration(s, family.child_id or 0, swim)
        make_waitlist_entry(s, other, other.child_id or 0, camp, at=T0 - timedelta(hours=1))
        make_waitlist_entry(s, family, family.child_id or 0, camp, at=T0)
        make_payment(s, family, amount_cents=12500)
    view = household_view(ctx, family.household_id)
    assert [r.activity_code for r in view.registrations] == [swim.code]
    assert view.registrations[0].state == "confirmed"
    assert len(view.waitlist) == 1
    assert view.waitlist[0].position == 2  # the other family arrived first
    assert [(p.amount_cents, p.card_last4) for p in view.payments] == [(12500, "4242")]


def test_unknown_household_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound) as caught:
        household_view(ctx, 424242)
    assert caught.value.code == "household_not_found"


def test_ages_follow_the_quebec_date_in_the_evening(ctx: ServiceContext, clock: FixedClock) -> None:
    # 22:00 on June 11 in Québec is already June 12, her birthday, in UTC.
    clock.set(datetime(2026, 6, 12, 2, 0, tzinfo=UTC))
    with ctx.db.write() as s:
        family = make_household(s, responsible_birth_date=date(1984, 6, 12))
    view = household_view(ctx, family.household_id)
    assert view.responsible is not None
    assert view.responsible.age == 41
