"""Errors a service raises, as codes and parameters the UI turns into French or English.

The UI owns the wording (Qt's translation system); these carry only what happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """One reason a rule refused something: a stable code and the values to show."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


class ConsoleError(Exception):
    """Base of every refusal a service reports to the screen."""

    def __init__(self, code: str, reasons: tuple[Reason, ...] = (), **params: Any) -> None:
        super().__init__(code, params, reasons)
        self.code = code
        self.params = params
        self.reasons = reasons

    def __str__(self) -> str:
        extra = f" {self.params}" if self.params else ""
        more = f" {[r.code for r in self.reasons]}" if self.reasons else ""
        return f"{self.code}{extra}{more}"


class Forbidden(ConsoleError):
    """The actor's role does not allow the action."""


class NotFound(ConsoleError):
    """What was asked for does not exist."""


class Refused(ConsoleError):
    """A business rule refuses the action; ``reasons`` says which."""


class VerificationRequired(ConsoleError):
    """The caller must be verified before this action."""


class StaleData(ConsoleError):
    """Someone else changed the record since it was shown; reload and try again."""


class Busy(ConsoleError):
    """The database could not take the lock in time; try again in a moment."""


class Unavailable(ConsoleError):
    """An outside system (database, gateway, mail server) did not answer."""


class Unauthenticated(ConsoleError):
    """No valid session: sign in again.

    Codes: ``sign_in_refused`` (unknown name, wrong password, disabled account: the same
    refusal for all, so a name cannot be probed), ``sign_in_locked`` (param ``until``: too
    many failures, refused until then even with the right password), ``session_expired``
    (idle too long or past its lifetime) and ``session_invalid`` (unknown or ended).
    """
