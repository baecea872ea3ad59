"""The Canadian social insurance number (NAS), needed for the Relevé 24 (F13)."""

from __future__ import annotations

from console.domain.luhn import is_luhn_valid

SIN_LENGTH = 9
SHOWN_DIGITS = 3

# 0 is not assigned to people and 8 is used for business numbers, never a person's SIN.
_INVALID_FIRST_DIGITS = frozenset("08")


def normalize_sin(text: str) -> str:
    """The number without spaces and dashes ("046 454 286" → "046454286")."""
    return "".join(c for c in text if c not in " -\t")


def is_valid_sin(text: str) -> bool:
    """Nine digits passing the Luhn check, not starting with 0 or 8 (separators allowed)."""
    digits = normalize_sin(text)
    return (
        len(digits) == SIN_LENGTH
        and digits.isascii()
        and digits.isdigit()
        and digits[0] not in _INVALID_FIRST_DIGITS
        and is_luhn_valid(digits)
    )


def mask_sin(text: str) -> str:
    """The SIN as shown on screen: "*** *** 123", only the last three digits visible.

    Anything that is not nine digits shows no digit at all.
    """
    digits = normalize_sin(text)
    if len(digits) != SIN_LENGTH or not (digits.isascii() and digits.isdigit()):
        return "*** *** ***"
    return f"*** *** {digits[-SHOWN_DIGITS:]}"


def mask_last_digits(last3: str | None) -> str:
    """The masked number from the three digits kept beside its ciphertext ("123" →
    "*** *** 123"); unknown digits show none."""
    if last3 is None or len(last3) != SHOWN_DIGITS or not (last3.isascii() and last3.isdigit()):
        return "*** *** ***"
    return f"*** *** {last3}"


def format_sin(text: str) -> str:
    """The whole number in groups of three ("046454286" → "046 454 286"), as revealed."""
    digits = normalize_sin(text)
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


# How long a revealed number stays on screen before it is masked again.
REVEAL_SECONDS = 30
