"""Sentences for the card (F10), payer (F12, F13) and receipt (F14) codes, in the payment
and receipt dialogs' own words."""

from __future__ import annotations

from console.domain.cards import CVV_INVALID
from console.domain.errors import NotFound, Reason
from console.domain.payers import (
    CHILDCARE_REQUIRES_RESPONSIBLE,
    HOUSEHOLD_HAS_NO_RESPONSIBLE,
    NO_SIN_NO_RELEVE24,
    PAYER_IS_CHILD,
    PAYER_NOT_MEMBER,
    PAYER_REMOVED,
)
from console.ui.kit import messages
from console.ui.payments.card_entry import EXPIRY_FIELD_CODES, NUMBER_FIELD_CODES
from console.ui.payments.payment_dialog import payer_reason_text
from console.ui.payments.receipt_dialog import receipt_error_text

Wording = messages.Wording


def _payment_rule(code: str) -> Wording:
    """A card (F10) or payer (F12, F13) rule, in the payment dialog's own words."""
    return lambda p: payer_reason_text(Reason(code, p))


def _receipt(code: str) -> Wording:
    """A receipt look-up (F14), in the receipt dialog's own words."""
    return lambda p: receipt_error_text(NotFound(code, **p))


PAYMENT_RULES = (
    *sorted(NUMBER_FIELD_CODES | EXPIRY_FIELD_CODES | {CVV_INVALID}),
    CHILDCARE_REQUIRES_RESPONSIBLE,
    HOUSEHOLD_HAS_NO_RESPONSIBLE,
    NO_SIN_NO_RELEVE24,
    PAYER_IS_CHILD,
    PAYER_NOT_MEMBER,
    PAYER_REMOVED,
)
for _code in PAYMENT_RULES:
    messages.register(_code, _payment_rule(_code))
for _code in ("receipt_not_found", "receipt_not_issued"):
    messages.register(_code, _receipt(_code))
