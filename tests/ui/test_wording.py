"""Money, times, relationships and error codes read right in French and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from console.domain.errors import Busy, NotFound, Reason, Refused
from console.domain.vocabulary import Relationship
from console.ui.kit import messages
from console.ui.kit.formatting import (
    card_text,
    format_datetime,
    format_deadline,
    format_minutes_left,
    format_money,
    format_time,
    relationship_name,
)
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


@pytest.fixture(autouse=True)
def french_by_default() -> None:
    QLocale.setDefault(LOCALES["fr"])


def test_money_in_french() -> None:
    assert format_money(123450) == "1\u00a0234,50\u00a0$"
    assert format_money(7250) == "72,50\u00a0$"


def test_money_in_english(english: None) -> None:
    assert format_money(123450) == "$1,234.50"


def test_relationships_use_the_sites_words() -> None:
    assert relationship_name(Relationship.SPOUSE_AND_PARENT) == "Conjoint et parent des enfants"
    assert relationship_name(Relationship.PARENT_OF_RESPONSIBLE) == (
        "Père ou mère du responsable de dossier"
    )
    assert relationship_name(Relationship.CHILD) == "Enfant"


def test_relationships_in_english(english: None) -> None:
    assert relationship_name(Relationship.CHILD) == "Child"
    assert relationship_name(Relationship.SPOUSE_AND_PARENT) == "Spouse and parent of the children"


NBSP = "\u00a0"


def test_times_are_shown_in_quebec_time_the_oqlf_way() -> None:
    assert format_time(datetime(2026, 7, 1, 18, 5, tzinfo=UTC)) == f"14{NBSP}h{NBSP}05"
    assert format_time(datetime(2026, 3, 2, 14, 0, tzinfo=UTC)) == f"9{NBSP}h{NBSP}00"
    assert format_datetime(datetime(2026, 7, 1, 16, 30, tzinfo=UTC)) == (
        f"2026-07-01 12{NBSP}h{NBSP}30"
    )
    assert format_time(None) == "—"
    assert format_datetime(None) == "—"


def test_times_in_english_use_the_12_hour_clock_as_deadlines_do(english: None) -> None:
    assert format_time(datetime(2026, 7, 1, 18, 5, tzinfo=UTC)) == f"2:05{NBSP}p.m."
    assert format_time(datetime(2026, 3, 2, 14, 0, tzinfo=UTC)) == f"9:00{NBSP}a.m."
    assert format_time(datetime(2026, 3, 2, 5, 0, tzinfo=UTC)) == f"12:00{NBSP}a.m."
    assert format_time(datetime(2026, 7, 1, 16, 30, tzinfo=UTC)) == f"12:30{NBSP}p.m."
    assert format_datetime(datetime(2026, 7, 1, 16, 30, tzinfo=UTC)) == (
        f"2026-07-01 12:30{NBSP}p.m."
    )


def test_a_time_and_a_deadline_in_english_say_the_same_time(english: None) -> None:
    at = datetime(2026, 7, 1, 18, 5, tzinfo=UTC)
    assert format_deadline(at, at) == f"until {format_time(at)}"


def test_a_time_and_a_deadline_in_french_say_the_same_time() -> None:
    at = datetime(2026, 7, 1, 18, 5, tzinfo=UTC)
    assert format_deadline(at, at) == f"jusqu'à {format_time(at)}"


def test_minutes_left_round_up_and_lapse() -> None:
    deadline = datetime(2026, 3, 2, 9, 20, tzinfo=UTC)
    assert format_minutes_left(deadline, datetime(2026, 3, 2, 9, 19, 20, tzinfo=UTC)) == (
        "encore 1 min"
    )
    assert format_minutes_left(deadline, deadline) == "échu"


def test_card_shows_brand_and_last_four_only() -> None:
    assert card_text("mastercard", "5100") == "Mastercard •••• 5100"
    assert card_text(None, None) == "—"


def test_error_codes_become_sentences() -> None:
    assert "occupée" in messages.error_text(Busy("database_busy"))
    assert "123" in messages.error_text(NotFound("household_not_found", household_id=123))


def test_unknown_code_reads_as_a_general_sentence_without_the_code() -> None:
    text = messages.error_text(Refused("a_code_no_screen_registers"))
    assert "a_code_no_screen_registers" not in text
    assert text.startswith("Action refusée")
    assert not messages.knows("a_code_no_screen_registers")


def test_registered_wording_and_reasons() -> None:
    messages.register("test_rule", lambda params: f"Règle {params['n']}")
    error = Refused("test_rule", (Reason("test_rule", {"n": 2}),), n=1)
    assert messages.error_text(error) == "Règle 1 Règle 2"


def test_errors_in_english(english: None) -> None:
    assert messages.error_text(Busy("database_busy")) == (
        "The database is busy. Try again in a moment."
    )


def test_unexpected_errors_never_show_their_text() -> None:
    text = messages.error_text(RuntimeError("boom at /srv/console/db.py"))
    assert "boom" not in text and "RuntimeError" not in text
    assert text.startswith("Erreur inattendue")
