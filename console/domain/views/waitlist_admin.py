"""The supervisors' waitlist review of one activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.places import PlaceCount
from console.domain.vocabulary import Relationship, WaitlistState


@dataclass(frozen=True)
class EntryLine:
    entry_id: int
    rank: int | None  # 1-based among open entries; None once closed
    member_id: int
    member_name: str
    household_number: int
    state: WaitlistState
    created_at: datetime
    offer_expires_at: datetime | None
    relationship: Relationship | None = None  # to the file's responsible (confirmations)


@dataclass(frozen=True)
class WaitlistReview:
    activity_id: int
    code: str
    title: str
    count: PlaceCount
    entries: tuple[EntryLine, ...]
    as_of: datetime

    @property
    def fill_rate(self) -> float:
        """Confirmed registrations over capacity (0 when the capacity is 0)."""
        return self.count.confirmed / self.count.capacity if self.count.capacity else 0.0
