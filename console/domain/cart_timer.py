"""How long a cart holds its places (F8) and how long checkout locks it (F11).

Every function takes ``now`` from the caller (a ``Clock``); nothing here reads the time.
All datetimes are timezone-aware.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from console.domain.errors import Reason
from console.domain.vocabulary import CartState

HOLD = timedelta(minutes=20)
"""F8: items in a cart are held 20 minutes after the last change."""

EXTENSION = timedelta(minutes=20)
"""F8: one extra 20 minutes may be asked, once per cart."""

CHECKOUT_LOCK = timedelta(minutes=20)
"""F11: how long the cart stays locked once handed to the payment site.

The FAQ only says "the delay shown on the counter"; we use the length of a hold, so a
family who closed the browser waits no longer than a fresh hold would last.
"""

CART_EXTENSION_USED = "cart_extension_used"
CART_HOLD_LAPSED = "cart_hold_lapsed"
CART_NOT_OPEN = "cart_not_open"
CART_NOT_IN_CHECKOUT = "cart_not_in_checkout"


def _require_aware(*moments: datetime | None) -> None:
    for moment in moments:
        if moment is not None and moment.tzinfo is None:
            raise ValueError("cart timer needs timezone-aware datetimes")


def hold_deadline_after_change(now: datetime, current: datetime | None = None) -> datetime:
    """The hold deadline after an add or remove at ``now``: now + HOLD.

    A change only ever lengthens the hold, so a later ``current`` deadline (from an
    extension) is kept.
    """
    _require_aware(now, current)
    fresh = now + HOLD
    return fresh if current is None or fresh > current else current


def is_lapsed(deadline: datetime, now: datetime) -> bool:
    """True once the hold deadline is reached: the places are released at that instant."""
    _require_aware(deadline, now)
    return now >= deadline


def extend(deadline: datetime, extension_used: bool, now: datetime) -> datetime | Reason:
    """The deadline after the one allowed extension, or the Reason it is refused.

    Refusals: ``cart_extension_used`` {deadline}; ``cart_hold_lapsed`` {deadline}.
    """
    _require_aware(deadline, now)
    if is_lapsed(deadline, now):
        return Reason(CART_HOLD_LAPSED, {"deadline": deadline})
    if extension_used:
        return Reason(CART_EXTENSION_USED, {"deadline": deadline})
    return deadline + EXTENSION


def checkout_lock_until(now: datetime) -> datetime:
    """When the checkout lock started at ``now`` runs out by itself."""
    _require_aware(now)
    return now + CHECKOUT_LOCK


def minutes_left(deadline: datetime, now: datetime) -> int:
    """Whole minutes left before ``deadline``, rounded up; 0 once it has passed.

    Rounded up so the screen never says "0 minutes" while the hold still runs.
    """
    _require_aware(deadline, now)
    seconds = (deadline - now).total_seconds()
    return 0 if seconds <= 0 else math.ceil(seconds / 60)


def is_live_hold(
    state: CartState,
    deadline: datetime,
    checkout_locked_until: datetime | None,
    now: datetime,
) -> bool:
    """Whether a cart's items hold their places at ``now``.

    An open cart holds until its deadline; a cart at checkout holds until its lock runs
    out (the payment site may still be charging). Any other state holds nothing.
    """
    _require_aware(deadline, checkout_locked_until, now)
    if state is CartState.OPEN:
        return deadline > now
    if state is CartState.CHECKOUT:
        return checkout_locked_until is not None and checkout_locked_until > now
    return False


@dataclass(frozen=True)
class CartHold:
    """The hold of one cart at one moment; every change returns a new value."""

    deadline: datetime
    extension_used: bool = False
    state: CartState = CartState.OPEN
    checkout_locked_until: datetime | None = None

    def __post_init__(self) -> None:
        _require_aware(self.deadline, self.checkout_locked_until)
        if (self.state is CartState.CHECKOUT) != (self.checkout_locked_until is not None):
            raise ValueError("a checkout lock exists exactly when the cart is at checkout")

    @classmethod
    def start(cls, now: datetime) -> CartHold:
        """A new cart whose first item was added at ``now``."""
        return cls(deadline=hold_deadline_after_change(now))

    def is_live(self, now: datetime) -> bool:
        """Whether the cart's items hold their places at ``now`` (see ``is_live_hold``)."""
        return is_live_hold(self.state, self.deadline, self.checkout_locked_until, now)

    def is_lapsed(self, now: datetime) -> bool:
        """An open cart whose deadline has passed: its places are free for others."""
        return self.state is CartState.OPEN and is_lapsed(self.deadline, now)

    def releases_at(self) -> datetime | None:
        """When the held places free by themselves, if nothing else happens."""
        if self.state is CartState.OPEN:
            return self.deadline
        if self.state is CartState.CHECKOUT:
            return self.checkout_locked_until
        return None

    def minutes_left(self, now: datetime) -> int:
        """Minutes until the places free by themselves (0 when they already have)."""
        until = self.releases_at()
        return 0 if until is None else minutes_left(until, now)

    def _open_and_live(self, now: datetime) -> Reason | None:
        if self.state is not CartState.OPEN:
            return Reason(CART_NOT_OPEN, {"state": self.state})
        if is_lapsed(self.deadline, now):
            return Reason(CART_HOLD_LAPSED, {"deadline": self.deadline})
        return None

    def after_change(self, now: datetime) -> CartHold | Reason:
        """The hold after an item is added or removed at ``now`` (F8 extends it).

        Refusals: ``cart_not_open`` {state}; ``cart_hold_lapsed`` {deadline}.
        """
        refusal = self._open_and_live(now)
        if refusal is not None:
            return refusal
        return replace(self, deadline=hold_deadline_after_change(now, self.deadline))

    def extend(self, now: datetime) -> CartHold | Reason:
        """The hold with its one extra 20 minutes.

        Refusals: ``cart_not_open`` {state}; ``cart_hold_lapsed`` {deadline};
        ``cart_extension_used`` {deadline}.
        """
        if self.state is not CartState.OPEN:
            return Reason(CART_NOT_OPEN, {"state": self.state})
        result = extend(self.deadline, self.extension_used, now)
        if isinstance(result, Reason):
            return result
        return replace(self, deadline=result, extension_used=True)

    def start_checkout(self, now: datetime) -> CartHold | Reason:
        """The cart locked while the payment site has it (F11).

        Refusals: ``cart_not_open`` {state}; ``cart_hold_lapsed`` {deadline}.
        """
        refusal = self._open_and_live(now)
        if refusal is not None:
            return refusal
        return replace(
            self, state=CartState.CHECKOUT, checkout_locked_until=checkout_lock_until(now)
        )

    def return_to_cart(self, now: datetime) -> CartHold | Reason:
        """The cart back in the family's hands after the lock ran out or support released it.

        Coming back counts as a change to the cart, so the hold runs 20 minutes from
        ``now`` (never less than what was left). Support may release only after asking the
        payment site whether the payment went through: that check belongs to the service.

        Refusal: ``cart_not_in_checkout`` {state}.
        """
        if self.state is not CartState.CHECKOUT:
            return Reason(CART_NOT_IN_CHECKOUT, {"state": self.state})
        return replace(
            self,
            state=CartState.OPEN,
            checkout_locked_until=None,
            deadline=hold_deadline_after_change(now, self.deadline),
        )
