"""The Luhn (mod 10) checksum shared by card numbers and social insurance numbers."""

from __future__ import annotations


def _luhn_sum(digits: str, double_first: bool) -> int:
    total = 0
    double = double_first
    # Walk from the right: the rightmost digit is never doubled when it is the check digit.
    for char in reversed(digits):
        value = int(char)
        if double:
            value *= 2
            if value > 9:
                value -= 9
        total += value
        double = not double
    return total


def is_luhn_valid(digits: str) -> bool:
    """True when ``digits`` (ASCII digits only, at least one) passes the Luhn check."""
    if not digits or not (digits.isascii() and digits.isdigit()):
        return False
    return _luhn_sum(digits, double_first=False) % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """The digit to append to ``partial`` so the whole passes the Luhn check."""
    if not (partial.isascii() and partial.isdigit()):
        raise ValueError("luhn_check_digit needs ASCII digits")
    # The future check digit sits at the right, so the last digit of ``partial`` is doubled.
    return str((10 - _luhn_sum(partial, double_first=True) % 10) % 10)
