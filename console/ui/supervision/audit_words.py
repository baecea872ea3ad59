"""A journal entry's target, reason and details in the interface's language.

The journal is stored once and never rewritten: its ``target`` is a short key the
services write ("cart 5000012", "waitlist 41", "12 courriels", "3 NAS", a household
number, an e-mail address, a name) and its ``details`` are JSON of ids, counts, moments
and codes. The screen words them here; a target it does not recognise is a name or an
address and is shown as written, and a detail it has no words for is left out rather
than shown as a code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.domain.audit_actions import AuditAction
from console.domain.views.audit import AuditView
from console.domain.vocabulary import Relationship, Role
from console.ui.kit.formatting import (
    call_reason_name,
    format_datetime,
    relationship_name,
    role_name,
)
from console.ui.kit.refusal_messages import refusal_text

translate = QCoreApplication.translate

_TARGETS: tuple[tuple[re.Pattern[str], Callable[[int], str]], ...] = (
    (
        re.compile(r"^cart (\d+)$"),
        lambda n: translate("audit", "Panier no {n}").format(n=n),
    ),
    (
        re.compile(r"^waitlist (\d+)$"),
        lambda n: translate("audit", "Liste d'attente, entrée no {n}").format(n=n),
    ),
    (
        re.compile(r"^(\d+) courriels$"),
        lambda n: translate("audit", "Courriels ({n})").format(n=n),
    ),
    (re.compile(r"^(\d+) NAS$"), lambda n: translate("audit", "NAS ({n})").format(n=n)),
)


def target_text(entry: AuditView) -> str:
    """Whom or what the entry is about: the member's name, else the stored target."""
    if entry.member_name:
        return entry.member_name
    for pattern, words in _TARGETS:
        found = pattern.match(entry.target)
        if found:
            return words(int(found.group(1)))
    return entry.target


def reason_text(entry: AuditView) -> str:
    """Why: what the staff member typed, or the call's reason (a FAQ number)."""
    if entry.action == AuditAction.CALL_ENDED and entry.reason:
        return call_reason_name(entry.reason)
    return entry.reason


def _moment(value: Any) -> str:
    try:
        return format_datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return "—"


def _relationship(value: Any) -> str:
    try:
        return relationship_name(Relationship(str(value)))
    except ValueError:
        return "—"


def _role(value: Any) -> str:
    try:
        return role_name(Role(str(value)))
    except ValueError:
        return "—"


def _sign_in_failure(value: Any) -> str:
    names = {
        "unknown_username": translate("audit", "identifiant inconnu"),
        "wrong_password": translate("audit", "mot de passe erroné"),
        "locked": translate("audit", "compte bloqué"),
        "disabled": translate("audit", "compte désactivé"),
        "no_password": translate("audit", "aucun mot de passe défini"),
    }
    return names.get(str(value), "—")


def _hold_kind(value: Any) -> str:
    names = {
        "cart_item": translate("audit", "réservation dans un panier"),
        "waitlist": translate("audit", "liste d'attente"),
        "registration": translate("audit", "inscription"),
    }
    return names.get(str(value), "—")


def _yes_no(value: Any) -> str:
    return translate("audit", "oui") if value else translate("audit", "non")


def _language(value: Any) -> str:
    return translate("audit", "anglais") if value == "en" else translate("audit", "français")


def _count(value: Any) -> str:
    return str(len(value)) if isinstance(value, (list, tuple, dict)) else str(value)


def _detail(action: str, value: Any) -> str:
    """The ``detail`` of a payment (a refusal code or a transaction number) or a cart."""
    if action == AuditAction.PAYMENT_REFUSED:
        return refusal_text(str(value)) or "—"
    return str(value)


def _lines(action: str) -> dict[str, tuple[Callable[[], str], Callable[[Any], str]]]:
    """Detail key → (label, words of its value)."""
    relationship = action == AuditAction.MEMBER_RELATIONSHIP_CHANGED
    return {
        "detail": (lambda: translate("audit", "Détail"), lambda v: _detail(action, v)),
        "activity": (lambda: translate("audit", "Activité"), str),
        "from": (
            lambda: translate("audit", "Avant"),
            _relationship if relationship else _count,
        ),
        "to": (lambda: translate("audit", "Après"), _relationship if relationship else str),
        "relationship": (lambda: translate("audit", "Lien de parenté"), _relationship),
        "kind": (lambda: translate("audit", "Nature"), _hold_kind),
        "reason": (lambda: translate("audit", "Motif"), _sign_in_failure),
        "role": (lambda: translate("audit", "Rôle"), _role),
        "borough": (lambda: translate("audit", "Arrondissement"), str),
        "display_name": (lambda: translate("audit", "Nom affiché"), str),
        "asked": (lambda: translate("audit", "Questions posées"), _count),
        "matched": (lambda: translate("audit", "Bonnes réponses"), _count),
        "rank": (lambda: translate("audit", "Nouveau rang"), str),
        "count": (lambda: translate("audit", "Nombre"), str),
        "failures": (lambda: translate("audit", "Échecs de suite"), str),
        "sessions_ended": (lambda: translate("audit", "Sessions fermées"), str),
        "was_active": (lambda: translate("audit", "Était actif"), _yes_no),
        "revoked": (lambda: translate("audit", "Liens annulés"), str),
        "seconds": (
            lambda: translate("audit", "Durée"),
            lambda v: translate("audit", "{n} s").format(n=v),
        ),
        "actions": (lambda: translate("audit", "Actions notées"), str),
        "receipt": (lambda: translate("audit", "Reçu no"), str),
        "language": (lambda: translate("audit", "Langue"), _language),
        "blocked_until": (lambda: translate("audit", "Bloqué jusqu'au"), _moment),
        "locked_until": (lambda: translate("audit", "Bloqué jusqu'au"), _moment),
        "expires_at": (lambda: translate("audit", "Valide jusqu'au"), _moment),
        "last_digits_filled": (lambda: translate("audit", "Derniers chiffres complétés"), str),
    }


def details_text(entry: AuditView) -> str:
    """The entry's details, one ``label : value`` a line, in the interface's language.

    Internal ids (outbox, session, key, activity, member) are for the database, not the
    supervisor: they are left out, and so is any key the screen has no words for.
    """
    try:
        details = json.loads(entry.details or "{}")
    except ValueError:
        return ""
    if not isinstance(details, dict):
        return ""
    lines = _lines(entry.action)
    shown = []
    for key, value in details.items():
        if key in lines and value not in (None, ""):
            label, words = lines[key]
            shown.append(
                translate("audit", "{label} : {value}").format(label=label(), value=words(value))
            )
    return "\n".join(shown)
