"""The text rules' refusals and a payment in flight read as sentences, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from console.domain.errors import Refused
from console.ui.kit import messages, text_messages
from console.ui.kit.resources import TRANSLATIONS
from console.ui.window.startup import LOCALES


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "console_en.qm"))
    app.installTranslator(translator)
    QLocale.setDefault(LOCALES["en"])
    yield
    app.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])


def test_every_code_has_a_sentence_that_does_not_quote_it(qtbot: QtBot) -> None:
    params = {"field": "reason", "max": 500, "retry_at": datetime(2026, 3, 2, 14, 5, tzinfo=UTC)}
    for code in text_messages.registered_codes():
        text = messages.error_text(Refused(code, **params))
        assert code not in text and "{" not in text


def test_the_refusals_name_the_field_in_french(qtbot: QtBot) -> None:
    assert messages.error_text(Refused("text_invalid", field="note")) == (
        "Le texte de la note d'appel contient un caractère qui ne peut pas être enregistré "
        "(caractère de contrôle ou caractère invalide). Retirez-le, puis réessayez."
    )
    assert messages.error_text(Refused("text_too_long", field="reason", max=500)) == (
        "Le texte de la raison est trop long : 500 caractères au plus."
    )
    assert "« mystere »" in messages.error_text(Refused("text_invalid", field="mystere"))


def test_the_refusals_read_in_english(english: None) -> None:
    assert messages.error_text(Refused("text_too_long", field="query", max=200)) == (
        "The text of the search is too long: 200 characters at most."
    )
    in_flight = messages.error_text(
        Refused("payment_in_flight", retry_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC))
    )
    assert in_flight.startswith("A payment for this cart may still be in progress")
