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
