"""Card rules of the payment step (F10): VISA and Mastercard only, checked before charging.

The card number and CVV live only in memory for the charge (DESIGN.md §6): nothing here
stores them, every repr masks them, and ``CardEntry`` keeps them in bytearrays that
``clear()`` overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any, NoReturn

from console.domain.errors import Reason
from console.domain.luhn import is_luhn_valid
from console.domain.vocabulary import CardBrand

CARD_NOT_DIGITS = "card_not_digits"
CARD_BRAND_NOT_ACCEPTED = "card_brand_not_accepted"
CARD_LENGTH = "card_length"
CARD_CHECKSUM = "card_checksum"
CARD_EXPIRED = "card_expired"
CARD_EXPIRY_INVALID = "card_expiry_invalid"
CVV_INVALID = "cvv_invalid"

CARD_LENGTHS: dict[CardBrand, tuple[int, ...]] = {
    CardBrand.VISA: (13, 16, 19),
    CardBrand.MASTERCARD: (16,),
}
CVV_LENGTH = 3
MASK = "••••"

# The site refuses spaces and dashes; the console strips them for the caller (F10).
_SEPARATORS = frozenset(" -\t\u00a0\u2010\u2011\u2012\u2013\u2014")


def normalize_card_number(text: str) -> str:
    """The number without the spaces and dashes people type between groups."""
    return "".join(c for c in text if c not in _SEPARATORS)


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def card_brand(digits: str) -> CardBrand | None:
    """The accepted brand the number's prefix belongs to, or None (not VISA/Mastercard)."""
    if not _is_ascii_digits(digits):
        return None
    if digits.startswith("4"):
        return CardBrand.VISA
    if len(digits) >= 2 and 51 <= int(digits[:2]) <= 55:
        return CardBrand.MASTERCARD
    if len(digits) >= 4 and 2221 <= int(digits[:4]) <= 2720:
        return CardBrand.MASTERCARD
    return None


def card_network(digits: str) -> str:
    """A name for the card's network, to tell the caller which card was refused.

    Returns a brand value ("visa", "mastercard") or "amex", "discover", "diners", "jcb",
    "unionpay", "unknown".
    """
    brand = card_brand(digits)
    if brand is not None:
        return brand.value
    if not _is_ascii_digits(digits):
        return "unknown"
    if digits[:2] in ("34", "37"):
        return "amex"
    if digits.startswith(("6011", "65")) or (len(digits) >= 3 and 644 <= int(digits[:3]) <= 649):
        return "discover"
    if digits.startswith(("36", "38")) or (len(digits) >= 3 and 300 <= int(digits[:3]) <= 305):
        return "diners"
    if len(digits) >= 4 and 3528 <= int(digits[:4]) <= 3589:
        return "jcb"
    if digits.startswith("62"):
        return "unionpay"
    return "unknown"


def _full_year(exp_year: int) -> int | None:
    # Cards print the year as two digits; the form may send two or four.
    if 0 <= exp_year <= 99:
        return 2000 + exp_year
    if 2000 <= exp_year <= 2099:
        return exp_year
    return None


def check_expiry(exp_month: int, exp_year: int, today: date) -> Reason | None:
    """None when the card is valid ``today``; cards are valid through their expiry month.

    Reasons: ``card_expiry_invalid`` {exp_month, exp_year}; ``card_expired`` {exp_month,
    exp_year} with the four-digit year.
    """
    year = _full_year(exp_year)
    if year is None or not 1 <= exp_month <= 12:
        return Reason(CARD_EXPIRY_INVALID, {"exp_month": exp_month, "exp_year": exp_year})
    if (today.year, today.month) > (year, exp_month):
        return Reason(CARD_EXPIRED, {"exp_month": exp_month, "exp_year": year})
    return None


def is_valid_cvv(cvv: str) -> bool:
    """Exactly three digits, the code on the back of VISA and Mastercard cards."""
    return len(cvv) == CVV_LENGTH and _is_ascii_digits(cvv)


def masked(last4: str | None) -> str:
    """How a card is shown anywhere: "•••• 1234" (only the last four ever appear)."""
    return f"{MASK} {last4}" if last4 else MASK


@dataclass(frozen=True)
class CardCheck:
    """The outcome of checking a card: holds no number and no CVV, only the last four."""

    brand: CardBrand | None
    last4: str | None
    reasons: tuple[Reason, ...]

    @property
    def ok(self) -> bool:
        return not self.reasons

    @property
    def masked(self) -> str:
        return masked(self.last4)


def check_card(number: str, exp_month: int, exp_year: int, cvv: str, today: date) -> CardCheck:
    """Every F10 rule the card breaks, before it is sent to the payment site.

    Reasons (in this order, none of them carrying the number or the CVV):
    - ``card_not_digits`` {} — empty, or something other than digits, spaces and dashes
    - ``card_brand_not_accepted`` {network} — only VISA and Mastercard
    - ``card_length`` {brand, length, allowed}
    - ``card_checksum`` {} — a digit was mistyped (Luhn)
    - ``card_expiry_invalid`` {exp_month, exp_year} / ``card_expired`` {exp_month, exp_year}
    - ``cvv_invalid`` {length}
    """
    digits = normalize_card_number(number)
    reasons: list[Reason] = []
    brand: CardBrand | None = None
    last4: str | None = None
    if not _is_ascii_digits(digits):
        reasons.append(Reason(CARD_NOT_DIGITS))
    else:
        brand = card_brand(digits)
        # Four digits out of at least twelve reveal nothing useful; shorter input shows none.
        last4 = digits[-4:] if len(digits) >= 12 else None
        if brand is None:
            reasons.append(Reason(CARD_BRAND_NOT_ACCEPTED, {"network": card_network(digits)}))
        elif len(digits) not in CARD_LENGTHS[brand]:
            reasons.append(
                Reason(
                    CARD_LENGTH,
                    {"brand": brand, "length": len(digits), "allowed": CARD_LENGTHS[brand]},
                )
            )
        elif not is_luhn_valid(digits):
            reasons.append(Reason(CARD_CHECKSUM))
    expiry = check_expiry(exp_month, exp_year, today)
    if expiry is not None:
        reasons.append(expiry)
    if not is_valid_cvv(cvv):
        reasons.append(Reason(CVV_INVALID, {"length": len(cvv)}))
    return CardCheck(brand=brand, last4=last4, reasons=tuple(reasons))


class CardEntry:
    """A card as keyed for one charge: number and CVV in bytearrays that ``clear()`` zeroes.

    Python cannot promise no other copy exists (the ``str`` the caller typed, the one sent
    to the gateway), but this value never shows, pickles, copies or outlives the charge:
    use it as a context manager so it is cleared whatever happens.
    """

    __slots__ = ("_cleared", "_cvv", "_number", "exp_month", "exp_year")

    def __init__(self, number: str, exp_month: int, exp_year: int, cvv: str) -> None:
        # A character no card has (a lone surrogate, say) becomes "?": refused as not digits.
        self._number = bytearray(normalize_card_number(number).encode("utf-8", "replace"))
        self._cvv = bytearray(cvv.encode("utf-8", "replace"))
        self.exp_month = exp_month
        self.exp_year = exp_year
        self._cleared = False

    @property
    def cleared(self) -> bool:
        return self._cleared

    def _require_live(self) -> None:
        if self._cleared:
            raise ValueError("card entry already cleared")

    def check(self, today: date) -> CardCheck:
        """The F10 check of this entry (see ``check_card``)."""
        self._require_live()
        return check_card(self.number(), self.exp_month, self.exp_year, self.cvv(), today)

    def number(self) -> str:
        """The digits, for the payment adapter only, at the moment of the charge."""
        self._require_live()
        return self._number.decode("utf-8")

    def cvv(self) -> str:
        """The CVV, for the payment adapter only, at the moment of the charge."""
        self._require_live()
        return self._cvv.decode("utf-8")

    @property
    def last4(self) -> str | None:
        if self._cleared or len(self._number) < 12:
            return None
        return bytes(self._number[-4:]).decode("utf-8", errors="replace")

    @property
    def masked(self) -> str:
        return masked(self.last4)

    def clear(self) -> None:
        """Overwrite the number and CVV in place; the entry is unusable afterwards."""
        for buffer in (self._number, self._cvv):
            for i in range(len(buffer)):
                buffer[i] = 0
            buffer.clear()
        self._cleared = True

    def __enter__(self) -> CardEntry:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.clear()

    def __repr__(self) -> str:
        state = "cleared" if self._cleared else self.masked
        return f"CardEntry({state}, exp={self.exp_month:02d}/{self.exp_year}, cvv=•••)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        # Comparing would read the secrets; two keyed cards are never "the same value".
        return self is other

    __hash__ = object.__hash__

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        # Pickling or copying would put the number and CVV somewhere we cannot clear.
        raise TypeError("a CardEntry cannot be pickled or copied")
