"""Compte utilisateur (F1–F3): state of the account and the three things support may do —
unlock, send a reset link, resend the confirmation. The messages sent to the account are
listed once, in the household's "Courriels envoyés" tab.

There is deliberately no way to edit the email (F3); the panel says why and what the
family does instead. No password is ever shown or typed here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.password import (
    PASSWORD_NEEDS_DIGIT,
    PASSWORD_NEEDS_SPECIAL,
    PASSWORD_NEEDS_UPPERCASE,
    PASSWORD_RULES,
    PASSWORD_SPECIAL_FIRST,
    PASSWORD_TOO_SHORT,
)
from console.domain.views.accounts import AccountSummary, AddressCheck, EmailQueued
from console.domain.views.households import HouseholdView
from console.domain.vocabulary import Relationship
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.confirm import Confirmation, ask
from console.ui.kit.formatting import format_date, format_datetime, format_deadline, one_period
from console.ui.kit.messages import error_text
from console.ui.kit.resources import TRANSLATIONS
from console.ui.kit.workspace import Workspace


def QT_TRANSLATE_NOOP(context: str, source: str) -> tuple[str, str]:
    """Marks ``source`` for the translation tools (lupdate reads this name)."""
    return context, source


_SCRIPTS = (
    QT_TRANSLATE_NOOP("AccountPanel", "Mot de passe (F1) — le nouveau mot de passe doit avoir :"),
    QT_TRANSLATE_NOOP(
        "AccountPanel",
        "Confirmation (F2) — le courriel peut prendre quelques minutes, surtout avec "
        "Hotmail. Actualisez la boîte de réception et regardez dans les courriers "
        "indésirables.",
    ),
    QT_TRANSLATE_NOOP(
        "AccountPanel",
        "Changer d'adresse (F3) — impossible : l'adresse courriel est l'identifiant "
        "unique du compte. Pour utiliser une autre adresse, la famille crée un "
        "nouveau Dossier loisir avec cette adresse.",
    ),
)
# The F1 rules as the site words them (the sentences of their refusal codes, in
# console.ui.kit.account_messages; a test keeps the two the same).
_RULES_CONTEXT = "support"
_RULES = {
    PASSWORD_TOO_SHORT: "au moins 8 caractères ;",
    PASSWORD_NEEDS_UPPERCASE: "au moins une lettre majuscule ;",
    PASSWORD_NEEDS_DIGIT: "au moins un chiffre ;",
    PASSWORD_NEEDS_SPECIAL: "au moins un caractère spécial (#, !, $, &, etc.) ;",
    PASSWORD_SPECIAL_FIRST: "le caractère spécial ne peut pas être le premier.",
}


@cache
def _english() -> QTranslator:
    translator = QTranslator()
    translator.load(str(TRANSLATIONS / "console_en.qm"))
    return translator


def caller_text(language: str, context: str, source: str) -> str:
    """``source`` in the caller's language, whatever the interface's."""
    if language == "en":
        return _english().translate(context, source) or source
    return source


class AccountPanel(QWidget):
    """The account of the household on screen; follows ``workspace.household_changed``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPanel")
        self._workspace = workspace
        self.household_id: int | None = None
        self.summary: AccountSummary | None = None
        self._view: HouseholdView | None = None
        self._verified = False
        self.confirmation: Confirmation | None = None  # the question open, if any
        self.setAccessibleName(self.tr("Compte utilisateur"))

        self.email = QLabel()
        self.email.setObjectName("accountEmail")
        self.email.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.language = QLabel()
        self.confirmed = QLabel()
        self.locked = QLabel()
        self.failures = QLabel()
        self.reset_link = QLabel()
        state = QFormLayout()
        state.setVerticalSpacing(3)
        for title, value in (
            (self.tr("Courriel (identifiant) :"), self.email),
            (self.tr("Langue :"), self.language),
            (self.tr("Confirmé :"), self.confirmed),
            (self.tr("Verrouillé :"), self.locked),
            (self.tr("Connexions échouées :"), self.failures),
            (self.tr("Lien de réinitialisation :"), self.reset_link),
        ):
            value.setAccessibleName(title.rstrip(" :"))
            state.addRow(title, value)

        self.unlock_button = self._button(self.tr("Déve&rrouiller"), self.unlock)
        self.reset_button = self._button(
            self.tr("Envoyer &un lien de réinitialisation"), self.reset
        )
        self.confirm_button = self._button(
            self.tr("Renvo&yer la confirmation"), self.resend_confirmation
        )
        self.sensitive_buttons = (self.unlock_button, self.reset_button, self.confirm_button)
        actions = QVBoxLayout()
        actions.setSpacing(4)
        first = QHBoxLayout()
        first.addWidget(self.unlock_button)
        first.addWidget(self.confirm_button)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.reset_button)
        second.addStretch(1)
        actions.addLayout(first)
        actions.addLayout(second)

        self.hint = QLabel()
        self.hint.setObjectName("verificationHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("state", "warning")
        self.hint.setAccessibleName(self.tr("Vérification requise"))
        self.outcome = QLabel()
        self.outcome.setObjectName("actionOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat de l'action"))

        left = QVBoxLayout()
        left.addLayout(state)
        left.addSpacing(4)
        left.addLayout(actions)
        left.addWidget(self.hint)
        left.addWidget(self.outcome)
        left.addStretch(1)
        left.addWidget(self._address_check())

        scripts = QScrollArea()
        scripts.setWidgetResizable(True)
        scripts.setFrameShape(QFrame.Shape.NoFrame)
        scripts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scripts.setWidget(self._scripts())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(left, 1)
        layout.addWidget(scripts, 1)

        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(lambda _actor: self.reload())
        self.show_verified(False)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        button.setEnabled(False)
        return button

    def _scripts(self) -> QWidget:
        """What the agent reads to the caller: F1 rules, F2 script, F3 explanation, in
        the caller's language (the account's), as the call panel's script."""
        box = QGroupBox(self.tr("À lire à la personne qui appelle"))
        self.scripts = (QLabel(), QLabel(), QLabel())
        layout = QVBoxLayout(box)
        for label in self.scripts:
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.show_scripts("fr")
        return box

    def show_scripts(self, language: str) -> None:
        """The F1–F3 texts in ``language`` ("fr" or "en")."""
        self.script_language = "en" if language == "en" else "fr"
        f1, f2, f3 = (caller_text(self.script_language, *source) for source in _SCRIPTS)
        rules = "\n".join(
            f"• {caller_text(self.script_language, _RULES_CONTEXT, _RULES[code])}"
            for code in PASSWORD_RULES
        )
        for label, text in zip(self.scripts, (f1 + "\n" + rules, f2, f3), strict=True):
            label.setText(text)

    def _address_check(self) -> QWidget:
        """F3 helper: does the address the family wants already have a Dossier loisir?"""
        box = QGroupBox(self.tr("Autre adresse (F3)"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Adresse que la famille voudrait utiliser"))
        self.address.setAccessibleName(self.address.placeholderText())
        self.address.returnPressed.connect(self.check_address)
        check = QPushButton(self.tr("&Vérifier l'adresse"))
        check.clicked.connect(self.check_address)
        self.address_outcome = QLabel()
        self.address_outcome.setWordWrap(True)
        self.address_outcome.setAccessibleName(self.tr("Résultat pour l'adresse"))
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(check)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addLayout(row)
        layout.addWidget(self.address_outcome)
        return box

    # Verification

    def show_verified(self, verified: bool) -> None:
        """Say before a click that the sensitive buttons need a verified caller; the
        services still refuse them without one."""
        self._verified = verified
        needed = self.tr(
            "Vérifiez d'abord l'identité de la personne qui appelle (Ctrl+Maj+V) : "
            "déverrouiller, envoyer un lien ou renvoyer la confirmation l'exige."
        )
        self.hint.setText(
            self.tr("Vérifiez d'abord l'identité de la personne qui appelle (Ctrl+Maj+V).")
        )
        self.hint.setVisible(not verified)
        for button in self.sensitive_buttons:
            button.setToolTip("" if verified else needed)

    # Loading

    def _household_changed(self, view: HouseholdView | None) -> None:
        self._view = view
        if view is None:
            self.household_id = None
            self.summary = None
            self.outcome.clear()
            self.address_outcome.clear()
            for button in self.sensitive_buttons:
                button.setEnabled(False)
            return
        if view.household_id != self.household_id:
            self.outcome.clear()
            self.address_outcome.clear()
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
            lambda: api.account_summary(household_id),
            self._show,
            self._show_error,
            key=f"account-{id(self)}",
        )

    def _show(self, summary: AccountSummary) -> None:
        self.summary = summary
        self.email.setText(summary.email)
        self.language.setText(self.tr("Français") if summary.language == "fr" else "English")
        self.show_scripts(summary.language)
        if summary.confirmed:
            self.confirmed.setText(
                self.tr("oui, le {date}").format(date=format_date(summary.confirmed_at))
            )
            self._state(self.confirmed, "ok")
        else:
            self.confirmed.setText(self.tr("non"))
            self._state(self.confirmed, "warning")
        if summary.locked:
            self.locked.setText(
                self.tr("oui, depuis le {at}").format(at=format_datetime(summary.locked_at))
            )
            self._state(self.locked, "error")
        else:
            self.locked.setText(self.tr("non"))
            self._state(self.locked, "ok")
        self.failures.setText(
            self.tr("{count} (dernière : {at})").format(
                count=summary.failed_login_count, at=format_datetime(summary.last_failed_login_at)
            )
            if summary.failed_login_count
            else "0"
        )
        self.reset_link.setText(
            self.tr("valide {until}").format(
                until=format_deadline(summary.reset_link_valid_until, self._workspace.api.now())
            )
            if summary.reset_link_valid_until is not None
            else self.tr("aucun en cours")
        )
        self.unlock_button.setEnabled(summary.locked)
        self.reset_button.setEnabled(summary.reset_links_left > 0)
        self.confirm_button.setEnabled(not summary.confirmed and summary.confirmations_left > 0)
        self.reset_button.setStatusTip(
            self.tr("Liens restants cette heure : {n}").format(n=summary.reset_links_left)
        )

    @staticmethod
    def _state(label: QLabel, state: str) -> None:
        label.setProperty("state", state)
        label.style().unpolish(label)
        label.style().polish(label)

    def _show_error(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))

    # Actions

    def unlock(self) -> None:
        self._ask(
            self.tr("Déverrouiller le compte"),
            self.tr("Déverrouiller le compte {email} du dossier {number} ({who}) ?"),
            self.tr("Un courriel avise la famille. Cela ne s'annule pas."),
            self.tr("&Déverrouiller"),
            lambda api, household_id: api.unlock_account(household_id),
            self.tr("Compte déverrouillé. Un courriel avise {email}."),
        )

    def reset(self) -> None:
        self._ask(
            self.tr("Envoyer un lien de réinitialisation"),
            self.tr(
                "Envoyer un lien de réinitialisation à {email}, compte du dossier {number} "
                "({who}) ?"
            ),
            self.tr("Un courriel envoyé ne se reprend pas."),
            self.tr("&Envoyer le lien"),
            lambda api, household_id: api.send_password_reset(household_id),
            self.tr("Lien de réinitialisation envoyé à {email}, valide {until}."),
        )

    def resend_confirmation(self) -> None:
        self._ask(
            self.tr("Renvoyer la confirmation"),
            self.tr(
                "Renvoyer le courriel de confirmation à {email}, compte du dossier {number} "
                "({who}) ?"
            ),
            self.tr("Un courriel envoyé ne se reprend pas."),
            self.tr("&Renvoyer"),
            lambda api, household_id: api.resend_confirmation(household_id),
            self.tr("Courriel de confirmation renvoyé à {email}."),
        )

    def _ask(
        self,
        title: str,
        question: str,
        detail: str,
        confirm: str,
        use_case: Callable[[ConsoleApi, int], EmailQueued],
        success: str,
    ) -> None:
        """Ask, naming the account and the household; act only if the same household's
        account is still on screen when the agent confirms."""
        view, summary = self._view, self.summary
        if view is None or summary is None or view.household_id != self.household_id:
            return
        if not self._verified:
            # Said at once, without asking: the services refuse it anyway.
            self.outcome.setText(self.unlock_button.toolTip())
            return
        responsible = next(
            (m for m in view.members if m.relationship is Relationship.RESPONSIBLE), None
        )
        who = (
            f"{responsible.first_name} {responsible.last_name}"
            if responsible is not None
            else self.tr("sans personne responsable")
        )
        asked = view.household_id, summary.email

        def confirmed() -> None:
            self.confirmation = None
            now = self.summary
            if now is None or (self.household_id, now.email) != asked:
                self.outcome.setText(
                    self.tr("Rien n'a été fait : le dossier affiché a changé pendant la question.")
                )
                return
            self._act(use_case, success)

        text = question.format(email=summary.email, number=view.number, who=who)
        self.confirmation = ask(
            self, title, text + "\n\n" + detail, confirm, self.tr("Annuler"), confirmed
        )
        self.confirmation.finished.connect(lambda _r: self._forget_confirmation())

    def _forget_confirmation(self) -> None:
        self.confirmation = None

    def _act(self, use_case: Callable[[ConsoleApi, int], EmailQueued], success: str) -> None:
        household_id = self.household_id
        if household_id is None or not self._workspace.ready:
            return
        api = self._workspace.api

        def done(outcome: EmailQueued) -> None:
            until = format_deadline(outcome.valid_until, self._workspace.api.now())
            self.outcome.setText(one_period(success.format(email=outcome.to_address, until=until)))
            self._workspace.reload_household()

        self.outcome.clear()
        self._workspace.tasks.run(lambda: use_case(api, household_id), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.reload()

    def check_address(self) -> None:
        if not self._workspace.ready:
            return
        text, api = self.address.text(), self._workspace.api
        self._workspace.tasks.run(
            lambda: api.check_address(text),
            self._show_address,
            lambda error: self.address_outcome.setText(error_text(error)),
            key=f"address-{id(self)}",
        )

    def _show_address(self, check: AddressCheck) -> None:
        if check.in_use:
            text = self.tr(
                "{email} est déjà l'identifiant du dossier {number} : la famille peut "
                "utiliser ce dossier."
            ).format(email=check.email, number=check.household_number)
        else:
            text = self.tr(
                "Aucun dossier n'utilise {email} : la famille peut créer un nouveau "
                "Dossier loisir avec cette adresse."
            ).format(email=check.email)
        self.address_outcome.setText(text)
