"""A cart as the register dialog shows it, and what adding to it did (F6, F8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.vocabulary import CartItemState, CartState


@dataclass(frozen=True)
class CartLine:
    item_id: int
    member_id: int
    member_name: str
    activity_id: int
    activity_code: str
    activity_title: str
    price_cents: int
    state: CartItemState


@dataclass(frozen=True)
class CartSummary:
    cart_id: int
    number: int
    owner_number: int
    household_id: int
    state: CartState
    hold_expires_at: datetime
    extension_used: bool
    checkout_locked_until: datetime | None
    live: bool
    minutes_left: int
    channel: str
    items: tuple[CartLine, ...]
    as_of: datetime

    @property
    def held(self) -> tuple[CartLine, ...]:
        return tuple(i for i in self.items if i.state is CartItemState.HELD)

    @property
    def total_cents(self) -> int:
        return sum(i.price_cents for i in self.held)


@dataclass(frozen=True)
class AddOutcome:
    """A place was held in the cart, or the member went on the waitlist (F6)."""

    cart: CartSummary | None
    waitlist_entry_id: int | None = None
    waitlist_position: int | None = None

    @property
    def held(self) -> bool:
        return self.waitlist_entry_id is None
