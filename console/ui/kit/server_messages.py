"""The sentences of what the console server and its connection report.

A table :mod:`console.ui.kit.messages` reads itself (it does not import messages, so
the one table of code → sentence is whole whichever screens were imported)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

WORDINGS: dict[str, Callable[[Mapping[str, Any]], str]] = {}
_put = WORDINGS.__setitem__

_put(
    "sign_in_refused",
    lambda _p: translate("messages", "Identifiant ou mot de passe refusé."),
)
_put(
    "sign_in_locked",
    lambda _p: translate(
        "messages",
        "Trop d'essais refusés : ce compte est bloqué pour quelques minutes. "
        "Réessayez plus tard ou appelez votre chef d'équipe.",
    ),
)
for _code in ("session_missing", "session_invalid", "session_expired"):
    _put(
        _code,
        lambda _p: translate(
            "messages", "Votre session a pris fin. Connectez-vous de nouveau pour continuer."
        ),
    )
_put(
    "server_unreachable",
    lambda _p: translate(
        "messages", "Le serveur de la console ne répond pas. Vérifiez le réseau puis réessayez."
    ),
)
_put(
    "server_timeout",
    lambda _p: translate(
        "messages",
        "Le serveur de la console tarde à répondre. Vérifiez le résultat avant de réessayer.",
    ),
)
for _code in ("server_unavailable", "server_error"):
    _put(
        _code,
        lambda _p: translate(
            "messages",
            "Le serveur de la console n'a pas pu traiter la demande. Réessayez dans un instant.",
        ),
    )
for _code in ("request_malformed", "request_too_large"):
    _put(
        _code,
        lambda _p: translate(
            "messages", "La demande n'a pas pu être lue par le serveur. Réessayez ou signalez-le."
        ),
    )
_put(
    "sign_in_throttled",
    lambda p: translate(
        "messages",
        "Trop de tentatives de connexion viennent de ce réseau en ce moment. "
        "Réessayez dans {seconds} s.",
    ).format(seconds=p.get("retry_after_s", 60)),
)
_put(
    "database_login_refused",
    lambda _p: translate(
        "messages",
        "La base de données refuse la connexion du serveur de la console (nom d'utilisateur ou "
        "mot de passe refusé). Avisez l'équipe d'administration du serveur.",
    ),
)
_put(
    "desktop_needs_server",
    lambda _p: translate(
        "messages",
        "Cette console ne se connecte pas directement à la base de données : indiquez "
        "l'adresse du serveur de la console (server_url) dans ses réglages.",
    ),
)
