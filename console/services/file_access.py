"""Who opened which family file, and when (Québec Access Act, DESIGN.md §6).

The server records each opening of a family file, in the transaction that reads it or in
one of its own; a supervisor lists who looked at a file, newest first.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Cart, FileAccess, Household, Member, Staff
from console.domain.errors import NotFound
from console.domain.views.staff import Actor
from console.domain.views.staff_auth import FileAccessView
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.staff import require_role

STAFF_ROLES = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def record_file_access(
    session: Session, ctx: ServiceContext, actor: Actor, household_id: int
) -> None:
    """Record, in the caller's open transaction (committed or rolled back with it, like a
    journal entry), that ``actor`` opened the family file of ``household_id``, now.
    NotFound ``household_not_found``."""
    require_role(actor, *STAFF_ROLES, action="open_household")
    if session.get(Household, household_id) is None:
        raise NotFound("household_not_found", household_id=household_id)
    session.add(FileAccess(staff_id=actor.staff_id, household_id=household_id, at=ctx.clock.now()))


# Opening a family file reads several parts of it (the file, the account tab, a cart's
# payers); one look is one entry, however many of its parts were read meanwhile.
SAME_LOOK = timedelta(minutes=2)


def record_file_access_ctx(ctx: ServiceContext, actor: Actor, household_id: int) -> None:
    """:func:`record_file_access` in a transaction of its own, unless the same staff
    member's look at this file was recorded in the last two minutes."""
    with ctx.db.write() as session:
        _record_look(session, ctx, actor, household_id)


def record_for_cart(ctx: ServiceContext, actor: Actor, cart_id: int) -> None:
    """A read about a cart (its payers) is a look at its family's file."""
    with ctx.db.write() as session:
        household_id = session.scalar(select(Cart.household_id).where(Cart.id == cart_id))
        if household_id is not None:
            _record_look(session, ctx, actor, household_id)


def record_for_member(ctx: ServiceContext, actor: Actor, member_id: int) -> None:
    """A read about a member (what holds them on an activity) is a look at their file."""
    with ctx.db.write() as session:
        household_id = session.scalar(select(Member.household_id).where(Member.id == member_id))
        if household_id is not None:
            _record_look(session, ctx, actor, household_id)


def _record_look(session: Session, ctx: ServiceContext, actor: Actor, household_id: int) -> None:
    recent = session.scalar(
        select(FileAccess.id)
        .where(
            FileAccess.staff_id == actor.staff_id,
            FileAccess.household_id == household_id,
            FileAccess.at >= ctx.clock.now() - SAME_LOOK,
        )
        .limit(1)
    )
    if recent is None:
        record_file_access(session, ctx, actor, household_id)


def file_accesses(
    ctx: ServiceContext, actor: Actor, household_id: int, *, limit: int = 500
) -> tuple[FileAccessView, ...]:
    """Who opened this family file, in which role and when, newest first (supervisors
    only; at most ``limit`` entries)."""
    require_role(actor, Role.SUPERVISOR, action="file_accesses")
    statement = (
        select(FileAccess.at, Staff.id, Staff.username, Staff.display_name, Staff.role)
        .join(Staff, FileAccess.staff_id == Staff.id)
        .where(FileAccess.household_id == household_id)
        .order_by(FileAccess.at.desc(), FileAccess.id.desc())
        .limit(max(1, min(limit, 5000)))
    )
    with ctx.db.read() as session:
        return tuple(
            FileAccessView(
                at=at,
                staff_id=staff_id,
                username=username,
                staff_name=name,
                role=Role(role),
            )
            for at, staff_id, username, name, role in session.execute(statement)
        )
