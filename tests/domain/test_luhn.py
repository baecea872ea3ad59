from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.luhn import is_luhn_valid, luhn_check_digit


@pytest.mark.parametrize(
    "digits", ["4111111111111111", "5555555555554444", "4012888888881881", "046454286", "0"]
)
def test_known_valid_numbers_pass(digits: str) -> None:
    assert is_luhn_valid(digits)


@pytest.mark.parametrize("digits", ["4111111111111112", "046454287", "", "12a4", "٤١١١"])
def test_wrong_or_non_ascii_digit_strings_fail(digits: str) -> None:
    assert not is_luhn_valid(digits)


@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_appending_the_check_digit_always_makes_a_valid_number(partial: str) -> None:
    assert is_luhn_valid(partial + luhn_check_digit(partial))


@given(st.text(alphabet="0123456789", min_size=1, max_size=25), st.integers(1, 9))
def test_any_other_last_digit_is_refused(partial: str, shift: int) -> None:
    good = int(luhn_check_digit(partial))
    assert not is_luhn_valid(partial + str((good + shift) % 10))


def test_check_digit_refuses_non_digits() -> None:
    with pytest.raises(ValueError):
        luhn_check_digit("12a")
