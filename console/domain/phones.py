"""Phone numbers as typed by agents and callers, stored in E.164 (+14185550199)."""

from __future__ import annotations

import re

import phonenumbers

DEFAULT_REGION = "CA"

# Only what people put in a phone number; phonenumbers alone would also read vanity
# letters ("1-800-FLOWERS") and pull digits out of ordinary words.
_PHONE_CHARS = re.compile(r"^\+?[0-9\s().\-]+$")


# An extension read after the number, as agents write what the caller says, in French or
# English: "poste 234", "p. 234", "ext. 234", "extension 234", "x234", "#234".
_EXTENSION = re.compile(
    r"^(?P<number>.*?[0-9)])[\s,;]*"
    r"(?:extension|ext\.?|poste|post\.?|p\.?|x|#)\s*:?\s*(?P<extension>[0-9]{1,6})\s*$",
    re.IGNORECASE,
)

_NANP = frozenset({"CA", "US"})
NANP_DIGITS = 10


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form of a valid phone number, or None when ``text`` is not one.

    "418 555-0199", "(418) 555-0199", "1-418-555-0199" and "+1 418-555-0199" all give
    "+14185550199". A number without its area code is not valid here.
    """
    stripped = text.strip()
    if not _PHONE_CHARS.match(stripped):
        return None
    if (
        region in _NANP
        and not stripped.startswith("+")
        and sum(c.isdigit() for c in stripped) < NANP_DIGITS
    ):
        # A North American number dialled without "+" has its 10 digits: a shorter string
        # (a household or cart number) needs no parsing — caller search asks this often.
        return None
    if region in _NANP:
        national = _nanp_national(stripped)
        # int() would drop an area code's leading zeros and check another number; no
        # North American area code starts with 0, so such text goes to the full parse.
        if (
            national is not None
            and not national.startswith("0")
            and phonenumbers.is_valid_number_for_region(
                phonenumbers.PhoneNumber(country_code=1, national_number=int(national)), region
            )
        ):
            # The common case, a number of our own region, without the full parse (a
            # tenth of a millisecond): caller search reads every keystroke.
            return f"+1{national}"
    return _normalize_by_parsing(stripped, region)


def split_extension(text: str, region: str = DEFAULT_REGION) -> tuple[str, str] | None:
    """The E.164 number and the extension of "418 641-6018 poste 234" (and of "p. 234",
    "ext. 234", "extension 234", "x234", "#234"): ("+14186416018", "234"); None when
    ``text`` is not a valid phone number followed by an extension."""
    found = _EXTENSION.match(text.strip())
    if found is None:
        return None
    number = normalize_phone(found.group("number"), region)
    if number is None:
        return None
    return number, found.group("extension")


def _nanp_national(text: str) -> str | None:
    """The 10 national digits of "418 555-0199", "1-418-555-0199" or "+1 418…", else None."""
    digits = "".join(c for c in text if c.isdigit())
    if text.startswith("+"):
        return digits[1:] if len(digits) == NANP_DIGITS + 1 and digits[0] == "1" else None
    if len(digits) == NANP_DIGITS + 1 and digits[0] == "1":
        return digits[1:]
    return digits if len(digits) == NANP_DIGITS else None


def _normalize_by_parsing(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def looks_like_phone(text: str, region: str = DEFAULT_REGION) -> bool:
    """True when ``text`` is a complete, valid phone number."""
    return normalize_phone(text, region) is not None


def format_phone(e164: str) -> str:
    """How a stored number is shown: "418 555-0199" in North America, else international.

    Text that does not parse is returned as is, so a bad record still shows something.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 1:
        national = str(number.national_number)
        if len(national) == 10:
            # The city's own style: "418 641-6018", without the parentheses of the library.
            return f"{national[:3]} {national[3:6]}-{national[6:]}"
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
