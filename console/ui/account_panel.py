"""Compte utilisateur (F1–F3): state of the account, the messages sent to it, and the
three things support may do — unlock, send a reset link, resend the confirmation.

There is deliberately no way to edit the email (F3); the panel says why and what the
family does instead. No password is ever shown or typed here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
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

from console.domain.password import PASSWORD_RULES
from console.domain.vocabulary import OutboxState
from console.services.accounts import (
    AccountSummary,
    AddressCheck,
    EmailQueued,
    account_summary,
    check_address,
    resend_confirmation,
    send_password_reset,
    unlock_account,
)
from console.services.context import ServiceContext
from console.services.staff import Actor
from console.ui.support_wording import error_text, password_rule_text, when
from console.ui.tasks import TaskRunner
from console.ui.verification_dialog import VerificationDialog


class AccountPanel(QWidget):
    """The account of one household; ``load(household_id)`` fills it."""

    changed = Signal()  # an action succeeded; the household view may refresh

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
        self.summary: AccountSummary | None = None
        self.setAccessibleName(self.tr("Compte utilisateur"))

        self.email = QLabel()
        self.email.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.confirmed = QLabel()
        self.locked = QLabel()
        self.failures = QLabel()
        state = QFormLayout()
        state.addRow(self.tr("Courriel (identifiant) :"), self.email)
        state.addRow(self.tr("Confirmé :"), self.confirmed)
        state.addRow(self.tr("Verrouillé :"), self.locked)
        state.addRow(self.tr("Connexions échouées :"), self.failures)

        self.verify_button = self._button(self.tr("&Vérifier l'appelant…"), self.verify_caller)
        self.unlock_button = self._button(self.tr("&Déverrouiller"), self.unlock)
        self.reset_button = self._button(
            self.tr("Envoyer un lien de &réinitialisation"), self.reset
        )
        self.confirm_button = self._button(
            self.tr("Renvoyer la &confirmation"), self.resend_confirmation
        )
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, self.verify_caller).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        actions = QHBoxLayout()
        for button in (
            self.verify_button,
            self.unlock_button,
            self.reset_button,
            self.confirm_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat de l'action"))

        self.messages = QTableWidget(0, 6)
        self.messages.setAccessibleName(self.tr("Courriels envoyés au compte"))
        self.messages.setHorizontalHeaderLabels(
            [
                self.tr("Créé"),
                self.tr("Type"),
                self.tr("Objet"),
                self.tr("État"),
                self.tr("Essais"),
                self.tr("Détail"),
            ]
        )
        self.messages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.messages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.messages.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(state)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self._scripts())

    def set_actor(self, actor: Actor) -> None:
        """Another staff member signed in (the demo's staff picker): act as them."""
        self._actor = actor

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        button.setEnabled(False)
        return button

    def _scripts(self) -> QWidget:
        """What the agent reads to the caller: F1 rules, F2 script, F3 explanation."""
        box = QGroupBox(self.tr("À lire à l'appelant"))
        rules = "\n".join(f"• {password_rule_text(code)}" for code in PASSWORD_RULES)
        f1 = QLabel(
            self.tr("Mot de passe (F1) — le nouveau mot de passe doit avoir :") + "\n" + rules
        )
        f2 = QLabel(
            self.tr(
                "Confirmation (F2) — le courriel peut prendre quelques minutes, surtout avec "
                "Hotmail. Actualisez la boîte de réception et regardez dans les courriers "
                "indésirables."
            )
        )
        f3 = QLabel(
            self.tr(
                "Changer d'adresse (F3) — impossible : l'adresse courriel est l'identifiant "
                "unique du compte. Pour utiliser une autre adresse, la famille crée un "
                "nouveau Dossier loisir avec cette adresse."
            )
        )
        for label in (f1, f2, f3):
            label.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Adresse que la famille voudrait utiliser"))
        self.address.setAccessibleName(self.address.placeholderText())
        self.address.returnPressed.connect(self.check_address)
        check = QPushButton(self.tr("Vérifier l'&adresse"))
        check.clicked.connect(self.check_address)
        self.address_outcome = QLabel()
        self.address_outcome.setWordWrap(True)
        self.address_outcome.setAccessibleName(self.tr("Résultat pour l'adresse"))
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(check)
        layout = QVBoxLayout(box)
        for widget in (f1, f2, f3):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.address_outcome)
        return box

    # Loading

    def load(self, household_id: int) -> None:
        self.household_id = household_id
        ctx, actor = self._ctx, self._actor
        self._tasks.run(
            lambda: account_summary(ctx, actor, household_id),
            self._show,
            self._show_error,
            key=f"account-{id(self)}",
        )

    def _show(self, summary: AccountSummary) -> None:
        self.summary = summary
        no = self.tr("non")
        self.email.setText(summary.email)
        self.confirmed.setText(
            self.tr("oui, le {at}").format(at=when(summary.confirmed_at))
            if summary.confirmed
            else no
        )
        self.locked.setText(
            self.tr("oui, depuis le {at}").format(at=when(summary.locked_at))
            if summary.locked
            else no
        )
        self.failures.setText(
            self.tr("{count} (dernière : {at})").format(
                count=summary.failed_login_count, at=when(summary.last_failed_login_at)
            )
        )
        self.verify_button.setEnabled(True)
        self.unlock_button.setEnabled(summary.locked)
        self.reset_button.setEnabled(summary.reset_links_left > 0)
        self.confirm_button.setEnabled(not summary.confirmed and summary.confirmations_left > 0)
        self.reset_button.setToolTip(
            self.tr("Liens restants cette heure : {n}").format(n=summary.reset_links_left)
        )
        self.messages.setRowCount(len(summary.messages))
        for row, message in enumerate(summary.messages):
            detail = message.last_error or (when(message.sent_at) if message.sent_at else "")
            if message.state is OutboxState.QUEUED and message.attempts:
                detail = self.tr("nouvel essai à {at} — {error}").format(
                    at=when(message.next_attempt_at), error=message.last_error or ""
                )
            cells = (
                when(message.created_at),
                self._kind(message.kind),
                message.subject,
                self._state(message.state),
                str(message.attempts),
                detail,
            )
            for column, text in enumerate(cells):
                self.messages.setItem(row, column, QTableWidgetItem(text))

    def _kind(self, kind: str) -> str:
        return {
            "account_unlocked": self.tr("Déverrouillage"),
            "password_reset": self.tr("Lien de réinitialisation"),
            "confirmation": self.tr("Confirmation"),
        }.get(kind, kind)

    def _state(self, state: OutboxState) -> str:
        return {
            OutboxState.QUEUED: self.tr("en attente d'envoi"),
            OutboxState.SENT: self.tr("envoyé"),
            OutboxState.FAILED: self.tr("échec"),
        }[state]

    def _show_error(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))

    # Actions

    def verify_caller(self) -> None:
        if self.household_id is None:
            return
        dialog = VerificationDialog(self._tasks, self._ctx, self._actor, self.household_id, self)
        dialog.verified.connect(
            lambda result: self.outcome.setText(
                self.tr("Appelant vérifié jusqu'à {until}.").format(
                    until=when(result.verified_until)
                )
            )
        )
        dialog.open()
        self.verification_dialog = dialog

    def unlock(self) -> None:
        self._act(unlock_account, self.tr("Compte déverrouillé. Un courriel avise {email}."))

    def reset(self) -> None:
        self._act(
            send_password_reset,
            self.tr("Lien de réinitialisation envoyé à {email}, valide jusqu'à {until}."),
        )

    def resend_confirmation(self) -> None:
        self._act(resend_confirmation, self.tr("Courriel de confirmation renvoyé à {email}."))

    def _act(self, service: Callable[..., EmailQueued], success: str) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        ctx, actor = self._ctx, self._actor

        def done(outcome: EmailQueued) -> None:
            self.outcome.setText(
                success.format(email=outcome.to_address, until=when(outcome.valid_until))
            )
            self.changed.emit()
            self.load(household_id)

        self._tasks.run(lambda: service(ctx, actor, household_id), done, self._show_error)

    def check_address(self) -> None:
        text = self.address.text()
        ctx, actor = self._ctx, self._actor
        self._tasks.run(
            lambda: check_address(ctx, actor, text),
            self._show_address,
            lambda error: self.address_outcome.setText(error_text(error)),
            key=f"address-{id(self)}",
        )

    def _show_address(self, check: AddressCheck) -> None:
        if check.in_use:
            text = self.tr(
                "{email} est déjà l'identifiant du dossier {number} : la famille peut "
                "utiliser ce dossier."
            ).format(email=check.email, number=check.household_number)
        else:
            text = self.tr(
                "Aucun dossier n'utilise {email} : la famille peut créer un nouveau "
                "Dossier loisir avec cette adresse."
            ).format(email=check.email)
        self.address_outcome.setText(text)
