"""The names of the months and the days, French and English: the one table the receipts,
the schedules, the screens, the demo's programme and the date reader all use."""

from __future__ import annotations

from datetime import date
from typing import Final

from console.domain.vocabulary import Language

FRENCH_MONTHS: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
ENGLISH_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The short forms people write besides the whole names (OQLF abbreviations and the
# English three letters), month by month; a reader folds case, accents and the period.
MONTH_ABBREVIATIONS: Final = (
    ("janv.", "Jan."),
    ("févr.", "fév.", "Feb."),
    ("Mar.",),
    ("avr.", "Apr."),
    (),
    ("Jun.",),
    ("juill.", "juil.", "Jul."),
    ("aoû.", "Aug."),
    ("sept.", "Sep."),
    ("oct.", "Oct."),
    ("nov.", "Nov."),
    ("déc.", "Dec."),
)
FRENCH_DAYS: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
ENGLISH_DAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def month_name(month: int, language: Language) -> str:
    """ "décembre" / "December" for 12 (French month names take no capital)."""
    names = ENGLISH_MONTHS if language is Language.EN else FRENCH_MONTHS
    return names[month - 1]


def long_date(day: date, language: Language) -> str:
    """ "3 décembre 2016" ("1er mars" for the first) in French, "December 3, 2016" in
    English: a date as it is said, on a receipt or back to the caller."""
    month = month_name(day.month, language)
    if language is Language.EN:
        return f"{month} {day.day}, {day.year}"
    first = "er" if day.day == 1 else ""
    return f"{day.day}{first} {month} {day.year}"
