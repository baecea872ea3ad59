"""Turns what a service reported (a :class:`ConsoleError` code and its values) into a
sentence in the interface's language.

Services own the codes, the UI owns the wording. A later screen adds the sentences for
its own codes with :func:`register`. No code and no exception text ever reaches the
screen: an unknown code reads as a general sentence of its kind (refused, not found,
busy …) and the code goes to the log, for support.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.domain.errors import Busy, ConsoleError, Forbidden, NotFound, Reason, Unavailable
from console.ui.kit import account_messages, server_messages, text_messages
from console.ui.kit.formatting import one_period

Wording = Callable[[Mapping[str, Any]], str]

# The kit's own tables are read here, so a screen that imports none of them still words
# their codes (``caller_not_verified`` …); screens add theirs with register().
_registered: dict[str, Wording] = {
    **account_messages.WORDINGS,
    **server_messages.WORDINGS,
    **text_messages.WORDINGS,
}
_log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def register(code: str, wording: Wording) -> None:
    """Give a code its sentence; call ``QCoreApplication.translate`` inside ``wording``."""
    _registered[code] = wording


def _builtin(code: str, params: Mapping[str, Any]) -> str | None:
    if code == "household_not_found":
        return translate("messages", "Ce dossier loisir n'existe plus (no {id}).").format(
            id=params.get("household_id", "?")
        )
    if code == "staff_not_found":
        return translate(
            "messages", "Aucun membre du personnel actif n'a l'identifiant « {username} »."
        ).format(username=params.get("username", "?"))
    if code == "role_forbidden":
        return translate("messages", "Votre rôle ne permet pas cette action.")
    if code == "database_busy":
        return translate("messages", "La base de données est occupée. Réessayez dans un instant.")
    if code == "database_unavailable":
        return translate(
            "messages", "La base de données ne répond pas. Vérifiez la connexion puis réessayez."
        )
    if code == "no_staff":
        return translate(
            "messages", "Aucun membre du personnel n'est défini dans la base de données."
        )
    return None


def knows(code: str) -> bool:
    """Whether ``code`` has its own sentence (and so never reads as a general one)."""
    return code in _registered or _builtin(code, {}) is not None


def reason_text(reason: Reason) -> str:
    wording = _registered.get(reason.code)
    if wording is not None:
        return one_period(wording(reason.params))  # « after 10:07 a.m. », not « a.m.. »
    text = _builtin(reason.code, reason.params)
    if text is None:
        _log.warning("no sentence for the reason code %r", reason.code)
        return translate("messages", "Une règle refuse cette action.")
    return text


def error_text(error: BaseException) -> str:
    """One or two sentences for the message bar; never a code, a traceback or the text of
    an exception (an unknown code and an exception's type go to the log)."""
    if isinstance(error, ConsoleError):
        wording = _registered.get(error.code)
        text = wording(error.params) if wording is not None else _builtin(error.code, error.params)
        if text is None:
            _log.warning("no sentence for the code %r (%s)", error.code, type(error).__name__)
            text = _fallback(error)
        if error.reasons:
            text += " " + " ".join(reason_text(r) for r in error.reasons)
        return one_period(text)  # « after 10:07 a.m. », not « a.m.. »
    # Only its type: an exception's text may hold what the agent typed (a card number …).
    _log.error("unexpected %s shown as a general sentence", type(error).__name__)
    return unexpected_text()


def unexpected_text() -> str:
    """What an error no service reported reads as (its detail is in the log)."""
    return translate(
        "messages",
        "Erreur inattendue : l'action n'a pas abouti. Réessayez ; si l'erreur revient, "
        "signalez-la au soutien informatique avec l'heure.",
    )


def _fallback(error: ConsoleError) -> str:
    if isinstance(error, Busy):
        return translate("messages", "La base de données est occupée. Réessayez dans un instant.")
    if isinstance(error, Unavailable):
        return translate("messages", "Un service externe ne répond pas. Réessayez dans un instant.")
    if isinstance(error, Forbidden):
        return translate("messages", "Votre rôle ne permet pas cette action.")
    if isinstance(error, NotFound):
        return translate("messages", "Ce que vous cherchez n'existe pas ou n'existe plus.")
    return translate(
        "messages",
        "Action refusée. Si cela vous semble une erreur, signalez-le au soutien informatique "
        "avec l'heure.",
    )
