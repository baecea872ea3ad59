"""The journal for supervisors: who did what to which household, when and why,
filtered by staff member, household number, action and days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.views.audit import AuditFilters, AuditView
from console.domain.views.staff import Actor
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.formatting import audit_action_name, format_datetime
from console.ui.kit.messages import error_text
from console.ui.kit.workspace import Workspace
from console.ui.supervision.audit_words import details_text, reason_text, target_text


class AuditScreen(QWidget):
    """Supervisor screen; ``refresh()`` loads the filter choices and the entries."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditScreen")
        self._workspace = workspace
        self.entries: tuple[AuditView, ...] = ()
        self.setAccessibleName(self.tr("Journal des actions"))

        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Membre du personnel"))
        self.staff.addItem(self.tr("Tous"), None)
        self.household = QLineEdit()
        self.household.setPlaceholderText(self.tr("no de dossier"))
        self.household.setAccessibleName(self.tr("Numéro de dossier"))
        self.household.returnPressed.connect(self.search)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Toutes"), None)
        self.by_day = QCheckBox(self.tr("&Entre les jours"))
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit, name in ((self.since, self.tr("Du")), (self.until, self.tr("Au"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setAccessibleName(name)
        days = QHBoxLayout()
        days.addWidget(self.by_day)
        days.addWidget(self.since)
        days.addWidget(self.until)
        days.addStretch(1)
        self.search_button = QPushButton(self.tr("&Rechercher"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)

        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Membre du &personnel :"), self.staff)
        left.addRow(self.tr("&Dossier :"), self.household)
        right.addRow(self.tr("&Action :"), self.action)
        right.addRow(self.tr("Jours :"), days)
        form = QHBoxLayout()
        form.addLayout(left, 1)
        form.addSpacing(16)
        form.addLayout(right, 1)
        form.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Entrées du journal"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Quand"),
                self.tr("Qui"),
                self.tr("Action"),
                self.tr("Dossier"),
                self.tr("Visé"),
                self.tr("Raison"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.outcome = QLabel()
        self.outcome.setAccessibleName(self.tr("Résultat de la recherche"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: (api.list_staff(), api.audit_actions()),
            self._fill_choices,
            self._show_error,
            key=f"audit-choices-{id(self)}",
        )
        self.search()

    def _fill_choices(self, choices: tuple[list[Actor], tuple[str, ...]]) -> None:
        staff, actions = choices
        for combo, items in (
            (self.staff, [(s.display_name, s.staff_id) for s in staff]),
            (self.action, [(audit_action_name(a), a) for a in actions]),
        ):
            current = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))

    def filters(self) -> AuditFilters:
        """The filters as typed; raises ValueError for a household number that is not one."""
        number_text = self.household.text().strip()
        if number_text and not number_text.isdigit():
            raise ValueError(self.tr("Le numéro de dossier ne contient que des chiffres."))
        since = until = None
        if self.by_day.isChecked():
            since, until = _day(self.since.date()), _day(self.until.date())
        return AuditFilters(
            staff_id=self.staff.currentData(),
            household_number=int(number_text) if number_text else None,
            action=self.action.currentData(),
            since=since,
            until=until,
        )

    def search(self) -> None:
        try:
            filters = self.filters()
        except ValueError as exc:
            self.outcome.setText(str(exc))
            return
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: api.list_audit(filters),
            self._show,
            self._show_error,
            key=f"audit-{id(self)}",
        )

    def _show(self, entries: tuple[AuditView, ...]) -> None:
        self.entries = entries
        self.outcome.setText(self.tr("Entrées affichées : {n}").format(n=len(entries)))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                format_datetime(entry.at),
                entry.staff_name or self.tr("site public"),
                audit_action_name(entry.action),
                str(entry.household_number or ""),
                target_text(entry),
                reason_text(entry),
            )
            details = details_text(entry)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(details)
                self.table.setItem(row, column, item)
        for column in range(self.table.columnCount() - 1):  # the last one stretches
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 280))

    def _show_error(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
