"""Verifying the caller (DESIGN.md §6): what was asked, what matched, for how long."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Factor(StrEnum):
    """What a caller can be asked; each is one factor whichever way it is phrased."""

    BIRTH_DATE = "birth_date"  # of the responsible of the Dossier loisir
    POSTAL_CODE = "postal_code"
    HOUSEHOLD_NUMBER = "household_number"
    LAST_PAYMENT = "last_payment"  # its amount and its date, both


@dataclass(frozen=True)
class CallerAnswers:
    """What the caller said; ``None`` for a question not asked."""

    birth_date: date | None = None
    postal_code: str | None = None
    household_number: str | None = None
    last_payment_cents: int | None = None
    last_payment_date: date | None = None

    def asked(self) -> tuple[Factor, ...]:
        factors = []
        if self.birth_date is not None:
            factors.append(Factor.BIRTH_DATE)
        if self.postal_code and self.postal_code.strip():
            factors.append(Factor.POSTAL_CODE)
        if self.household_number and self.household_number.strip():
            factors.append(Factor.HOUSEHOLD_NUMBER)
        if self.last_payment_cents is not None and self.last_payment_date is not None:
            factors.append(Factor.LAST_PAYMENT)
        return tuple(factors)


@dataclass(frozen=True)
class VerificationResult:
    passed: bool
    matched: tuple[Factor, ...]
    asked: tuple[Factor, ...]
    # Until when sensitive actions are allowed for this agent and household.
    verified_until: datetime | None
    # Set when too many failed attempts block verification for this household.
    blocked_until: datetime | None
    attempts_left: int


@dataclass(frozen=True)
class VerificationStatus:
    household_id: int
    verified_until: datetime | None
    blocked_until: datetime | None

    @property
    def verified(self) -> bool:
        return self.verified_until is not None
