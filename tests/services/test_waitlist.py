"""Waitlist (F6): arrival order, offers that hold a place for 48 h, lapses, supervisors."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.config import Settings
from console.db.models import AuditEntry, OutboxMessage
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden, Refused
from console.domain.vocabulary import Role, WaitlistState
from console.services.carts import add_to_cart, remove_from_cart
from console.services.context import ServiceContext
from console.services.places import activity_places
from console.services.staff import Actor
from console.services.sweep import sweep
from console.services.waitlist_admin import (
    accept_offer,
    move_entry,
    send_offer,
    waitlist_review,
)
from tests.helpers.place_data import make_activity, make_family, make_staff

H = timedelta(hours=1)


@pytest.fixture
def agent(ctx: ServiceContext) -> Actor:
    return make_staff(ctx)


@pytest.fixture
def supervisor(ctx: ServiceContext) -> Actor:
    return make_staff(ctx, Role.SUPERVISOR)


def _full_activity_with_queue(ctx, agent, waiting: int):
    """Capacity 1 held by one cart, then ``waiting`` families on the list."""
    activity = make_activity(ctx, capacity=1)
    holder = make_family(ctx, verified_by=agent)
    held = add_to_cart(ctx, agent, holder.household_id, holder.child_ids[0], activity)
    queue = []
    for _ in range(waiting):
        family = make_family(ctx, verified_by=agent)
        out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
        queue.append((family, out.waitlist_entry_id))
    assert held.cart is not None
    return activity, held.cart, queue


def test_freed_place_is_offered_to_the_first_entry_and_emailed(ctx, agent, supervisor, clock):
    activity, cart, queue = _full_activity_with_queue(ctx, agent, 2)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    review = waitlist_review(ctx, supervisor, activity)
    assert [e.state for e in review.entries] == [WaitlistState.OFFERED, WaitlistState.WAITING]
    assert review.entries[0].offer_expires_at == clock.now() + 48 * H
    assert review.count.real_remaining == 0 and review.count.open_offers == 1
    with ctx.db.read() as s:
        mail = s.query(OutboxMessage).one()
        assert mail.to_address == queue[0][0].email and mail.kind == "waitlist_offer"
        assert "place" in mail.subject


def test_lapsed_offer_passes_to_the_next(ctx, agent, supervisor, clock: FixedClock):
    activity, cart, queue = _full_activity_with_queue(ctx, agent, 2)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    clock.advance(47 * H)
    assert sweep(ctx).offers_lapsed == 0
    clock.advance(1 * H)
    report = sweep(ctx)
    assert (report.offers_lapsed, report.offers_made) == (1, 1)
    states = {
        e.entry_id: e.state
        for e in waitlist_review(ctx, supervisor, activity, include_closed=True).entries
    }
    assert states == {queue[0][1]: WaitlistState.LAPSED, queue[1][1]: WaitlistState.OFFERED}


def test_offer_validity_comes_from_the_settings(ctx, agent, supervisor, clock):
    ctx.settings = Settings(database_url="sqlite://", embedded=True, offer_validity_hours=24)
    activity, cart, _queue = _full_activity_with_queue(ctx, agent, 1)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    entry = waitlist_review(ctx, supervisor, activity).entries[0]
    assert entry.offer_expires_at == clock.now() + 24 * H


def test_accepting_an_offer_puts_the_place_in_a_cart(ctx, agent, supervisor):
    activity, cart, queue = _full_activity_with_queue(ctx, agent, 1)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    new_cart = accept_offer(ctx, agent, queue[0][1])
    assert len(new_cart.held) == 1 and new_cart.held[0].activity_id == activity
    places = activity_places(ctx, activity)
    assert (places.count.open_offers, places.count.live_holds, places.real_remaining) == (0, 1, 0)
    with pytest.raises(Refused):
        accept_offer(ctx, agent, queue[0][1])


def test_newcomers_do_not_pass_the_waitlist(ctx, agent):
    activity, cart, _queue = _full_activity_with_queue(ctx, agent, 1)
    remove_from_cart(ctx, agent, cart.cart_id, cart.items[0].item_id)
    newcomer = make_family(ctx, verified_by=agent)
    out = add_to_cart(ctx, agent, newcomer.household_id, newcomer.child_ids[0], activity)
    assert not out.held and out.waitlist_position == 2


def test_supervisor_moves_an_entry_with_a_reason(ctx, agent, supervisor):
    activity, _cart, queue = _full_activity_with_queue(ctx, agent, 3)
    move_entry(ctx, supervisor, queue[2][1], 1, "priorité: erreur du site")
    ranks = [e.entry_id for e in waitlist_review(ctx, supervisor, activity).entries]
    assert ranks == [queue[2][1], queue[0][1], queue[1][1]]
    move_entry(ctx, supervisor, queue[2][1], 2, "correction")
    ranks = [e.entry_id for e in waitlist_review(ctx, supervisor, activity).entries]
    assert ranks == [queue[0][1], queue[2][1], queue[1][1]]
    with ctx.db.read() as s:
        assert s.query(AuditEntry).filter_by(action="waitlist.move").count() == 2
    with pytest.raises(Refused):
        move_entry(ctx, supervisor, queue[0][1], 3, "  ")


def test_only_supervisors_review_and_move(ctx, agent):
    activity, _cart, queue = _full_activity_with_queue(ctx, agent, 1)
    with pytest.raises(Forbidden):
        waitlist_review(ctx, agent, activity)
    with pytest.raises(Forbidden):
        move_entry(ctx, agent, queue[0][1], 1, "x")
    with pytest.raises(Forbidden):
        send_offer(ctx, agent, queue[0][1], "x")


def test_manual_offer_needs_a_free_place(ctx, agent, supervisor, clock):
    activity, _cart, queue = _full_activity_with_queue(ctx, agent, 2)
    with pytest.raises(Refused) as info:
        send_offer(ctx, supervisor, queue[1][1], "out of turn")
    assert info.value.code == "no_place_to_offer"
    with ctx.db.write() as s:  # capacity grows: one place for the supervisor to give
        from console.db.models import Activity

        s.get(Activity, activity).capacity = 2  # type: ignore[union-attr]
    deadline = send_offer(ctx, supervisor, queue[1][1], "out of turn")
    assert deadline == clock.now() + 48 * H
    review = waitlist_review(ctx, supervisor, activity)
    assert {e.entry_id: e.state for e in review.entries}[queue[1][1]] is WaitlistState.OFFERED
    assert review.fill_rate == 0.0
