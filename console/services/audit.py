"""The journal: every change records who, what, whom, when and why, in its own transaction."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from console.db.models import AuditEntry
from console.services.context import ServiceContext
from console.services.staff import Actor


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
