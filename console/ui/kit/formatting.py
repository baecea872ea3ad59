"""Dates, money and the words of the domain as the agent reads them, in French or English.

Times are shown in Québec's time zone whatever the workstation's setting, so an agent
reads the deadline the caller sees on the site.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale

from console.domain.audit_actions import AuditAction
from console.domain.calendar_words import long_date, month_name
from console.domain.quebec_time import LOCAL_TZ
from console.domain.receipt_words import clock, schedule_words
from console.domain.views.search import MatchedOn
from console.domain.vocabulary import (
    CartItemState,
    CartState,
    Language,
    OutboxState,
    PaymentStatus,
    RegistrationState,
    Relationship,
    Role,
    WaitlistState,
)

QUEBEC = LOCAL_TZ  # one lookup of the zone, shared with the services


translate = QCoreApplication.translate


def is_english() -> bool:
    return QLocale().language() == QLocale.Language.English


def local(moment: datetime) -> datetime:
    return moment.astimezone(QUEBEC)


def format_date(day: date | datetime | None) -> str:
    if day is None:
        return "—"
    if isinstance(day, datetime):
        day = local(day).date()
    return day.isoformat()


def format_datetime(moment: datetime | None) -> str:
    """``2026-03-02 9 h 15`` (French) or ``2026-03-02 09:15`` (English), in Québec time.

    The date stays in ISO order in both languages; the time is :func:`format_time`'s.
    """
    if moment is None:
        return "—"
    return f"{format_date(moment)} {format_time(moment)}"


def format_time(moment: datetime | None) -> str:
    """The one way a time of day is written, in Québec time, in the interface's language.

    French follows the OQLF: ``14 h 05``, ``9 h 05``. English is Canadian English's
    12-hour clock, as deadlines and schedules say it: ``2:05 p.m.``, ``9:05 a.m.``. Its
    spaces are non-breaking, so a sentence never wraps inside a time.
    """
    if moment is None:
        return "—"
    return _clock(local(moment))


# A deadline further away than this shows its date: "until 2:36" is ambiguous past it.
DEADLINE_DATE_AFTER = timedelta(hours=12)


def _language() -> Language:
    return Language.EN if is_english() else Language.FR


def _clock(at: datetime, *, minutes_always: bool = True) -> str:
    """A local time of day in the words of a sentence: ``2 h 36`` or ``2:36 a.m.``."""
    return clock(at, _language(), minutes_always=minutes_always)


def _day_and_month(day: date) -> str:
    """``3 décembre`` / ``1er décembre`` in French, ``December 3`` in English."""
    month = month_name(day.month, _language())
    if is_english():
        return f"{month} {day.day}"
    first = "er" if day.day == 1 else ""
    return f"{day.day}{first}\u00a0{month}"


def format_long_date(day: date) -> str:
    """``3 décembre 2016`` (``1er mars 1984``) in French, ``December 3, 2016`` in English:
    the receipts' words, from the domain's one month table."""
    return long_date(day, _language())


def one_period(sentence: str) -> str:
    """An English time that ends a sentence ends it: « at 10:07 a.m. », not « a.m.. »."""
    return _DOUBLE_PERIOD.sub(r"\1.m.", sentence)


_DOUBLE_PERIOD = re.compile(r"\b([ap])\.m\.\.")


def format_deadline(at: datetime | None, now: datetime) -> str:
    """Until when something holds, as one phrase of a sentence, in Québec time.

    Within 12 hours (either way) the time is enough: ``jusqu'à 14 h 05`` / ``until
    2:05 p.m.``; further away the date comes first: ``jusqu'au 3 décembre, 2 h 36`` /
    ``until December 3, 2:36 a.m.``. The distance is real elapsed time (UTC), so a
    daylight-saving change does not move the boundary.
    """
    if at is None:
        return "—"
    moment = local(at)
    if abs(at.astimezone(UTC) - now.astimezone(UTC)) > DEADLINE_DATE_AFTER:
        return translate("formatting", "jusqu'au {date}, {time}").format(
            date=_day_and_month(moment.date()), time=_clock(moment)
        )
    return translate("formatting", "jusqu'à {time}").format(time=_clock(moment))


def format_schedule(schedule: str) -> str:
    """An activity's schedule, stored in the city's French ("Mardi 18 h 30 – 19 h 30",
    "Du 3 au 7 mars, 8 h – 17 h"), in the interface's language; the words are the
    receipts' (:func:`console.domain.receipt_words.schedule_words`), so a schedule reads
    the same on the screen and on the receipt. French is shown as stored."""
    return schedule_words(schedule, _language())


def format_money(cents: int) -> str:
    """``1 234,50 $`` in French, ``$1,234.50`` in English."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    if is_english():
        return f"{sign}${dollars:,}.{rest:02d}"
    grouped = f"{dollars:,}".replace(",", "\u00a0")
    return f"{sign}{grouped},{rest:02d}\u00a0$"


def format_minutes_left(deadline: datetime, now: datetime) -> str:
    """Whole minutes left, rounded up: a hold with 40 s left still has "1 min"."""
    seconds = (deadline - now).total_seconds()
    if seconds <= 0:
        return translate("formatting", "échu")
    return translate("formatting", "encore {minutes} min").format(minutes=math.ceil(seconds / 60))


def card_text(brand: str | None, last4: str | None) -> str:
    if not brand and not last4:
        return "—"
    names = {"visa": "VISA", "mastercard": "Mastercard"}
    return f"{names.get(brand or '', brand or '?')} •••• {last4 or '????'}"


def relationship_name(relationship: Relationship) -> str:
    """The words of the site's payer list (F12)."""
    names = {
        Relationship.RESPONSIBLE: translate("formatting", "Responsable du dossier"),
        Relationship.SPOUSE_AND_PARENT: translate("formatting", "Conjoint et parent des enfants"),
        Relationship.SPOUSE: translate("formatting", "Conjoint"),
        Relationship.PARENT_OF_RESPONSIBLE: translate(
            "formatting", "Père ou mère du responsable de dossier"
        ),
        Relationship.OTHER: translate("formatting", "Autre"),
        Relationship.CHILD: translate("formatting", "Enfant"),
    }
    return names[relationship]


def role_name(role: Role) -> str:
    names = {
        # Names of functions, not of people: they fit everyone (OQLF, rédaction épicène).
        Role.AGENT: translate("formatting", "soutien téléphonique"),
        Role.CLERK: translate("formatting", "commis d'arrondissement"),
        Role.SUPERVISOR: translate("formatting", "supervision"),
    }
    return names[role]


def matched_on_name(matched_on: MatchedOn) -> str:
    """Why a search hit matched, as a short phrase."""
    names = {
        MatchedOn.EMAIL: translate("formatting", "Courriel exact"),
        MatchedOn.EMAIL_PREFIX: translate("formatting", "Début du courriel"),
        MatchedOn.PHONE: translate("formatting", "Téléphone"),
        MatchedOn.HOUSEHOLD_NUMBER: translate("formatting", "N° de dossier"),
        MatchedOn.CART_NUMBER: translate("formatting", "N° de panier"),
        MatchedOn.RECEIPT_NUMBER: translate("formatting", "N° de reçu"),
        MatchedOn.TRANSACTION_NUMBER: translate("formatting", "N° de transaction"),
        MatchedOn.NAME: translate("formatting", "Nom"),
        MatchedOn.NAME_PREFIX: translate("formatting", "Début du nom"),
    }
    return names[matched_on]


def cart_state_name(state: str) -> str:
    names: dict[str, str] = {
        CartState.OPEN: translate("formatting", "Ouvert"),
        CartState.CHECKOUT: translate("formatting", "Verrouillé au paiement"),
        CartState.PAID: translate("formatting", "Payé"),
        CartState.LAPSED: translate("formatting", "Expiré"),
        CartState.CANCELLED: translate("formatting", "Annulé"),
    }
    return names.get(state, state)


def item_state_name(state: str) -> str:
    names: dict[str, str] = {
        CartItemState.HELD: translate("formatting", "Réservé"),
        CartItemState.REGISTERED: translate("formatting", "Inscrit"),
        CartItemState.RELEASED: translate("formatting", "Libéré"),
    }
    return names.get(state, state)


def registration_state_name(state: str) -> str:
    names: dict[str, str] = {
        RegistrationState.CONFIRMED: translate("formatting", "Confirmée"),
        RegistrationState.CANCELLED: translate("formatting", "Annulée"),
    }
    return names.get(state, state)


def waitlist_state_name(state: str) -> str:
    names: dict[str, str] = {
        WaitlistState.WAITING: translate("formatting", "En attente"),
        WaitlistState.OFFERED: translate("formatting", "Place offerte"),
        WaitlistState.ACCEPTED: translate("formatting", "Acceptée"),
        WaitlistState.LAPSED: translate("formatting", "Offre expirée"),
        WaitlistState.CANCELLED: translate("formatting", "Retirée"),
    }
    return names.get(state, state)


def payment_status_name(status: str) -> str:
    names: dict[str, str] = {
        PaymentStatus.PENDING: translate("formatting", "En attente de réponse"),
        PaymentStatus.APPROVED: translate("formatting", "Paiement effectué"),
        PaymentStatus.REFUSED: translate("formatting", "Paiement refusé"),
    }
    return names.get(status, status)


def message_state_name(state: str) -> str:
    names: dict[str, str] = {
        OutboxState.QUEUED: translate("formatting", "En file d'envoi"),
        OutboxState.SENT: translate("formatting", "Envoyé"),
        OutboxState.FAILED: translate("formatting", "Échec d'envoi"),
    }
    return names.get(state, state)


def message_kind_name(kind: str) -> str:
    names: dict[str, str] = {
        "confirmation": translate("formatting", "Confirmation de compte"),
        "password_reset": translate("formatting", "Réinitialisation du mot de passe"),
        "account_unlocked": translate("formatting", "Compte déverrouillé"),
        "receipt": translate("formatting", "Reçu"),
        "waitlist_offer": translate("formatting", "Offre de place"),
        "registration_confirmation": translate("formatting", "Confirmation d'inscription"),
    }
    return names.get(kind, kind)


def audit_action_name(action: str) -> str:
    """What a journal entry records, for the supervisor; an unknown action shows its code."""
    names: dict[str, str] = {
        AuditAction.CALLER_VERIFIED: translate("formatting", "Identité vérifiée"),
        AuditAction.CALLER_VERIFICATION_FAILED: translate("formatting", "Vérification échouée"),
        AuditAction.CALLER_VERIFICATION_BLOCKED: translate("formatting", "Vérification bloquée"),
        AuditAction.ACCOUNT_UNLOCKED: translate("formatting", "Compte déverrouillé"),
        AuditAction.PASSWORD_RESET_SENT: translate("formatting", "Lien de réinitialisation envoyé"),
        AuditAction.PASSWORD_RESET_COMPLETED: translate("formatting", "Mot de passe réinitialisé"),
        AuditAction.CONFIRMATION_RESENT: translate("formatting", "Confirmation renvoyée"),
        AuditAction.MEMBER_RELATIONSHIP_CHANGED: translate("formatting", "Lien de parenté modifié"),
        AuditAction.MEMBER_REMOVED: translate("formatting", "Retrait d'un membre"),
        AuditAction.SIN_REVEALED: translate("formatting", "NAS révélé"),
        AuditAction.CART_ADD: translate("formatting", "Ajout au panier"),
        AuditAction.CART_REMOVE: translate("formatting", "Retrait du panier"),
        AuditAction.CART_EXTEND: translate("formatting", "Panier prolongé"),
        AuditAction.CART_CHECKOUT: translate("formatting", "Passage au paiement"),
        AuditAction.CART_RELEASE: translate("formatting", "Panier verrouillé libéré"),
        AuditAction.CART_RELEASE_COMPLETED: translate(
            "formatting", "Panier verrouillé : paiement confirmé, inscription faite"
        ),
        AuditAction.CART_RELEASE_REFUSED: translate(
            "formatting", "Libération refusée (CT-Paiement injoignable)"
        ),
        AuditAction.HOLD_RELEASE: translate("formatting", "Réservation périmée libérée"),
        AuditAction.WAITLIST_JOIN: translate("formatting", "Ajout à la liste d'attente"),
        AuditAction.WAITLIST_OFFER: translate("formatting", "Place offerte (liste d'attente)"),
        AuditAction.WAITLIST_ACCEPT: translate("formatting", "Offre de place acceptée"),
        AuditAction.WAITLIST_MOVE: translate("formatting", "Rang déplacé (liste d'attente)"),
        AuditAction.PAYMENT_STARTED: translate("formatting", "Paiement commencé"),
        AuditAction.PAYMENT_APPROVED: translate("formatting", "Paiement accepté"),
        AuditAction.PAYMENT_REFUSED: translate("formatting", "Paiement refusé"),
        AuditAction.RECEIPT_REPRINT: translate("formatting", "Reçu réimprimé"),
        AuditAction.RECEIPT_EMAIL: translate("formatting", "Reçu envoyé par courriel"),
        AuditAction.OUTBOX_REQUEUED: translate("formatting", "Courriel renvoyé"),
        AuditAction.CALL_ENDED: translate("formatting", "Appel terminé"),
        AuditAction.STAFF_SIGN_IN: translate("formatting", "Connexion au serveur"),
        AuditAction.STAFF_SIGN_IN_FAILED: translate("formatting", "Connexion refusée"),
        AuditAction.STAFF_LOCKED: translate("formatting", "Connexion bloquée (trop de tentatives)"),
        AuditAction.STAFF_SIGN_OUT: translate("formatting", "Déconnexion"),
        AuditAction.STAFF_ADDED: translate("formatting", "Membre du personnel ajouté"),
        AuditAction.STAFF_DISABLED: translate("formatting", "Membre du personnel désactivé"),
        AuditAction.STAFF_PASSWORD_SET: translate("formatting", "Mot de passe du personnel défini"),
        AuditAction.SYSTEM_CART_LAPSED: translate("formatting", "Panier expiré (système)"),
        AuditAction.SYSTEM_OFFER_LAPSED: translate("formatting", "Offre expirée (système)"),
        AuditAction.SYSTEM_PAYMENT_SETTLED: translate(
            "formatting", "Paiement en attente réglé (système)"
        ),
        AuditAction.SYSTEM_SIN_KEYS_ROTATED: translate(
            "formatting", "NAS chiffrés de nouveau avec la clé courante (système)"
        ),
    }
    return names.get(action, action)


def call_reason_name(reason: str) -> str:
    if reason.upper().startswith("F") and reason[1:].isdigit():
        return translate("formatting", "FAQ {number}").format(number=reason[1:])
    return translate("formatting", "Autre motif") if reason == "other" else reason
