"""The words of DESIGN.md §3 as enumerations shared by every layer."""

from __future__ import annotations

from enum import StrEnum


class Relationship(StrEnum):
    """Lien de parenté with the responsible of the Dossier loisir."""

    RESPONSIBLE = "responsible"
    SPOUSE_AND_PARENT = "spouse_and_parent"  # Conjoint et parent des enfants
    SPOUSE = "spouse"  # Conjoint
    PARENT_OF_RESPONSIBLE = "parent_of_responsible"  # Père ou mère du responsable de dossier
    OTHER = "other"  # Autre
    CHILD = "child"  # Enfant


class Role(StrEnum):
    AGENT = "agent"
    CLERK = "clerk"  # borough-office clerk, tied to one borough
    SUPERVISOR = "supervisor"


class CartState(StrEnum):
    OPEN = "open"  # holding places, hold deadline running
    CHECKOUT = "checkout"  # locked while the payment site has it
    PAID = "paid"
    LAPSED = "lapsed"  # hold ran out, places released
    CANCELLED = "cancelled"  # emptied or abandoned by the family or support


class CartItemState(StrEnum):
    HELD = "held"
    REGISTERED = "registered"
    RELEASED = "released"


class RegistrationState(StrEnum):
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class WaitlistState(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"  # a place is held for this entry until offer_expires_at
    ACCEPTED = "accepted"
    LAPSED = "lapsed"
    CANCELLED = "cancelled"


class PaymentStatus(StrEnum):
    PENDING = "pending"  # sent to the gateway, outcome not yet known
    APPROVED = "approved"
    REFUSED = "refused"


class CardBrand(StrEnum):
    VISA = "visa"
    MASTERCARD = "mastercard"


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"  # gave up after the last retry


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class EmailKind(StrEnum):
    """What an outbox message is; the public site, the seed and the console share them."""

    ACCOUNT_UNLOCKED = "account_unlocked"
    PASSWORD_RESET = "password_reset"
    CONFIRMATION = "confirmation"
    WAITLIST_OFFER = "waitlist_offer"
    RECEIPT = "receipt"
