"""Find the caller: one box, results as the agent types, each hit saying why it matched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.views.search import SearchHit, SearchResult
from console.ui.kit.formatting import matched_on_name
from console.ui.kit.resources import icon
from console.ui.kit.table_model import RED, Column, RowsModel, TwoLineDelegate
from console.ui.kit.workspace import Workspace

DEBOUNCE_MS = 150
NAME_WIDTH = 170  # the responsible's name and email, before any other column


class SearchPanel(QWidget):
    """Emits ``household_requested`` when the agent opens a hit (Enter, double-click) or
    types an identifier that points to exactly one household."""

    household_requested = Signal(int)
    results_shown = Signal(object)  # SearchResult

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._open_on_result = False
        self._searching = False
        self._last_query = ""
        self.setObjectName("searchPanel")

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(
            self.tr("Nom, courriel, téléphone, n° de dossier, de panier, de reçu ou de transaction")
        )
        self.box.setClearButtonEnabled(True)
        self.box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.box.setAccessibleName(self.tr("Recherche de la personne qui appelle"))
        self.box.setAccessibleDescription(
            self.tr("Les résultats s'affichent pendant la frappe. Entrée ouvre le dossier.")
        )
        self.box.installEventFilter(self)

        self.status = QLabel(self.tr("Tapez au moins deux lettres ou un numéro."))
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)  # whole beside the call panel, where the list is narrow
        self.status.setAccessibleName(self.tr("État de la recherche"))

        self.model: RowsModel[SearchHit] = RowsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Dossiers trouvés"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(42)
        self.table.setItemDelegateForColumn(0, TwoLineDelegate(self.table))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self._widths = {1: 74, 2: 128, 3: 145}
        for column, width in self._widths.items():
            self._widths[column] = max(width, header.sectionSizeHint(column))  # its title
            self.table.setColumnWidth(column, self._widths[column])
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.box.textChanged.connect(self._text_changed)

    def _columns(self) -> list[Column[SearchHit]]:
        locked = self.tr("Compte verrouillé")
        return [
            Column(
                self.tr("Responsable"),
                lambda h: h.responsible_name or self.tr("(aucune personne responsable)"),
                icon=lambda h: icon("lock") if h.account_locked else None,
                foreground=lambda h: RED if h.account_locked else None,
                tooltip=lambda h: f"{h.email} — {locked}" if h.account_locked else h.email,
                detail=lambda h: h.email,
            ),
            Column(self.tr("Dossier"), lambda h: str(h.household_number)),
            Column(self.tr("Arrondissement"), lambda h: h.borough, tooltip=lambda h: h.borough),
            Column(
                self.tr("Trouvé par"),
                lambda h: self.tr("{reason} : {text}").format(
                    reason=matched_on_name(h.matched_on), text=h.matched_text
                ),
                tooltip=lambda h: h.matched_text,
            ),
        ]

    # --- the agent's keys -------------------------------------------------------------

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            # Layout only: the columns that fit beside a readable name; the rest hide.
            room = self.table.width() - 2 * self.table.frameWidth() - NAME_WIDTH
            for column, width in self._widths.items():
                room -= width
                self.table.setColumnHidden(column, room < 0)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.box:
                if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                    self._select_row(max(self._selected_row(), 0))
                    self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._enter_in_box()
                    return True
                if key == Qt.Key.Key_Escape and self.box.text():
                    self.box.clear()
                    return True
            elif watched is self.table and key == Qt.Key.Key_Up and self._selected_row() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _enter_in_box(self) -> None:
        if self._debounce.isActive() or self._searching:
            self._open_on_result = True  # open as soon as the answer to this text arrives
            if self._debounce.isActive():
                self._debounce.stop()
                self._search_now()
            return
        self._open_selected_or_first()

    def _open_selected_or_first(self) -> None:
        if not self.model.rowCount():
            return
        row = max(self._selected_row(), 0)
        self.household_requested.emit(self.model.row(row).household_id)

    def _open_index(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < self.model.rowCount():
            self.household_requested.emit(self.model.row(row).household_id)

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    # --- searching --------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        self._open_on_result = False
        self._debounce.start()

    def search(self, text: str) -> None:
        """Search now, as if the agent had typed ``text`` (caller ID, tests)."""
        self.box.blockSignals(True)
        self.box.setText(text)
        self.box.blockSignals(False)
        self._debounce.stop()
        self._search_now()

    def _search_now(self) -> None:
        query = self.box.text().strip()
        self._last_query = query
        if not query:
            self._searching = False
            self.model.set_rows([])
            self.status.setText(self.tr("Tapez au moins deux lettres ou un numéro."))
            return
        if not self._workspace.ready:
            self.status.setText(self.tr("Connexion à la base de données…"))
            return
        api = self._workspace.api
        self._searching = True
        self._workspace.tasks.run(
            lambda: api.search_callers(query),
            self._show_result,
            self._search_failed,
            key="search",
        )

    def _search_failed(self, error: BaseException) -> None:
        self._searching = False
        self._open_on_result = False
        self.status.setText(self.tr("La recherche a échoué."))
        self._workspace.report(error)

    def _show_result(self, result: SearchResult) -> None:
        self._searching = False
        self.model.set_rows(result.hits)
        count = len(result.hits)
        if count == 0:
            self.status.setText(
                self.tr("Aucun dossier ne correspond à « {query} ».").format(query=result.query)
            )
        elif result.more:
            # The list stops at its limit: the agent narrows the search instead of
            # reading it as everyone the query matches.
            self.status.setText(
                self.tr(
                    "{count} dossiers affichés, d'autres peuvent correspondre :"
                    " précisez la recherche."
                ).format(count=count)
            )
        elif count == 1:
            self.status.setText(self.tr("1 dossier trouvé"))
        else:
            self.status.setText(self.tr("{count} dossiers trouvés").format(count=count))
        exact = result.exact
        if exact is not None:
            row = next(i for i, h in enumerate(result.hits) if h is exact)
            self._select_row(row)
            self._open_on_result = False
            self.household_requested.emit(exact.household_id)
        elif count:
            self._select_row(0)
            if self._open_on_result:
                self._open_on_result = False
                self._open_selected_or_first()
        self.results_shown.emit(result)
