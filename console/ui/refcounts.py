"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.

The PySide6 6.12.0 wheels (abi3) return ``None`` from every void method and ``True``
from ``SignalInstance.emit`` without taking a reference, as if they were immortal —
which they are only from Python 3.12 on (PEP 683). On 3.11 each such call steals one
reference; after some tens of thousands of calls the interpreter aborts with
"none_dealloc: deallocating None" (or "bool_dealloc").

:func:`make_singletons_immortal` gives the three singletons a reference count no program
can exhaust: what Python 3.12 does by design. It is a no-op on 3.12+.
``tests/ui/test_refcounts.py`` proves the bug and the cure.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in CPython 3.11.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < RESERVE:
            refcount.value += RESERVE
