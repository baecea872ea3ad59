"""Emitting a signal never costs ``True`` a reference (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from console.ui.signals import emit

UI = Path(__file__).resolve().parents[2] / "console" / "ui"


class _Sender(QObject):
    changed = Signal(bool)
    counted = Signal(int)


def test_emit_leaves_the_reference_count_of_true_alone() -> None:
    sender = _Sender()
    received: list[object] = []
    sender.changed.connect(received.append)
    sender.counted.connect(received.append)
    emit(sender.changed, True)  # first use caches what it needs
    emit(sender.counted, 1)
    received.clear()
    before = sys.getrefcount(True)
    for _ in range(200):
        emit(sender.changed, True)
        emit(sender.counted, 1)
    received.clear()
    # A plain emit would have taken 400; allow for the test machinery's own references.
    assert abs(sys.getrefcount(True) - before) <= 2


def test_screens_emit_through_the_helper() -> None:
    direct = re.compile(r"\.emit\(")
    offenders = [
        f"{path.name}:{number}"
        for path in UI.rglob("*.py")
        if path.name != "signals.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == [], "use console.ui.signals.emit(signal, …) instead of signal.emit(…)"
