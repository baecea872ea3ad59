"""The card field (F10): strips separators, shows the brand, explains refusals, clears."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from console.domain.cards import CARD_BRAND_NOT_ACCEPTED, CARD_CHECKSUM, CardEntry
from console.ui.payments.card_entry import CardEntryWidget

TODAY = date(2026, 3, 2)


def _widget(qtbot: QtBot) -> CardEntryWidget:
    widget = CardEntryWidget(today=lambda: TODAY)
    qtbot.add_widget(widget)
    return widget


def _fill(qtbot: QtBot, widget: CardEntryWidget, number: str, expiry: str, cvv: str) -> None:
    qtbot.keyClicks(widget.number, number)
    qtbot.keyClicks(widget.expiry, expiry)
    qtbot.keyClicks(widget.cvv, cvv)


def test_typing_with_dashes_and_spaces_keeps_digits_and_shows_visa(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    qtbot.keyClicks(widget.number, "4242-4242 4242 4242")
    assert widget.number.text() == "4242424242424242"
    assert widget.brand.text() == "VISA"
    assert widget.reason.text() == ""


def test_mastercard_is_recognised(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    qtbot.keyClicks(widget.number, "5555 5555 5555 4444")
    assert widget.brand.text() == "Mastercard"


def test_amex_is_refused_with_the_reason(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    qtbot.keyClicks(widget.number, "3782 822463 10005")
    assert widget.brand.text() == "American Express"
    assert "seules les cartes VISA et Mastercard" in widget.reason.text()
    assert CARD_BRAND_NOT_ACCEPTED in [r.code for r in widget.reasons()]
    assert not widget.is_valid


def test_mistyped_digit_is_explained_as_a_checksum_error(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    qtbot.keyClicks(widget.number, "4242424242424241")
    assert CARD_CHECKSUM in [r.code for r in widget.reasons()]
    assert "mal saisi" in widget.reason.text()


def test_wrong_length_is_explained(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    qtbot.keyClicks(widget.number, "5555555555554")
    assert "Un numéro Mastercard a 16 chiffres ; 13 ont été saisis." in widget.reason.text()


def test_expired_card_and_short_cvv_are_explained_when_pay_is_pressed(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    _fill(qtbot, widget, "4242424242424242", "0126", "12")
    assert widget.expiry.text() == "01/26"
    assert "La carte est expirée (fin 01/2026)." in widget.reason.text()
    assert "3 chiffres" not in widget.reason.text()  # the agent is still typing it
    widget.explain()
    assert "Le code de validation a 3 chiffres" in widget.reason.text()
    assert not widget.is_valid


def test_valid_card_signals_validity(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    with qtbot.wait_signal(widget.validity_changed) as blocker:
        _fill(qtbot, widget, "4242 4242 4242 4242", "12/28", "123")
    assert blocker.args == [True]
    assert widget.is_valid
    assert widget.masked == "•••• 4242"


def test_take_card_hands_over_the_digits_and_empties_the_fields(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    _fill(qtbot, widget, "4242-4242-4242-4242", "12/28", "123")
    card = widget.take_card()
    assert isinstance(card, CardEntry)
    assert card.number() == "4242424242424242"
    assert card.cvv() == "123"
    assert (card.exp_month, card.exp_year) == (12, 28)
    assert "4242424242424242" not in repr(card)
    for field in (widget.number, widget.expiry, widget.cvv):
        assert field.text() == ""
        assert not field.isUndoAvailable()
    assert not widget.is_valid
    card.clear()


def test_cvv_is_never_echoed(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    assert widget.cvv.echoMode() is QLineEdit.EchoMode.Password
    assert widget.number.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData


@pytest.mark.qt_log_ignore("does not support")
def test_a_whole_number_then_a_whole_expiry_move_the_focus_on(qtbot: QtBot) -> None:
    """As on a paper form: the agent types the number, the expiry, the CVV, no Tab."""
    widget = _widget(qtbot)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.number.setFocus()
    qtbot.keyClicks(widget.number, "4242 4242 4242 424")
    assert widget.number.hasFocus()  # 15 digits: not whole yet
    qtbot.keyClicks(widget.number, "2")
    qtbot.waitUntil(widget.expiry.hasFocus)
    qtbot.keyClicks(widget.expiry, "12/2")
    assert widget.expiry.hasFocus()
    qtbot.keyClicks(widget.expiry, "9")
    qtbot.waitUntil(widget.cvv.hasFocus)


@pytest.mark.qt_log_ignore("does not support")
def test_a_mistyped_number_keeps_the_focus(qtbot: QtBot) -> None:
    widget = _widget(qtbot)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.number.setFocus()
    qtbot.keyClicks(widget.number, "4242 4242 4242 4243")  # checksum wrong
    assert widget.number.hasFocus()
