"""The journal: every change records who, what, whom, when and why, in the transaction
of the change itself; supervisors list and filter it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import AuditEntry, Household, Member, Staff
from console.domain.text import CODE_MAX, clean_optional
from console.domain.views.audit import AuditFilters as AuditFilters
from console.domain.views.audit import AuditView as AuditView
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.quebec_time import day_bounds
from console.services.staff import Actor, require_role


def record(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    *,
    household_id: int | None = None,
    account_id: int | None = None,
    member_id: int | None = None,
    target: str = "",
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Add an audit entry to the caller's transaction (committed or rolled back with it)."""
    session.add(
        AuditEntry(
            at=ctx.clock.now(),
            staff_id=actor.staff_id if actor else None,
            action=action,
            household_id=household_id,
            account_id=account_id,
            member_id=member_id,
            target=target,
            reason=reason,
            details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def list_audit(ctx: ServiceContext, actor: Actor, filters: AuditFilters) -> tuple[AuditView, ...]:
    """The journal, newest first (supervisors only). Days are Québec calendar days."""
    require_role(actor, Role.SUPERVISOR, action="list_audit")
    clean_optional(filters.action, field="action", max_length=CODE_MAX)
    statement = (
        select(
            AuditEntry, Staff.display_name, Household.number, Member.first_name, Member.last_name
        )
        .outerjoin(Staff, AuditEntry.staff_id == Staff.id)
        .outerjoin(Household, AuditEntry.household_id == Household.id)
        .outerjoin(Member, AuditEntry.member_id == Member.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(max(1, min(filters.limit, 5000)))
    )
    if filters.staff_id is not None:
        statement = statement.where(AuditEntry.staff_id == filters.staff_id)
    if filters.household_number is not None:
        statement = statement.where(Household.number == filters.household_number)
    if filters.action:
        statement = statement.where(AuditEntry.action == filters.action)
    start, end = day_bounds(filters.since, filters.until)
    if start is not None:
        statement = statement.where(AuditEntry.at >= start)
    if end is not None:
        statement = statement.where(AuditEntry.at < end)
    with ctx.db.read() as session:
        return tuple(
            AuditView(
                entry_id=entry.id,
                at=entry.at,
                staff_id=entry.staff_id,
                staff_name=staff_name or "",
                action=entry.action,
                household_id=entry.household_id,
                household_number=number,
                account_id=entry.account_id,
                member_id=entry.member_id,
                member_name=f"{first} {last}" if first else "",
                target=entry.target,
                reason=entry.reason,
                details=entry.details,
            )
            for entry, staff_name, number, first, last in session.execute(statement)
        )


def audit_actions(ctx: ServiceContext, actor: Actor) -> tuple[str, ...]:
    """Every action name the journal holds, for the supervisor's filter."""
    require_role(actor, Role.SUPERVISOR, action="list_audit")
    with ctx.db.read() as session:
        return tuple(
            session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
        )
