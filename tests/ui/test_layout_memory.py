"""The window comes back as the agent left it: size, splitters, toolbars."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from console.ui.kit.layout_memory import GEOMETRY_KEY, SPLITTER_KEY, STATE_KEY
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow


def _window(qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings) -> MainWindow:
    window = MainWindow(Workspace(tasks), qsettings)
    # The offscreen screen of the test run is too small to restore a real geometry.
    window.resize(1200, 700)
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _splitter(window: MainWindow, name: str) -> QSplitter:
    splitter = window.findChild(QSplitter, name)
    assert isinstance(splitter, QSplitter)
    return splitter


def test_splitters_and_toolbars_survive_a_restart(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    first = _window(qtbot, tasks, qsettings)
    _splitter(first, "mainSplitter").setSizes([300, 880])
    _splitter(first, "householdSplitter").setSizes([100, 400])
    wanted = _splitter(first, "mainSplitter").sizes()
    first.close()
    for key in (GEOMETRY_KEY, STATE_KEY, SPLITTER_KEY.format(name="mainSplitter")):
        assert qsettings.contains(key)

    second = _window(qtbot, tasks, qsettings)
    qtbot.waitUntil(lambda: _splitter(second, "mainSplitter").sizes() == wanted)


def test_a_first_start_has_the_default_size(qtbot: QtBot, qsettings: QSettings) -> None:
    window = MainWindow(Workspace(TaskRunner()), qsettings)
    qtbot.add_widget(window)
    assert window.width() == 1366
