"""A social insurance number revealed to a clerk or a supervisor, for one screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RevealedSin:
    household_id: int
    member_id: int
    member_name: str
    number: str  # the nine digits in groups of three: "046 454 286"
    revealed_at: datetime
    visible_seconds: int  # then the screen masks it again
