"""Real remaining places of an activity versus what the public site shows (F6).

Like pretix's quota availability, the count also says *what* used the places up, so the
agent can tell the caller why the site said "not full" and when a place may free.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from console.domain.errors import Reason

PLACES_AVAILABLE = "places_available"
PLACES_HELD_IN_CARTS = "places_held_in_carts"
PLACES_HELD_BY_OFFERS = "places_held_by_offers"
PLACES_FULL = "places_full"


@dataclass(frozen=True)
class PlaceCount:
    """The counts behind one activity's places at one moment.

    ``live_holds`` are items of open carts whose hold still runs, ``checkout_holds`` items of
    carts locked at the payment site, ``open_offers`` waitlist offers not yet lapsed.
    """

    capacity: int
    confirmed: int
    live_holds: int = 0
    checkout_holds: int = 0
    open_offers: int = 0
    waitlist_length: int = 0

    def __post_init__(self) -> None:
        for name in (
            "capacity",
            "confirmed",
            "live_holds",
            "checkout_holds",
            "open_offers",
            "waitlist_length",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")

    @property
    def site_remaining(self) -> int:
        """Places the public site counts as free: it ignores holds, hence "not full"."""
        return max(0, self.capacity - self.confirmed)

    @property
    def real_remaining(self) -> int:
        """Places nobody holds: the ones support can register the caller in."""
        held = self.live_holds + self.checkout_holds + self.open_offers
        return max(0, self.capacity - self.confirmed - held)

    @property
    def held_elsewhere(self) -> int:
        """Places the site shows free that carts or offers hold right now."""
        return self.site_remaining - self.real_remaining

    def explanation(self, next_release: datetime | None = None) -> Reason:
        """Why the activity has, or lacks, a place for the caller.

        ``next_release`` is the earliest moment a hold or offer lapses (the service finds
        it); it is passed through so the agent can say when a place may free.

        Codes and params:
        - ``places_available`` {remaining, capacity, waitlist_length}
        - ``places_held_in_carts`` {site_remaining, in_carts, at_checkout, by_offers,
          next_release, waitlist_length}
        - ``places_held_by_offers`` {site_remaining, by_offers, next_release, waitlist_length}
        - ``places_full`` {capacity, confirmed, waitlist_length}
        """
        if self.real_remaining > 0:
            return Reason(
                PLACES_AVAILABLE,
                {
                    "remaining": self.real_remaining,
                    "capacity": self.capacity,
                    "waitlist_length": self.waitlist_length,
                },
            )
        if self.site_remaining == 0:
            return Reason(
                PLACES_FULL,
                {
                    "capacity": self.capacity,
                    "confirmed": self.confirmed,
                    "waitlist_length": self.waitlist_length,
                },
            )
        # The site says "not full" but every such place is held: name who holds them.
        if self.live_holds + self.checkout_holds == 0:
            return Reason(
                PLACES_HELD_BY_OFFERS,
                {
                    "site_remaining": self.site_remaining,
                    "by_offers": self.open_offers,
                    "next_release": next_release,
                    "waitlist_length": self.waitlist_length,
                },
            )
        return Reason(
            PLACES_HELD_IN_CARTS,
            {
                "site_remaining": self.site_remaining,
                "in_carts": self.live_holds,
                "at_checkout": self.checkout_holds,
                "by_offers": self.open_offers,
                "next_release": next_release,
                "waitlist_length": self.waitlist_length,
            },
        )


def earliest_release(moments: Iterable[datetime | None]) -> datetime | None:
    """The first moment among holds' and offers' lapse times, ignoring unknown ones."""
    known = [m for m in moments if m is not None]
    return min(known) if known else None
