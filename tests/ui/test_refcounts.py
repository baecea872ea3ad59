"""Thousands of PySide6 calls never exhaust the reference counts of None and True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.ui.refcounts import RESERVE


class _Sender(QObject):
    counted = Signal(int)


def test_none_and_true_outlive_many_void_calls_and_emits(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.add_widget(label)
    sender = _Sender()
    calls = 50_000  # more than the plain reference count of None or True at start-up
    for number in range(calls):
        label.setText(str(number))  # void: returns None
        sender.counted.emit(number)  # returns True
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > RESERVE - calls - 1_000_000
        assert sys.getrefcount(True) > RESERVE - calls - 1_000_000
