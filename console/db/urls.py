"""Connection URLs as the console shows and remembers them: never with a password."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


def without_password(url: str) -> str:
    """``url`` with any password removed (for settings, the sign-in form and logs)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    return parsed.set(password=None).render_as_string(hide_password=False)


def for_user(url: str, username: str) -> str:
    """``url`` connecting as ``username``; the password travels apart from the URL."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.set(username=username or None, password=None).render_as_string(
        hide_password=False
    )


def user_of(url: str) -> str:
    try:
        return make_url(url).username or ""
    except ArgumentError:
        return ""
