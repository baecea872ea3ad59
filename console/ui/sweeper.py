"""Runs the sweep every minute while the console is open, off the GUI thread, so holds
and offers lapse on time even when no ``console sweep`` job is scheduled."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from console.domain.views.sweep import SweepReport
from console.services.context import ServiceContext
from console.services.sweep import sweep
from console.ui.tasks import TaskRunner

SWEEP_MS = 60_000


class Sweeper(QObject):
    def __init__(self, tasks: TaskRunner, ctx: ServiceContext, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks, self._ctx = tasks, ctx
        self.last: SweepReport | None = None
        self.last_error: BaseException | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(SWEEP_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.run()
        self.timer.start()

    def run(self) -> None:
        ctx = self._ctx
        self._tasks.run(lambda: sweep(ctx), self._done, self._failed, key="sweep")

    def _done(self, report: SweepReport) -> None:
        self.last, self.last_error = report, None

    def _failed(self, error: BaseException) -> None:
        self.last_error = error  # a busy or unreachable database: the next minute retries
