"""Card entry (F10): the agent keys the card the caller reads out.

The number field drops spaces and dashes as they are typed (the site refuses them), shows
the brand and, live, why the card would be refused, in the agent's words. The number and
CVV exist only in these fields until :meth:`CardEntryWidget.take_card` hands them over as a
:class:`CardEntry` and empties the fields; nothing here logs or stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from console.domain.cards import (
    CARD_BRAND_NOT_ACCEPTED,
    CARD_CHECKSUM,
    CARD_EXPIRED,
    CARD_EXPIRY_INVALID,
    CARD_LENGTH,
    CARD_NOT_DIGITS,
    CVV_INVALID,
    CardCheck,
    CardEntry,
    card_brand,
    card_network,
    check_card,
    normalize_card_number,
)
from console.domain.errors import Reason
from console.domain.quebec_time import local_date
from console.domain.vocabulary import CardBrand

translate = QCoreApplication.translate

NUMBER_FIELD_CODES = frozenset(
    {CARD_NOT_DIGITS, CARD_BRAND_NOT_ACCEPTED, CARD_LENGTH, CARD_CHECKSUM}
)
EXPIRY_FIELD_CODES = frozenset({CARD_EXPIRED, CARD_EXPIRY_INVALID})
SENSITIVE_HINTS = (
    Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
    | Qt.InputMethodHint.ImhDigitsOnly
)

_NETWORKS = {
    "amex": "American Express",
    "discover": "Discover",
    "diners": "Diners Club",
    "jcb": "JCB",
    "unionpay": "UnionPay",
}


def brand_name(brand: CardBrand | str | None) -> str:
    if brand is None:
        return ""
    value = brand.value if isinstance(brand, CardBrand) else str(brand)
    return {"visa": "VISA", "mastercard": "Mastercard"}.get(value, _NETWORKS.get(value, value))


def _or_list(values: tuple[int, ...]) -> str:
    if len(values) == 1:
        return str(values[0])
    head = ", ".join(str(v) for v in values[:-1])
    return translate("CardEntry", "{head} ou {last}").format(head=head, last=values[-1])


def card_reason_text(reason: Reason) -> str:
    """The F10 refusal, in the words an agent reads back to the caller."""
    p: Mapping[str, Any] = reason.params
    code = reason.code
    if code == CARD_NOT_DIGITS:
        return translate("CardEntry", "Le numéro de carte ne doit contenir que des chiffres.")
    if code == CARD_BRAND_NOT_ACCEPTED:
        network = str(p.get("network", "unknown"))
        if network in _NETWORKS:
            return translate(
                "CardEntry",
                "Carte {network} : seules les cartes VISA et Mastercard sont acceptées.",
            ).format(network=_NETWORKS[network])
        return translate("CardEntry", "Seules les cartes VISA et Mastercard sont acceptées.")
    if code == CARD_LENGTH:
        allowed = tuple(int(v) for v in p.get("allowed", ()))
        return translate(
            "CardEntry", "Un numéro {brand} a {allowed} chiffres ; {length} ont été saisis."
        ).format(
            brand=brand_name(p.get("brand")), allowed=_or_list(allowed), length=p.get("length")
        )
    if code == CARD_CHECKSUM:
        return translate(
            "CardEntry",
            "Ce numéro de carte n'existe pas : un chiffre a probablement été mal saisi. "
            "Faites répéter le numéro.",
        )
    if code == CARD_EXPIRED:
        return translate("CardEntry", "La carte est expirée (fin {month:02d}/{year}).").format(
            month=int(p.get("exp_month", 0)), year=p.get("exp_year")
        )
    if code == CARD_EXPIRY_INVALID:
        return translate(
            "CardEntry", "Date d'expiration invalide : inscrivez le mois et l'année (MM/AA)."
        )
    if code == CVV_INVALID:
        return translate(
            "CardEntry",
            "Le code de validation a 3 chiffres ; il est au dos de la carte.",
        )
    # Not a card rule: the sentence every screen gives that code, never the code itself.
    from console.ui.kit.messages import reason_text

    return reason_text(reason)


def _parse_expiry(text: str) -> tuple[int, int] | None:
    """ "07/28" → (7, 28); None until both parts are typed."""
    month, _, year = text.partition("/")
    month, year = month.strip(), year.strip()
    if len(month) != 2 or len(year) != 2 or not (month + year).isdigit():
        return None
    return int(month), int(year)


def quebec_today() -> date:
    """Today in Québec: the same rule the payment service checks the expiry against."""
    return local_date(datetime.now(UTC))


class CardEntryWidget(QWidget):
    """Number, expiry and CVV fields with the brand and a live refusal reason."""

    # True when the card passes every F10 rule and may be charged.
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] = quebec_today):
        super().__init__(parent)
        self._today = today
        self._valid = False
        self._explain_all = False

        self.number = QLineEdit(self)
        self.number.setObjectName("card_number")
        self.number.setPlaceholderText(self.tr("Numéro de la carte"))
        self.number.setMaxLength(19 + 6)  # room for the separators that are stripped
        self.number.setInputMethodHints(SENSITIVE_HINTS)
        self.number.textEdited.connect(self._on_number_edited)
        self.number.setAccessibleName(self.tr("Numéro de la carte de crédit"))

        self.brand = QLabel(self)
        self.brand.setObjectName("card_brand")
        self.brand.setMinimumWidth(90)

        self.expiry = QLineEdit(self)
        self.expiry.setObjectName("card_expiry")
        self.expiry.setPlaceholderText(self.tr("MM/AA"))
        self.expiry.setMaxLength(5)
        self.expiry.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,2}/?\d{0,2}"), self.expiry)
        )
        self.expiry.textEdited.connect(self._on_expiry_edited)
        self.expiry.setAccessibleName(self.tr("Date d'expiration (mois/année)"))

        self.cvv = QLineEdit(self)
        self.cvv.setObjectName("card_cvv")
        self.cvv.setEchoMode(QLineEdit.EchoMode.Password)
        self.cvv.setPlaceholderText(self.tr("CVV"))
        self.cvv.setMaxLength(4)
        self.cvv.setInputMethodHints(SENSITIVE_HINTS)
        self.cvv.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.cvv))
        self.cvv.textEdited.connect(self._refresh)
        self.cvv.setAccessibleName(self.tr("Code de validation (3 chiffres au dos de la carte)"))

        self.reason = QLabel(self)
        self.reason.setObjectName("card_reason")
        self.reason.setWordWrap(True)
        self.reason.setProperty("role", "warning")

        number_row = QHBoxLayout()
        number_row.setContentsMargins(0, 0, 0, 0)
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.brand)
        small_row = QHBoxLayout()
        small_row.setContentsMargins(0, 0, 0, 0)
        small_row.addWidget(self.expiry)
        small_row.addWidget(QLabel(self.tr("CVV"), self))
        small_row.addWidget(self.cvv)
        small_row.addStretch(1)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Carte (VISA ou Mastercard)"), number_row)
        form.addRow(self.tr("Expiration"), small_row)
        form.addRow(self.reason)
        self.setTabOrder(self.number, self.expiry)
        self.setTabOrder(self.expiry, self.cvv)
        self._refresh()

    # -- typing ---------------------------------------------------------------------

    def _on_number_edited(self, text: str) -> None:
        digits = normalize_card_number(text)
        if digits != text:
            # Keep the cursor after the same digit it followed before the separators went.
            before = normalize_card_number(text[: self.number.cursorPosition()])
            self.number.setText(digits)
            self.number.setCursorPosition(len(before))
        self._refresh()
        if self._number_whole(digits) and not self.expiry.text():
            self.expiry.setFocus()  # a whole, valid number: the expiry next, as on paper

    def _number_whole(self, digits: str) -> bool:
        """16 digits (19 for the longest VISA) that pass every number rule."""
        if len(digits) not in (16, 19):
            return False
        reasons = check_card(digits, 12, 99, "000", self._today()).reasons
        return not any(r.code in NUMBER_FIELD_CODES for r in reasons)

    def _on_expiry_edited(self, text: str) -> None:
        if len(text) == 2 and text.isdigit():
            self.expiry.setText(text + "/")  # "07" → "07/" so the agent types on
        elif len(text) == 4 and "/" not in text and text.isdigit():
            self.expiry.setText(f"{text[:2]}/{text[2:]}")
        self._refresh()
        if _parse_expiry(self.expiry.text()) is not None and len(self.expiry.text()) == 5:
            self.cvv.setFocus()  # MM/AA whole: the CVV next

    def _check(self) -> CardCheck:
        parsed = _parse_expiry(self.expiry.text())
        month, year = parsed if parsed is not None else (0, 0)
        return check_card(self.number.text(), month, year, self.cvv.text(), self._today())

    def _refresh(self, *_: object) -> None:
        digits = self.number.text()
        brand = card_brand(digits) if digits else None
        if brand is not None:
            self.brand.setText(brand_name(brand))
        elif len(digits) >= 2:
            self.brand.setText(brand_name(card_network(digits)) or self.tr("Inconnue"))
        else:
            self.brand.setText("")
        check = self._check()
        shown = [r for r in check.reasons if self._explain_all or self._field_ready(r.code)]
        self.reason.setText("\n".join(card_reason_text(r) for r in shown))
        self._set_valid(check.ok)

    def _field_ready(self, code: str) -> bool:
        """Explain a field's problem once the agent has typed enough to judge it."""
        if code in NUMBER_FIELD_CODES:
            digits = self.number.text()
            if code == CARD_BRAND_NOT_ACCEPTED:
                return len(digits) >= 2
            return len(digits) >= 12 or (bool(digits) and code == CARD_NOT_DIGITS)
        if code in EXPIRY_FIELD_CODES:
            return len(self.expiry.text()) >= 5
        if code == CVV_INVALID:
            return len(self.cvv.text()) > 3
        return True

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    # -- public ---------------------------------------------------------------------

    @property
    def is_valid(self) -> bool:
        return self._valid

    def reasons(self) -> tuple[Reason, ...]:
        """Every F10 rule the card keyed so far breaks."""
        return self._check().reasons

    def explain(self) -> None:
        """Show every reason, even for fields not finished (the agent pressed Pay)."""
        self._explain_all = True
        self._refresh()

    @property
    def masked(self) -> str:
        return self._check().masked

    def take_card(self) -> CardEntry:
        """The card as keyed, for one charge; the fields are emptied before returning."""
        parsed = _parse_expiry(self.expiry.text())
        month, year = parsed if parsed is not None else (0, 0)
        card = CardEntry(self.number.text(), month, year, self.cvv.text())
        self.clear()
        return card

    def clear(self) -> None:
        """Empty every field (setText also drops the fields' undo history)."""
        for field in (self.number, self.expiry, self.cvv):
            field.setText("")
        self._explain_all = False
        self._refresh()
