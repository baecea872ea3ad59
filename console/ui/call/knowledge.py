"""The knowledge panel's texts: for each call reason, the site's FAQ answer (F1–F14) as a
script to read to the caller, a line on what to do in the console, and the Québec Access
Act notice to read before collecting information by phone (DESIGN.md §6).

Source strings are French; English comes from the same Qt catalogue as the rest of the
interface. A script is read in the *caller's* language, which may differ from the
agent's, so :func:`script` takes the language and looks the English up in its own
translator instead of the one installed on the application.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QTranslator

from console.domain.views.calls import CALL_REASONS, OTHER_REASON
from console.ui.kit.resources import TRANSLATIONS


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for lupdate; typed, unlike PySide6's (which returns ``object``)."""
    del context
    return source


CONTEXT = "knowledge"
LANGUAGES = ("fr", "en")

# Reasons where the call usually collects or changes personal information by phone.
COLLECTS_INFORMATION = frozenset({"F4", "F6", "F12", "F13"})

_TITLES: dict[str, str] = {
    "F1": QT_TRANSLATE_NOOP("knowledge", "Mot de passe oublié"),
    "F2": QT_TRANSLATE_NOOP("knowledge", "Courriel de confirmation non reçu"),
    "F3": QT_TRANSLATE_NOOP("knowledge", "Modifier l'adresse courriel"),
    "F4": QT_TRANSLATE_NOOP("knowledge", "Retirer quelqu'un du Dossier loisir"),
    "F5": QT_TRANSLATE_NOOP("knowledge", "Accès au site Mes loisirs en ligne"),
    "F6": QT_TRANSLATE_NOOP("knowledge", "Cours non complet, mais liste d'attente"),
    "F7": QT_TRANSLATE_NOOP("knowledge", "« Vous êtes déjà inscrit à cette activité »"),
    "F8": QT_TRANSLATE_NOOP("knowledge", "Durée de la réservation dans le panier"),
    "F9": QT_TRANSLATE_NOOP("knowledge", "Vérifier une inscription"),
    "F10": QT_TRANSLATE_NOOP("knowledge", "Difficulté de paiement (CT-Paiement)"),
    "F11": QT_TRANSLATE_NOOP("knowledge", "Panier verrouillé"),
    "F12": QT_TRANSLATE_NOOP("knowledge", "Personne absente de la liste pour payer"),
    "F13": QT_TRANSLATE_NOOP("knowledge", "Personne responsable et paiement des services de garde"),
    "F14": QT_TRANSLATE_NOOP("knowledge", "Reçu d'inscription perdu"),
    OTHER_REASON: QT_TRANSLATE_NOOP("knowledge", "Autre motif"),
}

_SCRIPTS: dict[str, str] = {
    "F1": QT_TRANSLATE_NOOP(
        "knowledge",
        "Si vous avez oublié votre mot de passe et en saisissez un erroné, le site affiche : "
        "« L'adresse courriel ou le mot de passe n'est pas valide. Veuillez vérifier les "
        "renseignements fournis. »\n\n"
        "Voici comment vous connecter :\n"
        "• Cliquez sur « J'ai oublié mon mot de passe » et inscrivez l'adresse courriel "
        "utilisée lors de votre inscription. Vous recevrez à cette adresse un lien à cliquer.\n"
        "• Cliquez sur le lien et, dans le formulaire qui s'affiche, saisissez un nouveau mot "
        "de passe d'au moins 8 caractères qui contient au moins une majuscule, un chiffre et "
        "un caractère spécial (#, !, $, &, etc.). Le caractère spécial ne peut pas être au "
        "début du mot de passe. Vous serez ensuite dirigé vers une autre page pour ouvrir "
        "votre session.\n\n"
        "Si votre compte est verrouillé, je peux le déverrouiller pour vous.",
    ),
    "F2": QT_TRANSLATE_NOOP(
        "knowledge",
        "Il peut s'écouler quelques minutes avant que le courriel de confirmation arrive, en "
        "particulier avec les comptes de messagerie Hotmail. Attendez quelques instants et, au "
        "besoin, actualisez votre boîte de réception.\n\n"
        "Vérifiez également votre boîte de courriers indésirables : votre messagerie a pu y "
        "diriger le courriel de confirmation.\n\n"
        "Si, après ces vérifications, le courriel ne vous a toujours pas été acheminé, je "
        "peux vous le renvoyer.",
    ),
    "F3": QT_TRANSLATE_NOOP(
        "knowledge",
        "Il est impossible de modifier une adresse courriel, puisqu'il s'agit de l'identifiant "
        "unique de votre compte. Si vous souhaitez utiliser une autre adresse courriel, vous "
        "devez vous créer un nouveau Dossier loisir.",
    ),
    "F4": QT_TRANSLATE_NOOP(
        "knowledge",
        "Pour retirer un membre de votre Dossier loisir, vous devez communiquer avec votre "
        "bureau d'arrondissement.",
    ),
    "F5": QT_TRANSLATE_NOOP(
        "knowledge",
        "Si vous avez de la difficulté à accéder à Mes loisirs en ligne, assurez-vous d'avoir "
        "désactivé votre bloqueur de fenêtres publicitaires.\n\n"
        "Assurez-vous également que votre navigateur est pris en charge par le site "
        "d'inscription en ligne. Les navigateurs compatibles sont :\n"
        "• Internet Explorer 10 et 11, et Edge (PC) ;\n"
        "• Firefox 17 (Linux, Mac et PC), 24, 31 et 43 ;\n"
        "• Chrome 31 (Linux, Mac et PC), 33, 40, 47 et 49 (PC et tablette Android) ;\n"
        "• Safari 7, 8, 9 et 10 (Mac, iPad et iPhone).\n\n"
        "Une autre version de ces logiciels ou un autre navigateur pourrait causer des "
        "problèmes.",
    ),
    "F6": QT_TRANSLATE_NOOP(
        "knowledge",
        "Le site peut afficher qu'un cours n'est pas complet alors que les places qui restent "
        "sont réservées dans les paniers d'autres personnes.\n\nJe vérifie maintenant s'il "
        "reste réellement de la place à cette activité. S'il en reste, je peux procéder à votre "
        "inscription. S'il ne reste plus de place, votre demande ira sur une liste d'attente et "
        "on vous avisera si une place se libère.",
    ),
    "F7": QT_TRANSLATE_NOOP(
        "knowledge",
        "Ce message apparaît lorsque quelque chose retient déjà cette personne pour cette "
        "activité : une inscription, un autre panier ou une place sur une liste d'attente.\n\n"
        "Je vais vérifier ce qui la retient et corriger la situation avec vous.",
    ),
    "F8": QT_TRANSLATE_NOOP(
        "knowledge",
        "Les éléments sélectionnés dans votre panier sont réservés pendant 20 minutes. L'heure "
        "limite est indiquée dans la page de gestion du panier. Vous pouvez demander un délai "
        "supplémentaire de 20 minutes, à une seule reprise.\n\nChaque modification à votre "
        "panier (ajout, retrait, etc.) allonge la durée de la réservation.\n\nLorsque le délai "
        "est écoulé, les activités sont libérées et redeviennent disponibles pour les autres "
        "personnes.",
    ),
    "F9": QT_TRANSLATE_NOOP(
        "knowledge",
        "Après le paiement, une page de confirmation affiche le message « Paiement effectué "
        "avec succès – Confirmation de paiement ».\n\nCette page présente aussi un reçu qui "
        "indique vos inscriptions aux activités. Vous pouvez imprimer ce reçu ou le recevoir "
        "par courriel. Ce document est la preuve de votre inscription.\n\nSi aucun message de "
        "confirmation ne s'est affiché ou si votre reçu indique « Paiement refusé », "
        "l'inscription n'a pas été faite : il faudra la refaire. Si le problème persiste, "
        "communiquez avec l'institution financière qui vous a délivré votre carte de crédit "
        "pour connaître la raison du refus.",
    ),
    "F10": QT_TRANSLATE_NOOP(
        "knowledge",
        "Par mesure de sécurité, le site de paiement CT-Paiement n'est plus compatible avec "
        "Windows XP. Pour payer, utilisez un ordinateur qui a un autre système "
        "d'exploitation : Windows 7, Windows 8.1 ou Mac OS.\n\n"
        "Autrement, les difficultés de paiement viennent habituellement de l'une de ces "
        "raisons :\n"
        "• seules les cartes de crédit VISA et Mastercard sont acceptées ;\n"
        "• une erreur s'est glissée dans le numéro de la carte ;\n"
        "• le numéro de la carte a été saisi avec des tirets ou des espaces ;\n"
        "• la carte de crédit est expirée ;\n"
        "• le code de validation (3 chiffres au dos de la carte) n'a pas été saisi "
        "correctement.\n\n"
        "Vérifiez ces points. Si le problème persiste, communiquez avec l'institution "
        "financière qui vous a délivré votre carte de crédit.",
    ),
    "F11": QT_TRANSLATE_NOOP(
        "knowledge",
        "Lorsque vous cliquez sur « Passer à la caisse », une communication s'établit avec le "
        "site de transaction CT-Paiement. Si votre panier est verrouillé, c'est probablement "
        "que votre navigateur a été fermé par accident : la transaction ne peut alors pas "
        "continuer.\n\n"
        "Il faut attendre la fin du délai inscrit sur le compteur avant de reprendre le "
        "paiement. Une fois ce délai passé, vous serez de retour dans votre panier et pourrez "
        "payer.\n\n"
        "Pouvez-vous me donner le numéro de votre panier ? Je vais vérifier auprès du site de "
        "paiement si le paiement a été effectué.",
    ),
    "F12": QT_TRANSLATE_NOOP(
        "knowledge",
        "La liste des personnes qui peuvent payer présente tous les membres de la famille dont "
        "le lien avec la personne responsable du dossier est autre que « Enfant ». Les choix "
        "possibles sont les libellés du site :\n• « Conjoint et parent des enfants »\n• "
        "« Conjoint »\n• « Père ou mère du responsable de dossier »\n• « Autre »\n\nSi la "
        "personne que vous voulez indiquer pour payer n'apparaît pas dans la liste, il faut "
        "modifier son lien de parenté avec la personne responsable du dossier.\n\nNotez que le "
        "reçu est délivré au nom de la personne indiquée pour payer, quelle que soit la carte "
        "de crédit utilisée. Les parents peuvent donc utiliser la carte de l'un ou de l'autre.",
    ),
    "F13": QT_TRANSLATE_NOOP(
        "knowledge",
        "La personne responsable du dossier doit obligatoirement être celle qui paie les "
        "activités du Programme Vacances-Été (PVE), de la semaine de relâche et les ateliers "
        "préscolaires, parce qu'un relevé 24 est délivré pour ces activités, pour les crédits "
        "d'impôt.\n\nLe numéro d'assurance sociale inscrit au dossier est celui de la personne "
        "responsable du dossier. Si une autre personne paie, le relevé 24 ne pourra pas être "
        "délivré.",
    ),
    "F14": QT_TRANSLATE_NOOP(
        "knowledge",
        "Si vous avez perdu votre reçu d'inscription, vous pouvez en imprimer un nouveau avec "
        "le numéro de votre panier et le numéro du propriétaire du panier fournis lors de la "
        "transaction.\n\n"
        "Rendez-vous sur le site « Mes loisirs en ligne » et cliquez sur l'onglet « Panier », "
        "en haut de la page. Dans la page « Panier », remplissez le formulaire « Pour "
        "réimprimer votre reçu d'inscription » avec votre numéro de panier et le numéro du "
        "propriétaire du panier, puis cliquez sur « Soumettre ».\n\n"
        "Si vous n'avez pas conservé ces numéros, je peux les retrouver pour vous.",
    ),
    OTHER_REASON: QT_TRANSLATE_NOOP(
        "knowledge",
        "Aucune réponse de la foire aux questions ne correspond à ce motif. Écoutez la demande "
        "et résumez-la dans la note d'appel.",
    ),
}

_HINTS: dict[str, str] = {
    "F1": QT_TRANSLATE_NOOP(
        "knowledge",
        "Vérifiez l'identité de la personne qui appelle, puis envoyez le lien de "
        "réinitialisation à l'adresse au dossier ou déverrouillez le compte. Ne demandez, ne "
        "voyez et ne choisissez jamais un mot de passe.",
    ),
    "F2": QT_TRANSLATE_NOOP(
        "knowledge",
        "L'onglet « Courriels envoyés » montre chaque message et son état de livraison ; "
        "renvoyez la confirmation à l'adresse au dossier au besoin.",
    ),
    "F3": QT_TRANSLATE_NOOP(
        "knowledge",
        "La console ne permet pas de modifier l'adresse courriel : c'est l'identifiant du compte.",
    ),
    "F4": QT_TRANSLATE_NOOP(
        "knowledge",
        "Seul le personnel du bureau d'arrondissement retire un membre. Lisez l'avis de "
        "collecte avant de modifier le dossier.",
    ),
    "F5": QT_TRANSLATE_NOOP("knowledge", "Notez le navigateur et sa version dans la note d'appel."),
    "F6": QT_TRANSLATE_NOOP(
        "knowledge",
        "Consultez les places réelles (capacité moins inscriptions, réservations en panier et "
        "offres) ; inscrivez la personne s'il reste une place, sinon sur la liste d'attente.",
    ),
    "F7": QT_TRANSLATE_NOOP(
        "knowledge",
        "Cherchez l'inscription, le panier ou la liste d'attente qui retient ce membre pour "
        "cette activité, et réglez celui qui est périmé.",
    ),
    "F8": QT_TRANSLATE_NOOP(
        "knowledge",
        "L'onglet « Paniers » montre l'heure limite de chaque réservation et si la "
        "prolongation a déjà été utilisée.",
    ),
    "F9": QT_TRANSLATE_NOOP(
        "knowledge",
        "Une inscription n'existe qu'après un paiement réussi : voyez les onglets "
        "« Inscriptions » et « Paiements ».",
    ),
    "F10": QT_TRANSLATE_NOOP(
        "knowledge",
        "Ne notez jamais le numéro complet de la carte ni le code de validation.",
    ),
    "F11": QT_TRANSLATE_NOOP(
        "knowledge",
        "Ne libérez le panier qu'après avoir demandé au site de paiement si le paiement est passé.",
    ),
    "F12": QT_TRANSLATE_NOOP(
        "knowledge",
        "Lisez l'avis de collecte, puis modifiez le lien de parenté du membre, avec un motif.",
    ),
    "F13": QT_TRANSLATE_NOOP(
        "knowledge",
        "Le NAS reste masqué ; chaque affichage complet est journalisé. Lisez l'avis de "
        "collecte avant de le recueillir.",
    ),
    "F14": QT_TRANSLATE_NOOP(
        "knowledge",
        "Le numéro de panier et le numéro du propriétaire sont dans l'onglet « Paniers ».",
    ),
    OTHER_REASON: QT_TRANSLATE_NOOP(
        "knowledge", "Décrivez la demande dans la note : elle reste au dossier."
    ),
}

_NOTICE = QT_TRANSLATE_NOOP(
    "knowledge",
    "Les renseignements que je vais vous demander sont recueillis par la Ville de Québec "
    "pour gérer votre Dossier loisir et vos inscriptions aux activités de loisir. Seul le "
    "personnel autorisé de la Ville y a accès, lorsque son travail l'exige. Vous n'êtes pas "
    "obligé de répondre, mais sans ces renseignements, nous pourrions ne pas être en mesure "
    "de traiter votre demande. Vous avez le droit de consulter les renseignements qui vous "
    "concernent et de les faire corriger.",
)


@cache
def _english() -> QTranslator:
    translator = QTranslator()
    translator.load(str(TRANSLATIONS / "console_en.qm"))
    return translator


def _in(language: str, source: str) -> str:
    text = (_english().translate(CONTEXT, source) or source) if language == "en" else source
    # Guillemets keep their quote on the same line (non-breaking spaces).
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def reasons() -> tuple[str, ...]:
    return CALL_REASONS


def title(reason: str) -> str:
    """The reason as the agent reads it in the combo, in the interface's language."""
    text = QCoreApplication.translate(CONTEXT, _TITLES[reason])
    if reason == OTHER_REASON:
        return text
    return QCoreApplication.translate("knowledge", "{number} — {title}").format(
        number=reason, title=text
    )


def script(reason: str, language: str) -> str:
    """The FAQ answer to read to the caller, in the caller's language."""
    return _in(language, _SCRIPTS[reason])


def script_title(reason: str, language: str) -> str:
    return _in(language, _TITLES[reason])


def hint(reason: str) -> str:
    """What to do in the console, for the agent (interface language)."""
    return QCoreApplication.translate(CONTEXT, _HINTS[reason])


def needs_access_notice(reason: str) -> bool:
    return reason in COLLECTS_INFORMATION


def access_notice(language: str) -> str:
    """The Access Act notice to read before collecting information by phone."""
    return _in(language, _NOTICE)
