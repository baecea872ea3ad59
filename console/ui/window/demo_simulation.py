"""Fichier → Simuler le site public (embedded demo only): web users play the public site
against the demo database, so holds appear, count down and lapse on screen (F6, F8).

The simulation runs for as long as it is switched on, on threads of its own — not on the
task runner, whose single worker serves the agent's screens. Switching it off (or
quitting) stops every simulated user at its next step.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow

from console.ui.kit.workspace import Workspace
from console.ui.window.demo_data import file_menu

translate = QCoreApplication.translate

DEMO_USERS = 12
DEMO_MINUTES = 240.0


class DemoCaseRow(NamedTuple):
    """One demo case as the window shows it."""

    faq: str
    identifier: str
    kind: str  # email | phone | number
    caller: str
    says_fr: str
    says_en: str
    shows_fr: str
    shows_en: str


class DemoSimulation(QObject):
    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        super().__init__(window)  # lives as long as the window
        self._workspace = workspace
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self.action = window.addAction(translate("demo_simulation", "&Simuler le site public"))
        self.action.setObjectName("demoSimulationAction")
        self.action.setShortcut("Ctrl+Shift+S")
        self.action.setCheckable(True)
        self.action.setToolTip(
            translate(
                "demo_simulation",
                "Des familles fictives réservent, paient ou abandonnent leur panier, "
                "comme sur le site public.",
            )
        )
        self.action.toggled.connect(self._toggled)
        menu = file_menu(window)
        if menu is not None and menu.actions():
            menu.insertAction(menu.actions()[-1], self.action)
        self._show()
        workspace.context_ready.connect(self._show)
        window.destroyed.connect(lambda *_: self.stop())

    def _show(self) -> None:
        self.action.setVisible(self._workspace.ready and self._workspace.demo is not None)

    def _toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        demo = self._workspace.demo
        if self.running or demo is None:
            return
        from console.services.simulator import simulate

        ctx = demo.ctx
        self._stop = threading.Event()
        stop = self._stop
        self._thread = threading.Thread(
            target=lambda: simulate(
                ctx, DEMO_USERS, DEMO_MINUTES, workers=1, stop=stop, keep_cases=True
            ),
            name="demo-simulation",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self._thread = None


def install_demo_simulation(window: QMainWindow, workspace: Workspace) -> DemoSimulation:
    return DemoSimulation(window, workspace)


def demo_cases() -> tuple[DemoCaseRow, ...]:
    """The demo's cases (the one list, beside the seed), for the Aide menu's list."""
    from console.services.simulator import demo_cases as cases

    fields = DemoCaseRow._fields
    return tuple(DemoCaseRow(*(getattr(c, f) for f in fields)) for c in cases())
