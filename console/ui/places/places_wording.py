"""Sentences for what the places, cart, checkout and waitlist services report.

French source strings (English through the .ts file). The explanation sentence tells the
agent why the public site says "not full" and the minute the next place may free up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.ui.kit import messages
from console.ui.kit.formatting import format_time, one_period

Wording = messages.Wording


translate = QCoreApplication.translate


def _next(p: Mapping[str, Any]) -> str:
    at = p.get("next_release")
    if at is None:
        return ""
    return " " + one_period(
        translate("places", "Une place pourrait se libérer à {at}.").format(at=format_time(at))
    )


def ages_text(age_min: int | None, age_max: int | None) -> str:
    """« 3 à 5 ans », « 18 ans et plus », « jusqu'à 12 ans », « tous âges »."""
    if age_min is not None and age_max is not None:
        return translate("places", "{min} à {max} ans").format(min=age_min, max=age_max)
    if age_min is not None:
        return translate("places", "{min} ans et plus").format(min=age_min)
    if age_max is not None:
        return translate("places", "jusqu'à {max} ans").format(max=age_max)
    return translate("places", "tous âges")


def _ages(p: Mapping[str, Any]) -> str:
    return translate(
        "places",
        "Ce membre a {age} ans ; cette activité accepte {ages} : ce membre ne peut pas s'y "
        "inscrire.",
    ).format(age=p.get("age", "?"), ages=ages_text(p.get("min"), p.get("max")))


WORDINGS: dict[str, Wording] = {
    "places_available": lambda p: translate(
        "places",
        "Places réellement libres : {remaining} sur {capacity}. On peut inscrire la personne.",
    ).format(**p),
    "places_held_in_carts": lambda p: translate(
        "places",
        "Places libres selon le site : {site}, mais aucune n'est vraiment libre. Retenues dans "
        "des paniers : {carts} ; en paiement : {checkout} ; offertes à la liste d'attente : "
        "{offers}.",
    ).format(
        site=p["site_remaining"],
        carts=p["in_carts"],
        checkout=p["at_checkout"],
        offers=p["by_offers"],
    )
    + _next(p),
    "places_held_by_offers": lambda p: translate(
        "places",
        "Places libres selon le site : {site}, mais toutes sont offertes à des personnes de la "
        "liste d'attente.",
    ).format(site=p["site_remaining"])
    + _next(p),
    "places_full": lambda p: translate(
        "places",
        "Activité complète. Inscriptions : {confirmed} ; capacité : {capacity}. La demande ira "
        "sur la liste d'attente (déjà en attente : {waiting}).",
    ).format(confirmed=p["confirmed"], capacity=p["capacity"], waiting=p["waitlist_length"]),
    "already_registered": lambda p: translate(
        "places", "Ce membre a déjà une inscription à cette activité."
    ),
    "already_in_cart": lambda p: translate(
        "places", "Ce membre a déjà cette activité dans le panier {cart}."
    ).format(cart=p.get("cart_number", "?")),
    "already_waitlisted": lambda p: translate(
        "places", "Ce membre est déjà sur la liste d'attente."
    ),
    "offer_waiting": lambda p: translate(
        "places",
        "Une place est offerte à ce membre pour cette activité : acceptez l'offre "
        "plutôt que de l'inscrire de nouveau.",
    ),
    "age_out_of_range": lambda p: _ages(p),
    "cart_extension_used": lambda p: translate(
        "places", "Le délai supplémentaire de 20 minutes a déjà été accordé pour ce panier."
    ),
    "cart_hold_lapsed": lambda p: translate(
        "places", "Le délai du panier est écoulé : les places ont été libérées."
    ),
    "cart_not_open": lambda p: translate("places", "Ce panier est verrouillé ou terminé."),
    "cart_not_locked": lambda p: translate("places", "Ce panier n'est pas verrouillé."),
    "cart_locked_use_release": lambda p: translate(
        "places", "Ce panier est en paiement : utilisez « Libérer le panier verrouillé »."
    ),
    "cart_empty": lambda p: translate("places", "Le panier est vide."),
    "gateway_unreachable": lambda p: translate(
        "places",
        "Le site de paiement ne répond pas : impossible de savoir si le paiement a réussi. "
        "Le panier reste verrouillé ; réessayez dans quelques minutes.",
    ),
    "no_place_to_offer": lambda p: translate(
        "places", "Aucune place libre à offrir pour cette activité."
    ),
    "offer_not_open": lambda p: translate("places", "Cette offre n'est plus valide."),
    "member_removed": lambda p: translate(
        "places", "Ce membre a été retiré du Dossier loisir : l'offre ne peut pas lui être donnée."
    ),
    "payer_changed": lambda p: translate(
        "places",
        "Un paiement est déjà en cours pour le panier {cart} avec une autre personne qui paie : "
        "vérifiez d'abord son état auprès du site de paiement.",
    ).format(cart=p.get("cart_number", "?")),
    "cart_changed_retry": lambda p: translate(
        "places", "Le panier {cart} vient de changer (paiement réglé entre-temps) : réessayez."
    ).format(cart=p.get("cart_number", "?")),
    "registration_not_releasable": lambda p: translate(
        "places", "Une inscription payée ne se libère pas ici : c'est une annulation."
    ),
    "activity_not_found": lambda p: translate(
        "places",
        "Cette activité n'existe plus. Relancez la recherche d'activités, puis réessayez.",
    ),
    "member_or_activity_not_found": lambda p: translate(
        "places",
        "Ce membre ou cette activité n'existe plus. Rouvrez le dossier, puis réessayez.",
    ),
    "cart_not_found": lambda p: translate(
        "places", "Ce panier n'existe plus. Rouvrez le dossier pour voir ses paniers à jour."
    ),
    "cart_item_not_found": lambda p: translate(
        "places",
        "Cette activité n'est plus réservée dans le panier (retirée ou délai écoulé). "
        "Rouvrez le panier pour voir son contenu à jour.",
    ),
    "cart_other_household": lambda p: (
        translate(
            "places",
            "Le panier {cart} appartient à un autre dossier : il ne peut pas être modifié à "
            "partir de celui-ci. Vérifiez le numéro du panier avec la personne qui appelle.",
        ).format(cart=p["cart_number"])
        if p.get("cart_number") is not None
        else translate(
            "places",
            "Ce panier appartient à un autre dossier : il ne peut pas être modifié à partir de "
            "celui-ci. Vérifiez le numéro du panier avec la personne qui appelle.",
        )
    ),
    "cart_not_in_checkout": lambda p: translate(
        "places",
        "Ce panier n'est plus en paiement : il est déjà revenu à la famille ou il est "
        "terminé. Rouvrez le panier pour voir son état.",
    ),
    "cart_not_payable": lambda p: translate(
        "places",
        "Le panier {cart} ne peut plus être payé : son délai est écoulé ou il n'est pas "
        "en paiement. Rien n'a été débité. Rouvrez le panier pour voir son état.",
    ).format(cart=p.get("cart_number", "?")),
    "card_invalid": lambda p: translate(
        "places",
        "La carte n'a pas été soumise au site de paiement et rien n'a été débité. Corrigez la "
        "saisie avec la personne qui appelle.",
    ),
    "no_pending_payment": lambda p: translate(
        "places",
        "Aucun paiement n'est en attente pour ce panier : il n'y a rien à vérifier auprès "
        "du site de paiement. Rouvrez le panier pour voir son état.",
    ),
    "payment_not_found": lambda p: translate(
        "places",
        "Ce paiement est introuvable dans la console. Vérifiez l'état du panier avant de "
        "recommencer le paiement.",
    ),
    "gateway_not_configured": lambda p: translate(
        "places",
        "Le site de paiement n'est pas configuré sur le serveur de la console : aucun paiement "
        "n'est possible pour l'instant. Avisez l'équipe d'administration du serveur.",
    ),
    "waitlist_entry_not_found": lambda p: translate(
        "places",
        "Cette personne n'est plus en attente sur cette liste (déjà traitée ou retirée). "
        "Rouvrez la liste d'attente pour la voir à jour.",
    ),
}


for _code, _wording in WORDINGS.items():
    messages.register(_code, _wording)

# The one table of code → sentence lives in console.ui.kit.messages; these names stay for the
# places screens that import them from here.
reason_text = messages.reason_text
error_text = messages.error_text
