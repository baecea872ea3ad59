"""The words printed on a receipt, in French and English.

The status sentences are the public site's own (FAQ F9): families are told to look for
exactly these words, so they are never paraphrased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.calendar_words import (
    ENGLISH_DAYS,
    ENGLISH_MONTHS,
    FRENCH_DAYS,
    FRENCH_MONTHS,
    long_date,
)
from console.domain.vocabulary import CardBrand, Language, PaymentStatus

CITY_HEADER: Final = "Ville de Québec — Mes loisirs en ligne"
SUPPORT_PHONE: Final = "418 641-6018"
NBSP: Final = "\u00a0"

try:
    LOCAL_TZ: Any = ZoneInfo("America/Toronto")  # Québec keeps Eastern time
except ZoneInfoNotFoundError:  # no tz database on this machine (Windows without tzdata)
    LOCAL_TZ = timezone(timedelta(hours=-5), "HNE")


STATUS_WORDS: Final[dict[PaymentStatus, str]] = {
    PaymentStatus.APPROVED: "Paiement effectué avec succès – Confirmation de paiement",
    PaymentStatus.REFUSED: "Paiement refusé",
    PaymentStatus.PENDING: "Paiement en attente de confirmation",
}

# The payment site's refusal codes, as the receipt words them.
REFUSALS: Final[dict[Language, dict[str, str]]] = {
    Language.FR: {
        "card_declined": "Carte refusée par l’institution financière",
        "insufficient_funds": "Fonds ou limite de crédit insuffisants",
        "expired_card": "Carte expirée",
        "incorrect_cvc": "Code de validation erroné",
        "card_not_accepted": "Seules les cartes VISA et Mastercard sont acceptées",
    },
    Language.EN: {
        "card_declined": "Card declined by the financial institution",
        "insufficient_funds": "Insufficient funds or credit limit",
        "expired_card": "Expired card",
        "incorrect_cvc": "Incorrect security code",
        "card_not_accepted": "Only VISA and Mastercard are accepted",
    },
}


def refusal_words(code: str, language: Language) -> str:
    return REFUSALS[language].get(code, code)


@dataclass(frozen=True)
class Labels:
    program: str
    support: str
    title: str
    receipt_number: str
    reprint: str
    payer: str
    cart_number: str
    owner_number: str
    transaction_number: str
    date: str
    lines_title: str
    member: str
    activity: str
    session: str
    amount: str
    total: str
    payment_title: str
    card: str
    authorization: str
    amount_paid: str
    status_label: str
    refusal_reason: str
    status: dict[PaymentStatus, str]
    status_short: dict[PaymentStatus, str]
    status_meaning: dict[PaymentStatus, str]
    footer_proof: dict[PaymentStatus, str]
    footer_reprint: str
    page: str
    months: tuple[str, ...]
    email_subject: str
    email_body: str
    file_stem: str


FRENCH: Final = Labels(
    program="Programmation des loisirs – Inscription",
    support="Centre de soutien technique",
    title="Reçu d’inscription",
    receipt_number="Numéro de reçu",
    reprint="Réimpression du {date}",
    payer="Personne qui paie",
    cart_number="Numéro de panier",
    owner_number="Numéro du propriétaire du panier",
    transaction_number="Numéro de transaction",
    date="Date de la transaction",
    lines_title="Activités",
    member="Membre",
    activity="Activité",
    session="Session",
    amount="Montant",
    total="Total",
    payment_title="Paiement",
    card="Carte de crédit",
    authorization="Code d’autorisation",
    amount_paid="Montant",
    status_label="État du paiement",
    refusal_reason="Motif du refus",
    status=STATUS_WORDS,
    status_short={
        PaymentStatus.APPROVED: "Accepté",
        PaymentStatus.REFUSED: "Refusé",
        PaymentStatus.PENDING: "En attente",
    },
    status_meaning={
        PaymentStatus.APPROVED: "Les personnes ci-dessous sont inscrites aux activités indiquées.",
        PaymentStatus.REFUSED: (
            "Aucune inscription n’a été faite. Il vous faudra procéder de nouveau à votre "
            "inscription. Si le problème persiste, communiquez avec l’institution financière "
            "qui vous a délivré votre carte de crédit."
        ),
        PaymentStatus.PENDING: "L’inscription sera confirmée lorsque le paiement sera accepté.",
    },
    footer_proof={
        PaymentStatus.APPROVED: "Ce document constitue la preuve de votre inscription.",
        PaymentStatus.REFUSED: (
            "Paiement refusé : ce document ne constitue pas une preuve d’inscription."
        ),
        PaymentStatus.PENDING: "Ce document ne constitue pas une preuve d’inscription.",
    },
    footer_reprint=(
        "Conservez le numéro de panier et le numéro du propriétaire du panier : "
        "ils permettent de réimprimer ce reçu."
    ),
    page="Page {page}",
    months=FRENCH_MONTHS,
    email_subject="Votre reçu d’inscription – panier {cart}",
    email_body=(
        "Bonjour {payer},\n\n"
        "Vous trouverez ci-joint votre reçu d’inscription (panier {cart}, numéro du "
        "propriétaire du panier {owner}).\n\n"
        "Ce document constitue la preuve de votre inscription.\n\n"
        "Pour toute question, communiquez avec le centre de soutien technique au "
        "418 641-6018.\n\nVille de Québec — Mes loisirs en ligne\n"
    ),
    file_stem="recu",
)

ENGLISH: Final = Labels(
    program="Recreation programs – Registration",
    support="Technical support centre",
    title="Registration receipt",
    receipt_number="Receipt number",
    reprint="Reprinted on {date}",
    payer="Payer",
    cart_number="Cart number",
    owner_number="Cart owner number",
    transaction_number="Transaction number",
    date="Transaction date",
    lines_title="Activities",
    member="Member",
    activity="Activity",
    session="Session",
    amount="Amount",
    total="Total",
    payment_title="Payment",
    card="Credit card",
    authorization="Authorization code",
    amount_paid="Amount",
    status_label="Payment status",
    refusal_reason="Reason for refusal",
    status={
        PaymentStatus.APPROVED: "Payment completed successfully – Payment confirmation",
        PaymentStatus.REFUSED: "Payment refused",
        PaymentStatus.PENDING: "Payment awaiting confirmation",
    },
    status_short={
        PaymentStatus.APPROVED: "Approved",
        PaymentStatus.REFUSED: "Refused",
        PaymentStatus.PENDING: "Pending",
    },
    status_meaning={
        PaymentStatus.APPROVED: "The people below are registered for the activities listed.",
        PaymentStatus.REFUSED: (
            "You are not registered. Please register again. If the problem persists, "
            "contact the financial institution that issued your credit card."
        ),
        PaymentStatus.PENDING: "Registration will be confirmed once the payment is approved.",
    },
    footer_proof={
        PaymentStatus.APPROVED: "This document is the proof of your registration.",
        PaymentStatus.REFUSED: "Payment refused: this document is not a proof of registration.",
        PaymentStatus.PENDING: "This document is not a proof of registration.",
    },
    footer_reprint=(
        "Keep the cart number and the cart owner number: they let you reprint this receipt."
    ),
    page="Page {page}",
    months=ENGLISH_MONTHS,
    email_subject="Your registration receipt – cart {cart}",
    email_body=(
        "Hello {payer},\n\n"
        "Please find attached your registration receipt (cart {cart}, cart owner number "
        "{owner}).\n\n"
        "This document is the proof of your registration.\n\n"
        "If you have any questions, call the technical support centre at 418 641-6018.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n"
    ),
    file_stem="receipt",
)


def labels_for(language: Language | str) -> Labels:
    return ENGLISH if Language(language) is Language.EN else FRENCH


def format_money(cents: int, language: Language) -> str:
    """ "1 250,00 $" in French (Québec usage), "$1,250.00" in English."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    if language is Language.FR:
        grouped = f"{dollars:,}".replace(",", "\u00a0")
        return f"{sign}{grouped},{rest:02d}\u00a0$"
    return f"{sign}${dollars:,}.{rest:02d}"


def format_datetime(moment: datetime, language: Language) -> str:
    """Local Québec time: "2 mars 2026, 9 h 05" / "March 2, 2026, 9:05 a.m."."""
    local = moment.astimezone(LOCAL_TZ)
    return f"{long_date(local.date(), language)}, {clock(local, language, space=' ')}"


def clock(
    at: datetime | time, language: Language, *, minutes_always: bool = True, space: str = NBSP
) -> str:
    """A time of day as a sentence says it: ``14 h 05`` (OQLF) or ``2:05 p.m.`` (Canadian
    English, 12-hour clock). ``minutes_always=False`` drops ``:00``: ``9 h``, ``9 a.m.``."""
    if language is Language.EN:
        hour = at.hour % 12 or 12
        half = "a.m." if at.hour < 12 else "p.m."
        if not minutes_always and at.minute == 0:
            return f"{hour}{space}{half}"
        return f"{hour}:{at.minute:02d}{space}{half}"
    if not minutes_always and at.minute == 0:
        return f"{at.hour}{space}h"
    return f"{at.hour}{space}h{space}{at.minute:02d}"


# Whole phrases of the city's schedules that are not days, months or times.
SCHEDULE_PHRASES: Final = {
    "Accès libre selon l'horaire affiché, 7 jours sur 7": (
        "Drop-in, as per the posted schedule, 7 days a week"
    ),
}
SEASONS: Final = {"Hiver": "Winter", "Printemps": "Spring", "Été": "Summer", "Automne": "Fall"}
_SCHEDULE_TIME = re.compile(r"\b(\d{1,2})\s?h(?:\s?(\d{2}))?\b")


def schedule_words(schedule: str, language: Language) -> str:
    """An activity's schedule, stored in the city's French ("Mardi 18 h 30 – 19 h 30",
    "Du 3 au 7 mars, 8 h – 17 h"), in ``language``: French as stored; English with English
    day and month names and 12-hour times ("Tuesday 6:30 p.m. – 7:30 p.m.", "March 3 to 7,
    8 a.m. – 5 p.m.")."""
    if language is not Language.EN:
        return schedule
    text = schedule
    for french, english in SCHEDULE_PHRASES.items():
        text = text.replace(french, english)
    for french, english in zip(FRENCH_DAYS, ENGLISH_DAYS, strict=True):
        text = re.sub(rf"\b{french}\b", english, text, flags=re.IGNORECASE)
    for french, english in zip(FRENCH_MONTHS, ENGLISH_MONTHS, strict=True):
        # "(Du) 2 au 6 mars" → "March 2 to 6"; "3 mars" → "March 3".
        text = re.sub(
            rf"(?:\bDu |(?<!\w )(?<!\w))(\d{{1,2}})(?:er)? au (\d{{1,2}})(?:er)?\s{french}\b",
            rf"{english} \1 to \2",
            text,
        )
        text = re.sub(rf"\b(\d{{1,2}})(?:er)?\s{french}\b", rf"{english} \1", text)
        text = re.sub(rf"\b{french}\b", english, text)
    text = re.sub(r"^Du (.+?) au (.+?)(,|$)", r"\1 to \2\3", text)
    return _SCHEDULE_TIME.sub(_english_time, text)


def _english_time(found: re.Match[str]) -> str:
    at = time(int(found.group(1)) % 24, int(found.group(2) or 0))
    return clock(at, Language.EN, minutes_always=found.group(2) is not None)


def season_words(season: str, language: Language) -> str:
    """ "Hiver 2026" → "Winter 2026" in English; French as stored."""
    if language is not Language.EN:
        return season
    for french, english in SEASONS.items():
        season = re.sub(rf"\b{french}\b", english, season)
    return season


def card_label(brand: CardBrand | None, last4: str | None) -> str:
    """ "VISA •••• 4242"; only the brand and the last four digits ever appear."""
    name = {CardBrand.VISA: "VISA", CardBrand.MASTERCARD: "Mastercard"}.get(brand, "")  # type: ignore[arg-type]
    masked = f"•••• {last4}" if last4 else "••••"
    return f"{name} {masked}".strip()
