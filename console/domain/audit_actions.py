"""What the audit journal records: one code per kind of change, shared by the services
that write entries, the data generator and the screens that name them."""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    # Caller identity and accounts (F1–F3)
    CALLER_VERIFIED = "caller_verified"
    CALLER_VERIFICATION_FAILED = "caller_verification_failed"
    CALLER_VERIFICATION_BLOCKED = "caller_verification_blocked"
    ACCOUNT_UNLOCKED = "account_unlocked"
    PASSWORD_RESET_SENT = "password_reset_sent"
    PASSWORD_RESET_COMPLETED = "password_reset_completed"
    CONFIRMATION_RESENT = "confirmation_resent"
    # Family file (F4, F12)
    MEMBER_RELATIONSHIP_CHANGED = "member_relationship_changed"
    MEMBER_REMOVED = "member_removed"
    SIN_REVEALED = "sin.reveal"  # the reason is kept, never the number
    # Carts and places (F6–F8, F11)
    CART_ADD = "cart.add"
    CART_REMOVE = "cart.remove"
    CART_EXTEND = "cart.extend"
    CART_CHECKOUT = "cart.checkout"
    CART_RELEASE = "cart.release"
    CART_RELEASE_COMPLETED = "cart.release_completed"
    CART_RELEASE_REFUSED = "cart.release_refused"
    HOLD_RELEASE = "hold.release"
    # Waiting lists
    WAITLIST_JOIN = "waitlist.join"
    WAITLIST_OFFER = "waitlist.offer"
    WAITLIST_ACCEPT = "waitlist.accept"
    WAITLIST_MOVE = "waitlist.move"
    # Payments and receipts (F9, F10, F14)
    PAYMENT_STARTED = "payment.started"
    PAYMENT_APPROVED = "payment.approved"
    PAYMENT_REFUSED = "payment.refused"
    RECEIPT_REPRINT = "receipt.reprint"
    RECEIPT_EMAIL = "receipt.email"
    # Emails
    OUTBOX_REQUEUED = "outbox.requeued"
    # Calls
    CALL_ENDED = "call_ended"
    # Staff accounts and sign-in (the console server)
    STAFF_SIGN_IN = "staff.sign_in"
    STAFF_SIGN_IN_FAILED = "staff.sign_in_failed"
    STAFF_LOCKED = "staff.locked"
    STAFF_SIGN_OUT = "staff.sign_out"
    STAFF_ADDED = "staff.added"
    STAFF_DISABLED = "staff.disabled"
    STAFF_PASSWORD_SET = "staff.password_set"
    # The sweep, acting for no one
    SYSTEM_CART_LAPSED = "system.cart_lapsed"
    SYSTEM_OFFER_LAPSED = "system.offer_lapsed"
    SYSTEM_PAYMENT_SETTLED = "system.payment_settled"
    # `console keys rotate`, one entry per batch of numbers sealed again
    SYSTEM_SIN_KEYS_ROTATED = "system.sin_keys_rotated"
