"""What a search string typed in caller search looks like: email, phone, number or name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email

from console.domain.phones import normalize_phone

DEFAULT_AREA_CODE = "418"


class QueryKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    NUMBER = "number"  # 5 to 10 digits that are not a phone: household, cart, receipt…
    NAME = "name"


class NumberKind(StrEnum):
    """Which record a number's length and range point to."""

    HOUSEHOLD = "household"  # 6 digits, from 100001
    CART = "cart"  # 7 digits, from 5000001
    RECEIPT = "receipt"  # 8 digits, from 20000001
    TRANSACTION = "transaction"  # 9 digits, from 300000001


_NUMBER_RANGES: dict[int, tuple[int, NumberKind]] = {
    6: (100001, NumberKind.HOUSEHOLD),
    7: (5000001, NumberKind.CART),
    8: (20000001, NumberKind.RECEIPT),
    9: (300000001, NumberKind.TRANSACTION),
}
NUMBER_MIN_DIGITS = 5
NUMBER_MAX_DIGITS = 10
LOCAL_PHONE_DIGITS = 7
_EXCHANGE_FIRST_DIGITS = "23456789"

# Separators people put inside numbers; a query made of digits and these is a number.
_NUMERIC = re.compile(r"^\+?[0-9\s().\-]+$")
# A whole address by its shape alone (someone@somewhere.tld): worth an exact lookup.
_ADDRESS_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def normalize_email(text: str) -> str | None:
    """The normalized address when ``text`` is a syntactically valid email, else None.

    Deliverability is not checked: search must work offline and for dead domains.
    """
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def number_kind(text: str) -> NumberKind | None:
    """The record a number belongs to by its length and range, or None."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    entry = _NUMBER_RANGES.get(len(digits))
    if entry is None:
        return None
    first, kind = entry
    return kind if int(digits) >= first else None


@dataclass(frozen=True)
class SearchTerms:
    """A search string read once: what each kind of lookup should ask for.

    Reading is cheap on purpose — caller search reads every keystroke: an address is
    judged by its shape, not validated, and a phone is parsed at most once.
    """

    text: str  # as typed, without surrounding spaces
    email: str | None = None  # lower-cased, when the text has an "@"
    whole_address: bool = False  # … and is shaped like a whole address
    phone: str | None = None  # E.164, when the text is a complete valid phone number
    number: int | None = None  # 5 to 10 digits that are not a phone
    local_phone: str | None = None  # E.164 a 7-digit number may also be (default area code)


def read_query(text: str, area_code: str = DEFAULT_AREA_CODE) -> SearchTerms:
    """What caller search should look for in ``text``.

    A 7-digit string is a number first (cart numbers have 7 digits) and a local phone
    with ``area_code`` second; other digit strings are a phone when they are a complete
    valid one, else a number when they have 5 to 10 digits.
    """
    query = text.strip()
    if "@" in query:
        shaped = _ADDRESS_SHAPE.match(query) is not None
        return SearchTerms(query, email=query.lower(), whole_address=shaped)
    if not _NUMERIC.match(query):
        return SearchTerms(query)
    digits = _digits(query)
    if len(digits) != LOCAL_PHONE_DIGITS:
        phone = normalize_phone(query)
        if phone is not None:
            return SearchTerms(query, phone=phone)
    if not query.startswith("+") and NUMBER_MIN_DIGITS <= len(digits) <= NUMBER_MAX_DIGITS:
        local = None
        if len(digits) == LOCAL_PHONE_DIGITS and digits[0] in _EXCHANGE_FIRST_DIGITS:
            # The area code is ours and valid, and a North American exchange starts with
            # 2–9: no need to ask phonenumbers (a tenth of a millisecond per keystroke).
            local = f"+1{area_code}{digits}"
        return SearchTerms(query, number=int(digits), local_phone=local)
    return SearchTerms(query)


def classify_query(text: str) -> QueryKind:
    """What caller search should look for.

    An email if it validates; a phone if it is a complete valid number (10 digits, or
    "+1…"); NUMBER for 5–10 digits that are not a phone (a 7-digit string is a NUMBER —
    try ``phone_candidate`` too); NAME for everything else.
    """
    terms = read_query(text)
    if terms.email is not None:
        return QueryKind.EMAIL if normalize_email(terms.text) is not None else QueryKind.NAME
    if terms.phone is not None:
        return QueryKind.PHONE
    if terms.number is not None:
        return QueryKind.NUMBER
    return QueryKind.NAME


def phone_candidate(text: str, area_code: str = DEFAULT_AREA_CODE) -> str | None:
    """The E.164 phone ``text`` may be: itself if complete, else with ``area_code`` in front.

    So "555-0199" can be searched as "+14185550199" alongside cart 5550199.
    """
    terms = read_query(text, area_code)
    return terms.phone or terms.local_phone
