"""« Vous êtes déjà inscrit à cette activité » (F7): what already holds the member on the
activity — a registration with its receipt, an item in another cart with its state and
deadline, a waitlist entry — and releasing a stale hold, with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.views.holds import ExistingHold, HoldDiagnosis, HoldKind
from console.ui.kit import confirm
from console.ui.kit.formatting import format_datetime as when
from console.ui.kit.table_model import fit_columns
from console.ui.kit.tasks import TaskRunner
from console.ui.places.places_wording import error_text


class AlreadyRegisteredPanel(QWidget):
    """``diagnose(member_id, activity_id)`` fills it."""

    def __init__(self, tasks: TaskRunner, api: ConsoleApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._api = tasks, api
        self.diagnosis: HoldDiagnosis | None = None
        self._query: tuple[int, int] | None = None
        self.setAccessibleName(self.tr("Inscription déjà faite"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Ce qui retient ce membre"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Quoi"), self.tr("Référence"), self.tr("État"), self.tr("Échéance")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the reason field
        fit_columns(self.table)  # every title whole, every column in sight
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Raison (obligatoire, consignée au journal)"))
        self.release_button = QPushButton(self.tr("&Libérer cette réservation"))
        self.release_button.setEnabled(False)
        self.release_button.clicked.connect(self.release)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        confirm.no_default_button(self)  # Enter in the reason never releases anything

    def diagnose(self, member_id: int, activity_id: int) -> None:
        self._query = (member_id, activity_id)
        api = self._api
        self._tasks.run(
            lambda: api.what_holds(member_id, activity_id),
            self._show,
            self._fail,
            key=f"holds-{id(self)}",
        )

    def _fail(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))

    def _describe(self, hold: ExistingHold) -> list[str]:
        if hold.kind is HoldKind.REGISTRATION:
            return [
                self.tr("Inscription"),
                self.tr("reçu {r}, panier {c}").format(
                    r=hold.receipt_number or "—", c=hold.cart_number or "—"
                ),
                hold.state,
                "",
            ]
        if hold.kind is HoldKind.CART_ITEM:
            stale = "" if hold.live else self.tr(" (délai écoulé)")
            return [
                self.tr("Panier"),
                str(hold.cart_number),
                f"{hold.cart_state.value if hold.cart_state else ''}{stale}",
                when(hold.deadline),
            ]
        return [
            self.tr("Liste d'attente"),
            self.tr("position {p}").format(p=hold.waitlist_position),
            hold.state,
            when(hold.deadline) if hold.deadline else "",
        ]

    def _show(self, diagnosis: HoldDiagnosis) -> None:
        self.diagnosis = diagnosis
        self.heading.setText(
            self.tr("{member} — {code} {title}").format(
                member=diagnosis.member_name,
                code=diagnosis.activity_code,
                title=diagnosis.activity_title,
            )
            if diagnosis.holds
            else self.tr("Rien ne retient {member} à {code} : l'inscription peut se faire.").format(
                member=diagnosis.member_name, code=diagnosis.activity_code
            )
        )
        self.table.setRowCount(len(diagnosis.holds))
        for row, hold in enumerate(diagnosis.holds):
            for col, text in enumerate(self._describe(hold)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._selection_changed()

    def selected(self) -> ExistingHold | None:
        row = self.table.currentRow()
        if self.diagnosis is None or not 0 <= row < len(self.diagnosis.holds):
            return None
        return self.diagnosis.holds[row]

    def _selection_changed(self) -> None:
        hold = self.selected()
        self.release_button.setEnabled(hold is not None and hold.releasable)

    def release(self) -> None:
        hold = self.selected()
        if hold is None or self._query is None:
            return
        api, reason = self._api, self.reason.text()
        member_id, activity_id = self._query
        diagnosis = self.diagnosis
        if diagnosis is not None and not confirm.confirm_change(
            self,
            self.tr("Libérer la réservation"),
            self.tr("Libérer « {what} » en {code} — {title} ? La place redevient libre.").format(
                what=self._describe(hold)[0],
                code=diagnosis.activity_code,
                title=diagnosis.activity_title,
            ),
            diagnosis.member_name,
            detail=self.tr("Raison : {reason}").format(reason=reason),
        ):
            return
        self._tasks.run(
            lambda: api.release_stale_hold(hold.kind, hold.record_id, reason),
            lambda _: self._released(member_id, activity_id),
            self._fail,
        )

    def _released(self, member_id: int, activity_id: int) -> None:
        self.outcome.setText(self.tr("Réservation libérée ; la place est de nouveau disponible."))
        self.reason.clear()
        self.diagnose(member_id, activity_id)
