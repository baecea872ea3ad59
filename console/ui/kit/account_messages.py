"""Sentences for the codes the account, family, verification and audit services report.

A table :mod:`console.ui.kit.messages` reads itself, the one table of code → sentence
(this module does not import messages, so no screen can miss these sentences). Each
sentence says what happened and, where it helps, what to do next. The F1 password rules
are codes too: :func:`password_rule_text` reads them to the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.ui.kit.formatting import (
    format_date,
    format_datetime,
    format_long_date,
    one_period,
)

translate = QCoreApplication.translate


def _said_date(value: object) -> str:
    """A date inside a sentence as it is said (« 21 mars 2027 »), from a refusal's
    parameters (a date in process, its ISO text from the server)."""
    if isinstance(value, str):
        try:
            return format_long_date(date.fromisoformat(value))
        except ValueError:
            return value
    return format_long_date(value) if isinstance(value, date) else format_date(None)


def _activity(p: Mapping[str, Any]) -> dict[str, Any]:
    return {"code": p.get("activity_code", ""), "title": p.get("activity_title", "")}


WORDINGS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "caller_not_verified": lambda p: translate(
        "support", "Vérifiez d'abord l'identité de la personne qui appelle (Ctrl+Maj+V)."
    ),
    "verification_needs_two_answers": lambda p: translate(
        "support", "Posez au moins deux questions de vérification."
    ),
    "account_not_locked": lambda p: translate("support", "Ce compte n'est pas verrouillé."),
    "account_already_confirmed": lambda p: translate(
        "support", "Ce compte est déjà confirmé : aucun courriel de confirmation n'est nécessaire."
    ),
    "reset_rate_limited": lambda p: one_period(
        translate(
            "support",
            "Trois liens ont déjà été envoyés dans la dernière heure. Réessayez après {at}.",
        ).format(at=format_datetime(p.get("retry_at")))
    ),
    "confirmation_rate_limited": lambda p: one_period(
        translate(
            "support",
            "Trois courriels de confirmation ont déjà été envoyés dans la dernière heure. "
            "Réessayez après {at}.",
        ).format(at=format_datetime(p.get("retry_at")))
    ),
    "email_malformed": lambda p: translate("support", "Cette adresse courriel n'est pas valide."),
    "reason_required": lambda p: translate("support", "Indiquez la raison du changement."),
    "responsible_is_fixed": lambda p: translate(
        "support",
        "La personne responsable du dossier ne change pas : on ne peut ni lui retirer ce rôle "
        "ni le donner à un autre membre.",
    ),
    "relationship_unchanged": lambda p: translate(
        "support", "Ce membre a déjà ce lien de parenté."
    ),
    "responsible_cannot_be_removed": lambda p: translate(
        "support", "On ne peut pas retirer la personne responsable du dossier."
    ),
    "member_already_removed": lambda p: translate(
        "support", "{name} ne fait déjà plus partie du dossier."
    ).format(name=p.get("member_name", "")),
    "member_not_found": lambda p: translate("support", "Ce membre n'existe plus dans ce dossier."),
    "member_removal_blocked": lambda p: translate(
        "support", "On ne peut pas retirer {name} du dossier pour l'instant :"
    ).format(name=p.get("member_name", "")),
    "member_has_coming_registration": lambda p: translate(
        "support", "inscription à venir à {code} {title} (saison jusqu'au {ends}) ;"
    ).format(**_activity(p), ends=_said_date(p.get("season_ends_on"))),
    "member_has_held_cart_item": lambda p: translate(
        "support", "réservation en cours dans le panier {cart} pour {code} {title} ;"
    ).format(**_activity(p), cart=p.get("cart_number")),
    "member_on_waitlist": lambda p: translate(
        "support", "liste d'attente de {code} {title} ;"
    ).format(**_activity(p)),
    "other_borough": lambda p: translate(
        "support", "Seul le bureau de l'arrondissement du dossier peut retirer un membre (F4)."
    ),
    "household_changed": lambda p: translate(
        "support",
        "Un autre membre du personnel vient de modifier ce dossier. Le dossier a été rechargé : "
        "vérifiez-le, puis refaites le changement au besoin.",
    ),
    "reset_token_invalid": lambda p: translate(
        "support",
        "Ce lien de réinitialisation n'est plus valide (déjà utilisé, remplacé par un plus "
        "récent ou expiré). Envoyez un nouveau lien à la personne qui appelle.",
    ),
    "password_rejected": lambda p: translate(
        "support", "Ce mot de passe n'est pas accepté. Règles non respectées :"
    ),
    # F1, read to the caller one rule a line; also the public site's refusal reasons.
    "password_too_short": lambda p: translate("support", "au moins 8 caractères ;"),
    "password_needs_uppercase": lambda p: translate("support", "au moins une lettre majuscule ;"),
    "password_needs_digit": lambda p: translate("support", "au moins un chiffre ;"),
    "password_needs_special": lambda p: translate(
        "support", "au moins un caractère spécial (#, !, $, &, etc.) ;"
    ),
    "password_special_first": lambda p: translate(
        "support", "le caractère spécial ne peut pas être le premier."
    ),
}


def password_rule_text(code: str) -> str:
    """One rule of ``PASSWORD_RULES`` as the agent reads it to the caller."""
    return WORDINGS[code]({})
