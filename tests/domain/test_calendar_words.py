"""One table of month and day names (console.domain.calendar_words), used everywhere."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

from console.domain.birth_dates import month_number
from console.domain.calendar_words import ENGLISH_MONTHS, FRENCH_MONTHS, long_date, month_name
from console.domain.receipt_words import ENGLISH, FRENCH, format_datetime
from console.domain.vocabulary import Language

CONSOLE = Path(__file__).resolve().parents[2] / "console"
TABLE = CONSOLE / "domain" / "calendar_words.py"


def test_month_names_in_both_languages() -> None:
    assert month_name(12, Language.FR) == "décembre"
    assert month_name(8, Language.FR) == "août"
    assert month_name(1, Language.EN) == "January"


def test_a_long_date_in_both_languages() -> None:
    assert long_date(date(2016, 12, 3), Language.FR) == "3 décembre 2016"
    assert long_date(date(1984, 3, 1), Language.FR) == "1er mars 1984"
    assert long_date(date(2016, 12, 3), Language.EN) == "December 3, 2016"


def test_the_receipts_say_a_date_as_the_screens_do() -> None:
    moment = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)  # 9 h 05 in Québec
    assert format_datetime(moment, Language.FR) == "2 mars 2026, 9 h 05"
    assert format_datetime(moment, Language.EN) == "March 2, 2026, 9:05 a.m."


def test_the_reader_and_the_receipts_read_the_one_table() -> None:
    assert FRENCH.months is FRENCH_MONTHS and ENGLISH.months is ENGLISH_MONTHS
    pairs = zip(FRENCH_MONTHS, ENGLISH_MONTHS, strict=True)
    for number, (french, english) in enumerate(pairs, start=1):
        assert month_number(french) == month_number(english) == number


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_no_other_module_spells_out_the_months() -> None:
    """A second copy of the table drifts (an accent, a capital): the code imports it. A
    file naming half the months or more holds a copy; an example in a docstring names
    one or two."""
    months = {_fold(m) for m in FRENCH_MONTHS + ENGLISH_MONTHS}
    copies = []
    for path in CONSOLE.rglob("*.py"):
        words = set(re.findall(r"[a-z]+", _fold(path.read_text(encoding="utf-8"))))
        if path != TABLE and len(words & months) >= 6:
            copies.append(str(path.relative_to(CONSOLE)))
    assert copies == []
