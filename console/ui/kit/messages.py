"""Turns what a service reported (a :class:`ConsoleError` code and its values) into a
sentence in the interface's language.

Services own the codes, the UI owns the wording. A later screen adds the sentences for
its own codes with :func:`register`; an unknown code still reads as a clear sentence
that quotes the code for support.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.domain.errors import Busy, ConsoleError, Forbidden, NotFound, Reason, Unavailable

Wording = Callable[[Mapping[str, Any]], str]

_registered: dict[str, Wording] = {}


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
            "messages", "Aucun membre du personnel actif n'a l'identifiant « {username} »."
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


def reason_text(reason: Reason) -> str:
    wording = _registered.get(reason.code)
    if wording is not None:
        return wording(reason.params)
    return _builtin(reason.code, reason.params) or translate(
        "messages", "Une règle refuse cette action."
    )


def error_text(error: BaseException) -> str:
    """One or two sentences for the message bar; never a traceback."""
    if isinstance(error, ConsoleError):
        wording = _registered.get(error.code)
        text = wording(error.params) if wording is not None else _builtin(error.code, error.params)
        if text is None:
            text = _fallback(error)
        if error.reasons:
            text += " " + " ".join(reason_text(r) for r in error.reasons)
        return text
    return translate("messages", "Erreur inattendue : {detail}").format(
        detail=str(error) or type(error).__name__
    )


def _fallback(error: ConsoleError) -> str:
    if isinstance(error, Busy):
        return translate("messages", "La base de données est occupée. Réessayez dans un instant.")
    if isinstance(error, Unavailable):
        return translate("messages", "Un service externe ne répond pas. Réessayez dans un instant.")
    if isinstance(error, Forbidden):
        return translate("messages", "Votre rôle ne permet pas cette action.")
    if isinstance(error, NotFound):
        return translate("messages", "Introuvable (code : {code}).").format(code=error.code)
    return translate("messages", "Action refusée (code : {code}).").format(code=error.code)
