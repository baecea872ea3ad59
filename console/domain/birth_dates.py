"""A date as an agent types what the caller says: "3/12/2016", "03 12 2016",
"2016-12-03", "3 décembre 2016", "3 déc. 2016", "December 3, 2016".

:func:`read_date` says which date it understood and in which form, so the screen can
show it back ("Compris : 3 décembre 2016") before anything is checked. All-number forms
are read day first, as Québec writes them ("3/12/2016" is 3 December); when the day
and the month could be swapped the reading says so (``ambiguous``). A two-digit year is
not read: "84" could be 1984 or 2084, and a wrong century must not pass unnoticed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum

from console.domain.calendar_words import ENGLISH_MONTHS, FRENCH_MONTHS, MONTH_ABBREVIATIONS

MONTHS_IN_A_YEAR = 12


class DateForm(Enum):
    ISO = "iso"  # year first: 2016-12-03, 2016/12/03
    DAY_FIRST = "day_first"  # all numbers, day first: 3/12/2016, 03 12 2016
    MONTH_WORD = "month_word"  # the month in words: 3 décembre 2016, December 3, 2016


@dataclass(frozen=True)
class ReadDate:
    value: date
    form: DateForm
    # All numbers, and the day and the month could be swapped (3/12/2016): read day
    # first, and the screen says so.
    ambiguous: bool = False


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


# Month words after folding (lower case, no accents, no final period), French and English,
# whole and abbreviated as people write them: the domain's one table of month names.
_MONTH_WORDS: dict[str, int] = {
    _fold(word).rstrip("."): number
    for number, (french, english, short) in enumerate(
        zip(FRENCH_MONTHS, ENGLISH_MONTHS, MONTH_ABBREVIATIONS, strict=True), start=1
    )
    for word in (french, english, *short)
}

_DAY = re.compile(r"^(\d{1,2})(?:er|re|e|st|nd|rd|th)?$")  # 1er, 2e, 1st, 3rd
_YEAR = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"^\d{1,2}$")
_SEPARATORS = re.compile(r"[\s/\-.,]+")
_FILLER = frozenset({"le", "the", "of", "de", "du"})
MAX_LENGTH = 40


def month_number(word: str) -> int | None:
    """1 for "janvier", "Jan." or "January"; None for a word that is no month."""
    return _MONTH_WORDS.get(_fold(word).rstrip("."))


def read_date(text: str) -> ReadDate | None:
    """The date ``text`` writes and how it was read, or None when it is not a whole,
    real date with a four-digit year."""
    if len(text) > MAX_LENGTH:
        return None
    tokens = [t for t in _SEPARATORS.split(_fold(text)) if t and t not in _FILLER]
    if len(tokens) != 3:
        return None
    words = [i for i, t in enumerate(tokens) if t in _MONTH_WORDS]
    if len(words) > 1:
        return None
    if words:
        return _with_month_word(tokens, words[0])
    return _numeric(tokens)


def _with_month_word(tokens: list[str], at: int) -> ReadDate | None:
    month = _MONTH_WORDS[tokens[at]]
    others = [t for i, t in enumerate(tokens) if i != at]
    if at == 0:  # December 3, 2016
        day_text, year_text = others
    elif at == 1:
        if _YEAR.match(tokens[0]):  # 2016 déc. 3
            year_text, day_text = others
        else:  # 3 décembre 2016
            day_text, year_text = others
    else:
        return None
    day = _DAY.match(day_text)
    if day is None or not _YEAR.match(year_text):
        return None
    return _made(int(year_text), month, int(day.group(1)), DateForm.MONTH_WORD)


def _numeric(tokens: list[str]) -> ReadDate | None:
    first, second, third = tokens
    if _YEAR.match(first) and _NUMBER.match(second) and _NUMBER.match(third):
        return _made(int(first), int(second), int(third), DateForm.ISO)
    if _NUMBER.match(first) and _NUMBER.match(second) and _YEAR.match(third):
        day, month = int(first), int(second)
        read = _made(int(third), month, day, DateForm.DAY_FIRST)
        if read is None:
            return None
        swappable = day != month and day <= MONTHS_IN_A_YEAR
        return ReadDate(read.value, read.form, ambiguous=swappable)
    return None


def _made(year: int, month: int, day: int, form: DateForm) -> ReadDate | None:
    try:
        return ReadDate(date(year, month, day), form)
    except ValueError:
        return None
