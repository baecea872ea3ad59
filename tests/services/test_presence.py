"""Two agents on the same household see each other; a closed console stops counting."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from enum import StrEnum

import pytest
from sqlalchemy import func, select

from console.db.models import HouseholdPresence
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.presence import others_present, poll_presence, touch_presence
from console.services.staff import Actor
from tests.helpers.builders import BuiltHousehold, make_household, make_staff


@pytest.fixture
def scene(ctx: ServiceContext) -> tuple[Actor, Actor, Actor, BuiltHousehold, BuiltHousehold]:
    with ctx.db.write() as session:
        alice = make_staff(session, Role.AGENT, display_name="Alice Roy")
        sophie = make_staff(session, Role.AGENT, display_name="Sophie Tremblay")
        marc = make_staff(session, Role.SUPERVISOR, display_name="Marc Gagnon")
        first = make_household(session)
        second = make_household(session)
    return alice, sophie, marc, first, second


Scene = tuple[Actor, Actor, Actor, BuiltHousehold, BuiltHousehold]


def test_an_agent_sees_the_others_on_the_same_household_but_not_themself(
    ctx: ServiceContext, scene: Scene
) -> None:
    alice, sophie, marc, first, second = scene
    touch_presence(ctx, alice, first.household_id)
    touch_presence(ctx, sophie, first.household_id)
    touch_presence(ctx, marc, second.household_id)
    assert others_present(ctx, alice, first.household_id) == ("Sophie Tremblay",)
    assert others_present(ctx, marc, first.household_id) == ("Alice Roy", "Sophie Tremblay")
    assert others_present(ctx, alice, second.household_id) == ("Marc Gagnon",)


def test_touching_again_moves_the_agent_to_the_new_household(
    ctx: ServiceContext, scene: Scene
) -> None:
    alice, sophie, _marc, first, second = scene
    touch_presence(ctx, alice, first.household_id)
    touch_presence(ctx, alice, second.household_id)
    touch_presence(ctx, alice, second.household_id)
    assert others_present(ctx, sophie, first.household_id) == ()
    assert others_present(ctx, sophie, second.household_id) == ("Alice Roy",)


def test_a_presence_older_than_two_minutes_no_longer_counts(
    ctx: ServiceContext, clock: FixedClock, scene: Scene
) -> None:
    alice, sophie, _marc, first, _second = scene
    touch_presence(ctx, sophie, first.household_id)
    clock.advance(timedelta(minutes=1, seconds=59))
    assert others_present(ctx, alice, first.household_id) == ("Sophie Tremblay",)
    clock.advance(timedelta(seconds=2))
    assert others_present(ctx, alice, first.household_id) == ()
    assert poll_presence(ctx, sophie, first.household_id) == ()
    assert others_present(ctx, alice, first.household_id) == ("Sophie Tremblay",)


def test_closing_the_household_removes_the_presence(ctx: ServiceContext, scene: Scene) -> None:
    alice, sophie, _marc, first, _second = scene
    touch_presence(ctx, sophie, first.household_id)
    touch_presence(ctx, sophie, None)
    touch_presence(ctx, sophie, None)
    assert others_present(ctx, alice, first.household_id) == ()


def test_polling_reports_the_others(ctx: ServiceContext, scene: Scene) -> None:
    alice, sophie, _marc, first, _second = scene
    assert poll_presence(ctx, alice, first.household_id) == ()
    assert poll_presence(ctx, sophie, first.household_id) == ("Alice Roy",)


class _Outsider(StrEnum):
    AUDITOR = "auditor"  # a role the console may grow; presence is for support staff


def test_a_role_outside_support_writes_no_presence(ctx: ServiceContext, scene: Scene) -> None:
    alice, _, _, first, _ = scene
    stranger = replace(alice, role=_Outsider.AUDITOR)
    with pytest.raises(Forbidden):
        touch_presence(ctx, stranger, first.household_id)
    with pytest.raises(Forbidden):
        poll_presence(ctx, stranger, first.household_id)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(HouseholdPresence)) == 0
