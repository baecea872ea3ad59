"""« Vous êtes déjà inscrit à cette activité » (F7): what already holds the member on the
activity — a registration with its receipt, an item in another cart with its state and
deadline, a waitlist entry — and releasing a stale hold, with a reason.

The first hold the agent may free is selected as soon as the diagnosis shows, and the
reasons usual for it are offered first in the reason box (the agent still picks or types
one: nothing is released without a reason, and the question names member and activity).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.views.holds import ExistingHold, HoldDiagnosis, HoldKind
from console.ui.kit import confirm
from console.ui.kit.formatting import (
    cart_state_name,
    format_deadline,
    registration_state_name,
    waitlist_state_name,
)
from console.ui.kit.table_model import fit_columns
from console.ui.kit.tasks import TaskRunner
from console.ui.places.places_wording import error_text


class AlreadyRegisteredPanel(QWidget):
    """``diagnose(member_id, activity_id)`` fills it."""

    # The diagnosis read again after a hold was released: what still holds the member.
    released = Signal(object)

    def __init__(self, tasks: TaskRunner, api: ConsoleApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._api = tasks, api
        self.diagnosis: HoldDiagnosis | None = None
        self.household_number: int | None = None  # named in the question, when known
        self._query: tuple[int, int] | None = None
        self._focus_reason = False
        self._after_release = False
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
        # The usual reasons for the selected hold (Down picks the first), or any text.
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setAccessibleName(self.tr("Raison"))
        edit = self.reason.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Raison (obligatoire, consignée au journal)"))
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

    def focus_reason_when_shown(self) -> None:
        """Once the next diagnosis shows a hold to free, the reason box takes the focus:
        the dialog opened on it, the reason is the agent's next key."""
        self._focus_reason = True

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _fail(self, error: BaseException) -> None:
        self._after_release = False
        self.outcome.setText(error_text(error))

    def _describe(self, hold: ExistingHold) -> list[str]:
        if hold.kind is HoldKind.REGISTRATION:
            return [
                self.tr("Inscription"),
                self.tr("reçu {r}, panier {c}").format(
                    r=hold.receipt_number or "—", c=hold.cart_number or "—"
                ),
                registration_state_name(hold.state),
                "",
            ]
        if hold.kind is HoldKind.CART_ITEM:
            stale = "" if hold.live else self.tr(" (délai écoulé)")
            return [
                self.tr("Panier"),
                str(hold.cart_number),
                f"{cart_state_name(hold.cart_state.value) if hold.cart_state else ''}{stale}",
                format_deadline(hold.deadline, self._api.now()) if hold.deadline else "",
            ]
        return [
            self.tr("Liste d'attente"),
            self.tr("position {p}").format(p=hold.waitlist_position),
            waitlist_state_name(hold.state),
            format_deadline(hold.deadline, self._api.now()) if hold.deadline else "",
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
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(diagnosis.holds))
        for row, hold in enumerate(diagnosis.holds):
            for col, text in enumerate(self._describe(hold)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        first = next((i for i, h in enumerate(diagnosis.holds) if h.releasable), None)
        if first is not None:
            self.table.selectRow(first)
            self.table.setCurrentCell(first, 0)
        self._selection_changed()
        if self._focus_reason and first is not None:
            self._focus_reason = False
            self.reason.setFocus()
        if self._after_release:
            self._after_release = False
            self.released.emit(diagnosis)

    def selected(self) -> ExistingHold | None:
        row = self.table.currentRow()
        if self.diagnosis is None or not 0 <= row < len(self.diagnosis.holds):
            return None
        return self.diagnosis.holds[row]

    def _selection_changed(self) -> None:
        hold = self.selected()
        self.release_button.setEnabled(hold is not None and hold.releasable)
        typed = self.reason.currentText()
        self.reason.clear()
        if hold is not None and hold.releasable and self.diagnosis is not None:
            self.reason.addItems(self.usual_reasons(hold, self.diagnosis))
        self.reason.setCurrentIndex(-1)
        self.reason.setEditText(typed)

    def usual_reasons(self, hold: ExistingHold, diagnosis: HoldDiagnosis) -> list[str]:
        """The reasons an agent gives for freeing ``hold``, the likeliest first: what else
        holds the member on the activity says why this one is stale."""
        others = {h.kind for h in diagnosis.holds if h is not hold and h.live}
        reasons = []
        if hold.kind is HoldKind.CART_ITEM:
            if HoldKind.REGISTRATION in others:
                reasons.append(self.tr("Inscription déjà faite : réservation restée au panier"))
            if HoldKind.CART_ITEM in others:
                reasons.append(self.tr("Réservation en double dans un autre panier"))
            if HoldKind.WAITLIST in others:
                reasons.append(self.tr("Déjà en liste d'attente : réservation restée au panier"))
        elif hold.kind is HoldKind.WAITLIST:
            if HoldKind.REGISTRATION in others:
                reasons.append(self.tr("Inscription déjà faite : retrait de la liste d'attente"))
            if HoldKind.CART_ITEM in others:
                reasons.append(self.tr("Place déjà au panier : retrait de la liste d'attente"))
        reasons.append(self.tr("À la demande de la personne qui appelle"))
        return reasons

    def release(self) -> None:
        hold = self.selected()
        if hold is None or self._query is None:
            return
        api, reason = self._api, self.reason_text()
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
            confirm.who_line(diagnosis.member_name, None, self.household_number),
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
        self.reason.setEditText("")
        self._after_release = True
        self.diagnose(member_id, activity_id)
