"""What every service needs: the database, the clock, the SIN cipher and the settings.

The UI holds a ``ServiceContext`` as an opaque handle and passes it back to services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.config import Settings
from console.db.engine import Database
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

    @property
    def dialect(self) -> str:
        return self.db.dialect
