"""Search keys for names: lower case, accents removed ("Côté" → "cote")."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """Fold case and accents, keep letters, digits and single spaces.

    Hyphens and apostrophes become spaces so "Saint-Pierre" and "O'Neil" are found
    by any of their parts.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
    cleaned = "".join(c if c.isalnum() else " " for c in stripped)
    return " ".join(cleaned.split())


_LAST_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


def prefix_upper_bound(prefix: str) -> str:
    """The least string after every string that starts with ``prefix``.

    So "starts with ``prefix``" is the range ``prefix <= s < prefix_upper_bound(prefix)``
    in code-point order, which is also UTF-8 byte order (the "C" collation): "gagn"
    gives "gago". A database can read that range from an index and keep one plan for it.
    """
    chars = list(prefix)
    while chars:
        code = ord(chars.pop()) + 1
        if code in _SURROGATES:
            code = _SURROGATES.stop
        if code <= _LAST_CODE_POINT:
            return "".join(chars) + chr(code)
    raise ValueError("every string starts with an empty prefix: no upper bound")
