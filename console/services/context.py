"""What every service needs: the database, the clock, the keys and the settings.

The UI holds a ``ServiceContext`` as an opaque handle and passes it back to services.
The keys are the ring of SIN keys and the outbox key; the server and the commands pass the
configured ones. A context made without an outbox key (tests, tools) gets one of its own:
what it queues with a secret, only the relay of that same context can send.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.config import Settings
from console.db.engine import Database
from console.db.outbox_key import OutboxCipher
from console.db.sin import SinCipher
from console.domain.clock import Clock, SystemClock


@dataclass
class ServiceContext:
    db: Database
    sin_cipher: SinCipher
    clock: Clock = field(default_factory=SystemClock)
    settings: Settings | None = None
    # Outside systems chosen by settings (payment gateway, …), keyed by name.
    ports: dict[str, Any] = field(default_factory=dict)
    outbox_cipher: OutboxCipher = field(default_factory=OutboxCipher.ephemeral)

    @property
    def dialect(self) -> str:
        return self.db.dialect
