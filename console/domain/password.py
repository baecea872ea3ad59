"""The public site's password rule (F1), as codes the console reads to the caller.

The console never sets or sees a password (DESIGN.md §6); it displays this rule and the
public-site simulator enforces it. A change of rule is a change of this module only.
"""

from __future__ import annotations

from console.domain.errors import Reason

MIN_LENGTH = 8

PASSWORD_TOO_SHORT = "password_too_short"
PASSWORD_NEEDS_UPPERCASE = "password_needs_uppercase"
PASSWORD_NEEDS_DIGIT = "password_needs_digit"
PASSWORD_NEEDS_SPECIAL = "password_needs_special"
PASSWORD_SPECIAL_FIRST = "password_special_first"

PASSWORD_RULES: tuple[str, ...] = (
    PASSWORD_TOO_SHORT,
    PASSWORD_NEEDS_UPPERCASE,
    PASSWORD_NEEDS_DIGIT,
    PASSWORD_NEEDS_SPECIAL,
    PASSWORD_SPECIAL_FIRST,
)
"""Every rule, in the order the agent reads them; each code is also the refusal's code."""


def is_special(char: str) -> bool:
    """A special character: neither a letter nor a digit nor white space (#, !, $, &, …)."""
    # White space is not what the FAQ means by "caractère spécial" (#, !, $, &).
    return not char.isalnum() and not char.isspace()


def check_password(pw: str) -> tuple[Reason, ...]:
    """Every rule of F1 that ``pw`` breaks, in ``PASSWORD_RULES`` order; empty when valid."""
    reasons: list[Reason] = []
    if len(pw) < MIN_LENGTH:
        reasons.append(Reason(PASSWORD_TOO_SHORT, {"min_length": MIN_LENGTH, "length": len(pw)}))
    if not any(c.isupper() for c in pw):
        reasons.append(Reason(PASSWORD_NEEDS_UPPERCASE))
    if not any(c.isdecimal() for c in pw):
        reasons.append(Reason(PASSWORD_NEEDS_DIGIT))
    if not any(is_special(c) for c in pw):
        reasons.append(Reason(PASSWORD_NEEDS_SPECIAL))
    if pw and is_special(pw[0]):
        reasons.append(Reason(PASSWORD_SPECIAL_FIRST))
    return tuple(reasons)
