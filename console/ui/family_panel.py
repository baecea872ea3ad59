"""The family file (F4, F12): members, the responsible, who may pay, and the two
changes support makes — a relationship with a reason, and a removal (borough office)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import StaleData
from console.domain.vocabulary import Relationship
from console.services.context import ServiceContext
from console.services.family import (
    FamilyChange,
    FamilyFile,
    FamilyMember,
    change_relationship,
    family_file,
    remove_member,
)
from console.services.staff import Actor
from console.ui.support_wording import error_text, reason_text, when
from console.ui.tasks import TaskRunner


def relationship_text(relationship: Relationship) -> str:
    translate = QCoreApplication.translate
    return {
        Relationship.RESPONSIBLE: translate("family", "Responsable du dossier"),
        Relationship.SPOUSE_AND_PARENT: translate("family", "Conjoint et parent des enfants"),
        Relationship.SPOUSE: translate("family", "Conjoint"),
        Relationship.PARENT_OF_RESPONSIBLE: translate(
            "family", "Père ou mère du responsable de dossier"
        ),
        Relationship.OTHER: translate("family", "Autre"),
        Relationship.CHILD: translate("family", "Enfant"),
    }[relationship]


class FamilyPanel(QWidget):
    """The members of one household; ``load(household_id)`` fills it."""

    changed = Signal()

    def __init__(
        self,
        tasks: TaskRunner,
        ctx: ServiceContext,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._ctx, self._actor = tasks, ctx, actor
        self.household_id: int | None = None
        self.file: FamilyFile | None = None
        self.setAccessibleName(self.tr("Membres du dossier"))

        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Membres du dossier"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Membre"),
                self.tr("Lien de parenté"),
                self.tr("Naissance"),
                self.tr("Peut payer (F12)"),
                self.tr("État"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.relationship = QComboBox()
        self.relationship.setAccessibleName(self.tr("Nouveau lien de parenté"))
        for value in Relationship:
            if value is not Relationship.RESPONSIBLE:  # the responsible is fixed
                self.relationship.addItem(relationship_text(value), value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Raison (obligatoire)"))
        self.reason.setAccessibleName(self.tr("Raison du changement"))
        self.change_button = self._button(self.tr("&Modifier le lien"), self.change_relationship)
        self.remove_button = self._button(self.tr("Re&tirer le membre"), self.remove)
        form = QFormLayout()
        form.addRow(self.tr("&Lien :"), self.relationship)
        form.addRow(self.tr("Rai&son :"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setAccessibleName(self.tr("Ce qui bloque le retrait"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat de l'action"))
        note = QLabel(
            self.tr(
                "Seul le bureau d'arrondissement du dossier retire un membre (F4). "
                "Le responsable du dossier ne change pas."
            )
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.blockers)
        layout.addWidget(self.outcome)
        layout.addWidget(note)

    def set_actor(self, actor: Actor) -> None:
        """Another staff member signed in (the demo's staff picker): act as them."""
        self._actor = actor

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        button.setEnabled(False)
        return button

    def load(self, household_id: int) -> None:
        self.household_id = household_id
        ctx, actor = self._ctx, self._actor
        self._tasks.run(
            lambda: family_file(ctx, actor, household_id),
            self._show,
            self._show_error,
            key=f"family-{id(self)}",
        )

    def _show(self, file: FamilyFile) -> None:
        selected = self.selected_member()
        self.file = file
        self.table.setRowCount(len(file.members))
        for row, member in enumerate(file.members):
            state = (
                self.tr("Retiré le {at}").format(at=when(member.removed_at))
                if member.removed_at
                else self.tr("Actif")
            )
            name = member.name + (" ★" if member.is_responsible else "")
            cells = (
                name,
                relationship_text(member.relationship),
                when(member.birth_date),
                self.tr("oui") if member.may_pay else self.tr("non"),
                state,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if selected is not None:
            self.select_member(selected.member_id)
        self._selection_changed()

    def selected_member(self) -> FamilyMember | None:
        if self.file is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.file.members):
            return None
        return self.file.members[rows[0].row()]

    def select_member(self, member_id: int) -> None:
        if self.file is None:
            return
        for row, member in enumerate(self.file.members):
            if member.member_id == member_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        member = self.selected_member()
        active = member is not None and member.removed_at is None
        fixed = member is not None and member.is_responsible
        self.change_button.setEnabled(active and not fixed)
        self.remove_button.setEnabled(
            active and not fixed and self.file is not None and self.file.actor_may_remove
        )
        if member is not None and member.removal_blockers:
            self.blockers.setText(
                self.tr("Retrait impossible pour l'instant :")
                + " "
                + " ".join(reason_text(r) for r in member.removal_blockers)
            )
        else:
            self.blockers.clear()

    def _show_error(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))
        if isinstance(error, StaleData) and self.household_id is not None:
            self.load(self.household_id)

    def change_relationship(self) -> None:
        member, file = self.selected_member(), self.file
        if member is None or file is None:
            return
        relationship = Relationship(self.relationship.currentData())
        reason, ctx, actor = self.reason.text(), self._ctx, self._actor
        self._run(
            lambda: change_relationship(
                ctx,
                actor,
                file.household_id,
                member.member_id,
                relationship,
                reason=reason,
                seen_version=file.version,
            ),
            self.tr("Lien de {name} changé pour « {relationship} ».").format(
                name=member.name, relationship=relationship_text(relationship)
            ),
        )

    def remove(self) -> None:
        member, file = self.selected_member(), self.file
        if member is None or file is None:
            return
        reason, ctx, actor = self.reason.text(), self._ctx, self._actor
        self._run(
            lambda: remove_member(
                ctx,
                actor,
                file.household_id,
                member.member_id,
                reason=reason,
                seen_version=file.version,
            ),
            self.tr("{name} a été retiré du dossier. Son historique est conservé.").format(
                name=member.name
            ),
        )

    def _run(self, work: Callable[[], FamilyChange], success: str) -> None:
        def done(change: FamilyChange) -> None:
            self.outcome.setText(success)
            self.reason.clear()
            self.changed.emit()
            self.load(change.household_id)

        self._tasks.run(work, done, self._show_error)
