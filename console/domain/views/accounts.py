"""What the account services (F1–F3) return to the account panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.views.outbox import OutboxView


@dataclass(frozen=True)
class AccountSummary:
    """The account panel: state, counters, and every message sent to the account."""

    household_id: int
    account_id: int
    email: str
    language: str
    confirmed: bool
    confirmed_at: datetime | None
    locked: bool
    locked_at: datetime | None
    failed_login_count: int
    last_failed_login_at: datetime | None
    reset_links_left: int
    confirmations_left: int
    # Until when the newest unused reset link works, if one does.
    reset_link_valid_until: datetime | None
    messages: tuple[OutboxView, ...]


@dataclass(frozen=True)
class EmailQueued:
    """An action's outcome: which message went to the outbox, to which address on file."""

    outbox_id: int
    to_address: str
    kind: str
    valid_until: datetime | None = None


@dataclass(frozen=True)
class AddressCheck:
    """F3: whether an address the caller quotes already identifies a Dossier loisir."""

    email: str  # normalised
    household_number: int | None

    @property
    def in_use(self) -> bool:
        return self.household_number is not None
