"""Sentences for what the payment site answered: its refusal codes (``expired_card`` …)
and why a payment is still pending (``gateway_timeout`` …).

These codes are not errors a service raises: they are stored on the payment
(``refusal_reason``) and shown in the payment dialog, the household's payments and the
journal. The gateway's codes are listed in console/services/sandbox_gateway.py and
console/services/checkout.py; tests/ui/test_every_code_has_a_sentence.py collects them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_WORDINGS: dict[str, Callable[[], str]] = {
    "card_declined": lambda: translate(
        "PaymentDialog",
        "La carte a été refusée par l'institution financière. La personne qui appelle "
        "doit communiquer avec elle pour connaître la raison.",
    ),
    "insufficient_funds": lambda: translate(
        "PaymentDialog", "Fonds ou limite de crédit insuffisants sur la carte."
    ),
    "expired_card": lambda: translate(
        "PaymentDialog",
        "L'institution financière indique que la carte est expirée. La personne qui "
        "appelle peut essayer une autre carte.",
    ),
    "incorrect_cvc": lambda: translate(
        "PaymentDialog",
        "Le code de validation ne correspond pas à la carte. Faites-le relire au dos de "
        "la carte, puis réessayez.",
    ),
    "card_not_accepted": lambda: translate(
        "PaymentDialog", "Seules les cartes VISA et Mastercard sont acceptées."
    ),
    "gateway_timeout": lambda: translate(
        "PaymentDialog",
        "Le site de paiement n'a pas répondu : le paiement est en attente. Ne "
        "recommencez pas ; vérifiez l'état du panier dans un instant.",
    ),
    "gateway_down": lambda: translate(
        "PaymentDialog",
        "Le site de paiement est inaccessible : rien n'a été débité. Réessayez dans un instant.",
    ),
    "not_charged": lambda: translate(
        "PaymentDialog",
        "Le site de paiement n'a pas encore reçu ce paiement : rien n'a été débité pour "
        "l'instant. Vérifiez l'état du panier dans un instant.",
    ),
}

KNOWN = frozenset(_WORDINGS)


def refusal_text(code: str | None) -> str:
    """The payment site's answer in the agent's words; an unknown code is never shown."""
    if code in (None, ""):
        return ""
    wording = _WORDINGS.get(code or "")
    if wording is not None:
        return wording()
    return translate(
        "PaymentDialog",
        "Le site de paiement a refusé la carte. La personne qui appelle peut essayer une "
        "autre carte.",
    )
