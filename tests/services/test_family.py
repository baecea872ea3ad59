from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from console.db.models import AuditEntry, Household, Member
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden, Refused, StaleData, VerificationRequired
from console.domain.vocabulary import Relationship, Role
from console.services.context import ServiceContext
from console.services.family import change_relationship, family_file, remove_member
from console.services.staff import Actor
from tests.helpers.builders import (
    BuiltHousehold,
    make_activity,
    make_cart,
    make_cart_item,
    make_household,
    make_registration,
    make_staff,
    make_waitlist_entry,
    verify_call,
)
from tests.helpers.snapshots import snapshot


@pytest.fixture
def family(ctx: ServiceContext) -> BuiltHousehold:
    with ctx.db.write() as session:
        return make_household(session)


@pytest.fixture
def clerk(ctx: ServiceContext, family: BuiltHousehold) -> Actor:
    with ctx.db.write() as session:
        actor = make_staff(session, Role.CLERK, borough=family.borough_id)
    verify_call(ctx, actor, family)
    return actor


@pytest.fixture
def agent(ctx: ServiceContext, family: BuiltHousehold) -> Actor:
    with ctx.db.write() as session:
        actor = make_staff(session, Role.AGENT)
    verify_call(ctx, actor, family)
    return actor


def test_family_file_marks_the_responsible_and_who_may_pay(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor
) -> None:
    view = family_file(ctx, agent, family.household_id)
    by_id = {m.member_id: m for m in view.members}
    assert by_id[family.responsible_id].is_responsible
    assert by_id[family.responsible_id].may_pay and by_id[family.spouse_id or 0].may_pay
    assert not by_id[family.child_id or 0].may_pay
    assert view.version == 1 and not view.actor_may_remove


def test_relationship_change_is_audited_with_its_reason_and_bumps_the_version(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor
) -> None:
    assert family.child_id is not None
    change = change_relationship(
        ctx,
        agent,
        family.household_id,
        family.child_id,
        Relationship.OTHER,
        reason="adult child now pays",
        seen_version=1,
    )
    assert change.version == 2
    view = family_file(ctx, agent, family.household_id)
    member = next(m for m in view.members if m.member_id == family.child_id)
    assert member.relationship is Relationship.OTHER and member.may_pay
    with ctx.db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "member_relationship_changed")
        ).one()
        assert entry.reason == "adult child now pays"
        assert entry.member_id == family.child_id
        assert '"from": "child"' in entry.details


@pytest.mark.parametrize("target", [Relationship.RESPONSIBLE, Relationship.SPOUSE])
def test_the_responsible_is_fixed(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, target: Relationship
) -> None:
    member = family.spouse_id if target is Relationship.RESPONSIBLE else family.responsible_id
    assert member is not None
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        change_relationship(
            ctx, agent, family.household_id, member, target, reason="x", seen_version=1
        )
    assert refused.value.code == "responsible_is_fixed"
    assert snapshot(ctx.db) == before


def test_a_change_without_reason_or_verification_changes_nothing(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    assert family.spouse_id is not None
    with ctx.db.write() as session:
        unverified = make_staff(session, Role.AGENT)
    before = snapshot(ctx.db)
    with pytest.raises(Refused):
        change_relationship(
            ctx,
            unverified,
            family.household_id,
            family.spouse_id,
            Relationship.SPOUSE_AND_PARENT,
            reason="  ",
            seen_version=1,
        )
    with pytest.raises(VerificationRequired):
        change_relationship(
            ctx,
            unverified,
            family.household_id,
            family.spouse_id,
            Relationship.SPOUSE_AND_PARENT,
            reason="married",
            seen_version=1,
        )
    assert snapshot(ctx.db) == before


def test_a_change_on_a_stale_view_is_refused(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor, clerk: Actor
) -> None:
    assert family.spouse_id is not None and family.child_id is not None
    change_relationship(
        ctx,
        clerk,
        family.household_id,
        family.spouse_id,
        Relationship.SPOUSE_AND_PARENT,
        reason="married",
        seen_version=1,
    )
    before = snapshot(ctx.db)
    with pytest.raises(StaleData) as stale:
        remove_member(ctx, clerk, family.household_id, family.child_id, reason="x", seen_version=1)
    assert stale.value.params == {"seen_version": 1, "current_version": 2}
    with pytest.raises(StaleData):
        change_relationship(
            ctx,
            agent,
            family.household_id,
            family.child_id,
            Relationship.OTHER,
            reason="x",
            seen_version=1,
        )
    assert snapshot(ctx.db) == before


def test_a_clerk_of_the_borough_removes_a_member_and_history_stays(
    ctx: ServiceContext, family: BuiltHousehold, clerk: Actor, clock: FixedClock
) -> None:
    assert family.child_id is not None
    with ctx.db.write() as session:
        past = make_activity(session, season_ends_on=date(2025, 12, 1))
        make_registration(session, family.child_id, past)
    change = remove_member(
        ctx, clerk, family.household_id, family.child_id, reason="moved out", seen_version=1
    )
    assert change.version == 2
    with ctx.db.read() as session:
        member = session.get_one(Member, family.child_id)
        assert member.removed_at == clock.now()
        assert session.get_one(Household, family.household_id).version == 2
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "member_removed")
        ).one()
        assert (entry.staff_id, entry.reason) == (clerk.staff_id, "moved out")
    view = family_file(ctx, clerk, family.household_id)
    assert next(m for m in view.members if m.member_id == family.child_id).removed_at


def test_only_a_clerk_of_the_households_borough_may_remove(
    ctx: ServiceContext, family: BuiltHousehold, agent: Actor
) -> None:
    assert family.child_id is not None
    with ctx.db.write() as session:
        other_clerk = make_staff(session, Role.CLERK)
        supervisor = make_staff(session, Role.SUPERVISOR)
    verify_call(ctx, other_clerk, family)
    before = snapshot(ctx.db)
    for actor in (agent, supervisor, other_clerk):
        with pytest.raises(Forbidden):
            remove_member(
                ctx, actor, family.household_id, family.child_id, reason="x", seen_version=1
            )
    assert snapshot(ctx.db) == before


def test_the_responsible_is_never_removed(
    ctx: ServiceContext, family: BuiltHousehold, clerk: Actor
) -> None:
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        remove_member(
            ctx, clerk, family.household_id, family.responsible_id, reason="x", seen_version=1
        )
    assert refused.value.code == "responsible_cannot_be_removed"
    assert snapshot(ctx.db) == before


def test_removal_lists_every_blocker(
    ctx: ServiceContext, family: BuiltHousehold, clerk: Actor, clock: FixedClock
) -> None:
    child = family.child_id
    assert child is not None
    with ctx.db.write() as session:
        coming = make_activity(session, season_ends_on=date(2026, 6, 20))
        held = make_activity(session)
        waiting = make_activity(session)
        lapsed = make_activity(session)
        make_registration(session, child, coming)
        cart = make_cart(session, family, created_at=clock.now() - timedelta(minutes=5))
        make_cart_item(session, cart, child, held)
        old_cart = make_cart(session, family, created_at=clock.now() - timedelta(hours=2))
        make_cart_item(session, old_cart, child, lapsed)  # hold ran out: no longer blocks
        make_waitlist_entry(session, family, child, waiting, state="offered")
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        remove_member(ctx, clerk, family.household_id, child, reason="x", seen_version=1)
    assert refused.value.code == "member_removal_blocked"
    assert [(r.code, r.params["activity_code"]) for r in refused.value.reasons] == [
        ("member_has_coming_registration", coming.code),
        ("member_has_held_cart_item", held.code),
        ("member_on_waitlist", waiting.code),
    ]
    assert snapshot(ctx.db) == before
    view = family_file(ctx, clerk, family.household_id)
    blockers = next(m for m in view.members if m.member_id == child).removal_blockers
    assert len(blockers) == 3
    assert view.actor_may_remove


def test_a_season_ending_today_in_quebec_still_blocks_removal_in_the_evening(
    ctx: ServiceContext, family: BuiltHousehold, clock: FixedClock
) -> None:
    child = family.child_id
    assert child is not None
    # 22:00 on March 1 in Québec is already March 2 in UTC.
    clock.set(datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    with ctx.db.write() as session:
        clerk = make_staff(session, Role.CLERK, borough=family.borough_id)
        ending = make_activity(session, season_ends_on=date(2026, 3, 1))
        make_registration(session, child, ending)
    verify_call(ctx, clerk, family)
    view = family_file(ctx, clerk, family.household_id)
    blockers = next(m for m in view.members if m.member_id == child).removal_blockers
    assert [b.code for b in blockers] == ["member_has_coming_registration"]
    with pytest.raises(Refused) as refused:
        remove_member(ctx, clerk, family.household_id, child, reason="x", seen_version=1)
    assert [r.code for r in refused.value.reasons] == ["member_has_coming_registration"]
