"""What already holds a member on an activity (F7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from console.domain.vocabulary import CartState


class HoldKind(StrEnum):
    REGISTRATION = "registration"
    CART_ITEM = "cart_item"
    WAITLIST = "waitlist"


@dataclass(frozen=True)
class ExistingHold:
    """One thing that holds the member on the activity, and whether the agent may free it."""

    kind: HoldKind
    record_id: int
    state: str
    since: datetime
    deadline: datetime | None = None  # when a cart hold or an offer lapses by itself
    cart_number: int | None = None
    cart_state: CartState | None = None
    receipt_number: int | None = None
    waitlist_position: int | None = None
    live: bool = True  # False: the record is stale (its deadline passed) and blocks nothing
    releasable: bool = False


@dataclass(frozen=True)
class HoldDiagnosis:
    member_id: int
    member_name: str
    household_id: int
    activity_id: int
    activity_code: str
    activity_title: str
    holds: tuple[ExistingHold, ...]
    as_of: datetime
