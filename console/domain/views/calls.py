"""The call: the reasons an agent files it under, and the call in progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

FAQ_REASONS = tuple(f"F{n}" for n in range(1, 15))


OTHER_REASON = "other"


CALL_REASONS = (*FAQ_REASONS, OTHER_REASON)


@dataclass(frozen=True)
class ActiveCall:
    staff_id: int
    household_id: int | None
    started_at: datetime
