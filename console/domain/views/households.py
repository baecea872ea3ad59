"""The whole family file at a glance, as plain frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from console.domain.vocabulary import CartItemState, CartState, Relationship


@dataclass(frozen=True)
class MemberView:
    member_id: int
    first_name: str
    last_name: str
    relationship: Relationship
    birth_date: date
    age: int
    phone: str | None
    may_pay: bool
    has_sin: bool
    # "*** *** 123": the last three digits, from the row, never the number opened.
    sin_masked: str | None
    removed: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class AccountView:
    account_id: int
    email: str
    confirmed: bool
    confirmed_at: datetime | None
    locked: bool
    locked_at: datetime | None
    failed_login_count: int
    last_failed_login_at: datetime | None
    language: str


@dataclass(frozen=True)
class CartItemView:
    item_id: int
    member_name: str
    activity_id: int
    activity_code: str
    activity_title: str
    price_cents: int
    state: str


@dataclass(frozen=True)
class CartView:
    cart_id: int
    number: int
    owner_number: int
    state: CartState
    hold_expires_at: datetime
    extension_used: bool
    checkout_locked_until: datetime | None
    live: bool  # its items hold places right now
    channel: str
    items: tuple[CartItemView, ...]  # every line, the released ones too (shown greyed)

    @property
    def kept_items(self) -> tuple[CartItemView, ...]:
        """The lines the cart still holds: held or registered, not released (a hold that
        lapsed, a line taken out)."""
        return tuple(i for i in self.items if i.state != CartItemState.RELEASED)


@dataclass(frozen=True)
class RegistrationView:
    registration_id: int
    member_name: str
    activity_code: str
    activity_title: str
    season: str
    schedule: str
    state: str
    cart_number: int | None
    created_at: datetime


@dataclass(frozen=True)
class WaitlistView:
    entry_id: int
    member_name: str
    activity_id: int
    activity_code: str
    activity_title: str
    state: str
    # 1 + the open entries of the activity strictly ahead (lower position); ties share it
    position: int
    offer_expires_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class PaymentView:
    payment_id: int
    transaction_number: int
    cart_number: int
    payer_name: str
    amount_cents: int
    status: str
    card_brand: str | None
    card_last4: str | None
    authorization_code: str | None
    refusal_reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class MessageView:
    message_id: int
    kind: str
    subject: str
    to_address: str
    state: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class CallNoteView:
    note_id: int
    staff_name: str
    reason: str
    started_at: datetime
    ended_at: datetime
    actions: str
    note: str


@dataclass(frozen=True)
class HouseholdView:
    household_id: int
    number: int
    version: int
    borough_id: int
    borough: str
    postal_code: str
    address: str
    account: AccountView
    members: tuple[MemberView, ...]
    carts: tuple[CartView, ...]
    registrations: tuple[RegistrationView, ...]
    waitlist: tuple[WaitlistView, ...]
    payments: tuple[PaymentView, ...]
    messages: tuple[MessageView, ...]
    call_notes: tuple[CallNoteView, ...]
    as_of: datetime

    @property
    def responsible(self) -> MemberView | None:
        return next(
            (
                m
                for m in self.members
                if m.relationship is Relationship.RESPONSIBLE and not m.removed
            ),
            None,
        )
