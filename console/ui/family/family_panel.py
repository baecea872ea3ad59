"""The two changes support makes to a family file (F4, F12), on the member selected in
the household's members table: a relationship and a removal, which only the household's
borough office may do. The members themselves are listed once, in that table; this strip
adds what the change needs: the version seen and what blocks a removal.

Each change opens one question that names the member and the file and takes the reason
the journal keeps: the relationship's lists the other relationships, each saying whether
it puts the member in the payer list (F12), and picking one is the change; the removal's
has one button, Cancel the default. Whoever may not remove (an agent, a clerk of another
borough) reads it under the strip as soon as the file opens, the button off: nothing to
fill in before learning it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import StaleData
from console.domain.payers import PAYER_RELATIONSHIPS
from console.domain.views.family import FamilyChange, FamilyFile, FamilyMember
from console.domain.views.households import HouseholdView, MemberView
from console.domain.vocabulary import Relationship, Role
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.confirm import Choice, ReasonConfirmation, ask_with_reason
from console.ui.kit.formatting import relationship_name
from console.ui.kit.messages import error_text, reason_text
from console.ui.kit.one_line import OneLineLabel
from console.ui.kit.table_model import RowsModel
from console.ui.kit.workspace import Workspace


def QT_TRANSLATE_NOOP(context: str, source: str) -> tuple[str, str]:
    """Marks ``source`` for the translation tools (lupdate reads this name)."""
    return context, source


# The reasons support usually gives, offered in the question's list (the journal keeps
# the one picked or typed; any other can be typed).
RELATIONSHIP_REASONS = (
    QT_TRANSLATE_NOOP("FamilyPanel", "Personne inscrite comme enfant par erreur"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Lien inscrit par erreur"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Changement de situation familiale"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Séparation"),
)
REMOVAL_REASONS = (
    QT_TRANSLATE_NOOP("FamilyPanel", "Séparation"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Départ du foyer"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Décès"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Membre en double"),
    QT_TRANSLATE_NOOP("FamilyPanel", "Membre ajouté par erreur"),
)
REASON_LETTER = "o"  # « Rais&on » in the question: the choices take other letters


def _reasons(marked: tuple[tuple[str, str], ...]) -> list[str]:
    return [QCoreApplication.translate(context, source) for context, source in marked]


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
        self.confirmation: ReasonConfirmation | None = None  # the question open, if any
        self.setAccessibleName(self.tr("Modifier un membre"))

        self.change_button = self._button(self.tr("Modifier le &lien…"), self.change_relationship)
        self.remove_button = self._button(self.tr("Retirer le mem&bre…"), self.remove)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.change_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)

        self.hint = QLabel()
        self.hint.setObjectName("verificationHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("state", "warning")
        self.hint.setAccessibleName(self.tr("Vérification requise"))
        # Who removes members, for whoever may not: read as the file opens, in one line
        # (the sections below keep their height), the whole explanation in its tooltip.
        self.removal_rule = OneLineLabel()
        self.removal_rule.setObjectName("removalRule")
        self.removal_rule.setAccessibleName(self.tr("Qui retire un membre"))
        self.removal_rule.hide()
        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setAccessibleName(self.tr("Ce qui bloque le retrait"))
        self.blockers.hide()
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
        layout.addWidget(self.removal_rule)
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

    def may_remove(self) -> bool:
        """Whether the staff member on duty may remove members of the file shown (the
        services say it, F4, and refuse anyway whoever may not)."""
        actor = self._workspace.actor
        return (
            actor is not None
            and actor.role is Role.CLERK
            and self.file is not None
            and self.file.actor_may_remove
        )

    def _explain_removal(self) -> None:
        actor, file = self._workspace.actor, self.file
        line = whole = ""
        if actor is None or actor.role is not Role.CLERK:
            tip = self.tr(
                "Seul le personnel du bureau d'arrondissement du dossier retire un membre (F4)."
            )
            if file is not None:
                line = self.tr(
                    "Seul le bureau d'arrondissement ({borough}) retire un membre (F4) : "
                    "dirigez-y la personne."
                ).format(borough=file.borough)
                whole = self.tr(
                    "Retirer un membre : seul le personnel du bureau d'arrondissement du "
                    "dossier ({borough}) le peut (F4). Notez la demande dans l'appel et "
                    "dirigez la personne vers ce bureau."
                ).format(borough=file.borough)
        elif file is not None and not file.actor_may_remove:
            tip = self.tr("Ce dossier relève de l'arrondissement {borough} (F4).").format(
                borough=file.borough
            )
            line = self.tr(
                "Ce dossier relève d'un autre arrondissement ({borough}) : seul son bureau "
                "retire un membre (F4)."
            ).format(borough=file.borough)
            whole = self.tr(
                "Retirer un membre : ce dossier relève d'un autre arrondissement ({borough}) ; "
                "seul son bureau le peut (F4). Notez la demande dans l'appel et dirigez la "
                "personne vers ce bureau."
            ).format(borough=file.borough)
        elif not self._verified:
            tip = self.change_button.toolTip()
        else:
            tip = ""
        self.remove_button.setToolTip(tip)
        self.removal_rule.say(line, whole)

    # Loading

    def _household_changed(self, view: HouseholdView | None) -> None:
        if view is None or view.household_id != self.household_id:
            self._say(self.outcome, "")
        if view is None:
            self.household_id = None
            self.file = None
            self._explain_removal()
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
        blocked = member is not None and bool(member.removal_blockers)
        self.change_button.setEnabled(changeable)
        # Off, said why beside it, for whoever may not remove and while something
        # holds the member (F4): nothing to fill in for a refusal.
        self.remove_button.setEnabled(changeable and self.may_remove() and not blocked)
        if member is not None and member.removal_blockers:
            self._say(
                self.blockers,
                self.tr("Retrait impossible pour l'instant :")
                + " "
                + _listed(reason_text(r) for r in member.removal_blockers),
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
        """The question for the selected member: the reason, then the new relationship
        (picking it is the change: a relationship can be changed back, and the question
        names the member, the file and what each choice does to the payer list)."""
        member, file = self.selected_member(), self.file
        if member is None or file is None or not self._workspace.ready:
            return
        if not self.change_button.isEnabled():
            return
        if not self._verified:
            self._say(self.outcome, self.change_button.toolTip())  # refused anyway
            return
        options = [
            r for r in Relationship if r not in (Relationship.RESPONSIBLE, member.relationship)
        ]
        # Each choice gets the first letter free in the question (Alt+C: « Conjoint… »).
        choices = [Choice(relationship_name(r), self._payer_effect(member, r)) for r in options]
        now = (
            self.tr("Aujourd'hui : peut payer pour la famille.")
            if member.may_pay
            else self.tr("Aujourd'hui : ne peut pas payer (un enfant ne paie pas, F12).")
        )
        question = (
            self.tr(
                "Nouveau lien avec la personne responsable du dossier {number}, pour {who} :"
            ).format(number=file.number, who=self._who(member))
            + "\n"
            + now
        )
        guard = self._guard(member, file)

        def chosen(index: int, reason: str) -> None:
            relationship = options[index]
            guard(lambda current, seen: self._change(current, seen, relationship, reason))

        self._open(
            ask_with_reason(
                self,
                self.tr("Modifier le lien d'un membre"),
                question,
                choices,
                self.tr("Annuler"),
                _reasons(RELATIONSHIP_REASONS),
                chosen,
            )
        )

    def _payer_effect(self, member: FamilyMember, relationship: Relationship) -> str:
        if relationship in PAYER_RELATIONSHIPS:
            return self.tr("Pourra payer pour la famille")
        if member.may_pay:
            return self.tr("Ne pourra plus payer pour la famille")
        return self.tr("Ne pourra pas payer pour la famille")

    def _change(
        self, member: FamilyMember, file: FamilyFile, relationship: Relationship, reason: str
    ) -> None:
        api = self._workspace.api
        payers = (
            self.tr("Peut payer pour la famille.")
            if relationship in PAYER_RELATIONSHIPS
            else self.tr("Ne peut pas payer pour la famille.")
        )
        self._run(
            lambda: api.change_relationship(
                file.household_id, member.member_id, relationship, reason, file.version
            ),
            self.tr("{name} : lien changé pour « {relationship} ». {payers}").format(
                name=member.name, relationship=relationship_name(relationship), payers=payers
            ),
        )

    def remove(self) -> None:
        member, file, actor = self.selected_member(), self.file, self._workspace.actor
        if member is None or file is None or actor is None:
            return
        if not self.may_remove():
            # Said at once (the button is off for them); remove_member refuses it anyway.
            self._say(self.outcome, self.remove_button.toolTip())
            return
        if not self.remove_button.isEnabled():
            return
        if not self._verified:
            self._say(self.outcome, self.change_button.toolTip())  # refused anyway
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
        question = (
            self.tr("Retirer {who} du dossier {number} ?").format(
                who=self._who(member), number=file.number
            )
            + "\n\n"
            + self.tr(
                "Le retrait ne peut pas être annulé depuis la console. L'historique du "
                "membre est conservé."
            )
            + payer
        )
        guard = self._guard(member, file)
        self._open(
            ask_with_reason(
                self,
                self.tr("Retirer un membre"),
                question,
                self.tr("&Retirer {name}").format(name=member.name),
                self.tr("Annuler"),
                _reasons(REMOVAL_REASONS),
                lambda _choice, reason: guard(
                    lambda current, seen: self._remove(current, seen, reason)
                ),
            )
        )

    def _remove(self, member: FamilyMember, file: FamilyFile, reason: str) -> None:
        api = self._workspace.api
        self._run(
            lambda: api.remove_member(file.household_id, member.member_id, reason, file.version),
            self.tr("{name} ne fait plus partie du dossier. Son historique est conservé.").format(
                name=member.name
            ),
        )

    def _who(self, member: FamilyMember) -> str:
        """ "Jean Côté (Conjoint et parent)": who, and in which relationship."""
        return self.tr("{name} ({relationship})").format(
            name=member.name, relationship=relationship_name(member.relationship)
        )

    def _open(self, question: ReasonConfirmation) -> None:
        self.confirmation = question
        question.finished.connect(lambda _r: self._forget_confirmation())
        # Answered, the keys go back to the members (the button pressed may go off).
        question.finished.connect(lambda _r: self._members.setFocus())

    def _guard(
        self, member: FamilyMember, file: FamilyFile
    ) -> Callable[[Callable[[FamilyMember, FamilyFile], None]], None]:
        """What runs once a question about ``member`` is answered: the change, only if
        that member is still the one selected and shown, in the same version of the file
        — never on a member the question did not name."""
        asked_member, asked_version = member.member_id, file.version

        def confirmed(act: Callable[[FamilyMember, FamilyFile], None]) -> None:
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

        return confirmed

    def _forget_confirmation(self) -> None:
        self.confirmation = None

    def _run(self, work: Callable[[], FamilyChange], success: str) -> None:
        def done(change: FamilyChange) -> None:
            self._say(self.outcome, success)
            self._workspace.reload_household()

        self._say(self.outcome, "")
        self._workspace.tasks.run(work, done, self._show_error)


def _listed(items: Iterable[str]) -> str:
    """Reasons written as a list (« … ; … ; »): the last one ends the sentence instead."""
    parts = [item.strip() for item in items]
    if parts and parts[-1].endswith(";"):
        parts[-1] = parts[-1].removesuffix(";").rstrip(" \u00a0") + "."
    return " ".join(parts)
