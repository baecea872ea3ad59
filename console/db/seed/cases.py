"""The demo's cases: which scripted caller to play for each FAQ call the desk handles, and
keeping their states alive while the demo runs.

:data:`CASES` is the one list: the "Cas de démonstration" list of the console's Aide menu
shows it, and a test checks that every identifier finds its household in a freshly built
demo and that the household shows the promised state.

The scripted carts count down from the moment the demo was built (a hold of 12 minutes,
a checkout lock of 14), and the waitlist offer from its 48 hours: left alone, the sweep
lapses them and the case has nothing left to try. :func:`refresh_cases` re-anchors those
deadlines to now — only for the scripted households still in their case's state, never
undoing what an agent did (a cart paid, released or emptied stays so) — and is run by the
embedded demo's sweeper before each sweep. The services' clock is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Account, Cart, Household, WaitlistEntry
from console.db.seed import scenarios
from console.domain.vocabulary import CartState, WaitlistState

EMAIL, PHONE, NUMBER = "email", "phone", "number"


@dataclass(frozen=True)
class DemoCase:
    faq: str  # the FAQ question the call exercises (F1–F14)
    household_number: int
    identifier: str  # what the agent types in the search box
    kind: str  # email | phone | number
    caller: str
    says_fr: str
    says_en: str
    shows_fr: str  # what the family file shows, and what the call is about
    shows_en: str


CASES: tuple[DemoCase, ...] = (
    DemoCase(
        "F1", 100_005, "sophie.oneil@videotron.example", EMAIL, "Sophie O'Neil",
        "« Mon compte est bloqué, j'ai oublié mon mot de passe. »",
        "“My account is locked, I forgot my password.”",
        "Compte verrouillé après 6 échecs : déverrouiller et envoyer un lien de "
        "réinitialisation.",
        "Account locked after 6 failed sign-ins: unlock it and send a reset link.",
    ),
    DemoCase(
        "F2", 100_006, "kevin.nguyen@hotmail.example", EMAIL, "Kevin Nguyen",
        "“I never got the confirmation email.”",
        "“I never got the confirmation email.”",
        "Compte non confirmé; le courriel de confirmation a échoué : le renvoyer.",
        "Account not confirmed; the confirmation email failed: send it again.",
    ),
    DemoCase(
        "F4", 100_008, "isabelle.tremblay-ndiaye@videotron.example", EMAIL,
        "Isabelle Tremblay-Ndiaye",
        "« Je veux enlever Moussa de mon dossier. »",
        "“I want to remove Moussa from my file.”",
        "Un agent ne peut pas retirer un membre : un commis de l'arrondissement le peut.",
        "An agent cannot remove a member: a clerk of the borough can.",
    ),
    DemoCase(
        "F6", 100_001, "helene.cote@videotron.example", EMAIL, "Hélène Côté",
        "« Le cours n'affiche pas complet, mais Zoé tombe sur la liste d'attente. »",
        "“The class doesn't show full, but Zoé lands on the waitlist.”",
        "Les dernières places du groupe de Zoé sont retenues dans deux paniers; inscrire "
        "et payer par téléphone une activité qui a des places.",
        "The last places of Zoé's group are held in two carts; register and pay by phone "
        "for an activity with places.",
    ),
    DemoCase(
        "F7", 100_002, "jerome.levesque@gmail.example", EMAIL, "Jérôme Lévesque",
        "« On me dit que Maëlle est déjà inscrite à cette activité. »",
        "“It says Maëlle is already registered in this activity.”",
        "Maëlle est inscrite et encore retenue dans le panier ouvert : libérer la réservation.",
        "Maëlle is registered and still held in the open cart: free the stale hold.",
    ),
    DemoCase(
        "F11", 100_003, "100003", NUMBER, "Noémie Bélanger",
        "« Mon panier est verrouillé, je ne peux pas payer. »",
        "“My cart is locked and I can't pay.”",
        "Panier verrouillé au paiement, paiement en attente : le libérer après avoir "
        "demandé au site de paiement.",
        "Cart locked at checkout, payment pending: release it after asking the payment site.",
    ),
    DemoCase(
        "F12", 100_010, "grace.wong@outlook.example", EMAIL, "Grace Wong",
        "“My husband Eric isn't in the payer list.”",
        "“My husband Eric isn't in the payer list.”",
        "Eric est inscrit comme « Enfant » : changer son lien avec la responsable.",
        "Eric is recorded as “Enfant” (child): change his relationship to the responsible.",
    ),
    DemoCase(
        "F13", 100_007, "amira.alhaddad@gmail.example", EMAIL, "Amira Al-Haddad",
        "« Pourquoi est-ce moi qui dois payer le camp de jour? »",
        "“Why do I have to be the one paying for the day camp?”",
        "Service de garde dans le panier, aucun NAS au dossier : la responsable paie.",
        "Childcare in the cart, no SIN on file: the responsible pays.",
    ),
    DemoCase(
        "F14", 100_001, "100001", NUMBER, "Hélène Côté",
        "« J'ai perdu mon reçu d'inscription. »",
        "“I lost my registration receipt.”",
        "Historique payé avec reçus : réimprimer un reçu et l'envoyer par courriel.",
        "Paid history with receipts: reprint a receipt and email it.",
    ),
)  # fmt: skip

# Re-anchored when fewer than this many minutes are left (or the deadline passed).
FLOOR = timedelta(minutes=3)
OFFER_HOURS = 48


def _scripted(session: Session) -> dict[int, int]:
    """Household number → id, for the scripted households that are really the demo's
    (their number and their email both match), so no other database is ever touched."""
    emails = {100_000 + i: h.email for i, h in enumerate(scenarios.HOUSEHOLDS, start=1)}
    rows = session.execute(
        select(Household.number, Household.id, Account.email)
        .join(Account, Account.id == Household.account_id)
        .where(Household.number.in_(list(emails)))
    ).all()
    return {number: hid for number, hid, email in rows if email == emails[number]}


def refresh_cases(session: Session, now: datetime) -> int:
    """Give the scripted cases' holds, checkout locks and offer their time again, counted
    from ``now``, when they are about to run out; returns how many deadlines moved."""
    households = _scripted(session)
    moved = 0
    for index, story in scenarios.STORIES.items():
        hid = households.get(100_000 + index)
        if hid is None or story.active_state is None or story.minutes_left is None:
            continue
        fresh = now + timedelta(minutes=story.minutes_left)
        carts = session.scalars(
            select(Cart).where(
                Cart.household_id == hid,
                Cart.state.in_((CartState.OPEN.value, CartState.CHECKOUT.value)),
            )
        ).all()
        for cart in carts:
            if cart.state == CartState.CHECKOUT.value:
                locked = cart.checkout_locked_until
                if locked is not None and locked < now + FLOOR:
                    cart.checkout_locked_until = fresh
                    cart.hold_expires_at = max(cart.hold_expires_at, fresh)
                    moved += 1
            elif cart.hold_expires_at < now + FLOOR:
                cart.hold_expires_at = fresh
                moved += 1
    offered = session.scalars(
        select(WaitlistEntry).where(
            WaitlistEntry.household_id.in_(list(households.values())),
            WaitlistEntry.state == WaitlistState.OFFERED.value,
        )
    ).all()
    for entry in offered:
        if entry.offer_expires_at is not None and entry.offer_expires_at < now + FLOOR:
            entry.offer_expires_at = now + timedelta(hours=OFFER_HOURS)
            moved += 1
    return moved


def scripted_household_ids(session: Session) -> set[int]:
    """The scripted households' ids (the demo's cases): the simulated site leaves them be."""
    return set(_scripted(session).values())
