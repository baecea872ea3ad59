"""Embedded demo only: runs the sweep every minute while the console is open, off the GUI
thread, so holds and offers lapse on time. Against a server, the server runs the sweep
(its job lease) and no desktop sweeps.

Before each sweep — the first one as the demo opens — the demo's cases are re-anchored to
the services' clock (``keep_demo_cases``): a case's hold or checkout lock about to run out
gets its time again, so the cases of the Aide menu stay playable while the console runs.
Every other hold lapses as it would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from console.domain.views.sweep import SweepReport
from console.ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from console.services.api import EmbeddedDemo
    from console.services.context import ServiceContext

SWEEP_MS = 60_000


class Sweeper(QObject):
    def __init__(self, tasks: TaskRunner, demo: EmbeddedDemo, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks, self._demo = tasks, demo
        self.last: SweepReport | None = None
        self.last_error: BaseException | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(SWEEP_MS)
        self.timer.timeout.connect(self.run)

    def use(self, demo: EmbeddedDemo) -> None:
        """The demo database was made again: sweep the new one."""
        self._demo = demo

    def start(self) -> None:
        self.run()
        self.timer.start()

    def run(self) -> None:
        ctx = self._demo.ctx
        self._tasks.run(lambda: _sweep(ctx), self._done, self._failed, key="sweep")

    def _done(self, report: SweepReport) -> None:
        self.last, self.last_error = report, None

    def _failed(self, error: BaseException) -> None:
        self.last_error = error  # a busy or unreachable database: the next minute retries


def _sweep(ctx: ServiceContext) -> SweepReport:
    from console.services.simulator import keep_demo_cases
    from console.services.sweep import sweep

    keep_demo_cases(ctx)
    return sweep(ctx)
