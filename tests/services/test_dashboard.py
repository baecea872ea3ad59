"""The supervisors' dashboard figures, on both dialects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from console.db.models import CallNote, Cart, OutboxMessage
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.dashboard import dashboard_figures, filter_options
from console.services.staff import Actor
from tests.helpers.builders import (
    BuiltActivity,
    BuiltHousehold,
    make_activity,
    make_borough,
    make_cart,
    make_household,
    make_registration,
    make_staff,
    make_waitlist_entry,
)

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # 11 h in Québec, 10 March


@dataclass(frozen=True)
class Scene:
    supervisor: Actor
    agent: Actor
    east: int
    west: int
    east_family: BuiltHousehold
    west_family: BuiltHousehold
    swim: BuiltActivity  # east, capacity 2, full, two waiting
    yoga: BuiltActivity  # west, capacity 4, one confirmed, one waiting


def _note(session: Session, staff: Actor, household: int | None, reason: str, at: datetime) -> None:
    session.add(
        CallNote(
            staff_id=staff.staff_id,
            household_id=household,
            reason=reason,
            started_at=at,
            ended_at=at + timedelta(minutes=4),
        )
    )


def _lock(session: Session, cart_id: int, until: datetime) -> None:
    cart = session.get_one(Cart, cart_id)
    cart.state = "checkout"
    cart.checkout_locked_until = until
    session.flush()


def _failed_email(session: Session, family: BuiltHousehold, kind: str, at: datetime) -> None:
    session.add(
        OutboxMessage(
            message_id=f"<{kind}-{at.timestamp()}-{family.household_id}@test>",
            account_id=family.account_id,
            to_address=family.email,
            kind=kind,
            subject="s",
            body="b",
            state="failed",
            attempts=5,
            created_at=at,
            next_attempt_at=at,
            last_error="550 mailbox unavailable",
        )
    )


@pytest.fixture
def scene(ctx: ServiceContext, clock: FixedClock) -> Scene:
    clock.set(NOW)
    with ctx.db.write() as s:
        supervisor = make_staff(s, Role.SUPERVISOR)
        agent = make_staff(s, Role.AGENT)
        east = make_borough(s, name="Est")
        west = make_borough(s, name="Ouest")
        east_family = make_household(s, borough=east)
        west_family = make_household(s, borough=west, last_name="Roy")
        extra = make_household(s, borough=east, last_name="Côté")
        swim = make_activity(s, borough=east, capacity=2, title="Natation")
        yoga = make_activity(s, borough=west, capacity=4, title="Yoga")
        assert east_family.child_id and extra.child_id and west_family.child_id
        make_registration(s, east_family.child_id, swim)
        make_registration(s, east_family.responsible_id, swim)
        make_registration(s, extra.responsible_id, swim, state="cancelled")
        make_waitlist_entry(s, extra, extra.child_id, swim)
        make_waitlist_entry(s, extra, extra.responsible_id, swim, state="offered")
        make_waitlist_entry(s, west_family, west_family.responsible_id, swim, state="lapsed")
        make_registration(s, west_family.child_id, yoga)
        make_waitlist_entry(s, east_family, east_family.spouse_id or 0, yoga)

        # 10 March 01:30 UTC is still 9 March in Québec.
        _note(s, agent, east_family.household_id, "F8", datetime(2026, 3, 10, 1, 30, tzinfo=UTC))
        _note(s, agent, east_family.household_id, "F8", datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
        _note(s, agent, west_family.household_id, "F11", datetime(2026, 3, 10, 14, 5, tzinfo=UTC))
        _note(s, agent, None, "other", datetime(2026, 3, 8, 13, 0, tzinfo=UTC))
        _note(s, agent, west_family.household_id, "F2", NOW - timedelta(days=30))  # too old

        _lock(s, make_cart(s, east_family), NOW + timedelta(minutes=7, seconds=10))
        _lock(s, make_cart(s, west_family), NOW - timedelta(minutes=1))  # counter ran out
        make_cart(s, west_family)  # open, not locked

        _failed_email(s, east_family, "receipt", NOW - timedelta(days=1))
        _failed_email(s, east_family, "receipt", NOW - timedelta(hours=2))
        _failed_email(s, west_family, "password_reset", NOW - timedelta(days=3))
        _failed_email(s, west_family, "password_reset", NOW - timedelta(days=20))  # too old
    return Scene(supervisor, agent, east, west, east_family, west_family, swim, yoga)


def test_only_supervisors_see_the_dashboard(ctx: ServiceContext, scene: Scene) -> None:
    with pytest.raises(Forbidden):
        dashboard_figures(ctx, scene.agent)
    with pytest.raises(Forbidden):
        filter_options(ctx, scene.agent)


def test_calls_are_counted_per_reason_per_quebec_day(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor, days=14)
    assert len(figures.days) == 14
    assert figures.days[-1] == date(2026, 3, 10)
    assert figures.reasons == ("F8", "F11", "other")
    assert figures.calls_on(date(2026, 3, 9), "F8") == 1
    assert figures.calls_on(date(2026, 3, 10), "F8") == 1
    assert figures.calls_on(date(2026, 3, 10), "F11") == 1
    assert figures.calls_on(date(2026, 3, 8), "other") == 1
    assert figures.total_calls == 4  # the call of 30 days ago is outside the window


def test_waitlists_and_fill_rates_per_activity(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor)
    swim, yoga = figures.activities
    assert (swim.activity_id, swim.confirmed, swim.capacity, swim.waitlist) == (
        scene.swim.activity_id,
        2,
        2,
        2,  # waiting and offered count; lapsed does not
    )
    assert swim.fill_rate == 1.0
    assert (yoga.activity_id, yoga.confirmed, yoga.waitlist) == (scene.yoga.activity_id, 1, 1)
    assert yoga.fill_rate == 0.25


def test_only_carts_still_locked_at_checkout_are_listed(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor)
    (cart,) = figures.locked_carts
    assert cart.owner_number == scene.east_family.number
    assert cart.minutes_left == 8
    assert cart.borough == "Est"


def test_failed_emails_are_grouped_by_kind(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor)
    assert [(f.kind, f.count) for f in figures.failed_emails] == [
        ("receipt", 2),
        ("password_reset", 1),
    ]
    receipt = figures.failed_emails[0]
    assert receipt.last_failed_at == NOW - timedelta(hours=2)
    assert receipt.last_error.startswith("550")


def test_a_borough_narrows_every_figure(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor, borough_id=scene.west)
    assert figures.reasons == ("F11",)
    assert [a.activity_id for a in figures.activities] == [scene.yoga.activity_id]
    assert figures.locked_carts == ()
    assert [(f.kind, f.count) for f in figures.failed_emails] == [("password_reset", 1)]


def test_a_season_narrows_the_activities(ctx: ServiceContext, scene: Scene) -> None:
    figures = dashboard_figures(ctx, scene.supervisor, season_id=scene.yoga.season_id)
    assert [a.activity_id for a in figures.activities] == [scene.yoga.activity_id]
    assert figures.total_calls == 4  # calls belong to no season


def test_filter_options_list_boroughs_and_seasons(ctx: ServiceContext, scene: Scene) -> None:
    options = filter_options(ctx, scene.supervisor)
    names = [b.name for b in options.boroughs]
    assert "Est" in names and "Ouest" in names
    assert names == sorted(names)
    assert {scene.swim.season_id, scene.yoga.season_id} <= {s.id for s in options.seasons}


def test_an_empty_database_gives_empty_figures(ctx: ServiceContext, clock: FixedClock) -> None:
    with ctx.db.write() as s:
        supervisor = make_staff(s, Role.SUPERVISOR)
    figures = dashboard_figures(ctx, supervisor, days=7)
    assert len(figures.days) == 7
    assert figures.calls == figures.activities == figures.locked_carts == ()
    assert figures.failed_emails == ()
