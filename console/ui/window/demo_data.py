"""Fichier → Données de démonstration… (embedded demo only): rebuild the demo database
at a chosen size, behind a progress dialog that can be cancelled.

The composition root supplies ``rebuild(scale, progress) -> ServiceContext``; the new
database replaces the old one only once it is complete, so Cancel leaves the demo as it
was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QMessageBox

from console.ui.kit.messages import error_text
from console.ui.kit.progress import run_with_progress
from console.ui.kit.tasks import Progress
from console.ui.kit.workspace import Workspace

if TYPE_CHECKING:
    from console.services.context import ServiceContext

translate = QCoreApplication.translate

Rebuild = Callable[[str, Progress], "ServiceContext"]
Attach = Callable[["ServiceContext"], None]


def file_menu(window: QMainWindow) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") in (
            "Fichier",
            translate("MainWindow", "&Fichier").replace("&", ""),
        ):
            return menu
    return None


class DemoData(QObject):
    """A child of the window, so it lives as long as the window does: a plain object
    nobody kept was collected at once, its slot with it, and the menu entry stayed hidden
    in the embedded demo."""

    def __init__(
        self, window: QMainWindow, workspace: Workspace, rebuild: Rebuild, attach: Attach
    ) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._rebuild = rebuild
        self._attach = attach
        self.action = QAction(translate("demo_data", "&Données de démonstration…"), window)
        self.action.setShortcut("Ctrl+Shift+B")
        self.action.setObjectName("demoDataAction")
        self.action.triggered.connect(self.ask)
        self._separator: QAction | None = None
        menu = file_menu(window)
        if menu is not None and menu.actions():
            first = menu.actions()[0]  # before Quitter, with a line between them
            menu.insertAction(first, self.action)
            self._separator = menu.insertSeparator(first)
        elif menu is not None:
            menu.addAction(self.action)
        self._show()
        workspace.context_ready.connect(self._show)
        self.scales = {
            translate("demo_data", "Petite (60 dossiers)"): "demo",
            translate("demo_data", "Moyenne (400 dossiers)"): "test",
        }

    def _show(self) -> None:
        """Only the embedded demo's data may be made again."""
        for action in (self.action, self._separator):
            if action is not None:
                action.setVisible(self._workspace.demo is not None)

    def ask(self) -> None:
        names = list(self.scales)
        name, chosen = QInputDialog.getItem(
            self._window,
            translate("demo_data", "Données de démonstration"),
            translate(
                "demo_data",
                "Recréer la base de démonstration ? Les données actuelles seront remplacées.\n"
                "Taille :",
            ),
            names,
            0,
            False,
        )
        if chosen:
            self.rebuild(self.scales[name])

    def rebuild(self, scale: str) -> None:
        rebuild = self._rebuild
        run_with_progress(
            self._window,
            self._workspace.tasks,
            lambda progress: rebuild(scale, progress),
            self._rebuilt,
            self._failed,
            title=translate("demo_data", "Données de démonstration"),
            label=translate("demo_data", "Création des données de démonstration…"),
        )

    def _rebuilt(self, ctx: ServiceContext) -> None:
        self._workspace.close_household()
        self._attach(ctx)

    def _failed(self, error: BaseException) -> None:
        if type(error).__name__ == "SeedCancelled":
            return  # the demo stays as it was
        QMessageBox.warning(
            self._window,
            translate("demo_data", "Données de démonstration"),
            translate(
                "demo_data", "La base de démonstration n'a pas pu être recréée : {error}"
            ).format(error=error_text(error)),
        )


def install_demo_data(
    window: QMainWindow, workspace: Workspace, rebuild: Rebuild, attach: Attach
) -> DemoData:
    return DemoData(window, workspace, rebuild, attach)
