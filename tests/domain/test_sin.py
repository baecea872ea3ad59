from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.luhn import luhn_check_digit
from console.domain.sin import is_valid_sin, mask_sin, normalize_sin
from tests.domain.strategies import luhn_numbers, with_separators

VALID = "046454286"  # the Government of Canada's published example
VALID_2 = "130692544"


def test_separators_are_stripped() -> None:
    assert normalize_sin("046 454 286") == VALID
    assert normalize_sin("046-454-286") == VALID


@pytest.mark.parametrize("text", ["130 692 544", "130-692-544", VALID_2, "1 3 0 6 9 2 5 4 4"])
def test_valid_sins_are_accepted_however_typed(text: str) -> None:
    assert is_valid_sin(text)


def test_the_official_example_starts_with_zero_and_is_refused() -> None:
    # 046 454 286 passes Luhn but 0 is never assigned to a person.
    assert not is_valid_sin(VALID)


@pytest.mark.parametrize(
    "text",
    ["130692545", "13069254", "1306925444", "13069254a", "", "８３０６９２５４４", "830692540"],
)
def test_invalid_sins_are_refused(text: str) -> None:
    assert not is_valid_sin(text)


def test_mask_shows_only_the_last_three_digits() -> None:
    assert mask_sin("130 692 544") == "*** *** 544"


@pytest.mark.parametrize("text", ["", "12", "1234567890", "abcdefghi"])
def test_mask_of_anything_but_nine_digits_shows_no_digit(text: str) -> None:
    assert mask_sin(text) == "*** *** ***"


@given(
    st.sampled_from("1234567")
    .flatmap(lambda first: luhn_numbers(first, 9))
    .flatmap(with_separators)
)
def test_any_luhn_number_not_starting_with_0_or_8_is_valid(typed: str) -> None:
    assert is_valid_sin(typed)


@given(st.sampled_from("08"), st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_sins_starting_with_0_or_8_are_never_valid(first: str, middle: str) -> None:
    partial = first + middle
    assert not is_valid_sin(partial + luhn_check_digit(partial))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_mask_never_reveals_more_than_the_last_three(digits: str) -> None:
    shown = mask_sin(digits)
    assert shown == "*** *** " + digits[-3:]
    assert digits[:6] not in shown
