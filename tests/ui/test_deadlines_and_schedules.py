"""Deadlines say their date once they are more than 12 hours away, and schedules read in
the interface's language, in French and in English (Québec time throughout)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from console.domain.quebec_time import LOCAL_TZ
from console.ui.kit.formatting import format_deadline, format_schedule
from console.ui.kit.resources import TRANSLATIONS
from console.ui.window.startup import LOCALES

NBSP = "\u00a0"


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


def quebec(*args: int) -> datetime:
    return datetime(*args, tzinfo=LOCAL_TZ)  # type: ignore[misc]


DEADLINE = quebec(2026, 12, 3, 2, 36)


def test_a_far_deadline_shows_its_date_in_french() -> None:
    now = DEADLINE - timedelta(hours=12, minutes=1)
    assert format_deadline(DEADLINE, now) == f"jusqu'au 3{NBSP}décembre, 2{NBSP}h{NBSP}36"


def test_a_near_deadline_shows_the_time_only_in_french() -> None:
    assert format_deadline(DEADLINE, DEADLINE - timedelta(hours=12)) == f"jusqu'à 2{NBSP}h{NBSP}36"
    afternoon = quebec(2026, 12, 1, 14, 5)
    assert format_deadline(afternoon, afternoon - timedelta(minutes=20)) == (
        f"jusqu'à 14{NBSP}h{NBSP}05"
    )


def test_the_first_of_the_month_is_premier() -> None:
    first = quebec(2026, 12, 1, 9, 0)
    assert format_deadline(first, first - timedelta(days=2)) == (
        f"jusqu'au 1er{NBSP}décembre, 9{NBSP}h{NBSP}00"
    )


def test_deadlines_in_english(english: None) -> None:
    assert format_deadline(DEADLINE, DEADLINE - timedelta(hours=13)) == (
        f"until December 3, 2:36{NBSP}a.m."
    )
    afternoon = quebec(2026, 12, 1, 14, 5)
    assert format_deadline(afternoon, afternoon - timedelta(hours=1)) == f"until 2:05{NBSP}p.m."
    noon = quebec(2026, 12, 1, 12, 0)
    assert format_deadline(noon, noon) == f"until 12:00{NBSP}p.m."


def test_across_midnight_a_near_deadline_keeps_the_time_only() -> None:
    # 20:00 on the 2nd, a hold until 2:36 the next morning: 6 h 36 away.
    assert format_deadline(DEADLINE, quebec(2026, 12, 2, 20, 0)) == f"jusqu'à 2{NBSP}h{NBSP}36"
    # 13:00 on the 2nd: 13 h 36 away, the date comes first.
    assert format_deadline(DEADLINE, quebec(2026, 12, 2, 13, 0)).startswith("jusqu'au 3")


def test_a_deadline_long_past_shows_its_date_too() -> None:
    assert format_deadline(DEADLINE, DEADLINE + timedelta(days=1)).startswith("jusqu'au 3")


def test_the_boundary_is_real_time_across_the_fall_back() -> None:
    # Québec falls back from 2:00 EDT to 1:00 EST on 2026-11-01. From 15:00 on the 31st
    # to 2:30 on the 1st is 11 h 30 on the clock but 12 h 30 of real time: the date shows.
    now = datetime(2026, 10, 31, 19, 0, tzinfo=UTC)  # 15:00 EDT
    deadline = datetime(2026, 11, 1, 7, 30, tzinfo=UTC)  # 2:30 EST
    assert now.astimezone(LOCAL_TZ).hour == 15 and deadline.astimezone(LOCAL_TZ).hour == 2
    assert format_deadline(deadline.astimezone(LOCAL_TZ), now.astimezone(LOCAL_TZ)) == (
        f"jusqu'au 1er{NBSP}novembre, 2{NBSP}h{NBSP}30"
    )


def test_the_boundary_is_real_time_across_the_spring_forward(english: None) -> None:
    # 2026-03-08 springs forward from 2:00 EST to 3:00 EDT. From 16:00 on the 7th to
    # 4:30 on the 8th is 12 h 30 on the clock but 11 h 30 of real time: the time only.
    now = datetime(2026, 3, 7, 21, 0, tzinfo=UTC)  # 16:00 EST
    deadline = datetime(2026, 3, 8, 8, 30, tzinfo=UTC)  # 4:30 EDT
    assert format_deadline(deadline.astimezone(LOCAL_TZ), now.astimezone(LOCAL_TZ)) == (
        f"until 4:30{NBSP}a.m."
    )


def test_no_deadline_is_a_dash() -> None:
    assert format_deadline(None, DEADLINE) == "—"


@pytest.mark.parametrize(
    ("stored", "english_text"),
    [
        ("Mardi 18 h 30 – 19 h 30", f"Tuesday 6:30{NBSP}p.m. – 7:30{NBSP}p.m."),
        ("Du lundi au vendredi, 9 h – 16 h", f"Monday to Friday, 9{NBSP}a.m. – 4{NBSP}p.m."),
        ("Du 2 au 6 mars, 8 h – 17 h", f"March 2 to 6, 8{NBSP}a.m. – 5{NBSP}p.m."),
        ("2 au 6 mars", "March 2 to 6"),
        (
            "Du 27 février au 3 mars, 8 h – 17 h",
            f"February 27 to March 3, 8{NBSP}a.m. – 5{NBSP}p.m.",
        ),
        (
            "Accès libre selon l'horaire affiché, 7 jours sur 7",
            "Drop-in, as per the posted schedule, 7 days a week",
        ),
    ],
)
def test_schedules_read_in_english(english: None, stored: str, english_text: str) -> None:
    assert format_schedule(stored) == english_text


def test_schedules_stay_as_the_city_wrote_them_in_french() -> None:
    assert format_schedule("Mardi 18 h 30 – 19 h 30") == "Mardi 18 h 30 – 19 h 30"


def test_an_english_time_ending_a_sentence_ends_it_once(english: None) -> None:
    """« A place may free up at 10:07 a.m. », not « a.m.. » (the time's own period ends
    the sentence)."""
    from console.domain.errors import Reason
    from console.ui.kit.messages import reason_text as kit_reason_text
    from console.ui.places.places_wording import reason_text

    held = Reason(
        "places_held_in_carts",
        {
            "site_remaining": 2,
            "in_carts": 1,
            "at_checkout": 1,
            "by_offers": 0,
            "next_release": quebec(2026, 12, 1, 10, 7),
        },
    )
    text = reason_text(held)
    assert text.endswith(f"10:07{NBSP}a.m.") and ".." not in text
    retry = kit_reason_text(Reason("reset_rate_limited", {"retry_at": quebec(2026, 12, 1, 14, 5)}))
    assert retry.endswith("p.m.") and ".." not in retry
