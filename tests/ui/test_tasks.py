"""The task runner: work off the GUI thread, answers back on it, stale answers dropped."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from console.ui.kit.tasks import Progress, TaskRunner


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot, tasks: TaskRunner) -> None:
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = QThread.currentThread()

    tasks.run(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] is not gui
    assert seen["callback"] is gui


def test_a_superseded_task_answer_is_dropped(qtbot: QtBot, tasks: TaskRunner) -> None:
    release_first = threading.Event()
    answers: list[str] = []

    def slow() -> str:
        release_first.wait(5)
        return "old"

    tasks.run(slow, answers.append, key="search")
    tasks.run(lambda: "new", answers.append, key="search")
    release_first.set()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert answers == ["new"]


def test_a_late_answer_after_a_newer_one_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=2)  # two workers, so the newer task can finish first
    release_first = threading.Event()
    answers: list[str] = []

    def slow() -> str:
        release_first.wait(5)
        return "old"

    runner.run(slow, answers.append, key="search")
    runner.run(lambda: "new", answers.append, key="search")
    qtbot.waitUntil(lambda: answers == ["new"])
    release_first.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert answers == ["new"]
    runner.wait_idle()


def test_tasks_with_different_keys_all_answer(qtbot: QtBot, tasks: TaskRunner) -> None:
    answers: list[str] = []
    tasks.run(lambda: "search", answers.append, key="search")
    tasks.run(lambda: "household", answers.append, key="household")
    qtbot.waitUntil(lambda: sorted(answers) == ["household", "search"])


def test_failures_go_to_on_failure(qtbot: QtBot, tasks: TaskRunner) -> None:
    errors: list[BaseException] = []

    def broken() -> None:
        raise ValueError("nope")

    tasks.run(broken, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    assert "nope" in getattr(errors[0], "__traceback_text__", "")


def test_failures_without_a_handler_are_signalled(qtbot: QtBot, tasks: TaskRunner) -> None:
    def broken() -> None:
        raise KeyError("missing")

    with qtbot.waitSignal(tasks.failed) as failed:
        tasks.run(broken, lambda _value: None)
    assert isinstance(failed.args[0], KeyError)


def test_busy_changes_around_the_work(qtbot: QtBot, tasks: TaskRunner) -> None:
    with qtbot.waitSignals(
        [tasks.busy_changed, tasks.busy_changed],
        order="strict",
        check_params_cbs=[lambda busy: busy is True, lambda busy: busy is False],
    ):
        tasks.run(lambda: None, lambda _value: None)
    assert not tasks.busy


def test_progress_is_reported_and_cancel_stops_the_work(qtbot: QtBot, tasks: TaskRunner) -> None:
    reports: list[tuple[int, int]] = []
    started = threading.Event()
    outcome: list[str] = []

    def long_work(progress: Progress) -> str:
        progress.report(1, 10)
        started.set()
        for _ in range(500):
            if progress.cancelled:
                return "cancelled"
            threading.Event().wait(0.01)  # worker thread: a tick of real work
        return "finished"

    handle = tasks.run_with_progress(
        long_work, outcome.append, lambda done, total: reports.append((done, total))
    )
    qtbot.waitUntil(lambda: reports == [(1, 10)])
    assert started.is_set()
    handle.cancel()
    qtbot.waitUntil(lambda: outcome == ["cancelled"])


def test_an_answer_for_a_closed_screen_is_dropped(qtbot: QtBot, tasks: TaskRunner) -> None:
    class Screen(QLabel):
        def show_answer(self, value: str) -> None:
            self.setText(value)  # would crash on a deleted widget

    screen = Screen()
    release = threading.Event()
    done: list[int] = []
    tasks.run(lambda: release.wait(5) and "late", screen.show_answer)
    tasks.run(lambda: 1, done.append)
    shiboken6.delete(screen)
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert done == [1]  # the runner kept going; the dead screen got nothing
