"""What a console learns about the service it talks to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ServiceInfo:
    # The embedded demo (in-process, SQLite), or a console server.
    embedded: bool
    # The sandbox payment gateway: no money moves (every console shows a banner).
    sandbox_gateway: bool
    version: str
    now: datetime
