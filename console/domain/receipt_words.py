"""The words printed on a receipt, in French and English.

The status sentences are the public site's own (FAQ F9): families are told to look for
exactly these words, so they are never paraphrased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.vocabulary import CardBrand, Language, PaymentStatus

CITY_HEADER: Final = "Ville de Québec — Mes loisirs en ligne"
SUPPORT_PHONE: Final = "418 641-6018"

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
    payer="Payeur",
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
            "Vous n’êtes pas inscrit. Il vous faudra procéder de nouveau à votre inscription. "
            "Si le problème persiste, communiquez avec l’institution financière qui vous a "
            "délivré votre carte de crédit."
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
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
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
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
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
    """Local Québec time: "2 mars 2026, 9 h 05" / "March 2, 2026, 9:05 AM"."""
    local = moment.astimezone(LOCAL_TZ)
    labels = labels_for(language)
    month = labels.months[local.month - 1]
    if language is Language.FR:
        day = "1er" if local.day == 1 else str(local.day)
        return f"{day} {month} {local.year}, {local.hour} h {local.minute:02d}"
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{month} {local.day}, {local.year}, {hour}:{local.minute:02d} {half}"


def card_label(brand: CardBrand | None, last4: str | None) -> str:
    """ "VISA •••• 4242"; only the brand and the last four digits ever appear."""
    name = {CardBrand.VISA: "VISA", CardBrand.MASTERCARD: "Mastercard"}.get(brand, "")  # type: ignore[arg-type]
    masked = f"•••• {last4}" if last4 else "••••"
    return f"{name} {masked}".strip()
