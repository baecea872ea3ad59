from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from console.domain.cards import (
    CARD_BRAND_NOT_ACCEPTED,
    CARD_CHECKSUM,
    CARD_EXPIRED,
    CARD_EXPIRY_INVALID,
    CARD_LENGTH,
    CARD_NOT_DIGITS,
    CVV_INVALID,
    CardCheck,
    CardEntry,
    card_brand,
    card_network,
    check_card,
    check_expiry,
    is_valid_cvv,
    normalize_card_number,
)
from console.domain.errors import Reason
from console.domain.luhn import is_luhn_valid
from console.domain.vocabulary import CardBrand
from tests.domain.strategies import (
    luhn_numbers,
    mastercard_numbers,
    visa_numbers,
    with_separators,
)

TODAY = date(2026, 3, 2)
VISA = "4111111111111111"
MC = "5555555555554444"
MC_2 = "2223003122003222"


def card_codes(number: str, month: int = 12, year: int = 2028, cvv: str = "123") -> list[str]:
    return [r.code for r in check_card(number, month, year, cvv, TODAY).reasons]


def test_spaces_and_dashes_are_stripped() -> None:
    assert normalize_card_number(" 4111-1111 1111\u00a01111 ") == VISA


@pytest.mark.parametrize(
    ("digits", "brand"),
    [
        (VISA, CardBrand.VISA),
        ("4222222222222", CardBrand.VISA),
        (MC, CardBrand.MASTERCARD),
        ("5105105105105100", CardBrand.MASTERCARD),
        (MC_2, CardBrand.MASTERCARD),
        ("2720990000000007", CardBrand.MASTERCARD),
        ("2221000000000009", CardBrand.MASTERCARD),
        ("2220990000000000", None),
        ("2721000000000000", None),
        ("5000000000000000", None),
        ("5600000000000000", None),
        ("378282246310005", None),
        ("6011111111111117", None),
        ("", None),
        ("4x", None),
    ],
)
def test_brand_from_prefix(digits: str, brand: CardBrand | None) -> None:
    assert card_brand(digits) is brand


@pytest.mark.parametrize(
    ("digits", "network"),
    [
        ("378282246310005", "amex"),
        ("6011111111111117", "discover"),
        ("6445000000000000", "discover"),
        ("30569309025904", "diners"),
        ("3530111333300000", "jcb"),
        ("6200000000000005", "unionpay"),
        ("9999", "unknown"),
        (VISA, "visa"),
        (MC, "mastercard"),
    ],
)
def test_refused_networks_are_named_for_the_caller(digits: str, network: str) -> None:
    assert card_network(digits) == network


@pytest.mark.parametrize("number", [VISA, MC, MC_2, "4222222222222", "4111 1111 1111 1111"])
def test_valid_cards_pass(number: str) -> None:
    result = check_card(number, 3, 2026, "123", TODAY)
    assert result.ok and result.reasons == ()
    assert result.last4 == normalize_card_number(number)[-4:]


def test_letters_in_the_number_are_refused_without_echoing_the_number() -> None:
    result = check_card("4111 1111 abcd 1111", 12, 2028, "123", TODAY)
    assert result.reasons == (Reason(CARD_NOT_DIGITS),)
    assert result.brand is None and result.last4 is None


def test_amex_is_refused_as_brand_not_accepted() -> None:
    result = check_card("3782 822463 10005", 12, 2028, "1234", TODAY)
    assert result.reasons[0] == Reason(CARD_BRAND_NOT_ACCEPTED, {"network": "amex"})


def test_wrong_length_for_the_brand_is_refused_with_allowed_lengths() -> None:
    result = check_card("411111111111111", 12, 2028, "123", TODAY)
    assert result.reasons == (
        Reason(CARD_LENGTH, {"brand": CardBrand.VISA, "length": 15, "allowed": (13, 16, 19)}),
    )


def test_mastercard_must_have_sixteen_digits() -> None:
    assert card_codes("5555555555554") == [CARD_LENGTH]


def test_a_mistyped_digit_is_a_checksum_error() -> None:
    assert card_codes("4111111111111112") == [CARD_CHECKSUM]


def test_empty_number_is_refused_as_not_digits() -> None:
    assert card_codes("") == [CARD_NOT_DIGITS]


@pytest.mark.parametrize(
    ("month", "year", "expired"),
    [
        (3, 2026, False),  # valid through the end of its month
        (3, 26, False),
        (2, 2026, True),
        (12, 2025, True),
        (12, 25, True),
        (1, 2027, False),
    ],
)
def test_card_is_valid_through_the_end_of_its_expiry_month(
    month: int, year: int, expired: bool
) -> None:
    reason = check_expiry(month, year, TODAY)
    if expired:
        assert reason is not None and reason.code == CARD_EXPIRED
        assert reason.params["exp_month"] == month and reason.params["exp_year"] >= 2000
    else:
        assert reason is None


def test_last_day_of_expiry_month_still_accepted_first_day_after_refused() -> None:
    assert check_expiry(3, 2026, date(2026, 3, 31)) is None
    assert check_expiry(3, 2026, date(2026, 4, 1)) == Reason(
        CARD_EXPIRED, {"exp_month": 3, "exp_year": 2026}
    )


@pytest.mark.parametrize(("month", "year"), [(0, 2027), (13, 2027), (5, 1999), (5, 2100), (5, -1)])
def test_impossible_expiry_is_invalid(month: int, year: int) -> None:
    assert check_expiry(month, year, TODAY) == Reason(
        CARD_EXPIRY_INVALID, {"exp_month": month, "exp_year": year}
    )


@pytest.mark.parametrize("cvv", ["12", "1234", "12a", "", " 123", "١٢٣"])
def test_cvv_must_be_exactly_three_digits(cvv: str) -> None:
    assert not is_valid_cvv(cvv)
    reasons = check_card(VISA, 12, 2028, cvv, TODAY).reasons
    assert reasons == (Reason(CVV_INVALID, {"length": len(cvv)}),)


def test_all_problems_are_reported_together_in_order() -> None:
    assert card_codes("4111111111111112", 1, 2020, "9") == [
        CARD_CHECKSUM,
        CARD_EXPIRED,
        CVV_INVALID,
    ]


def test_check_result_shows_only_the_last_four() -> None:
    result = check_card(VISA, 12, 2028, "987", TODAY)
    assert result.masked == "•••• 1111"
    for text in (repr(result), str(result)):
        assert "411111" not in text and "987" not in text


def test_short_input_shows_no_digits_at_all() -> None:
    result = check_card("41111", 12, 2028, "123", TODAY)
    assert result.last4 is None and result.masked == "••••"


@given(st.one_of(visa_numbers(), mastercard_numbers()).flatmap(with_separators))
def test_any_valid_visa_or_mastercard_with_spaces_and_dashes_is_accepted(typed: str) -> None:
    result = check_card(typed, 12, 2030, "321", TODAY)
    assert result.ok, result.reasons
    assert result.brand in (CardBrand.VISA, CardBrand.MASTERCARD)


@given(visa_numbers(), st.integers(1, 9), st.data())
def test_any_single_digit_error_is_refused_as_checksum(
    number: str, shift: int, data: st.DataObject
) -> None:
    position = data.draw(st.integers(1, len(number) - 1))  # keep the VISA prefix
    wrong = str((int(number[position]) + shift) % 10)
    typo = number[:position] + wrong + number[position + 1 :]
    assert card_codes(typo) == [CARD_CHECKSUM]


@given(st.text(alphabet="0123456789", min_size=12, max_size=19).map(lambda s: "4" + s))
def test_visa_prefixed_numbers_are_accepted_exactly_when_length_and_luhn_are_right(
    digits: str,
) -> None:
    good = len(digits) in (13, 16, 19) and is_luhn_valid(digits)
    assert check_card(digits, 12, 2030, "321", TODAY).ok == good


@given(
    st.sampled_from(["34", "37", "6011", "65", "35", "9", "1"]).flatmap(
        lambda p: luhn_numbers(p, 16)
    )
)
def test_other_networks_are_refused_even_with_a_right_checksum(number: str) -> None:
    assert card_codes(number) == [CARD_BRAND_NOT_ACCEPTED]


@given(
    st.text(alphabet="0123456789 -", max_size=25),
    st.text(alphabet="0123456789", min_size=3, max_size=6),
)
def test_no_reason_or_repr_ever_carries_the_number_or_cvv(number: str, cvv: str) -> None:
    digits = normalize_card_number(number)
    assume(len(digits) >= 6)
    result = check_card(number, 12, 2030, cvv, TODAY)
    for text in (repr(result), str(result)):
        assert digits not in text
    for reason in result.reasons:
        assert digits not in str(reason.params)
        assert cvv not in [str(v) for v in reason.params.values()]


class TestCardEntry:
    def test_repr_and_str_mask_number_and_cvv(self) -> None:
        entry = CardEntry("4111 1111 1111 1111", 12, 2028, "987")
        for text in (repr(entry), str(entry), f"{entry}"):
            assert "411111" not in text and "987" not in text
            assert "•••• 1111" in text

    def test_entry_gives_the_digits_to_the_payment_adapter(self) -> None:
        entry = CardEntry("4111-1111-1111-1111", 12, 2028, "987")
        assert entry.number() == VISA and entry.cvv() == "987"
        assert entry.check(TODAY) == CardCheck(CardBrand.VISA, "1111", ())

    def test_clear_zeroes_and_forgets_the_secrets(self) -> None:
        entry = CardEntry(VISA, 12, 2028, "987")
        number_buffer = entry._number
        cvv_buffer = entry._cvv
        entry.clear()
        assert entry.cleared
        assert number_buffer == bytearray() and cvv_buffer == bytearray()
        assert entry.last4 is None and "cleared" in repr(entry)
        with pytest.raises(ValueError):
            entry.number()
        with pytest.raises(ValueError):
            entry.cvv()
        with pytest.raises(ValueError):
            entry.check(TODAY)

    def test_context_manager_clears_even_on_error(self) -> None:
        with pytest.raises(RuntimeError), CardEntry(VISA, 12, 2028, "987") as entry:
            raise RuntimeError("gateway down")
        assert entry.cleared

    def test_entry_cannot_be_pickled_or_copied(self) -> None:
        entry = CardEntry(VISA, 12, 2028, "987")
        with pytest.raises(TypeError):
            pickle.dumps(entry)
        with pytest.raises(TypeError):
            copy.copy(entry)
        with pytest.raises(TypeError):
            copy.deepcopy(entry)

    def test_entries_are_equal_only_to_themselves(self) -> None:
        first = CardEntry(VISA, 12, 2028, "987")
        assert first == first
        assert first != CardEntry(VISA, 12, 2028, "987")

    def test_entry_has_no_dict_where_secrets_could_leak(self) -> None:
        assert not hasattr(CardEntry(VISA, 12, 2028, "987"), "__dict__")


def test_a_card_number_with_a_lone_surrogate_is_refused_as_not_digits() -> None:
    from datetime import date

    from console.domain.cards import CardEntry

    with CardEntry("4242 4242 4242 424\ud800", 12, 2031, "12\ud800") as card:
        assert not card.check(date(2026, 12, 1)).ok
