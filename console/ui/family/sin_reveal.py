"""« Révéler le NAS… »: under the members table, for clerks of the household's borough
office and supervisors only (an agent never gets the action and sees only
"*** *** 123" in the table). A reason is asked each time; the server checks the role and
the caller verification, journals the reveal, and sends the number, which shows for
:data:`~console.domain.sin.REVEAL_SECONDS` seconds and is then masked again — at once
when the member, the household or the staff member changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.text import REASON_MAX
from console.domain.views.households import HouseholdView, MemberView
from console.domain.views.sin import RevealedSin
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.ui.kit import messages
from console.ui.kit.messages import error_text
from console.ui.kit.table_model import RowsModel
from console.ui.kit.workspace import Workspace

translate = QCoreApplication.translate

messages.register(
    "sin_reveal_other_borough",
    lambda p: translate(
        "sin",
        "Seul le personnel du bureau d'arrondissement du dossier ou de la supervision peut "
        "révéler un NAS.",
    ),
)
messages.register(
    "no_sin_on_file",
    lambda p: translate("sin", "Aucun NAS n'est au dossier de {name}.").format(
        name=p.get("member_name", "")
    ),
)
messages.register(
    "sin_unreadable",
    lambda p: translate(
        "sin",
        "Le serveur ne peut pas lire le NAS de {name} : la clé qui l'a chiffré lui manque. "
        "Avisez l'équipe d'administration du serveur.",
    ).format(name=p.get("member_name", "")),
)


def may_reveal(actor: Actor | None, view: HouseholdView | None) -> bool:
    """What the server allows, said before asking: supervisors, and clerks of the
    household's borough office."""
    if actor is None or view is None:
        return False
    if actor.role is Role.SUPERVISOR:
        return True
    return actor.role is Role.CLERK and actor.borough_id == view.borough_id


class RevealReasonDialog(QDialog):
    """Why the number is needed; « Révéler » stays off until a reason is typed."""

    def __init__(self, member_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sinRevealDialog")
        self.setWindowTitle(self.tr("Révéler le NAS"))
        question = QLabel(
            self.tr(
                "Pourquoi devez-vous voir le NAS de {name} ? La raison est inscrite au "
                "journal des actions avec votre nom."
            ).format(name=member_name)
        )
        question.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("Raison (obligatoire)"))
        self.reason.setAccessibleName(self.tr("Raison de la révélation"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.reveal_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reveal_button.setText(self.tr("&Révéler"))
        self.reveal_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda text: self.reveal_button.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


class SinReveal(QWidget):
    """Acts on the member selected in ``members``; follows the workspace."""

    revealed = Signal(object)  # RevealedSin, for tests and the journal's refresh

    def __init__(
        self,
        workspace: Workspace,
        members: QTableView,
        model: RowsModel[MemberView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sinReveal")
        self._workspace = workspace
        self._members = members
        self._model = model
        self._verified = False
        self._shown_member: int | None = None
        self._left = 0
        self._number_text = ""
        self.dialog: RevealReasonDialog | None = None

        self.button = QPushButton(self.tr("Révéler le &NAS…"))
        self.button.setObjectName("sinRevealButton")
        self.button.setAccessibleName(self.tr("Révéler le NAS"))
        self.button.clicked.connect(self.ask)
        self.number = QLabel()
        self.number.setObjectName("revealedSin")
        self.number.setAccessibleName(self.tr("NAS révélé"))
        font = self.number.font()
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setBold(True)
        self.number.setFont(font)
        self.number.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("sinRevealOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.number, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.outcome)

        members.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self._selection_changed)
        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(self._actor_changed)
        self._actor_changed(workspace.actor)

    # What the staff member may do

    def show_verified(self, verified: bool) -> None:
        self._verified = verified
        self._selection_changed()

    def _actor_changed(self, _actor: Actor | None) -> None:
        self.hide_number()
        self._say("")
        self._update()

    def _household_changed(self, view: HouseholdView | None) -> None:
        if view is None or self._shown_member not in {m.member_id for m in view.members}:
            self.hide_number()
            self._say("")
        self._update()

    def _selection_changed(self, *_args: object) -> None:
        member = self.selected_member()
        if member is None or member.member_id != self._shown_member:
            self.hide_number()
        self._update()

    def _update(self) -> None:
        view, actor = self._workspace.household, self._workspace.actor
        allowed_role = actor is not None and actor.role in (Role.CLERK, Role.SUPERVISOR)
        self.setVisible(allowed_role)  # an agent never gets the action
        member = self.selected_member()
        tip = ""
        if not may_reveal(actor, view) and view is not None:
            tip = self.tr(
                "Seul le personnel du bureau d'arrondissement du dossier ou de la supervision "
                "révèle un NAS."
            )
        elif member is None:
            tip = self.tr("Choisissez un membre dans le tableau.")
        elif not member.has_sin:
            tip = self.tr("Aucun NAS n'est au dossier de {name}.").format(name=member.name)
        elif not self._verified:
            tip = self.tr("Vérifiez d'abord l'identité de la personne qui appelle (Ctrl+Maj+V).")
        self.button.setEnabled(allowed_role and not tip)
        self.button.setToolTip(tip)

    def selected_member(self) -> MemberView | None:
        return self._model.selected(self._members)

    # The reveal

    def ask(self) -> None:
        """Ask the reason, then the number."""
        member, view = self.selected_member(), self._workspace.household
        if member is None or view is None or not self.button.isEnabled():
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = RevealReasonDialog(member.name, self)
        dialog = self.dialog
        dialog.accepted.connect(
            lambda: self._reveal(view.household_id, member.member_id, dialog.reason.text())
        )
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _reveal(self, household_id: int, member_id: int, reason: str) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._say("")
        self._workspace.tasks.run(
            lambda: api.reveal_sin(household_id, member_id, reason),
            self._show,
            lambda error: self._say(error_text(error)),
        )

    def _show(self, revealed: RevealedSin) -> None:
        member = self.selected_member()
        view = self._workspace.household
        if (
            member is None
            or member.member_id != revealed.member_id
            or view is None
            or view.household_id != revealed.household_id
        ):
            return  # the screen moved on meanwhile: never show it out of place
        self._shown_member = revealed.member_id
        self._left = max(1, revealed.visible_seconds)
        self._number_text = self.tr("NAS de {name} : {number}").format(
            name=revealed.member_name, number=revealed.number
        )
        self._draw()
        self.number.show()
        self.countdown.start()
        self.revealed.emit(revealed)

    def _draw(self) -> None:
        self.number.setText(
            self.tr("{shown} — masqué dans {seconds} s").format(
                shown=self._number_text, seconds=self._left
            )
        )

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.hide_number()
        else:
            self._draw()

    def hide_number(self) -> None:
        """Forget the number on screen."""
        self.countdown.stop()
        self._shown_member = None
        self._number_text = ""
        self.number.clear()
        self.number.hide()

    @property
    def showing(self) -> bool:
        return self._shown_member is not None

    def _say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))
