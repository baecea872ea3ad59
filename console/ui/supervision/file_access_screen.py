"""Who looked at this family's file (Québec Access Act): for supervisors, the staff members
who opened the Dossier loisir on screen, newest first (Ctrl+Shift+O)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.views.households import HouseholdView
from console.domain.views.staff import Actor
from console.domain.views.staff_auth import FileAccessView
from console.domain.vocabulary import Role
from console.ui.kit.formatting import format_datetime, role_name
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.messages import error_text
from console.ui.kit.supervision_menu import supervision_menu
from console.ui.kit.workspace import Workspace


class FileAccessDialog(QDialog):
    def __init__(self, workspace: Workspace, view: HouseholdView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fileAccessDialog")
        self._workspace = workspace
        self.household_id = view.household_id
        self.setWindowTitle(self.tr("Consultations du dossier {number}").format(number=view.number))
        self.status = QLabel(self.tr("Chargement…"))
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("fileAccessTable")
        self.table.setHorizontalHeaderLabels([self.tr("Quand"), self.tr("Qui"), self.tr("Rôle")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Consultations du dossier"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        share_of_window(self, 0.5, 0.6, (560, 420))

    def refresh(self) -> None:
        api, household_id = self._workspace.api, self.household_id
        self._workspace.tasks.run(
            lambda: api.file_accesses(household_id), self._show, self._failed, key="file-access"
        )

    def _show(self, accesses: tuple[FileAccessView, ...]) -> None:
        self.table.setRowCount(len(accesses))
        for row, access in enumerate(accesses):
            cells = (format_datetime(access.at), access.staff_name, role_name(access.role))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not accesses:
            text = self.tr("Personne n'a encore consulté ce dossier.")
        elif len(accesses) == 1:
            text = self.tr("Une consultation.")
        else:
            text = self.tr("{count} consultations, la plus récente en premier.").format(
                count=len(accesses)
            )
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))


class FileAccessScreens:
    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        self._window = window
        self._workspace = workspace
        self.dialog: FileAccessDialog | None = None
        self.action = QAction(
            QCoreApplication.translate("FileAccessScreens", "Qui a c&onsulté ce dossier"), window
        )
        self.action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        supervision_menu(window).addAction(self.action)
        workspace.actor_changed.connect(self._allowed)
        workspace.household_changed.connect(lambda _view: self._allowed(workspace.actor))
        self._allowed(workspace.actor)

    def _allowed(self, actor: Actor | None) -> None:
        supervisor = actor is not None and actor.role is Role.SUPERVISOR
        self.action.setEnabled(supervisor and self._workspace.household is not None)

    def open(self) -> None:
        actor, view = self._workspace.actor, self._workspace.household
        if actor is None or actor.role is not Role.SUPERVISOR or view is None:
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = FileAccessDialog(self._workspace, view, self._window)
        self.dialog.show()
        self.dialog.refresh()


def install_file_access(window: QMainWindow, workspace: Workspace) -> FileAccessScreens:
    return FileAccessScreens(window, workspace)
