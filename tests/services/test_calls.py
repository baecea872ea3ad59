"""Ending a call saves its note: the reason, what the agent did meanwhile, how long."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.clock import FixedClock
from console.domain.errors import NotFound, Refused
from console.domain.vocabulary import Role
from console.services.accounts import send_password_reset
from console.services.audit import AuditFilters, list_audit
from console.services.calls import CALL_REASONS, end_call, list_calls, start_call
from console.services.context import ServiceContext
from console.services.households import household_view
from console.services.presence import others_present
from console.services.staff import Actor
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call


@pytest.fixture
def scene(ctx: ServiceContext) -> tuple[Actor, Actor, BuiltHousehold]:
    with ctx.db.write() as session:
        agent = make_staff(session, Role.AGENT, display_name="Alice Roy")
        other = make_staff(session, Role.AGENT, display_name="Bruno Roy")
        family = make_household(session)
    return agent, other, family


def test_the_reasons_are_the_fourteen_faq_topics_and_other() -> None:
    assert (*(f"F{n}" for n in range(1, 15)), "other") == CALL_REASONS


def test_ending_a_call_saves_reason_duration_and_the_actions_taken(
    ctx: ServiceContext, clock: FixedClock, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, other, family = scene
    call = start_call(ctx, agent, family.household_id)
    clock.advance(timedelta(minutes=1))
    verify_call(ctx, agent, family)
    send_password_reset(ctx, agent, family.household_id)
    verify_call(ctx, other, family)  # another agent's action is not this call's
    clock.advance(timedelta(minutes=3, seconds=12))

    saved = end_call(ctx, agent, family.household_id, "F1", call.started_at, "  Lien envoyé.  ")

    assert saved.reason == "F1"
    assert saved.note == "Lien envoyé."
    assert saved.staff_name == "Alice Roy"
    assert saved.ended_at - saved.started_at == timedelta(minutes=4, seconds=12)
    assert saved.actions.splitlines() == ["caller_verified", "password_reset_sent"]
    assert list_calls(ctx, agent, family.household_id) == (saved,)
    assert household_view(ctx, family.household_id).call_notes == (saved,)


def test_actions_before_the_call_started_are_not_counted(
    ctx: ServiceContext, clock: FixedClock, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, _other, family = scene
    verify_call(ctx, agent, family)
    clock.advance(timedelta(minutes=5))
    call = start_call(ctx, agent, family.household_id)
    clock.advance(timedelta(minutes=2))
    saved = end_call(ctx, agent, family.household_id, "F5", call.started_at, "")
    assert saved.actions == ""


def test_ending_a_call_is_audited(
    ctx: ServiceContext, clock: FixedClock, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, _other, family = scene
    with ctx.db.write() as session:
        supervisor = make_staff(session, Role.SUPERVISOR)
    call = start_call(ctx, agent, family.household_id)
    clock.advance(timedelta(seconds=90))
    saved = end_call(ctx, agent, family.household_id, "other", call.started_at, "note")
    (entry,) = list_audit(ctx, supervisor, AuditFilters(action="call_ended"))
    assert entry.staff_id == agent.staff_id
    assert entry.household_id == family.household_id
    assert entry.reason == "other"
    assert f'"call_note_id": {saved.note_id}' in entry.details
    assert '"seconds": 90' in entry.details


def test_a_call_without_a_household_still_saves_its_note(
    ctx: ServiceContext, clock: FixedClock, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, _other, _family = scene
    call = start_call(ctx, agent, None)
    clock.advance(timedelta(minutes=2))
    saved = end_call(ctx, agent, None, "F5", call.started_at, "Navigateur non supporté.")
    assert saved.actions == ""
    assert saved.ended_at - saved.started_at == timedelta(minutes=2)


@pytest.mark.parametrize(
    ("reason", "note", "code"),
    [("F15", "", "call_reason_unknown"), ("F1", "x" * 4001, "call_note_too_long")],
)
def test_a_refused_note_writes_nothing(
    ctx: ServiceContext,
    scene: tuple[Actor, Actor, BuiltHousehold],
    reason: str,
    note: str,
    code: str,
) -> None:
    agent, _other, family = scene
    call = start_call(ctx, agent, family.household_id)
    with pytest.raises(Refused) as refused:
        end_call(ctx, agent, family.household_id, reason, call.started_at, note)
    assert refused.value.code == code
    assert list_calls(ctx, agent, family.household_id) == ()


def test_starting_a_call_marks_the_agent_present(
    ctx: ServiceContext, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, other, family = scene
    start_call(ctx, agent, family.household_id)
    assert others_present(ctx, other, family.household_id) == ("Alice Roy",)


def test_a_call_on_a_missing_household_is_not_found(
    ctx: ServiceContext, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, _other, _family = scene
    with pytest.raises(NotFound):
        start_call(ctx, agent, 999_999)


def test_earlier_notes_are_listed_newest_first(
    ctx: ServiceContext, clock: FixedClock, scene: tuple[Actor, Actor, BuiltHousehold]
) -> None:
    agent, other, family = scene
    first = start_call(ctx, agent, family.household_id)
    end_call(ctx, agent, family.household_id, "F8", first.started_at, "premier")
    clock.advance(timedelta(hours=1))
    second = start_call(ctx, other, family.household_id)
    end_call(ctx, other, family.household_id, "F14", second.started_at, "second")
    notes = list_calls(ctx, agent, family.household_id)
    assert [(n.note, n.staff_name) for n in notes] == [
        ("second", "Bruno Roy"),
        ("premier", "Alice Roy"),
    ]
