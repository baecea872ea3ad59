"""Ages an activity accepts, one cart per call, and a live offer accepted by phone (F6).

On SQLite and PostgreSQL (the ``ctx`` fixture). The family's children are 9 and 8 on the
fixed clock's day; the responsible is 40.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from console.db.models import AuditEntry, Cart, WaitlistEntry
from console.domain.errors import Refused
from console.domain.vocabulary import WaitlistState
from console.services.carts import add_to_cart, remove_from_cart
from console.services.context import ServiceContext
from console.services.places import find_activities
from console.services.staff import Actor
from console.services.waitlist_admin import accept_offer
from tests.helpers.place_data import Family, make_activity, make_family, make_staff


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    return make_staff(ctx)


@pytest.fixture
def family(ctx: ServiceContext, agent: Actor) -> Family:
    return make_family(ctx, children=2, verified_by=agent)


def _count(ctx: ServiceContext, *what: object) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(*what)) or 0)  # type: ignore[arg-type]


def test_a_member_outside_the_ages_is_refused_and_nothing_is_written(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    preschool = make_activity(ctx, title="Atelier préscolaire", age_min=3, age_max=5)
    journal = _count(ctx, AuditEntry)
    with pytest.raises(Refused) as info:
        add_to_cart(ctx, agent, family.household_id, family.child_ids[0], preschool)
    assert info.value.code == "age_out_of_range"
    assert info.value.params == {"age": 9, "min": 3, "max": 5}
    assert info.value.reasons == ()
    assert _count(ctx, Cart) == 0 and _count(ctx, WaitlistEntry) == 0
    assert _count(ctx, AuditEntry) == journal


def test_the_waitlist_refuses_the_wrong_age_too(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    kids = make_activity(ctx, capacity=1, age_min=6, age_max=12)
    assert add_to_cart(ctx, agent, family.household_id, family.child_ids[0], kids).held
    waiting = add_to_cart(ctx, agent, family.household_id, family.child_ids[1], kids)
    assert not waiting.held and waiting.waitlist_position == 1
    with pytest.raises(Refused) as info:
        add_to_cart(ctx, agent, family.household_id, family.parent_id, kids)
    assert info.value.code == "age_out_of_range" and info.value.params["age"] == 40
    assert _count(ctx, WaitlistEntry) == 1


def test_open_ended_ages_and_the_search_shows_them(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    adults = make_activity(ctx, title="Yoga adultes", age_min=18)
    assert add_to_cart(ctx, agent, family.household_id, family.parent_id, adults).held
    with pytest.raises(Refused):
        add_to_cart(ctx, agent, family.household_id, family.child_ids[0], adults)
    (found,) = [a for a in find_activities(ctx, "yoga") if a.activity_id == adults]
    assert (found.age_min, found.age_max) == (18, None)


def test_adding_again_reuses_the_familys_open_cart(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    a, b = make_activity(ctx), make_activity(ctx)
    first = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], a).cart
    second = add_to_cart(ctx, agent, family.household_id, family.child_ids[1], b).cart
    assert first is not None and second is not None
    assert second.cart_id == first.cart_id and len(second.held) == 2
    assert _count(ctx, Cart) == 1


def test_already_waiting_is_said_once(ctx: ServiceContext, agent: Actor, family: Family) -> None:
    full = make_activity(ctx, capacity=1)
    add_to_cart(ctx, agent, family.household_id, family.child_ids[0], full)
    add_to_cart(ctx, agent, family.household_id, family.child_ids[1], full)
    with pytest.raises(Refused) as info:
        add_to_cart(ctx, agent, family.household_id, family.child_ids[1], full)
    assert info.value.code == "already_waitlisted" and info.value.reasons == ()


def test_a_live_offer_is_accepted_by_phone_into_the_calls_cart(
    ctx: ServiceContext, agent: Actor, family: Family
) -> None:
    full = make_activity(ctx, capacity=1)
    other = make_activity(ctx)
    cart = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], full).cart
    assert cart is not None
    add_to_cart(ctx, agent, family.household_id, family.child_ids[1], full)  # waitlisted
    add_to_cart(ctx, agent, family.household_id, family.parent_id, other)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)  # frees → offer
    with ctx.db.read() as s:
        entry = s.scalars(select(WaitlistEntry)).one()
        assert entry.state == WaitlistState.OFFERED.value
        entry_id = entry.id
    with pytest.raises(Refused) as info:
        add_to_cart(ctx, agent, family.household_id, family.child_ids[1], full)
    assert info.value.code == "offer_waiting" and info.value.params["entry_id"] == entry_id
    accepted = accept_offer(ctx, agent, entry_id)
    assert accepted.cart_id == cart.cart_id  # one cart per call
    assert {line.activity_id for line in accepted.held} == {full, other}
    with ctx.db.read() as s:
        assert s.get(WaitlistEntry, entry_id).state == WaitlistState.ACCEPTED.value  # type: ignore[union-attr]
        actions = set(s.scalars(select(AuditEntry.action)))
    assert "waitlist.accept" in actions
