"""Verify the caller: the agent types what the caller answers; two matches pass.

Quick for a genuine caller: any two questions, Enter to check. The dialog never shows
the values on file, only which answers matched. A date is taken as the agent types what
the caller says ("3/12/2016", "3 déc. 2016", "December 3, 2016") and shown back as
understood ("Compris : 3 décembre 2016"), day first when it is all numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.birth_dates import ReadDate, read_date
from console.domain.views.verification import CallerAnswers, Factor, VerificationResult
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.confirm import no_default_button
from console.ui.kit.formatting import format_deadline, format_long_date, one_period
from console.ui.kit.messages import error_text
from console.ui.kit.tasks import TaskRunner


class VerificationDialog(QDialog):
    """Asks the verification questions and records the outcome through the service."""

    verified = Signal(object)  # VerificationResult that passed

    def __init__(
        self,
        tasks: TaskRunner,
        api: ConsoleApi,
        household_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._api, self._household_id = tasks, api, household_id
        self.result_value: VerificationResult | None = None
        self.setWindowTitle(self.tr("Vérifier l'identité de la personne qui appelle"))
        self.setAccessibleName(self.windowTitle())

        intro = QLabel(
            self.tr(
                "Posez au moins deux questions. Tapez la réponse de la personne qui appelle, "
                "jamais celle du dossier. Laissez vides les questions non posées."
            )
        )
        intro.setWordWrap(True)
        self.birth_date = self._field(self.tr("3/12/2016 ou 3 déc. 2016"))
        self.birth_date_read = self._reading(self.birth_date)
        self.postal_code = self._field(self.tr("G1R 2B5"))
        self.household_number = self._field(self.tr("no de dossier"))
        self.payment_amount = self._field(self.tr("87,50"))
        self.payment_date = self._field(self.tr("3/12/2016 ou 3 déc. 2016"))
        self.payment_date_read = self._reading(self.payment_date)
        form = QFormLayout()
        form.addRow(self.tr("&Date de naissance de la personne responsable :"), self.birth_date)
        form.addRow("", self.birth_date_read)
        form.addRow(self.tr("Code &postal :"), self.postal_code)
        form.addRow(self.tr("&Numéro de dossier :"), self.household_number)
        form.addRow(self.tr("&Montant du dernier paiement ($) :"), self.payment_amount)
        form.addRow(self.tr("Da&te du dernier paiement :"), self.payment_date)
        form.addRow("", self.payment_date_read)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat de la vérification"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.check_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.check_button.setText(self.tr("&Vérifier"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        # Enter in an answer never checks (a check is journaled and a wrong one counts
        # toward the block): Alt+V or the button does. The button box makes its first
        # button the default again when shown: keyPressEvent keeps Enter from it.
        no_default_button(self)
        self.birth_date.setFocus()

    def _field(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        return edit

    def _reading(self, edit: QLineEdit) -> QLabel:
        """The line under a date field that says which date it understood."""
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Date comprise"))
        edit.textChanged.connect(lambda text: label.setText(self.understood(text)))
        return label

    def understood(self, text: str) -> str:
        """ "Compris : 3 décembre 2016" for a date typed in any accepted form."""
        if not text.strip():
            return ""
        read = read_date(text)
        if read is None:
            return self.tr("Date non comprise.")
        said = self.tr("Compris : {date}").format(date=format_long_date(read.value))
        if read.ambiguous:
            return self.tr("{understood} (lu le jour d'abord, puis le mois)").format(
                understood=said
            )
        return said

    def answers(self) -> CallerAnswers:
        """The typed answers; raises ValueError with a sentence for a malformed one."""
        return CallerAnswers(
            birth_date=self._date(self.birth_date, self.tr("date de naissance")),
            postal_code=self.postal_code.text().strip() or None,
            household_number=self.household_number.text().strip() or None,
            last_payment_cents=self._cents(self.payment_amount.text()),
            last_payment_date=self._date(self.payment_date, self.tr("date du paiement")),
        )

    def _date(self, edit: QLineEdit, what: str) -> date | None:
        text = edit.text().strip()
        if not text:
            return None
        read: ReadDate | None = read_date(text)
        if read is None:
            raise ValueError(
                self.tr(
                    "La {what} n'est pas comprise : écrivez-la comme 3/12/2016, "
                    "2016-12-03 ou 3 décembre 2016 (année en quatre chiffres)."
                ).format(what=what)
            )
        return read.value

    def _cents(self, text: str) -> int | None:
        cleaned = text.replace("$", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
        if not cleaned:
            return None
        try:
            return int((Decimal(cleaned) * 100).to_integral_value())
        except InvalidOperation:
            raise ValueError(self.tr("Le montant doit s'écrire comme 87,50.")) from None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()  # Enter in a field checks nothing
            return
        super().keyPressEvent(event)

    def check(self) -> None:
        try:
            answers = self.answers()
        except ValueError as exc:
            self.outcome.setText(str(exc))
            return
        self.check_button.setEnabled(False)
        api, household_id = self._api, self._household_id
        self._tasks.run(
            lambda: api.verify_caller(household_id, answers),
            self._show,
            self._failed,
            key=f"verify-{household_id}",
        )

    def _show(self, result: VerificationResult) -> None:
        self.check_button.setEnabled(True)
        self.result_value = result
        matched = ", ".join(self._factor(f) for f in result.matched) or self.tr("aucune")
        if result.passed and result.verified_until is not None:
            until = format_deadline(result.verified_until, self._api.now())
            self.outcome.setText(
                one_period(
                    self.tr("Identité vérifiée ({matched}). Valide {until}.").format(
                        matched=matched, until=until
                    )
                )
            )
            self.verified.emit(result)
            self.accept()
        elif result.blocked_until is not None:
            until = format_deadline(result.blocked_until, self._api.now())
            self.outcome.setText(
                one_period(
                    self.tr(
                        "Trop d'essais manqués pour ce dossier : vérification bloquée {until}. "
                        "N'effectuez aucune action sur le dossier."
                    ).format(until=until)
                )
            )
        else:
            self.outcome.setText(
                self.tr(
                    "Vérification échouée : réponses concordantes : {matched}. "
                    "Essais restants : {left}."
                ).format(matched=matched, left=result.attempts_left)
            )

    def _failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.outcome.setText(error_text(error))

    def _factor(self, factor: Factor) -> str:
        return {
            Factor.BIRTH_DATE: self.tr("date de naissance"),
            Factor.POSTAL_CODE: self.tr("code postal"),
            Factor.HOUSEHOLD_NUMBER: self.tr("numéro de dossier"),
            Factor.LAST_PAYMENT: self.tr("dernier paiement"),
        }[factor]
