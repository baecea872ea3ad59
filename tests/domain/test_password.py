from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.password import (
    MIN_LENGTH,
    PASSWORD_NEEDS_DIGIT,
    PASSWORD_NEEDS_SPECIAL,
    PASSWORD_NEEDS_UPPERCASE,
    PASSWORD_RULES,
    PASSWORD_SPECIAL_FIRST,
    PASSWORD_TOO_SHORT,
    check_password,
    is_special,
)


def codes(pw: str) -> list[str]:
    return [r.code for r in check_password(pw)]


@pytest.mark.parametrize("pw", ["Abcdefg1#", "Loisirs2026!", "A1$aaaaa", "Québec#2026", "Zz9&zzzz"])
def test_password_meeting_every_rule_has_no_reason(pw: str) -> None:
    assert check_password(pw) == ()


@pytest.mark.parametrize(
    ("pw", "expected"),
    [
        ("Ab1#", [PASSWORD_TOO_SHORT]),
        ("abcdefg1#", [PASSWORD_NEEDS_UPPERCASE]),
        ("Abcdefgh#", [PASSWORD_NEEDS_DIGIT]),
        ("Abcdefgh1", [PASSWORD_NEEDS_SPECIAL]),
        ("#Abcdefg1", [PASSWORD_SPECIAL_FIRST]),
        ("Abc def 12", [PASSWORD_NEEDS_SPECIAL]),
        (
            "",
            [
                PASSWORD_TOO_SHORT,
                PASSWORD_NEEDS_UPPERCASE,
                PASSWORD_NEEDS_DIGIT,
                PASSWORD_NEEDS_SPECIAL,
            ],
        ),
        (
            "!",
            [
                PASSWORD_TOO_SHORT,
                PASSWORD_NEEDS_UPPERCASE,
                PASSWORD_NEEDS_DIGIT,
                PASSWORD_SPECIAL_FIRST,
            ],
        ),
    ],
)
def test_each_broken_rule_is_reported_by_its_code(pw: str, expected: list[str]) -> None:
    assert codes(pw) == expected


def test_too_short_reason_carries_minimum_and_actual_length() -> None:
    (reason,) = check_password("Ab1#")
    assert reason.params == {"min_length": 8, "length": 4}


def test_exactly_eight_characters_is_long_enough() -> None:
    assert check_password("Abcdef1#") == ()
    assert codes("Abcde1#") == [PASSWORD_TOO_SHORT]


def test_rules_list_every_code_the_check_can_return_in_reporting_order() -> None:
    assert PASSWORD_RULES == (
        PASSWORD_TOO_SHORT,
        PASSWORD_NEEDS_UPPERCASE,
        PASSWORD_NEEDS_DIGIT,
        PASSWORD_NEEDS_SPECIAL,
        PASSWORD_SPECIAL_FIRST,
    )


@pytest.mark.parametrize("char", list("#!$&*%@?-_.()[]"))
def test_punctuation_counts_as_special(char: str) -> None:
    assert is_special(char)


@pytest.mark.parametrize("char", ["a", "Z", "5", "é", " ", "\t"])
def test_letters_digits_and_spaces_are_not_special(char: str) -> None:
    assert not is_special(char)


@given(st.text(max_size=40))
def test_reasons_are_always_known_rule_codes_in_rule_order(pw: str) -> None:
    found = codes(pw)
    assert all(code in PASSWORD_RULES for code in found)
    assert found == sorted(found, key=PASSWORD_RULES.index)


@given(st.text(max_size=40))
def test_a_password_is_valid_exactly_when_it_meets_all_five_conditions(pw: str) -> None:
    meets_all = (
        len(pw) >= MIN_LENGTH
        and any(c.isupper() for c in pw)
        and any(c.isdecimal() for c in pw)
        and any(is_special(c) for c in pw)
        and not is_special(pw[0])
    )
    assert (check_password(pw) == ()) == meets_all


letters = st.sampled_from("abcdefghijklmnopqrstuvwxyz")
specials = st.sampled_from("#!$&%*?")


@given(
    st.lists(letters, min_size=5, max_size=30),
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.sampled_from("0123456789"),
    specials,
    st.randoms(use_true_random=False),
)
def test_any_shuffle_with_a_letter_first_is_accepted(
    rest: list[str], upper: str, digit: str, special: str, rnd: random.Random
) -> None:
    chars = [*rest, upper, digit, special]
    rnd.shuffle(chars)
    if is_special(chars[0]):
        chars.insert(0, "a")
    assert check_password("".join(chars)) == ()


@given(st.text(min_size=7, max_size=30).filter(lambda s: not is_special(s[0])), specials)
def test_moving_a_special_character_to_the_front_is_always_refused(tail: str, special: str) -> None:
    assert PASSWORD_SPECIAL_FIRST in codes(special + tail)


@given(st.text(max_size=40))
def test_removing_every_uppercase_is_always_refused(pw: str) -> None:
    lowered = "".join(c for c in pw if not c.isupper())
    assert PASSWORD_NEEDS_UPPERCASE in codes(lowered)
