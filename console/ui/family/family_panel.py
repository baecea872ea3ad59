"""The two changes support makes to a family file (F4, F12), on the member selected in
the household's members table: a relationship, with a reason, and a removal, which only
the household's borough office may do. The members themselves are listed once, in that
table; this strip adds what the change needs: the version seen and what blocks a removal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import StaleData
from console.domain.views.family import FamilyChange, FamilyFile, FamilyMember
from console.domain.views.households import HouseholdView, MemberView
from console.domain.vocabulary import Relationship, Role
from console.ui.family.confirm_dialogs import Confirmation, ask
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.formatting import relationship_name
from console.ui.kit.messages import error_text, reason_text
from console.ui.kit.table_model import RowsModel
from console.ui.kit.workspace import Workspace


class FamilyPanel(QWidget):
    """Acts on the member selected in ``members``; follows ``workspace.household_changed``."""

    def __init__(
        self,
        workspace: Workspace,
        members: QTableView,
        model: RowsModel[MemberView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("familyPanel")
        self._workspace = workspace
        self._members = members
        self._model = model
        self.household_id: int | None = None
        self.file: FamilyFile | None = None
        self._verified = False
        self._kept_member: int | None = None  # re-selected when the household reloads
        self.confirmation: Confirmation | None = None  # the question open, if any
        self.setAccessibleName(self.tr("Modifier un membre"))

        self.relationship = QComboBox()
        self.relationship.setAccessibleName(self.tr("Nouveau lien de parenté"))
        for value in Relationship:
            if value is not Relationship.RESPONSIBLE:  # the responsible is fixed
                self.relationship.addItem(relationship_name(value), value)
        self.relationship.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relationship.setMinimumContentsLength(22)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(120)
        self.reason.setPlaceholderText(self.tr("Raison (obligatoire)"))
        self.reason.setAccessibleName(self.tr("Raison du changement"))
        # Enter in the reason never changes anything: only the buttons act.
        self.change_button = self._button(self.tr("Modifier le &lien"), self.change_relationship)
        self.remove_button = self._button(self.tr("Retirer le mem&bre"), self.remove)
        self.sensitive_buttons = (self.change_button, self.remove_button)
        relationship_label = QLabel(self.tr("L&ien :"))
        relationship_label.setBuddy(self.relationship)
        reason_label = QLabel(self.tr("Rais&on :"))
        reason_label.setBuddy(self.reason)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(relationship_label)
        row.addWidget(self.relationship)
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.change_button)
        row.addWidget(self.remove_button)

        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setAccessibleName(self.tr("Ce qui bloque le retrait"))
        self.blockers.hide()
        self.hint = QLabel()
        self.hint.setObjectName("verificationHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("state", "warning")
        self.hint.setAccessibleName(self.tr("Vérification requise"))
        self.outcome = QLabel()
        self.outcome.setObjectName("actionOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat de l'action"))
        self.outcome.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.blockers)
        layout.addWidget(self.outcome)

        members.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._restore_selection)
        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(lambda _actor: self.reload())
        self.show_verified(False)
        self._selection_changed()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        button.setEnabled(False)
        return button

    def show_verified(self, verified: bool) -> None:
        self._verified = verified
        needed = self.tr(
            "Vérifiez d'abord l'identité de la personne qui appelle (Ctrl+Maj+V) avant de "
            "modifier un membre."
        )
        self.hint.setText(needed)
        self.hint.setVisible(not verified)
        self.change_button.setToolTip("" if verified else needed)
        self._explain_removal()

    def _explain_removal(self) -> None:
        actor = self._workspace.actor
        if actor is None or actor.role is not Role.CLERK:
            tip = self.tr(
                "Seul le personnel du bureau d'arrondissement du dossier retire un membre (F4)."
            )
        elif self.file is not None and not self.file.actor_may_remove:
            tip = self.tr("Ce dossier relève de l'arrondissement {borough} (F4).").format(
                borough=self.file.borough
            )
        elif not self._verified:
            tip = self.change_button.toolTip()
        else:
            tip = ""
        self.remove_button.setToolTip(tip)

    # Loading

    def _household_changed(self, view: HouseholdView | None) -> None:
        if view is None or view.household_id != self.household_id:
            self._say(self.outcome, "")
            self.reason.clear()
        if view is None:
            self.household_id = None
            self.file = None
            self._selection_changed()
            return
        self.load(view.household_id)

    def reload(self) -> None:
        if self.household_id is not None:
            self.load(self.household_id)

    def load(self, household_id: int) -> None:
        self.household_id = household_id
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: api.family_file(household_id),
            self._show,
            self._show_error,
            key=f"family-{id(self)}",
        )

    def _show(self, file: FamilyFile) -> None:
        self.file = file
        self._explain_removal()
        self._selection_changed()

    def selected_member(self) -> FamilyMember | None:
        selected = self._model.selected(self._members)
        if self.file is None or selected is None:
            return None
        return next((m for m in self.file.members if m.member_id == selected.member_id), None)

    def select_member(self, member_id: int) -> None:
        for row in range(self._model.rowCount()):
            if self._model.row(row).member_id == member_id:
                self._members.selectRow(row)

    def _keep_selection(self) -> None:
        selected = self._model.selected(self._members)
        self._kept_member = selected.member_id if selected is not None else None

    def _restore_selection(self) -> None:
        if self._kept_member is not None:
            self.select_member(self._kept_member)
        self._selection_changed()

    def _selection_changed(self) -> None:
        member = self.selected_member()
        active = member is not None and member.removed_at is None
        changeable = active and member is not None and not member.is_responsible
        self.change_button.setEnabled(changeable)
        self.remove_button.setEnabled(changeable)
        self.relationship.setEnabled(changeable)
        self.reason.setEnabled(changeable)
        if member is not None and changeable:
            index = self.relationship.findData(member.relationship)
            if index >= 0:
                self.relationship.setCurrentIndex(index)
        if member is not None and member.removal_blockers:
            self._say(
                self.blockers,
                self.tr("Retrait impossible pour l'instant :")
                + " "
                + " ".join(reason_text(r) for r in member.removal_blockers),
            )
        else:
            self._say(self.blockers, "")

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _show_error(self, error: BaseException) -> None:
        self._say(self.outcome, error_text(error))
        if isinstance(error, StaleData):
            self._workspace.reload_household()

    # Actions

    def change_relationship(self) -> None:
        member, file = self.selected_member(), self.file
        if member is None or file is None or not self._workspace.ready:
            return
        if not self.change_button.isEnabled():
            return
        relationship = Relationship(self.relationship.currentData())
        reason = self.reason.text()
        if not reason.strip():
            self._ask_reason()
            return
        if not member.may_pay:
            self._change_relationship(member, file, relationship, reason)
            return
        # A payer (F12): the new relationship may take them off the payer list.
        self._confirm(
            self.tr("Changer le lien d'une personne qui paie"),
            self.tr(
                "Changer le lien de {who} pour « {relationship} » dans le dossier {number} ?"
            ).format(
                who=self._who(member),
                relationship=relationship_name(relationship),
                number=file.number,
            )
            + "\n\n"
            + self.tr(
                "Ce membre paie pour la famille : avec ce lien, cette personne pourrait ne plus "
                "pouvoir payer les paniers de la famille."
            ),
            self.tr("&Changer le lien de {name}").format(name=member.name),
            member,
            file,
            lambda current, seen: self._change_relationship(current, seen, relationship, reason),
        )

    def _change_relationship(
        self, member: FamilyMember, file: FamilyFile, relationship: Relationship, reason: str
    ) -> None:
        api = self._workspace.api
        self._run(
            lambda: api.change_relationship(
                file.household_id, member.member_id, relationship, reason, file.version
            ),
            self.tr("Lien de {name} changé pour « {relationship} ».").format(
                name=member.name, relationship=relationship_name(relationship)
            ),
        )

    def remove(self) -> None:
        member, file, actor = self.selected_member(), self.file, self._workspace.actor
        if member is None or file is None or actor is None:
            return
        if actor.role is not Role.CLERK:
            # Said at once; remove_member refuses it anyway.
            self._say(self.outcome, self.remove_button.toolTip())
            return
        reason = self.reason.text()
        if not reason.strip():
            self._ask_reason()
            return
        payer = (
            "\n\n"
            + self.tr(
                "Ce membre paie pour la famille : cette personne ne pourra plus "
                "payer pour la famille."
            )
            if member.may_pay
            else ""
        )
        self._confirm(
            self.tr("Retirer un membre"),
            self.tr("Retirer {who} du dossier {number} ?").format(
                who=self._who(member), number=file.number
            )
            + "\n\n"
            + self.tr(
                "Le retrait ne peut pas être annulé depuis la console. L'historique du "
                "membre est conservé."
            )
            + payer,
            self.tr("&Retirer {name}").format(name=member.name),
            member,
            file,
            lambda current, seen: self._remove(current, seen, reason),
        )

    def _remove(self, member: FamilyMember, file: FamilyFile, reason: str) -> None:
        api = self._workspace.api
        self._run(
            lambda: api.remove_member(file.household_id, member.member_id, reason, file.version),
            self.tr("{name} a été retiré du dossier. Son historique est conservé.").format(
                name=member.name
            ),
        )

    def _ask_reason(self) -> None:
        """Before any question: a change without its reason is refused anyway."""
        self._say(self.outcome, self.tr("Indiquez d'abord la raison du changement."))
        self.reason.setFocus()

    def _who(self, member: FamilyMember) -> str:
        """ "Jean Côté (Conjoint et parent)": who, and in which relationship."""
        return self.tr("{name} ({relationship})").format(
            name=member.name, relationship=relationship_name(member.relationship)
        )

    def _confirm(
        self,
        title: str,
        question: str,
        confirm: str,
        member: FamilyMember,
        file: FamilyFile,
        act: Callable[[FamilyMember, FamilyFile], None],
    ) -> None:
        """Ask, then act on ``member`` only if it is still the one selected and shown, in
        the same version of the file: never on a member the question did not name."""
        asked_member, asked_version = member.member_id, file.version

        def confirmed() -> None:
            self.confirmation = None
            current, shown = self.selected_member(), self.file
            if (
                current is None
                or shown is None
                or current.member_id != asked_member
                or shown.version != asked_version
                or not self.change_button.isEnabled()
            ):
                self._say(
                    self.outcome,
                    self.tr(
                        "Rien n'a été changé : le membre sélectionné ou le dossier a changé "
                        "pendant la question. Vérifiez le membre et recommencez."
                    ),
                )
                return
            act(current, shown)

        # Its confirm button answers Alt+letter only: a key typed on, by habit, cancels.
        self.confirmation = ask(self, title, question, confirm, self.tr("Annuler"), confirmed)
        self.confirmation.finished.connect(lambda _r: self._forget_confirmation())

    def _forget_confirmation(self) -> None:
        self.confirmation = None

    def _run(self, work: Callable[[], FamilyChange], success: str) -> None:
        def done(change: FamilyChange) -> None:
            self._say(self.outcome, success)
            self.reason.clear()
            self._workspace.reload_household()

        self._say(self.outcome, "")
        self._workspace.tasks.run(work, done, self._show_error)
