"""Pay for a cart by phone (F9, F10, F12, F13): pick the payer, key the card, charge.

The payer list comes from ``payer_options``: members who are not "Enfant" (F12); when the
cart holds a childcare activity only the responsible may pay and the screen says why,
with a warning when no social insurance number is on file (no Relevé 24, F13).
The card is handed to the worker as a ``CardEntry`` and cleared there once the charge
returns, whatever the outcome; the fields are emptied the moment Pay is pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.cards import CardEntry
from console.domain.errors import ConsoleError, Reason
from console.domain.payers import (
    CHILDCARE_REQUIRES_RESPONSIBLE,
    HOUSEHOLD_HAS_NO_RESPONSIBLE,
    NO_SIN_NO_RELEVE24,
    PAYER_IS_CHILD,
    PAYER_NOT_MEMBER,
    PAYER_REMOVED,
)
from console.domain.receipt_words import STATUS_WORDS, card_label, format_money
from console.domain.views.payers import PayerOptions
from console.domain.vocabulary import CardBrand, Language, PaymentStatus
from console.ui.kit import confirm as confirming
from console.ui.kit import messages
from console.ui.kit.confirm import no_default_button
from console.ui.kit.refusal_messages import refusal_text
from console.ui.kit.tasks import TaskRunner
from console.ui.payments.card_entry import CardEntryWidget, card_reason_text

translate = QCoreApplication.translate


class PaymentOutcome(Protocol):
    """What the checkout service answers (``checkout.PaymentResult``)."""

    @property
    def cart_number(self) -> int: ...
    @property
    def owner_number(self) -> int: ...
    @property
    def status(self) -> PaymentStatus: ...
    @property
    def amount_cents(self) -> int: ...
    @property
    def card_brand(self) -> str | None: ...
    @property
    def card_last4(self) -> str | None: ...
    @property
    def authorization_code(self) -> str | None: ...
    @property
    def refusal_reason(self) -> str | None: ...
    @property
    def receipt_number(self) -> int | None: ...


def payer_reason_text(reason: Reason) -> str:
    """The F12/F13 rule in the words an agent reads to the caller."""
    p: Mapping[str, Any] = reason.params
    code = reason.code
    if code == CHILDCARE_REQUIRES_RESPONSIBLE:
        return translate(
            "PaymentDialog",
            "Ce panier contient une activité offrant un service de garde ({activities}) : seule "
            "la personne responsable du dossier, {name}, peut payer, car le relevé 24 est "
            "délivré à son numéro d'assurance sociale.",
        ).format(
            activities=p.get("activities", "—"),
            name=p.get("responsible_name", "—"),
        )
    if code == NO_SIN_NO_RELEVE24:
        return translate(
            "PaymentDialog",
            "Aucun numéro d'assurance sociale n'est inscrit au dossier de {name} : "
            "aucun relevé 24 ne pourra être délivré.",
        ).format(name=p.get("responsible_name", "—"))
    if code == HOUSEHOLD_HAS_NO_RESPONSIBLE:
        return translate(
            "PaymentDialog",
            "Ce dossier n'a pas de personne responsable : une activité de garde ne peut pas "
            "être payée. Dirigez la personne qui appelle vers son bureau d'arrondissement.",
        )
    if code == PAYER_IS_CHILD:
        return translate("PaymentDialog", "Un enfant ne peut pas payer.")
    if code == PAYER_REMOVED:
        return translate("PaymentDialog", "{name} a été retiré du dossier.").format(
            name=p.get("name", "—")
        )
    if code == PAYER_NOT_MEMBER:
        return translate("PaymentDialog", "La personne qui paie ne fait pas partie de ce dossier.")
    return card_reason_text(reason)


def error_text(error: BaseException) -> str:
    if isinstance(error, ConsoleError) and error.reasons:
        return "\n".join(payer_reason_text(r) for r in error.reasons)
    if isinstance(error, ConsoleError):
        return payer_reason_text(Reason(error.code, error.params))
    return messages.error_text(error)


class PaymentDialog(QDialog):
    """Payer, amount, card and the outcome in the site's own words (F9)."""

    # Emitted after an approved payment: (cart number, cart owner number).
    receipt_requested = Signal(int, int)
    paid = Signal(object)  # the PaymentOutcome, approved or refused

    def __init__(
        self,
        tasks: TaskRunner,
        load_options: Callable[[], PayerOptions],
        charge: Callable[[CardEntry, int], PaymentOutcome],
        parent: QWidget | None = None,
        *,
        card_entry: CardEntryWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paiement du panier"))
        self.setObjectName("paymentDialog")
        self._tasks = tasks
        self._charge = charge
        self._options: PayerOptions | None = None
        self._outcome: PaymentOutcome | None = None

        self.cart_label = QLabel(self)
        self.payer = QComboBox(self)
        self.payer.setObjectName("payer")
        self.payer.setAccessibleName(self.tr("Personne qui paie"))
        self.why = QLabel(self)
        self.why.setObjectName("payer_rule")
        self.why.setWordWrap(True)
        self.releve24 = QLabel(self)
        self.releve24.setObjectName("no_releve24")
        self.releve24.setWordWrap(True)
        self.releve24.setProperty("role", "warning")
        self.amount = QLabel(self)
        self.amount.setObjectName("amount")
        self.card = card_entry or CardEntryWidget(self)
        self.card.setParent(self)
        self.status = QLabel(self)
        self.status.setObjectName("payment_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.pay_button = QPushButton(self.tr("&Payer"), self)
        self.pay_button.setObjectName("pay")
        self.receipt_button = QPushButton(self.tr("Reçu…"), self)
        self.receipt_button.setObjectName("receipt")
        self.receipt_button.hide()
        # An action, not "accept": paying runs in the background and keeps the dialog open.
        self.buttons.addButton(self.pay_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.receipt_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.pay_button.clicked.connect(self._pay)
        self.receipt_button.clicked.connect(self._ask_receipt)
        self.close_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Panier"), self.cart_label)
        form.addRow(self.tr("Personne qui paie"), self.payer)
        form.addRow(self.why)
        form.addRow(self.releve24)
        form.addRow(self.tr("Montant"), self.amount)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.card)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        no_default_button(self)  # Enter in the card fields never pays

        self.pay_button.setEnabled(False)
        self.status.setText(self.tr("Chargement du panier…"))
        tasks.run(load_options, self.show_options, self._failed, key=f"payer-options-{id(self)}")

    # -- payer list ------------------------------------------------------------------

    def show_options(self, options: PayerOptions) -> None:
        self._options = options
        self.cart_label.setText(
            self.tr("no {cart} (propriétaire {owner})").format(
                cart=options.cart_number, owner=options.owner_number
            )
        )
        self.amount.setText(format_money(options.amount_cents, self._language()))
        self.payer.clear()
        model = self.payer.model()
        for option in options.payers:
            label = option.name
            if option.is_responsible:
                label += self.tr(" (personne responsable du dossier)")
            self.payer.addItem(label, option.member_id)
            if not option.allowed and isinstance(model, QStandardItemModel):
                item = model.item(self.payer.count() - 1)
                item.setEnabled(False)
                item.setToolTip(
                    self.tr("Seule la personne responsable du dossier peut payer ce panier.")
                )
        default = options.default_member_id
        if default is not None:
            self.payer.setCurrentIndex(self.payer.findData(default))
        rule = [r for r in options.reasons if r.code != NO_SIN_NO_RELEVE24]
        self.why.setText("\n".join(payer_reason_text(r) for r in rule))
        self.why.setVisible(bool(rule))
        warning = [r for r in options.reasons if r.code == NO_SIN_NO_RELEVE24]
        self.releve24.setText("\n".join(payer_reason_text(r) for r in warning))
        self.releve24.setVisible(bool(warning))
        self.status.setText("")
        self.pay_button.setEnabled(bool(options.allowed_member_ids) and options.amount_cents > 0)
        if self.pay_button.isEnabled() and self.selected_payer() in options.allowed_member_ids:
            self.card.number.setFocus()  # the payer is chosen already: the card next
        if not options.payers:
            self.status.setText(
                self.tr(
                    "Aucun membre ne peut payer : la personne qui paie doit avoir un lien autre "
                    "que « Enfant » avec la personne responsable du dossier."
                )
            )

    def _language(self) -> Language:
        english = QLocale().language() == QLocale.Language.English
        return Language.EN if english else Language.FR

    def selected_payer(self) -> int | None:
        data = self.payer.currentData()
        return int(data) if data is not None else None

    # -- paying ----------------------------------------------------------------------

    def _pay(self) -> None:
        payer = self.selected_payer()
        if self._options is None or payer is None:
            return
        if payer not in self._options.allowed_member_ids:
            self.status.setText("\n".join(payer_reason_text(r) for r in self._options.reasons))
            return
        if not self.card.is_valid:
            self.card.explain()
            return
        options = self._options
        name = next((o.name for o in options.payers if o.member_id == payer), "")
        if not confirming.confirm_change(
            self,
            self.tr("Payer le panier"),
            self.tr(
                "Débiter {amount} pour le panier {cart} ? Un paiement ne s'annule pas ici."
            ).format(
                amount=format_money(options.amount_cents, self._language()),
                cart=options.cart_number,
            ),
            self.tr("Paiement par {name}, dossier {number}").format(
                name=name, number=options.owner_number
            ),
        ):
            return
        card = self.card.take_card()  # the fields are empty from here on
        self.pay_button.setEnabled(False)
        self.card.setEnabled(False)
        self.payer.setEnabled(False)
        self.status.setText(self.tr("Paiement en cours auprès du site de paiement…"))
        self._tasks.run(
            lambda: self._charge_and_clear(card, payer), self._paid, self._failed_payment
        )

    def _charge_and_clear(self, card: CardEntry, payer: int) -> PaymentOutcome:
        with card:  # cleared on the worker as soon as the gateway has answered
            return self._charge(card, payer)

    def _paid(self, outcome: PaymentOutcome) -> None:
        self._outcome = outcome
        card = card_label(_brand(outcome.card_brand), outcome.card_last4)
        money = format_money(outcome.amount_cents, self._language())
        if outcome.status is PaymentStatus.APPROVED:
            self.status.setProperty("role", "success")
            self.status.setText(
                f"{STATUS_WORDS[PaymentStatus.APPROVED]}\n"
                + self.tr(
                    "{amount} — {card} — code d'autorisation {code} — reçu no {receipt}"
                ).format(
                    amount=money,
                    card=card,
                    code=outcome.authorization_code or "—",
                    receipt=outcome.receipt_number or "—",
                )
            )
            self.receipt_button.show()
            self.pay_button.hide()
        elif outcome.status is PaymentStatus.REFUSED:
            self.status.setProperty("role", "error")
            self.status.setText(
                f"{STATUS_WORDS[PaymentStatus.REFUSED]}\n"
                + self.tr("{card} — Aucune inscription n'a été faite.").format(card=card)
                + "\n"
                + refusal_text(outcome.refusal_reason)
            )
            # The refused attempt has its receipt too ("Paiement refusé", F9).
            self.receipt_button.setVisible(outcome.receipt_number is not None)
            self._ready_again()
        else:
            self.status.setProperty("role", "warning")
            self.status.setText(refusal_text(outcome.refusal_reason or "gateway_timeout"))
            self.pay_button.hide()
        self.paid.emit(outcome)

    def _failed_payment(self, error: BaseException) -> None:
        self.status.setProperty("role", "error")
        self.status.setText(error_text(error))
        self._ready_again()

    def _failed(self, error: BaseException) -> None:
        self.status.setProperty("role", "error")
        self.status.setText(error_text(error))

    def _ready_again(self) -> None:
        self.card.setEnabled(True)
        self.payer.setEnabled(True)
        self.pay_button.setEnabled(True)
        self.card.number.setFocus()

    def _ask_receipt(self) -> None:
        if self._outcome is not None:
            self.receipt_requested.emit(self._outcome.cart_number, self._outcome.owner_number)

    def reject(self) -> None:
        self.card.clear()
        super().reject()


def _brand(value: str | None) -> CardBrand | None:
    return CardBrand(value) if value else None
