"""PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void call and to
``True`` on every ``emit()``; the interpreter aborts after a few thousand calls. We pin a
PySide6 without the bug; this test fails if an upgrade brings it back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_qt_calls_keep_none_and_true_alive(qapp: object) -> None:
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        emitter.setObjectName("x")  # a void method: returns None
        emitter.fired.emit(1)  # returns True
    # Other threads may hold a few transient references; a leak would be ~500.
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
