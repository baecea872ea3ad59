"""How long the GUI thread went without running its event loop.

A precise 5 ms timer on the GUI thread notes the longest gap between two of its ticks:
any database or network wait on that thread, any slow redraw, shows up as a long gap.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 5


class StallProbe(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.ticks = 0
        self.gaps: list[float] = []

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        self.ticks += 1
        self.gaps.append(gap)

        self.longest_ms = max(self.longest_ms, gap)

    def worst(self, count: int = 5) -> list[float]:
        return sorted(self.gaps, reverse=True)[:count]
