"""Everything a receipt shows, frozen at issue time (F9, F14)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.vocabulary import CardBrand, Language, PaymentStatus


@dataclass(frozen=True)
class ReceiptLine:
    """One registration on the receipt: who, what, when, how much."""

    member_name: str
    activity_title: str
    activity_code: str
    session: str  # season and schedule, as the family knows them
    amount_cents: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything a receipt shows, frozen at issue time. Holds no card number, no CVV."""

    receipt_number: int
    cart_number: int
    owner_number: int
    transaction_number: int
    payer_name: str
    lines: tuple[ReceiptLine, ...]
    total_cents: int
    status: PaymentStatus
    card_brand: CardBrand | None
    card_last4: str | None
    authorization_code: str | None
    issued_at: datetime
    language: Language
    refusal_reason: str | None = None
    reprinted_at: datetime | None = None
