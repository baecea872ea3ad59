"""The journal as the supervisor filters and reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class AuditFilters:
    """What the supervisor narrows the journal to; ``None`` means any."""

    staff_id: int | None = None
    household_number: int | None = None
    action: str | None = None
    since: date | None = None  # first day included
    until: date | None = None  # last day included
    limit: int = 500


@dataclass(frozen=True)
class AuditView:
    entry_id: int
    at: datetime
    staff_id: int | None
    staff_name: str  # empty for the public site and the system
    action: str
    household_id: int | None
    household_number: int | None
    account_id: int | None
    member_id: int | None
    member_name: str
    target: str
    reason: str
    details: str
