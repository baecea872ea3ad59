"""What sending the failed emails again did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequeueReport:
    requeued: int
    total: int
    cancelled: bool
