from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.phones import format_phone, looks_like_phone, normalize_phone, split_extension


@pytest.mark.parametrize(
    "typed",
    [
        "418 555-0199",
        "4185550199",
        "+1 418-555-0199",
        "(418) 555-0199",
        "1-418-555-0199",
        "418.555.0199",
        "  418 555 0199  ",
        "+14185550199",
    ],
)
def test_every_usual_way_of_typing_a_quebec_number_gives_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+14185550199"
    assert looks_like_phone(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "Marie Côté",
        "marie@example.com",
        "555-0199",  # no area code
        "0123456789",
        "1-800-FLOWERS",
        "418 555-0199 ext 3 ask for Luc",
        "12",
        "+",
    ],
)
def test_text_that_is_not_a_complete_phone_gives_none(typed: str) -> None:
    assert normalize_phone(typed) is None
    assert not looks_like_phone(typed)


def test_foreign_numbers_keep_their_country() -> None:
    assert normalize_phone("+33 1 23 45 67 89") == "+33123456789"


def test_region_reads_national_numbers_of_another_country() -> None:
    assert normalize_phone("01 23 45 67 89", region="FR") == "+33123456789"


def test_display_uses_the_city_style_without_parentheses() -> None:
    assert format_phone("+14186416018") == "418 641-6018"


def test_display_of_a_foreign_number_is_international() -> None:
    assert format_phone("+33123456789") == "+33 1 23 45 67 89"


def test_display_of_garbage_shows_it_unchanged() -> None:
    assert format_phone("not a phone") == "not a phone"


area_codes = st.sampled_from(["418", "581", "367", "514", "438", "450", "819", "613", "416"])
exchanges = st.integers(200, 999).map(str)
lines = st.integers(0, 9999).map(lambda n: f"{n:04d}")


@given(
    area_codes,
    exchanges,
    lines,
    st.sampled_from(
        ["{a} {e}-{l}", "({a}) {e}-{l}", "1-{a}-{e}-{l}", "+1 {a} {e} {l}", "{a}{e}{l}"]
    ),
)
def test_any_valid_canadian_number_round_trips_through_display(
    area: str, exchange: str, line: str, pattern: str
) -> None:
    typed = pattern.format(a=area, e=exchange, l=line)
    e164 = normalize_phone(typed)
    if e164 is None:
        return  # phonenumbers knows some exchanges are unassigned (e.g. N11)
    assert e164 == f"+1{area}{exchange}{line}"
    shown = format_phone(e164)
    assert shown == f"{area} {exchange}-{line}"
    assert normalize_phone(shown) == e164


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=20))
def test_words_are_never_phones(text: str) -> None:
    assert normalize_phone(text) is None


_SEPARATORS = st.sampled_from(["", " ", "-", ".", " - "])


@st.composite
def _typed_nanp_numbers(draw: st.DrawFn) -> str:
    """Ten digits as people type them, with or without a leading 1 or +1."""
    area_code = draw(
        st.one_of(
            st.sampled_from(["418", "581", "367", "514", "819", "212", "800", "876", "555"]),
            st.integers(0, 999).map(lambda n: f"{n:03d}"),
        )
    )
    digits = area_code + f"{draw(st.integers(0, 9_999_999)):07d}"
    sep = draw(_SEPARATORS)
    area = draw(st.sampled_from([digits[:3], f"({digits[:3]})"]))
    body = f"{area}{sep}{digits[3:6]}{sep}{digits[6:]}"
    prefix = draw(st.sampled_from(["", "1", "1-", "+1", "+1 ", "+", "2"]))
    return prefix + body


@given(_typed_nanp_numbers(), st.sampled_from(["CA", "US"]))
def test_the_quick_north_american_path_agrees_with_phonenumbers(typed: str, region: str) -> None:
    from console.domain.phones import _normalize_by_parsing

    assert normalize_phone(typed, region) == _normalize_by_parsing(typed.strip(), region)


@pytest.mark.parametrize(
    "typed",
    [
        "418 641-6018 poste 234",
        "418 641-6018 Poste 234",
        "418 641-6018, poste 234",
        "418 641-6018 p. 234",
        "418 641-6018 p.234",
        "418 641-6018 p 234",
        "418 641-6018 ext. 234",
        "418 641-6018 ext 234",
        "418 641-6018 extension 234",
        "418 641-6018 x234",
        "418 641-6018 x 234",
        "418 641-6018 #234",
        "(418) 641-6018 #234",
        "4186416018x234",
        "+1 418 641-6018 poste: 234",
    ],
)
def test_an_extension_read_in_french_or_english_is_split_from_the_number(typed: str) -> None:
    assert split_extension(typed) == ("+14186416018", "234")


@pytest.mark.parametrize(
    "typed",
    [
        "418 641-6018",  # no extension
        "641-6018 poste 234",  # no area code
        "418 641-6018 poste",
        "418 641-6018 poste 234 demander Luc",
        "418 641-6018 bureau 234",
        "Marie poste 234",
        "418 641-6018 poste 1234567",
        "",
    ],
)
def test_what_is_not_a_number_with_its_extension_is_not_split(typed: str) -> None:
    assert split_extension(typed) is None


@given(
    national=st.from_regex(r"\A[2-9][0-8][0-9][2-9][0-9]{6}\Z"),
    word=st.sampled_from(["poste ", "p. ", "ext. ", "extension ", "x", "#", " x ", " # "]),
    extension=st.from_regex(r"\A[0-9]{1,6}\Z"),
)
def test_a_valid_number_keeps_its_extension(national: str, word: str, extension: str) -> None:
    number = normalize_phone(national)
    if number is None:  # not every such number is assigned in the plan
        return
    shown = format_phone(number)
    assert split_extension(f"{shown} {word}{extension}") == (number, extension)
