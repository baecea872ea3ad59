"""Aide → Cas de démonstration… (embedded demo only): who to play for each FAQ call.

Each sample caller of the demo, what they will say, which FAQ question the call exercises
and what to search for (an email, a phone number or a household number). Enter (or
"Rechercher") puts the identifier into the search box and searches it; the agent opens
the file with Enter as for any caller. Opening a case changes nothing in the data.

The list is the seed's (``console.db.seed.cases``); the demo's sweeper keeps the cases'
holds and locks alive while the console runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui.kit.workspace import Workspace
from console.ui.window.demo_simulation import DemoCaseRow, demo_cases

if TYPE_CHECKING:
    from console.ui.window.frame import WindowFrame

translate = QCoreApplication.translate


def help_menu(window: QMainWindow) -> QMenu | None:
    """The window's Aide menu (built by the call flow), by its object name."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "helpMenu":
            return menu
    return None


def _english() -> bool:
    return QLocale().language() == QLocale.Language.English


class DemoCasesDialog(QDialog):
    """The cases, one row each; Enter or "Rechercher" searches the chosen one."""

    def __init__(self, cases: tuple[DemoCaseRow, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoCasesDialog")
        self.setWindowTitle(translate("demo_cases", "Cas de démonstration"))
        self.resize(980, 420)
        self.cases = cases
        self.chosen: DemoCaseRow | None = None
        intro = QLabel(
            translate(
                "demo_cases",
                "Chaque appel fictif de la démonstration, ce que la personne dira et la "
                "question de la FAQ illustrée. Entrée met l'identifiant dans la recherche.",
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(cases), 5)
        self.table.setObjectName("demoCasesTable")
        self.table.setAccessibleName(translate("demo_cases", "Cas de démonstration"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("demo_cases", "FAQ"),
                translate("demo_cases", "Personne qui appelle"),
                translate("demo_cases", "Ce qui sera dit"),
                translate("demo_cases", "Dans le dossier"),
                translate("demo_cases", "À rechercher"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        english = _english()
        for row, case in enumerate(cases):
            cells = (
                case.faq,
                case.caller,
                case.says_en if english else case.says_fr,
                case.shows_en if english else case.shows_fr,
                case.identifier,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        if cases:
            self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.search_button = QPushButton(translate("demo_cases", "&Rechercher"))
        self.search_button.setObjectName("demoCaseSearch")
        self.search_button.setDefault(True)
        buttons.addButton(self.search_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> DemoCaseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.cases[rows[0].row()] if rows else None

    def accept(self) -> None:
        self.chosen = self.selected()
        if self.chosen is not None:
            super().accept()


class DemoCases(QObject):
    """A child of the window: it lives as long as the window, however it was installed."""

    def __init__(self, window: WindowFrame, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self.dialog: DemoCasesDialog | None = None
        self.action = QAction(translate("demo_cases", "&Cas de démonstration…"), window)
        self.action.setObjectName("demoCasesAction")
        self.action.triggered.connect(self.show_cases)
        window.addAction(self.action)
        menu = help_menu(window)
        if menu is not None:
            menu.addAction(self.action)
        self._show()
        workspace.context_ready.connect(self._show)

    def _show(self) -> None:
        """Only the embedded demo has these callers."""
        demo = self._workspace.demo is not None
        self.action.setVisible(demo)
        self.action.setEnabled(demo)

    def show_cases(self) -> None:
        if self._workspace.demo is None:
            return
        self.dialog = DemoCasesDialog(demo_cases(), self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(lambda: self._chosen(self.dialog))
        self.dialog.open()

    def _chosen(self, dialog: DemoCasesDialog | None) -> None:
        case = dialog.chosen if dialog is not None else None
        if case is None:
            return
        panel = self._window.search_panel
        panel.search(case.identifier)
        panel.box.setFocus(Qt.FocusReason.OtherFocusReason)


def install_demo_cases(window: WindowFrame, workspace: Workspace) -> DemoCases:
    return DemoCases(window, workspace)
