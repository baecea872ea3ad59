"""Sentences for what the account, family, verification and audit services report.

Services own the codes; these are their French source sentences (English through the
.ts file). Each sentence says what happened and, where it helps, what to do next.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.domain.errors import ConsoleError, Reason, StaleData, VerificationRequired
from console.services.quebec_time import LOCAL_TZ

Wording = Callable[[Mapping[str, Any]], str]


translate = QCoreApplication.translate


def tr(text: str) -> str:
    """For sentences held in variables; literal sentences call ``translate("support", …)``
    directly so that lupdate finds them."""
    return translate("support", text)


def when(moment: object) -> str:
    """``2026-03-02 10:30`` in Québec time; a date as ``2026-03-02``."""
    if isinstance(moment, datetime):
        return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    if isinstance(moment, date):
        return moment.isoformat()
    return "—" if moment is None else str(moment)


WORDINGS: dict[str, Wording] = {
    "caller_not_verified": lambda p: translate(
        "support", "Vérifiez d'abord l'identité de l'appelant (Ctrl+Maj+V)."
    ),
    "verification_needs_two_answers": lambda p: translate(
        "support", "Posez au moins deux questions de vérification."
    ),
    "account_not_locked": lambda p: translate("support", "Ce compte n'est pas verrouillé."),
    "account_already_confirmed": lambda p: translate(
        "support", "Ce compte est déjà confirmé : aucun courriel de confirmation n'est nécessaire."
    ),
    "reset_rate_limited": lambda p: translate(
        "support", "Trois liens ont déjà été envoyés dans la dernière heure. Réessayez après {at}."
    ).format(at=when(p.get("retry_at"))),
    "confirmation_rate_limited": lambda p: translate(
        "support",
        "Trois courriels de confirmation ont déjà été envoyés dans la dernière heure. "
        "Réessayez après {at}.",
    ).format(at=when(p.get("retry_at"))),
    "email_malformed": lambda p: translate("support", "Cette adresse courriel n'est pas valide."),
    "reason_required": lambda p: translate("support", "Indiquez la raison du changement."),
    "responsible_is_fixed": lambda p: translate(
        "support",
        "Le responsable du dossier ne change pas : on ne peut ni le retirer de ce rôle ni "
        "le donner à un autre membre.",
    ),
    "relationship_unchanged": lambda p: translate(
        "support", "Ce membre a déjà ce lien de parenté."
    ),
    "responsible_cannot_be_removed": lambda p: translate(
        "support", "Le responsable du dossier ne peut pas être retiré."
    ),
    "member_already_removed": lambda p: translate(
        "support", "{name} a déjà été retiré du dossier."
    ).format(name=p.get("member_name", "")),
    "member_not_found": lambda p: translate("support", "Ce membre n'existe plus dans ce dossier."),
    "member_removal_blocked": lambda p: translate(
        "support", "{name} ne peut pas être retiré pour l'instant :"
    ).format(name=p.get("member_name", "")),
    "member_has_coming_registration": lambda p: translate(
        "support", "inscription à venir à {code} {title} (saison jusqu'au {ends});"
    ).format(
        code=p.get("activity_code"),
        title=p.get("activity_title"),
        ends=when(p.get("season_ends_on")),
    ),
    "member_has_held_cart_item": lambda p: translate(
        "support", "réservation en cours dans le panier {cart} pour {code} {title};"
    ).format(cart=p.get("cart_number"), code=p.get("activity_code"), title=p.get("activity_title")),
    "member_on_waitlist": lambda p: translate(
        "support", "liste d'attente de {code} {title};"
    ).format(code=p.get("activity_code"), title=p.get("activity_title")),
    "other_borough": lambda p: translate(
        "support", "Seul le bureau de l'arrondissement du dossier peut retirer un membre (F4)."
    ),
    "household_changed": lambda p: translate(
        "support",
        "Un autre employé vient de modifier ce dossier. Le dossier a été rechargé : "
        "vérifiez-le, puis refaites le changement au besoin.",
    ),
    "role_forbidden": lambda p: translate("support", "Votre rôle ne permet pas cette action."),
    "household_not_found": lambda p: translate("support", "Ce dossier loisir n'existe plus."),
    "database_busy": lambda p: translate(
        "support", "La base de données est occupée. Réessayez dans un instant."
    ),
    "database_unavailable": lambda p: translate(
        "support", "La base de données ne répond pas. Vérifiez la connexion puis réessayez."
    ),
}


def reason_text(reason: Reason) -> str:
    wording = WORDINGS.get(reason.code)
    return wording(reason.params) if wording else reason.code


def error_text(error: BaseException) -> str:
    """One or two sentences for the panel; never a traceback."""
    if isinstance(error, ConsoleError):
        wording = WORDINGS.get(error.code)
        if wording is not None:
            text = wording(error.params)
        elif isinstance(error, VerificationRequired):
            text = WORDINGS["caller_not_verified"](error.params)
        elif isinstance(error, StaleData):
            text = WORDINGS["household_changed"](error.params)
        else:
            text = translate("support", "Action refusée (code : {code}).").format(code=error.code)
        if error.reasons:
            text += " " + " ".join(reason_text(r) for r in error.reasons)
        return text
    return translate("support", "Erreur inattendue : {detail}").format(
        detail=str(error) or type(error).__name__
    )


def password_rule_text(code: str) -> str:
    """F1 as the agent reads it to the caller, one line per rule of ``PASSWORD_RULES``."""
    texts = {
        "password_too_short": translate("support", "au moins 8 caractères;"),
        "password_needs_uppercase": translate("support", "au moins une lettre majuscule;"),
        "password_needs_digit": translate("support", "au moins un chiffre;"),
        "password_needs_special": translate(
            "support", "au moins un caractère spécial (#, !, $, &, etc.);"
        ),
        "password_special_first": translate(
            "support", "le caractère spécial ne peut pas être le premier."
        ),
    }
    return texts.get(code, code)
