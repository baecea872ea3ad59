"""The one way screens reach the use cases: work runs on a worker thread, answers come back
to the GUI thread through a queued signal.

A screen says what it wants and what to do with the answer, nothing about threads::

    self.tasks.run(lambda: api.search_callers(text), on_success=self.show_results,
                   on_failure=self.show_error, key="search")

A newer task with the same ``key`` supersedes an older one: the older answer is dropped,
so results typed quickly never arrive out of order. Long work receives a
:class:`Progress` it reports through and that tells it when the user cancelled.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


@dataclass
class Progress:
    """Handed to long work: report ``(done, total)`` and poll ``cancelled``."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int], None] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        if self._report is not None:
            self._report(done, total)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    finished = Signal(int, object, object)  # task id, result, error
    progressed = Signal(int, int, int)  # task id, done, total


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the screen, never lost on the worker
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.finished.emit(self._task_id, None, exc)
        else:
            self._relay.finished.emit(self._task_id, result, None)


@dataclass
class _Pending:
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None
    key: str | None
    progress: Progress | None


class TaskRunner(QObject):
    """Runs callables off the GUI thread and calls back on it."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # errors with no on_failure handler
    task_failed = Signal(object)  # every error, handled or not (the connection monitor)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        # One worker by default, as Anki does: workers run Python (SQLAlchemy) and every
        # table cell the GUI thread paints calls Python too, so each extra worker is one
        # more thread the GUI thread must win the interpreter lock from. Measured on the
        # scripted call (tests/ui/test_never_frozen.py): longest stall about 22 ms with one
        # worker, 24-56 ms with two, 50-86 ms with four.
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        # Keep the workers once started: creating a thread costs about a millisecond on the
        # GUI thread, every time a task would otherwise find the pool empty.
        self._pool.setExpiryTimeout(-1)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.progressed.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
    ) -> int:
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure, None, key, None)
        if key is not None:
            self._latest[key] = task_id
        self._start(task_id, fn)
        return task_id

    def run_with_progress(
        self,
        fn: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_progress: Callable[[int, int], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Progress:
        """Long work: returns the :class:`Progress` whose ``cancel()`` stops it."""
        task_id = next(self._ids)
        progress = Progress(
            _report=lambda done, total: self._relay.progressed.emit(task_id, done, total)
        )
        self._pending[task_id] = _Pending(on_success, on_failure, on_progress, None, progress)
        self._start(task_id, lambda: fn(progress))
        return progress

    def _start(self, task_id: int, fn: Callable[[], Any]) -> None:
        was_idle = len(self._pending) == 1
        self._pool.start(_Job(task_id, fn, self._relay))
        if was_idle:
            self.busy_changed.emit(True)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """For shutdown and tests: wait for the workers (never call from a screen)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result: Any, error: BaseException | None) -> None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if error is not None:
            self.task_failed.emit(error)
        if pending is None:
            return
        if pending.key is not None:
            if self._latest.get(pending.key) != task_id:
                return  # superseded by a newer task with the same key
            del self._latest[pending.key]
        if error is not None:
            if pending.on_failure is None:
                self.failed.emit(error)
            elif _alive(pending.on_failure):
                pending.on_failure(error)
            return
        if _alive(pending.on_success):
            pending.on_success(result)

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        pending = self._pending.get(task_id)
        if pending is not None and pending.on_progress is not None and _alive(pending.on_progress):
            pending.on_progress(done, total)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object that has been destroyed: an
    answer that arrives after its screen closed is dropped, not delivered to a dead widget."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
