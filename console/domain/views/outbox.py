"""The outbox as the account panel lists it (never a body)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.vocabulary import OutboxState


@dataclass(frozen=True)
class OutboxView:
    """One message as the account panel lists it (never its body: it may hold a link)."""

    outbox_id: int
    kind: str
    subject: str
    to_address: str
    state: OutboxState
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None
    attachment_name: str | None
