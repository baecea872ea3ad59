"""An activity's places as the places panel and the activity search show them (F6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.errors import Reason
from console.domain.places import PlaceCount
from console.domain.vocabulary import CartState


@dataclass(frozen=True)
class HoldLine:
    """One cart holding places of the activity."""

    cart_number: int
    household_number: int
    state: CartState  # OPEN (hold running) or CHECKOUT (locked at the payment site)
    places: int
    lapses_at: datetime
    channel: str


@dataclass(frozen=True)
class OfferLine:
    entry_id: int
    member_name: str
    expires_at: datetime


@dataclass(frozen=True)
class ActivityPlaces:
    """Everything the places panel shows for one activity (F6)."""

    activity_id: int
    code: str
    title: str
    schedule: str
    price_cents: int
    count: PlaceCount
    holds: tuple[HoldLine, ...]
    offers: tuple[OfferLine, ...]
    next_release: datetime | None
    explanation: Reason
    as_of: datetime

    @property
    def real_remaining(self) -> int:
        return self.count.real_remaining

    @property
    def site_remaining(self) -> int:
        return self.count.site_remaining

    @property
    def checkout_locks(self) -> tuple[HoldLine, ...]:
        return tuple(h for h in self.holds if h.state is CartState.CHECKOUT)

    @property
    def cart_holds(self) -> tuple[HoldLine, ...]:
        return tuple(h for h in self.holds if h.state is CartState.OPEN)


@dataclass(frozen=True)
class ActivitySummary:
    activity_id: int
    code: str
    title: str
    schedule: str
    season: str
    price_cents: int
    is_childcare: bool
    real_remaining: int
    site_remaining: int
    waitlist_length: int
    age_min: int | None = None  # the ages it accepts, inclusive (None: no bound)
    age_max: int | None = None
