"""Long work shows its progress and stops when asked."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from console.ui.kit.progress import run_with_progress
from console.ui.kit.tasks import Progress, TaskRunner

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Cancelled(Exception):
    pass


def _long_work(release: threading.Event, steps: int = 100) -> Callable[[Progress], int]:
    def work(progress: Progress) -> int:
        for done in range(1, steps + 1):
            if progress.cancelled:
                raise Cancelled
            progress.report(done, steps)
            if done == 10:
                release.wait(5)
        return steps

    return work


def test_progress_is_shown_and_the_result_arrives(qtbot: QtBot, tasks: TaskRunner) -> None:
    release = threading.Event()
    results: list[int] = []
    dialog = run_with_progress(
        None, tasks, _long_work(release), results.append, title="Seed", label="Travail…"
    )
    qtbot.waitUntil(lambda: dialog.value() == 10)
    assert dialog.maximum() == 100
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        release.set()
    assert results == [100]


def test_cancel_stops_the_work_and_closes_the_dialog(qtbot: QtBot, tasks: TaskRunner) -> None:
    release = threading.Event()
    failures: list[BaseException] = []
    dialog = run_with_progress(
        None,
        tasks,
        _long_work(release),
        lambda _r: pytest.fail("the work should have stopped"),
        failures.append,
        title="Seed",
        label="Travail…",
    )
    qtbot.waitUntil(lambda: dialog.value() == 10)
    dialog.canceled.emit()  # what the Cancel button does
    assert dialog.isVisible()  # until the work has really stopped
    assert "Annulation" in dialog.labelText()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        release.set()
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)
