from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.clock import FixedClock
from console.domain.errors import Forbidden
from console.domain.vocabulary import Relationship, Role
from console.services.accounts import send_password_reset
from console.services.audit import AuditFilters, audit_actions, list_audit
from console.services.context import ServiceContext
from console.services.family import change_relationship
from console.services.staff import Actor
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call


@pytest.fixture
def scene(
    ctx: ServiceContext, clock: FixedClock
) -> tuple[Actor, Actor, BuiltHousehold, BuiltHousehold]:
    """Two agents acting on two households on two days."""
    clock.set(datetime(2026, 3, 2, 15, 0, tzinfo=UTC))  # 10 h in Québec
    with ctx.db.write() as session:
        alice = make_staff(session, Role.AGENT, display_name="Alice Roy")
        bruno = make_staff(session, Role.AGENT, display_name="Bruno Roy")
        first = make_household(session)
        second = make_household(session)
    verify_call(ctx, alice, first)
    send_password_reset(ctx, alice, first.household_id)
    clock.advance(timedelta(days=1))
    verify_call(ctx, bruno, second)
    assert second.spouse_id is not None
    change_relationship(
        ctx,
        bruno,
        second.household_id,
        second.spouse_id,
        Relationship.SPOUSE_AND_PARENT,
        reason="parent of the children",
        seen_version=1,
    )
    return alice, bruno, first, second


@pytest.fixture
def supervisor(ctx: ServiceContext) -> Actor:
    with ctx.db.write() as session:
        return make_staff(session, Role.SUPERVISOR)


def test_the_journal_lists_newest_first_with_who_what_whom_and_why(
    ctx: ServiceContext,
    scene: tuple[Actor, Actor, BuiltHousehold, BuiltHousehold],
    supervisor: Actor,
) -> None:
    _alice, bruno, _first, second = scene
    entries = list_audit(ctx, supervisor, AuditFilters())
    assert [e.action for e in entries] == [
        "member_relationship_changed",
        "caller_verified",
        "password_reset_sent",
        "caller_verified",
    ]
    newest = entries[0]
    assert (newest.staff_name, newest.household_number, newest.reason) == (
        bruno.display_name,
        second.number,
        "parent of the children",
    )
    assert newest.member_name == "Jean Tremblay"


def test_the_journal_filters_by_staff_household_action_and_day(
    ctx: ServiceContext,
    scene: tuple[Actor, Actor, BuiltHousehold, BuiltHousehold],
    supervisor: Actor,
) -> None:
    alice, _bruno, first, _second = scene
    by_staff = list_audit(ctx, supervisor, AuditFilters(staff_id=alice.staff_id))
    assert {e.staff_id for e in by_staff} == {alice.staff_id} and len(by_staff) == 2
    by_household = list_audit(ctx, supervisor, AuditFilters(household_number=first.number))
    assert {e.household_number for e in by_household} == {first.number}
    by_action = list_audit(ctx, supervisor, AuditFilters(action="caller_verified"))
    assert len(by_action) == 2
    day_one = datetime(2026, 3, 2).date()
    by_day = list_audit(ctx, supervisor, AuditFilters(since=day_one, until=day_one))
    assert {e.action for e in by_day} == {"caller_verified", "password_reset_sent"}
    assert "member_relationship_changed" in audit_actions(ctx, supervisor)


def test_only_supervisors_read_the_journal(
    ctx: ServiceContext, scene: tuple[Actor, Actor, BuiltHousehold, BuiltHousehold]
) -> None:
    alice = scene[0]
    with pytest.raises(Forbidden):
        list_audit(ctx, alice, AuditFilters())
    with pytest.raises(Forbidden):
        audit_actions(ctx, alice)
