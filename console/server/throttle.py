"""Sign-in attempts per address: a few a minute, then "try again shortly".

Guessing passwords (or staff names) from one machine is slowed down before any password
is hashed or any journal entry written. Kept in this process's memory: behind a load
balancer each server counts its own, which still bounds every address to a few attempts
a minute per server. The accounts' own temporary lockout stays the last word.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

ATTEMPTS = 10
WINDOW_S = 60.0
MAX_ADDRESSES = 10_000  # an attack from many addresses cannot grow this without bound


class SignInThrottle:
    def __init__(
        self,
        attempts: int = ATTEMPTS,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts, self.window_s, self._clock = attempts, window_s, clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, address: str) -> float | None:
        """``None`` when ``address`` may try now (the attempt is counted); otherwise the
        seconds until it may."""
        now = self._clock()
        times = self._seen.get(address)
        if times is None:
            if len(self._seen) >= MAX_ADDRESSES:
                self._forget_quiet(now)
            times = self._seen[address] = deque()
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if len(times) >= self.attempts:
            return self.window_s - (now - times[0])
        times.append(now)
        return None

    def _forget_quiet(self, now: float) -> None:
        for address in [a for a, t in self._seen.items() if not t or now - t[-1] >= self.window_s]:
            del self._seen[address]
        if len(self._seen) >= MAX_ADDRESSES:
            self._seen.clear()
