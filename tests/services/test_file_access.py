"""Each family file opened is recorded, so a supervisor can say who looked at it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.db.models import FileAccess
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden, NotFound
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.file_access import (
    file_accesses,
    record_file_access,
    record_file_access_ctx,
)
from tests.helpers.builders import BuiltHousehold, make_household, make_staff


@pytest.fixture
def family(ctx: ServiceContext) -> BuiltHousehold:
    with ctx.db.write() as session:
        return make_household(session)


@pytest.fixture
def staff(ctx: ServiceContext) -> dict[Role, Actor]:
    with ctx.db.write() as session:
        return {
            Role.AGENT: make_staff(session, Role.AGENT, display_name="Annie Gagnon"),
            Role.CLERK: make_staff(session, Role.CLERK, display_name="Martine Pelletier"),
            Role.SUPERVISOR: make_staff(session, Role.SUPERVISOR, display_name="Sophie B."),
        }


def test_a_supervisor_sees_who_opened_a_file_newest_first(
    ctx: ServiceContext, family: BuiltHousehold, staff: dict[Role, Actor], clock: FixedClock
) -> None:
    with ctx.db.write() as session:
        other = make_household(session, last_name="Côté")
    opened = []
    for role in (Role.AGENT, Role.CLERK, Role.AGENT):
        record_file_access_ctx(ctx, staff[role], family.household_id)
        opened.append((clock.now(), role))
        clock.advance(timedelta(minutes=3))
    record_file_access_ctx(ctx, staff[Role.CLERK], other.household_id)
    seen = file_accesses(ctx, staff[Role.SUPERVISOR], family.household_id)
    assert [(v.at, v.role) for v in seen] == opened[::-1]
    assert [v.staff_name for v in seen] == ["Annie Gagnon", "Martine Pelletier", "Annie Gagnon"]
    assert seen[0].username == staff[Role.AGENT].username
    assert seen[0].staff_id == staff[Role.AGENT].staff_id
    assert seen[0].at.tzinfo is not None
    assert len(file_accesses(ctx, staff[Role.SUPERVISOR], other.household_id)) == 1
    assert len(file_accesses(ctx, staff[Role.SUPERVISOR], family.household_id, limit=2)) == 2


def test_only_supervisors_list_the_accesses(
    ctx: ServiceContext, family: BuiltHousehold, staff: dict[Role, Actor]
) -> None:
    for role in (Role.AGENT, Role.CLERK):
        with pytest.raises(Forbidden):
            file_accesses(ctx, staff[role], family.household_id)


def test_an_access_joins_the_transaction_that_reads_the_file(
    ctx: ServiceContext, family: BuiltHousehold, staff: dict[Role, Actor]
) -> None:
    with pytest.raises(RuntimeError), ctx.db.write() as session:
        record_file_access(session, ctx, staff[Role.AGENT], family.household_id)
        raise RuntimeError("the read failed")
    with ctx.db.write() as session:
        record_file_access(session, ctx, staff[Role.CLERK], family.household_id)
    with ctx.db.read() as session:
        rows = session.scalars(select(FileAccess)).all()
        assert [row.staff_id for row in rows] == [staff[Role.CLERK].staff_id]


def test_an_unknown_household_is_not_found(ctx: ServiceContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(NotFound, match="household_not_found"):
        record_file_access_ctx(ctx, staff[Role.AGENT], 999_999)
    assert file_accesses(ctx, staff[Role.SUPERVISOR], 999_999) == ()
