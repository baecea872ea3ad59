"""The household view gathers the whole family file in one read, on both dialects."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from console.domain.clock import FixedClock
from console.domain.errors import NotFound
from console.domain.vocabulary import CartState, Relationship
from console.services.context import ServiceContext
from console.services.households import household_view
from tests.helpers.builders import (
    T0,
    BuiltActivity,
    BuiltHousehold,
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
        # Another activity: one held item per child and activity (migration 0010).
        make_cart_item(s, stale, family.child_id or 0, make_activity(s, title="Camp de jour"))
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


def test_waitlist_position_counts_only_open_entries_strictly_ahead_on_the_same_activity(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(T0)
    with ctx.db.write() as s:
        family = make_household(s)
        other = make_household(s, last_name="Gagnon")
        third = make_household(s, last_name="Roy")
        camp = make_activity(s, title="Camp de jour")
        swim = make_activity(s)

        def entry(
            household: BuiltHousehold,
            member: int | None,
            activity: BuiltActivity,
            position: float,
            state: str = "waiting",
        ) -> int:
            return make_waitlist_entry(
                s, household, member or 0, activity, state=state, position=position
            )

        entry(other, other.child_id, camp, 1)  # ahead
        entry(other, other.responsible_id, camp, 2, "accepted")  # closed: not in line
        entry(other, other.spouse_id, camp, 3, "lapsed")  # closed
        entry(third, third.child_id, camp, 4, "offered")  # ahead: an offer is still in line
        family_cancelled = entry(family, family.responsible_id, camp, 3.5, "cancelled")
        family_camp = entry(family, family.child_id, camp, 5)
        entry(third, third.responsible_id, camp, 5)  # same position: not ahead
        entry(third, third.spouse_id, camp, 6)  # behind
        entry(other, other.child_id, swim, 0.5)  # ahead, on the other activity
        entry(other, other.responsible_id, swim, 1.5, "cancelled")
        family_swim_spouse = entry(family, family.spouse_id, swim, 7)
        family_swim_child = entry(family, family.child_id, swim, 8, "offered")
    view = household_view(ctx, family.household_id)
    positions = {w.entry_id: w.position for w in view.waitlist}
    assert positions == {
        family_camp: 3,  # behind the waiting 1 and the offered 4
        family_swim_spouse: 2,  # behind the swim entry at 0.5 only
        family_swim_child: 3,  # the family's own open entry counts too
        # A closed entry keeps the rank it would have (the screen shows "—" for it).
        family_cancelled: 2,
    }


def test_waitlist_positions_take_one_query_whatever_the_number_of_entries(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(T0)
    with ctx.db.write() as s:
        family = make_household(s)
        for title in ("Camp de jour", "Natation", "Yoga"):
            activity = make_activity(s, title=title)
            for member in (family.responsible_id, family.spouse_id, family.child_id):
                make_waitlist_entry(s, family, member or 0, activity)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(ctx.db.engine, "before_cursor_execute", listener)
    try:
        view = household_view(ctx, family.household_id)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", listener)
    assert len(view.waitlist) == 9
    assert len([q for q in statements if "waitlist_entry" in q]) == 1


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
