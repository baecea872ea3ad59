"""Emit Qt signals from Python through :func:`emit`, never ``signal.emit(...)`` directly.

PySide6 6.12.0 on Python 3.11 returns ``True`` from ``SignalInstance.emit`` without
taking a reference to it, so every emit steals one reference from ``True``. After a few
thousand emits ``True`` is deallocated and the interpreter aborts ("bool_dealloc:
deallocating True or False"). Python 3.12+ makes ``True`` immortal, which hides the bug.

At import we measure whether this PySide6 build has the bug; if it does, :func:`emit`
gives the stolen reference back after each emit. On a fixed build it is a plain emit.
``tests/ui/test_signals.py`` keeps every other module on this path.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    rounds = 8
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    stolen = before - sys.getrefcount(True)
    for _ in range(max(stolen, 0)):
        _incref(True)  # give back what the probe itself took
    return stolen == rounds


EMIT_STEALS_TRUE = _emit_steals_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if EMIT_STEALS_TRUE and result is True:
        _incref(True)
