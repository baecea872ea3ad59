"""What the agent reads to the caller after a payment attempt (F9)."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.vocabulary import PaymentStatus


@dataclass(frozen=True)
class PaymentResult:
    """What the agent reads to the caller after a payment attempt (F9)."""

    cart_id: int
    cart_number: int
    owner_number: int
    transaction_number: int
    status: PaymentStatus  # PENDING when the gateway's answer is not known yet
    amount_cents: int
    card_brand: str | None = None
    card_last4: str | None = None
    authorization_code: str | None = None
    refusal_reason: str | None = None  # the gateway's refusal code, or why it is pending
    receipt_id: int | None = None
    receipt_number: int | None = None
    registrations: int = 0

    @property
    def registered(self) -> bool:
        return self.status is PaymentStatus.APPROVED
