"""The supervisors' dashboard figures and its filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ReasonCount:
    """Calls of one reason on one day."""

    day: date
    reason: str  # "F1".."F14" or "other"
    calls: int


@dataclass(frozen=True)
class ActivityFill:
    activity_id: int
    code: str
    title: str
    borough: str
    capacity: int
    confirmed: int
    waitlist: int  # entries still waiting or holding an offer

    @property
    def fill_rate(self) -> float:
        """Confirmed registrations over capacity (0 for an activity with no places)."""
        return self.confirmed / self.capacity if self.capacity else 0.0


@dataclass(frozen=True)
class LockedCart:
    cart_number: int
    owner_number: int
    household_id: int
    borough: str
    locked_until: datetime
    minutes_left: int


@dataclass(frozen=True)
class FailedEmails:
    kind: str
    count: int
    last_failed_at: datetime
    last_error: str


@dataclass(frozen=True)
class DashboardFigures:
    as_of: datetime
    borough_id: int | None
    season_id: int | None
    days: tuple[date, ...]  # oldest first, today last
    reasons: tuple[str, ...]  # every reason that appears, in FAQ order
    calls: tuple[ReasonCount, ...]
    activities: tuple[ActivityFill, ...]  # longest waitlist first
    locked_carts: tuple[LockedCart, ...]  # soonest unlocked first
    failed_emails: tuple[FailedEmails, ...]  # most failures first

    def calls_on(self, day: date, reason: str) -> int:
        return next((c.calls for c in self.calls if c.day == day and c.reason == reason), 0)

    @property
    def total_calls(self) -> int:
        return sum(c.calls for c in self.calls)


@dataclass(frozen=True)
class FilterOption:
    id: int
    name: str


@dataclass(frozen=True)
class FilterOptions:
    boroughs: tuple[FilterOption, ...]
    seasons: tuple[FilterOption, ...]  # newest first
