"""Sentences for the text rules (``console.domain.text``) and a payment still in flight.

A table :mod:`console.ui.kit.messages` reads itself (this module does not import it).
``text_invalid`` and ``text_too_long`` name the field by the ``field`` the service
reports; a field without a name here is quoted as the service spelled it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.ui.kit.formatting import format_datetime, one_period

translate = QCoreApplication.translate

_FIELDS: dict[str, Callable[[], str]] = {
    "query": lambda: translate("text_messages", "la recherche"),
    "activity_query": lambda: translate("text_messages", "la recherche d'activité"),
    "reason": lambda: translate("text_messages", "la raison"),
    "note": lambda: translate("text_messages", "la note d'appel"),
    "email": lambda: translate("text_messages", "l'adresse courriel"),
    "postal_code": lambda: translate("text_messages", "le code postal"),
    "household_number": lambda: translate("text_messages", "le numéro de dossier"),
    "action": lambda: translate("text_messages", "l'action"),
    "username": lambda: translate("text_messages", "l'identifiant"),
    "display_name": lambda: translate("text_messages", "le nom"),
    "password": lambda: translate("text_messages", "le mot de passe"),
    "borough": lambda: translate("text_messages", "l'arrondissement"),
}


def field_name(field: object) -> str:
    """The field a text rule refused, as the sentence names it."""
    name = _FIELDS.get(str(field))
    return name() if name is not None else f"« {field} »"


WORDINGS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "text_invalid": lambda p: translate(
        "text_messages",
        "Le texte de {field} contient un caractère qui ne peut pas être enregistré "
        "(caractère de contrôle ou caractère invalide). Retirez-le, puis réessayez.",
    ).format(field=field_name(p.get("field", "?"))),
    "text_too_long": lambda p: translate(
        "text_messages", "Le texte de {field} est trop long : {max} caractères au plus."
    ).format(field=field_name(p.get("field", "?")), max=p.get("max", "?")),
    "payment_in_flight": lambda p: one_period(
        translate(
            "text_messages",
            "Un paiement de ce panier est peut-être encore en cours chez CT-Paiement : le "
            "panier ne peut pas être libéré avant {at}. Réessayez à ce moment.",
        ).format(at=format_datetime(p.get("retry_at")))
    ),
}


def registered_codes() -> tuple[str, ...]:
    """The codes this module gives sentences to (for the tests)."""
    return tuple(WORDINGS)
