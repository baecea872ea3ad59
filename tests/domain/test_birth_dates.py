"""Dates as agents type them: every form read to the one date, day first when numbers
only, and the reading says which form it understood."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.birth_dates import DateForm, ReadDate, month_number, read_date

DEC_3 = date(2016, 12, 3)


@pytest.mark.parametrize(
    ("text", "form", "ambiguous"),
    [
        ("3/12/2016", DateForm.DAY_FIRST, True),
        ("03/12/2016", DateForm.DAY_FIRST, True),
        ("03 12 2016", DateForm.DAY_FIRST, True),
        ("3 12 2016", DateForm.DAY_FIRST, True),
        ("3-12-2016", DateForm.DAY_FIRST, True),
        ("3.12.2016", DateForm.DAY_FIRST, True),
        (" 3 / 12 / 2016 ", DateForm.DAY_FIRST, True),
        ("2016-12-03", DateForm.ISO, False),
        ("2016/12/03", DateForm.ISO, False),
        ("2016 12 3", DateForm.ISO, False),
        ("3 décembre 2016", DateForm.MONTH_WORD, False),
        ("3 Décembre 2016", DateForm.MONTH_WORD, False),
        ("3 decembre 2016", DateForm.MONTH_WORD, False),
        ("3 déc. 2016", DateForm.MONTH_WORD, False),
        ("3 déc 2016", DateForm.MONTH_WORD, False),
        ("3 dec 2016", DateForm.MONTH_WORD, False),
        ("le 3 décembre 2016", DateForm.MONTH_WORD, False),
        ("3e décembre 2016", DateForm.MONTH_WORD, False),
        ("December 3, 2016", DateForm.MONTH_WORD, False),
        ("Dec. 3, 2016", DateForm.MONTH_WORD, False),
        ("dec 3 2016", DateForm.MONTH_WORD, False),
        ("December 3rd, 2016", DateForm.MONTH_WORD, False),
        ("3 December 2016", DateForm.MONTH_WORD, False),
        ("the 3rd of December, 2016", DateForm.MONTH_WORD, False),
        ("2016 déc. 3", DateForm.MONTH_WORD, False),
    ],
)
def test_every_form_an_agent_types_reads_the_same_date(
    text: str, form: DateForm, ambiguous: bool
) -> None:
    assert read_date(text) == ReadDate(DEC_3, form, ambiguous)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/12/2016", ReadDate(date(2016, 12, 13), DateForm.DAY_FIRST, ambiguous=False)),
        ("12/12/2016", ReadDate(date(2016, 12, 12), DateForm.DAY_FIRST, ambiguous=False)),
        ("1/2/1984", ReadDate(date(1984, 2, 1), DateForm.DAY_FIRST, ambiguous=True)),
        ("1er mars 1984", ReadDate(date(1984, 3, 1), DateForm.MONTH_WORD)),
        ("1st March 1984", ReadDate(date(1984, 3, 1), DateForm.MONTH_WORD)),
        ("29 février 2016", ReadDate(date(2016, 2, 29), DateForm.MONTH_WORD)),
        ("15 août 2010", ReadDate(date(2010, 8, 15), DateForm.MONTH_WORD)),
        ("15 aout 2010", ReadDate(date(2010, 8, 15), DateForm.MONTH_WORD)),
        ("7 juil. 2019", ReadDate(date(2019, 7, 7), DateForm.MONTH_WORD)),
        ("May 5, 2019", ReadDate(date(2019, 5, 5), DateForm.MONTH_WORD)),
        ("5 mai 2019", ReadDate(date(2019, 5, 5), DateForm.MONTH_WORD)),
    ],
)
def test_day_first_and_each_month_word(text: str, expected: ReadDate) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12 juin 84",  # a two-digit year: which century?
        "3/12/16",
        "12/13/2016",  # no thirteenth month: never silently read month first
        "31/11/2016",  # 31 November
        "29/02/2015",
        "30 février 2016",
        "2016-13-01",
        "2016-12",
        "3 décembre",
        "décembre 2016",
        "3 smarch 2016",
        "3 décembre janvier 2016",
        "3 12 2016 4",
        "20161203",
        "3//2016",
        "trois décembre 2016",
        "0/12/2016",
        "3/0/2016",
        "x" * 500,
    ],
)
def test_what_is_not_a_whole_real_date_is_not_read(text: str) -> None:
    assert read_date(text) is None


def test_month_words_in_both_languages() -> None:
    assert month_number("Janv.") == month_number("January") == 1
    assert month_number("FÉVR") == month_number("feb") == 2
    assert month_number("déc.") == month_number("DECEMBER") == 12
    assert month_number("lundi") is None


_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_FRENCH = [
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
]
_FRENCH_SHORT = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]
_ENGLISH = [
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
]


@given(day=_DATES, separator=st.sampled_from(["/", " ", "-", "."]), padded=st.booleans())
def test_numbers_day_first_round_trip(day: date, separator: str, padded: bool) -> None:
    d, m = (f"{day.day:02}", f"{day.month:02}") if padded else (str(day.day), str(day.month))
    read = read_date(separator.join([d, m, str(day.year)]))
    assert read is not None
    assert (read.value, read.form) == (day, DateForm.DAY_FIRST)
    assert read.ambiguous == (day.day <= 12 and day.day != day.month)


@given(day=_DATES, separator=st.sampled_from(["-", "/", " "]))
def test_year_first_round_trips(day: date, separator: str) -> None:
    text = day.isoformat().replace("-", separator)
    assert read_date(text) == ReadDate(day, DateForm.ISO)


@given(day=_DATES, names=st.sampled_from([_FRENCH, _FRENCH_SHORT, _ENGLISH]), upper=st.booleans())
def test_month_words_round_trip(day: date, names: list[str], upper: bool) -> None:
    month = names[day.month - 1]
    month = month.upper() if upper else month
    for text in (f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}"):
        assert read_date(text) == ReadDate(day, DateForm.MONTH_WORD), text


@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_never_an_error(text: str) -> None:
    read = read_date(text)
    assert read is None or isinstance(read.value, date)
