"""Free text as the services accept it: storable, printable, and of a bounded length.

Every service entry point that takes text a person typed (a search, a note, a reason, a
name, an address) passes it through :func:`clean_text` before anything else, so a
refusal is clear — ``Refused("text_invalid", field=…)`` or ``Refused("text_too_long",
field=…, max=…)`` — and comes before any write. Refused:

* NUL, which PostgreSQL cannot store in text, and lone surrogates (U+D800–U+DFFF), which
  no encoding can write — the database driver would fail on either;
* control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), except line feed
  and tab in a multi-line field (a call note). A carriage return is refused too: the
  console's text boxes end lines with a line feed alone.

:func:`printable` is for text that is only *recorded*, never refused (what was typed at
a failed sign-in): it replaces what :func:`clean_text` would refuse and cuts it short.
"""

from __future__ import annotations

import re
from typing import Final

from console.domain.errors import Refused

# The length limits of free text, in characters.
QUERY_MAX: Final = 200  # a search box
REASON_MAX: Final = 500  # why a staff member did something (the journal keeps it)
NOTE_MAX: Final = 4000  # a call note
EMAIL_MAX: Final = 254  # RFC 5321's longest forward path, less its brackets
NAME_MAX: Final = 120  # a person's displayed name
USERNAME_MAX: Final = 64
CODE_MAX: Final = 100  # short codes typed or picked: a journal action, a borough code
ANSWER_MAX: Final = 32  # a caller's answer to a verification question
SECRET_MAX: Final = 1024  # a password or a token; 1024 as the staff password rule

_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTI_LINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(value: object, *, max_length: int, multiline: bool = False) -> str | None:
    """``None`` when ``value`` is acceptable text, else the refusal's code."""
    if not isinstance(value, str):
        return "text_invalid"
    if len(value) > max_length:  # first: a five-million-character value is not scanned
        return "text_too_long"
    if (_MULTI_LINE if multiline else _SINGLE_LINE).search(value):
        return "text_invalid"
    return None


def clean_text(value: str, *, field: str, max_length: int, multiline: bool = False) -> str:
    """``value`` itself when a service may take it; otherwise refused, naming ``field``.

    Raises ``Refused("text_invalid", field=…)`` for a character the rules above refuse
    (or a value that is not text at all) and ``Refused("text_too_long", field=…, max=…)``
    past ``max_length`` characters. Nothing is trimmed or replaced: what is taken is
    exactly what was typed.
    """
    problem = text_problem(value, max_length=max_length, multiline=multiline)
    if problem == "text_too_long":
        raise Refused(problem, field=field, max=max_length)
    if problem is not None:
        raise Refused(problem, field=field)
    return value


def clean_optional(
    value: str | None, *, field: str, max_length: int, multiline: bool = False
) -> str | None:
    """:func:`clean_text` for a field that may be left out (``None``)."""
    if value is None:
        return None
    return clean_text(value, field=field, max_length=max_length, multiline=multiline)


def printable(value: object, max_length: int) -> str:
    """``value`` as text that can always be stored: at most ``max_length`` characters,
    with every character :func:`clean_text` refuses replaced by U+FFFD."""
    text = value if isinstance(value, str) else repr(value)
    return _SINGLE_LINE.sub("\ufffd", text[:max_length])


def clean_reason(reason: str, *, required: bool = True) -> str:
    """Why a staff member did something, as the journal keeps it: :func:`clean_text`
    (field ``reason``, :data:`REASON_MAX`), and ``Refused("reason_required")`` when one
    is required and it is blank."""
    clean_text(reason, field="reason", max_length=REASON_MAX)
    if required and not reason.strip():
        raise Refused("reason_required")
    return reason
