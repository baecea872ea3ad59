"""The support centre's own rows: staff, emails sent to families, the journal, call notes.

Staff usernames are fixed so demos and tests can sign in as anyone: one clerk per
borough, two supervisors, agents. Emails are outbox rows (sent, failed with the last
error, or still queued); the journal and the call notes cover the FAQ's call reasons.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate

from console.db.seed.people import People
from console.db.seed.programme import ActivityInfo
from console.db.seed.render import Ids, message_id
from console.domain.audit_actions import AuditAction
from console.domain.vocabulary import EmailKind, Role

Row = tuple[object, ...]

# fmt: off
# (username, display name, role, borough id or None, active)
STAFF: tuple[tuple[str, str, Role, int | None, bool], ...] = (
    ("sbelanger", "Sophie Bélanger", Role.SUPERVISOR, None, True),
    ("jtheriault", "Josée Thériault", Role.SUPERVISOR, None, True),
    ("mpelletier", "Martine Pelletier", Role.CLERK, 1, True),
    ("rgelinas", "Robert Gélinas", Role.CLERK, 2, True),
    ("nbouchard", "Nathalie Bouchard", Role.CLERK, 3, True),
    ("plavoie", "Pierre Lavoie", Role.CLERK, 4, True),
    ("cgirard", "Chantal Girard", Role.CLERK, 5, True),
    ("dmorin", "Daniel Morin", Role.CLERK, 6, True),
    ("agagnon", "Annie Gagnon", Role.AGENT, None, True),
    ("ecote", "Éric Côté", Role.AGENT, None, True),
    ("mroy", "Mélanie Roy", Role.AGENT, None, True),
    ("sfortin", "Simon Fortin", Role.AGENT, None, True),
    ("kbeaulieu", "Karine Beaulieu", Role.AGENT, None, True),
    ("yleblanc", "Yannick Leblanc", Role.AGENT, None, True),
    ("adiallo", "Aïssatou Diallo", Role.AGENT, None, True),
    ("lnguyen", "Linh Nguyen", Role.AGENT, None, True),
    ("gtremblay", "Gilles Tremblay", Role.AGENT, None, False),  # retired
)

# FAQ question -> (share of calls, what the agent did, the note)
CALL_REASONS: dict[str, tuple[int, str, str]] = {
    "F1": (22, AuditAction.PASSWORD_RESET_SENT.value,
           "Mot de passe oublié; lien de réinitialisation envoyé à l'adresse au dossier."),
    "F2": (10, AuditAction.CONFIRMATION_RESENT.value,
           "Courriel de confirmation non reçu; courriels indésirables vérifiés, renvoyé."),
    "F3": (3, "",
           "Veut changer son adresse courriel : impossible, nouveau Dossier loisir expliqué."),
    "F4": (3, "",
           "Veut retirer un membre; dirigé vers le bureau d'arrondissement."),
    "F5": (5, "",
           "Accès au site : bloqueur de fenêtres publicitaires désactivé, fonctionne."),
    "F6": (9, "",
           "Cours affiché non complet; places retenues dans des paniers. Liste d'attente."),
    "F7": (6, AuditAction.HOLD_RELEASE.value,
           "Message « déjà inscrit » : réservation périmée dans un autre panier libérée."),
    "F8": (8, "",
           "Délai du panier expliqué (20 minutes, une prolongation possible)."),
    "F9": (9, "",
           "Paiement refusé : non inscrit; communiquer avec l'institution financière."),
    "F10": (7, "",
            "Numéro de carte saisi avec des espaces; seules VISA et Mastercard acceptées."),
    "F11": (8, AuditAction.CART_RELEASE.value,
            "Panier verrouillé; CT-Paiement confirme aucun paiement, panier libéré."),
    "F12": (3, "",
            "Payeur absent de la liste : lien « Enfant »; expliqué comment le modifier."),
    "F13": (3, "",
            "Activité de garde : le responsable du dossier doit payer (Relevé 24)."),
    "F14": (6, AuditAction.RECEIPT_EMAIL.value,
            "Reçu perdu; renvoyé à partir du numéro de panier et du propriétaire."),
    "other": (4, "", "Question sur la programmation de la prochaine session."),
}

# (action, role, target, reason)
AUDIT_ACTIONS: tuple[tuple[str, Role, str, str], ...] = (
    (AuditAction.PASSWORD_RESET_SENT.value, Role.AGENT, "compte", "Mot de passe oublié (F1)"),
    (AuditAction.ACCOUNT_UNLOCKED.value, Role.AGENT, "compte",
     "Compte verrouillé, appelant vérifié (F1)"),
    (AuditAction.CONFIRMATION_RESENT.value, Role.AGENT, "courriel de confirmation",
     "Courriel non reçu (F2)"),
    (AuditAction.CART_RELEASE.value, Role.AGENT, "panier",
     "Verrouillé; CT-Paiement confirme aucun paiement (F11)"),
    (AuditAction.HOLD_RELEASE.value, Role.AGENT, "réservation", "Message « déjà inscrit » (F7)"),
    (AuditAction.WAITLIST_MOVE.value, Role.SUPERVISOR, "liste d'attente",
     "Erreur d'inscription corrigée, rang rétabli"),
)

MAIL_ERRORS = (
    "421 4.4.2 Connection timed out",
    "550 5.1.1 Recipient address rejected: User unknown",
    "554 5.7.1 Message rejected as spam",
    "SMTPServerDisconnected: Connection unexpectedly closed",
)
# fmt: on


@dataclass
class SupportRows:
    staff: list[Row] = field(default_factory=list)
    outbox: list[Row] = field(default_factory=list)
    audit: list[Row] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    verifications: list[Row] = field(default_factory=list)


def staff_rows() -> list[Row]:
    # No password: generated staff sign in only to the embedded demo (its staff picker);
    # `console staff set-password` gives one for the server.
    return [
        (i, username, name, role.value, borough, active, None, 0, None, None)
        for i, (username, name, role, borough, active) in enumerate(STAFF, start=1)
    ]


def staff_ids(*roles: Role) -> list[int]:
    return [i for i, s in enumerate(STAFF, start=1) if s[2] in roles and s[4]]


def clerk_of(borough_id: int) -> int:
    return next(
        i for i, s in enumerate(STAFF, start=1) if s[2] is Role.CLERK and s[3] == borough_id
    )


class SupportWriter:
    """Builds the outbox, journal and call-note rows that do not belong to a cart."""

    def __init__(self, rng: random.Random, people: People, now: datetime, ids: Ids) -> None:
        self.rng = rng
        self.people = people
        self.now = now
        self.ids = ids
        self.rows = SupportRows(staff=staff_rows())

    def _mail(
        self,
        household: int,
        kind: str,
        subject: str,
        body: str,
        at: datetime,
        state: str = "sent",
        error: str | None = None,
    ) -> None:
        self.ids.outbox_message += 1
        oid = self.ids.outbox_message
        attempts = {"sent": 1, "failed": 5, "queued": 2}[state]
        next_at = self.now + timedelta(minutes=self.rng.uniform(1, 20)) if state == "queued" else at
        sent = at + timedelta(seconds=self.rng.uniform(2, 240)) if state == "sent" else None
        self.rows.outbox.append(
            (
                oid,
                message_id(self.rng, oid),
                household,
                self.people.hh_email[household - 1],
                kind,
                subject,
                body,
                None,
                None,
                state,
                attempts,
                at,
                next_at,
                sent,
                error,
                None,  # no secret waits with a generated message
            )
        )

    def account_mails(self, failures: dict[int, str], resets: set[int]) -> None:
        """Confirmation emails (recent accounts) and password-reset emails (F1, F2)."""
        p, rng, now = self.people, self.rng, self.now
        for h in range(1, len(p.hh_members) + 1):
            created = p.hh_created[h - 1]
            english = p.hh_language[h - 1] == "en"
            if not p.hh_confirmed[h - 1] or now - created < timedelta(days=365):
                state, error = "sent", None
                if h in failures:
                    state, error = "failed", failures[h]
                elif not p.hh_confirmed[h - 1] and not p.hh_scripted[h - 1]:
                    roll = rng.random()
                    if roll < 0.3:
                        state, error = "failed", rng.choice(MAIL_ERRORS)
                    elif roll < 0.45 and now - created < timedelta(hours=2):
                        state, error = "queued", "421 4.7.0 Try again later"
                subject = (
                    "Confirm your Dossier loisir"
                    if english
                    else "Confirmation de votre Dossier loisir"
                )
                body = (
                    "Click the link to confirm your account."
                    if english
                    else "Cliquez sur le lien pour confirmer votre compte."
                )
                self._mail(
                    h,
                    EmailKind.CONFIRMATION.value,
                    subject,
                    body,
                    created + timedelta(seconds=10),
                    state,
                    error,
                )
            failed_logins = p.accounts[h - 1][4]
            if h in resets or (
                isinstance(failed_logins, int) and failed_logins and rng.random() < 0.5
            ):
                last_failed = p.accounts[h - 1][5]
                at = last_failed if isinstance(last_failed, datetime) else now
                subject = "Reset your password" if english else "Réinitialisation du mot de passe"
                body = (
                    "Use this link within 60 minutes to choose a new password."
                    if english
                    else "Utilisez ce lien d'ici 60 minutes pour choisir un nouveau mot de passe."
                )
                self._mail(
                    h,
                    EmailKind.PASSWORD_RESET.value,
                    subject,
                    body,
                    min(at + timedelta(minutes=2), now - timedelta(minutes=1)),
                )

    def offer_mails(
        self,
        offers: Sequence[tuple[int, int, datetime, datetime]],
        activities: Sequence[ActivityInfo],
    ) -> None:
        """One email for every waitlist offer made (the place is held 48 hours)."""
        for member, activity, offered_at, _expires in offers:
            h = self.people.m_household[member - 1]
            title = activities[activity - 1].title
            name = self.people.m_name[member - 1]
            if self.people.hh_language[h - 1] == "en":
                subject = f"A place is available: {title}"
                body = f"A place is held for {name} for 48 hours. Accept it in your cart."
            else:
                subject = f"Une place s'est libérée : {title}"
                body = (
                    f"Une place est réservée pour {name} pendant 48 heures. "
                    "Acceptez-la dans votre panier."
                )
            self._mail(h, EmailKind.WAITLIST_OFFER.value, subject, body, offered_at)

    def journal(self, count: int) -> None:
        """Member removals by borough clerks (F4), then ``count`` other audited actions."""
        p, rng, now = self.people, self.rng, self.now
        for member, household, when in p.removed:
            self._audit(
                when,
                clerk_of(p.hh_borough[household - 1]),
                AuditAction.MEMBER_REMOVED.value,
                household,
                member,
                "membre",
                "Demande du responsable du dossier (F4)",
                {"removed": p.m_name[member - 1]},
            )
        agents, supervisors = staff_ids(Role.AGENT, Role.CLERK), staff_ids(Role.SUPERVISOR)
        households = [h for h in range(1, len(p.hh_members) + 1) if not p.hh_scripted[h - 1]]
        for _ in range(count):
            action, role, target, reason = rng.choice(AUDIT_ACTIONS)
            staff = rng.choice(supervisors if role is Role.SUPERVISOR else agents)
            h = rng.choice(households)
            at = now - timedelta(minutes=rng.uniform(5, 60 * 24 * 60))
            whom = p.hh_members[h - 1][0] if action == "sin.reveal" else None
            self._audit(at, staff, action, h, whom, target, reason, {})

    def _audit(
        self,
        at: datetime,
        staff: int,
        action: str,
        household: int,
        member: int | None,
        target: str,
        reason: str,
        details: dict[str, object],
    ) -> None:
        self.ids.audit_entry += 1
        self.rows.audit.append(
            (
                self.ids.audit_entry,
                at,
                staff,
                action,
                household,
                household,
                member,
                target,
                reason,
                json.dumps(details, ensure_ascii=False, sort_keys=True),
            )
        )

    def calls(self, count: int, scripted: Sequence[tuple[int, str, str, float]]) -> None:
        """Call notes (with the caller's verification) over the last 45 days."""
        p, rng, now = self.people, self.rng, self.now
        reasons = list(CALL_REASONS)
        cum = list(accumulate(v[0] for v in CALL_REASONS.values()))
        staff = staff_ids(Role.AGENT, Role.CLERK, Role.SUPERVISOR)
        households = [h for h in range(1, len(p.hh_members) + 1) if not p.hh_scripted[h - 1]]
        calls: list[tuple[int | None, str, str, datetime]] = []
        for scripted_household, reason, note, days_ago in scripted:
            day = (now - timedelta(days=days_ago)).replace(hour=15, minute=0, second=0)
            calls.append((scripted_household, reason, note, min(day, now - timedelta(hours=1))))
        for _ in range(count):
            reason = rng.choices(reasons, cum_weights=cum)[0]
            caller = rng.choice(households) if rng.random() < 0.92 else None
            day = now - timedelta(days=rng.randint(0, 45))
            # Office hours, 8 h to 20 h in Québec (UTC-5 or -4; the hour of day is approximate).
            started = day.replace(hour=13, minute=0, second=0, microsecond=0) + timedelta(
                minutes=rng.uniform(-60, 660)
            )
            if started >= now:
                started -= timedelta(days=1)
            calls.append((caller, reason, CALL_REASONS[reason][2], started))
        for household, reason, note, started in calls:
            agent = rng.choice(staff)
            ended = min(started + timedelta(minutes=rng.uniform(2, 18)), now)
            actions = CALL_REASONS.get(reason, (0, "", ""))[1]
            self.rows.notes.append(
                (len(self.rows.notes) + 1, agent, household, reason, started, ended, actions, note)
            )
            if household is not None:
                passed = rng.random() < 0.95
                matched = "email,postal_code,birth_date" if passed else "email"
                self.rows.verifications.append(
                    (
                        len(self.rows.verifications) + 1,
                        agent,
                        household,
                        started + timedelta(minutes=1),
                        matched,
                        passed,
                    )
                )
