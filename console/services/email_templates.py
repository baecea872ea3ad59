"""The emails the console sends to account holders, in French and English.

Emails are not screens, so their wording lives here rather than in Qt's translations.
Every message says whom to call if the holder did not ask for it (DESIGN.md §6).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.vocabulary import EmailKind

SUPPORT_PHONE = "418 641-6018"
DEFAULT_SITE_URL = "https://loisirs.example.ca"


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    body: str


_FR: dict[EmailKind, tuple[str, str]] = {
    EmailKind.ACCOUNT_UNLOCKED: (
        "Votre compte Mes loisirs en ligne a été déverrouillé",
        "Bonjour,\n\n"
        "À votre demande, le centre de soutien technique a déverrouillé votre compte "
        "({email}). Vous pouvez de nouveau ouvrir une session sur "
        "Mes loisirs en ligne.\n\n"
        "Si vous n'avez pas fait cette demande, communiquez sans tarder avec le centre "
        "de soutien technique au {phone}.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.PASSWORD_RESET: (
        "Réinitialisation de votre mot de passe — Mes loisirs en ligne",
        "Bonjour,\n\n"
        "Une demande de réinitialisation du mot de passe de votre compte ({email}) a été "
        "faite auprès du centre de soutien technique. Cliquez sur ce lien pour choisir un "
        "nouveau mot de passe :\n\n{link}\n\n"
        "Ce lien est valide {minutes} minutes et ne peut servir qu'une fois.\n"
        "Votre nouveau mot de passe doit compter au moins 8 caractères, dont une majuscule, "
        "un chiffre et un caractère spécial (#, !, $, &, etc.), qui ne peut pas être le "
        "premier caractère.\n\n"
        "Si vous n'avez pas fait cette demande, ne cliquez pas sur le lien et communiquez "
        "avec le centre de soutien technique au {phone}.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.CONFIRMATION: (
        "Confirmez votre adresse courriel — Mes loisirs en ligne",
        "Bonjour,\n\n"
        "Pour confirmer l'adresse courriel de votre Dossier loisir ({email}), ouvrez une "
        "session à partir de ce lien :\n\n{link}\n\n"
        "Si vous n'avez pas créé de Dossier loisir, communiquez avec le centre de soutien "
        "technique au {phone}.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.WAITLIST_OFFER: (
        "Une place s'est libérée : {activity}",
        "Bonjour,\n\n"
        "Une place s'est libérée à l'activité {activity} pour {member}. Elle vous est "
        "réservée jusqu'au {deadline}. Pour la prendre, ouvrez une session dans Mes loisirs "
        "en ligne ou communiquez avec le centre de soutien technique au {phone}; passé ce "
        "délai, elle sera offerte à la personne suivante sur la liste d'attente.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
}

_EN: dict[EmailKind, tuple[str, str]] = {
    EmailKind.ACCOUNT_UNLOCKED: (
        "Your Mes loisirs en ligne account has been unlocked",
        "Hello,\n\n"
        "At your request, the technical support centre unlocked your user account "
        "({email}). You can sign in to Mes loisirs en ligne again.\n\n"
        "If you did not ask for this, call the technical support centre at {phone} "
        "right away.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.PASSWORD_RESET: (
        "Reset your password — Mes loisirs en ligne",
        "Hello,\n\n"
        "The technical support centre received a request to reset the password of your "
        "account ({email}). Click this link to choose a new password:\n\n{link}\n\n"
        "The link is valid for {minutes} minutes and works only once.\n"
        "Your new password needs at least 8 characters, including an uppercase letter, "
        "a digit and a special character (#, !, $, &, etc.), which may not be the first "
        "character.\n\n"
        "If you did not ask for this, do not click the link and call the technical support "
        "centre at {phone}.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.CONFIRMATION: (
        "Confirm your email address — Mes loisirs en ligne",
        "Hello,\n\n"
        "To confirm the email address of your Dossier loisir ({email}), sign in from this "
        "link:\n\n{link}\n\n"
        "If you did not create a Dossier loisir, call the technical support centre at "
        "{phone}.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
    EmailKind.WAITLIST_OFFER: (
        "A place is available: {activity}",
        "Hello,\n\n"
        "A place in {activity} is now available for {member}. It is held for you until "
        "{deadline}. To take it, sign in to Mes loisirs en ligne or call the technical "
        "support centre at {phone}; after that time it goes to the next person on the "
        "waiting list.\n\n"
        "Ville de Québec — Mes loisirs en ligne\n",
    ),
}


def render(kind: EmailKind, language: str, **params: object) -> RenderedEmail:
    """The subject and body of ``kind`` in ``language`` ("fr" unless "en")."""
    subject, body = (_EN if language == "en" else _FR)[kind]
    return RenderedEmail(subject=subject, body=body.format(phone=SUPPORT_PHONE, **params))
