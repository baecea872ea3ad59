from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.identifiers import (
    NumberKind,
    QueryKind,
    SearchTerms,
    classify_query,
    normalize_email,
    number_kind,
    phone_candidate,
    read_query,
)
from console.domain.phones import normalize_phone

Q = QueryKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("marie.cote@example.com", Q.EMAIL),
        ("  Jean-Paul.Roy@exemple.qc.ca ", Q.EMAIL),
        ("marie@", Q.NAME),
        ("@cote", Q.NAME),
        ("418 555-0199", Q.PHONE),
        ("4185550199", Q.PHONE),
        ("+1 418-555-0199", Q.PHONE),
        ("(418) 555-0199", Q.PHONE),
        ("1-418-555-0199", Q.PHONE),
        ("+33 1 23 45 67 89", Q.PHONE),
        ("100001", Q.NUMBER),
        ("5000001", Q.NUMBER),
        ("5550199", Q.NUMBER),
        ("555-0199", Q.NUMBER),
        ("20000001", Q.NUMBER),
        ("300000001", Q.NUMBER),
        ("12345", Q.NUMBER),
        ("0123456789", Q.NUMBER),
        ("1234", Q.NAME),
        ("123456789012", Q.NAME),
        ("+12345", Q.NAME),
        ("Côté", Q.NAME),
        ("Marie Côté", Q.NAME),
        ("O'Neil", Q.NAME),
        ("Côté 418", Q.NAME),
        ("", Q.NAME),
        ("   ", Q.NAME),
    ],
)
def test_query_is_classified(text: str, kind: QueryKind) -> None:
    assert classify_query(text) is kind


def test_email_is_normalized_without_a_network_lookup() -> None:
    assert normalize_email("Marie.Cote@EXAMPLE.com") == "Marie.Cote@example.com"
    assert normalize_email("pas un courriel") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("100001", NumberKind.HOUSEHOLD),
        ("100000", None),
        ("999999", NumberKind.HOUSEHOLD),
        ("5000001", NumberKind.CART),
        ("4999999", None),
        ("20000001", NumberKind.RECEIPT),
        ("19999999", None),
        ("300000001", NumberKind.TRANSACTION),
        ("299999999", None),
        ("12345", None),
        ("4185550199", None),
        ("abc", None),
    ],
)
def test_number_kind_follows_length_and_first_number(text: str, kind: NumberKind | None) -> None:
    assert number_kind(text) is kind


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("5550199", "+14185550199"),
        ("555-0199", "+14185550199"),
        ("418 555-0199", "+14185550199"),
        ("100001", None),
        ("Côté", None),
        ("+5550199", None),
    ],
)
def test_phone_candidate_tries_the_418_area_code_for_seven_digits(
    text: str, phone: str | None
) -> None:
    assert phone_candidate(text) == phone


def test_phone_candidate_area_code_can_be_changed() -> None:
    assert phone_candidate("5550199", area_code="581") == "+15815550199"


@given(st.integers(5000001, 9999999))
def test_every_cart_number_is_a_number_that_may_also_be_a_local_phone(number: int) -> None:
    assert classify_query(str(number)) is Q.NUMBER
    assert number_kind(str(number)) is NumberKind.CART


@given(st.integers(100001, 999999))
def test_every_household_number_is_a_number(number: int) -> None:
    assert classify_query(str(number)) is Q.NUMBER
    assert phone_candidate(str(number)) is None


@given(st.integers(20000001, 99999999))
def test_every_receipt_number_is_a_number(number: int) -> None:
    assert classify_query(str(number)) is Q.NUMBER


@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=30))
def test_letters_and_spaces_are_always_a_name(text: str) -> None:
    assert classify_query(text) is Q.NAME


@given(st.text(max_size=30))
def test_classification_never_crashes_and_is_a_known_kind(text: str) -> None:
    assert classify_query(text) in set(QueryKind)


@given(st.integers(0, 9_999_999))
def test_a_local_candidate_is_what_phonenumbers_makes_of_it_with_the_area_code(
    number: int,
) -> None:
    digits = f"{number:07d}"
    valid = normalize_phone("418" + digits)
    candidate = phone_candidate(digits)
    # Every number phonenumbers accepts is searched; nothing else but the exchange rule.
    if valid is not None:
        assert candidate == valid
    if candidate is not None:
        assert candidate == "+1418" + digits and digits[0] in "23456789"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            " Marie.Cote@Example.com ",
            SearchTerms(
                "Marie.Cote@Example.com", email="marie.cote@example.com", whole_address=True
            ),
        ),
        ("marie@exam", SearchTerms("marie@exam", email="marie@exam")),
        ("418 555-0199", SearchTerms("418 555-0199", phone="+14185550199")),
        ("555-0199", SearchTerms("555-0199", number=5550199, local_phone="+14185550199")),
        ("100 001", SearchTerms("100 001", number=100001)),
        ("Côté", SearchTerms("Côté")),
    ],
)
def test_a_query_is_read_once_into_what_each_lookup_needs(text: str, terms: SearchTerms) -> None:
    assert read_query(text) == terms
