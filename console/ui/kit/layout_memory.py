"""The window as the agent left it: geometry, toolbars and docks, and every named splitter,
kept in QSettings between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

GEOMETRY_KEY = "ui/geometry"
STATE_KEY = "ui/state"
SPLITTER_KEY = "ui/splitters/{name}"
# Raised when the default docks change (1: the narrower call panel), so a state saved by
# an older console gives way to the new defaults once instead of keeping the old widths.
STATE_VERSION = 1


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def restore_layout(window: QMainWindow, settings: QSettings) -> bool:
    """Restore the geometry now, docks and splitters once the screens have plugged in
    theirs; returns whether a geometry was stored."""
    geometry = _bytes(settings.value(GEOMETRY_KEY))
    if geometry is not None:
        window.restoreGeometry(geometry)
    QTimer.singleShot(0, window, lambda: restore_panes(window, settings))
    return geometry is not None


def restore_panes(window: QMainWindow, settings: QSettings) -> None:
    state = _bytes(settings.value(STATE_KEY))
    if state is not None:
        window.restoreState(state, STATE_VERSION)
    for splitter in window.findChildren(QSplitter):
        name = splitter.objectName()
        stored = _bytes(settings.value(SPLITTER_KEY.format(name=name))) if name else None
        if stored is not None:
            splitter.restoreState(stored)


def save_layout(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            settings.setValue(SPLITTER_KEY.format(name=splitter.objectName()), splitter.saveState())
    settings.sync()


def share_of_window(dialog: QWidget, width: float, height: float, minimum: tuple[int, int]) -> None:
    """A dialog's first size: its share of the window it opens over (of the screen when it
    has no parent), never under ``minimum`` nor over that window. A list on a 1920×1080
    screen gets the room the screen has instead of its laptop size."""
    parent = dialog.parentWidget()
    if parent is not None:
        area = parent.window().size()
    else:
        screen = dialog.screen()
        area = screen.availableGeometry().size() if screen is not None else QSize(*minimum)
    wide = max(minimum[0], int(area.width() * width))
    high = max(minimum[1], int(area.height() * height))
    dialog.resize(
        min(wide, max(area.width(), minimum[0])), min(high, max(area.height(), minimum[1]))
    )
