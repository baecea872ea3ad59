"""What one sweep did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SweepReport:
    carts_lapsed: int = 0
    checkouts_settled: int = 0
    checkouts_unsettled: int = 0  # the payment site did not answer: left locked
    offers_lapsed: int = 0
    offers_made: int = 0
