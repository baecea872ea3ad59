"""The outcome of releasing a cart locked at checkout (F11)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReleaseKind(StrEnum):
    COMPLETED = "completed"  # the payment went through: registered, receipt issued
    UNLOCKED = "unlocked"  # refused or never started: the cart is open again


@dataclass(frozen=True)
class ReleaseOutcome:
    kind: ReleaseKind
    cart_number: int
    gateway_answer: str  # "approved", "refused", "not_started" or "no_payment"
    receipt_number: int | None = None
