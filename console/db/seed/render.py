"""Cart plans into rows: carts, items, payments, registrations, receipts, receipt emails.

Payments keep the card brand, the last four digits and the authorisation code only. A
registration exists only beside an approved payment (F9); the payer is never a child
(F12) and is the responsible for childcare activities (F13).
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from console.db.seed.carts import CHECKOUT, LAPSED, OPEN, PAID, CartPlan
from console.db.seed.people import People
from console.db.seed.planner import CANC
from console.db.seed.programme import ActivityInfo, SeasonInfo
from console.domain.audit_actions import AuditAction
from console.domain.vocabulary import Relationship

Row = tuple[object, ...]
HOLD = timedelta(minutes=20)
_AUTH = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_CHILD = Relationship.CHILD.value
TABLES = (
    "cart",
    "cart_item",
    "payment",
    "registration",
    "receipt",
    "outbox_message",
    "audit_entry",
)


@dataclass
class Ids:
    """Next id of every table the generator writes (ids start at 1)."""

    cart: int = 0
    cart_item: int = 0
    payment: int = 0
    registration: int = 0
    receipt: int = 0
    outbox_message: int = 0
    audit_entry: int = 0


def _auth_code(bits: int) -> str:
    chars = []
    for _ in range(6):
        bits, r = divmod(bits, len(_AUTH))
        chars.append(_AUTH[r])
    return "".join(chars)


def money(cents: int, language: str) -> str:
    if language == "en":
        return f"${cents / 100:,.2f}"
    return f"{cents / 100:,.2f} $".replace(",", " ").replace(".", ",")


def token(rng: random.Random) -> str:
    """A random UUID (version 4) from ``rng``: hyphenated, so no long run of digits."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def message_id(rng: random.Random, outbox_id: int) -> str:
    return f"<{outbox_id}.{token(rng)}@mesloisirs.example>"


class CartRenderer:
    def __init__(
        self,
        rng: random.Random,
        people: People,
        activities: Sequence[ActivityInfo],
        seasons: Sequence[SeasonInfo],
        staff_usernames: dict[int, str],
        now: datetime,
        ids: Ids,
    ) -> None:
        self.rng = rng
        self.people = people
        self.activities = activities
        self.now = now
        self.ids = ids
        self.staff = staff_usernames
        # Registration for a season opens ~10 weeks before it starts, at 8 h (Québec).
        self._opens = [
            datetime.combine(s.starts_on, time(12, 0), tzinfo=UTC) - timedelta(days=75)
            for s in seasons
        ]

    def render(self, carts: Sequence[CartPlan]) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = {t: [] for t in TABLES}
        for cart in carts:
            self._cart(cart, out)
        return out

    # -- moments --------------------------------------------------------------------

    def _start(self, cart: CartPlan) -> datetime:
        """When the cart was opened, after the household existed and before now."""
        rng, now = self.rng, self.now
        created = self.people.hh_created[cart.household - 1] + timedelta(minutes=30)
        if cart.state == PAID:
            if cart.when is not None:  # paid just after accepting a waitlist offer
                t = cart.when + timedelta(minutes=rng.uniform(2, 30))
            else:
                t = self._opens[cart.season] + timedelta(days=rng.uniform(0, 95))
                if t > now - timedelta(hours=1):
                    t = now - timedelta(hours=rng.uniform(1, 24 * 20))
        else:
            t = now - timedelta(hours=rng.uniform(1, 24 * 150))
        if t < created:
            t = created + (now - created) * rng.uniform(0.1, 0.6)
        return min(t, now - timedelta(minutes=45))

    # -- one cart -------------------------------------------------------------------

    def _cart(self, cart: CartPlan, out: dict[str, list[Row]]) -> None:
        rng, now, ids = self.rng, self.now, self.ids
        ids.cart += 1
        cart_id = ids.cart
        household = cart.household
        channel = self.staff[cart.phone_staff] if cart.phone_staff else "web"
        locked_until = None
        if cart.state in (OPEN, CHECKOUT):
            minutes = cart.minutes_left or rng.uniform(0.5, 19.5)
            deadline = now + timedelta(minutes=minutes)
            if cart.state == CHECKOUT:
                locked_until = deadline
                updated = deadline - timedelta(minutes=30)
            else:
                updated = deadline - (2 * HOLD if cart.extended else HOLD)
            started = updated - timedelta(minutes=rng.uniform(0.5, 12))
        else:
            started = self._start(cart)
            updated = started + timedelta(minutes=rng.uniform(0.5, 6))
            deadline = updated + (2 * HOLD if cart.extended else HOLD)
        n = len(cart.items)
        item_rows: list[Row] = []
        amount = 0
        childcare = False
        for i, (_kind, member, activity, wl) in enumerate(cart.items):
            act = self.activities[activity - 1]
            amount += act.price_cents
            childcare = childcare or act.childcare
            added = started + (updated - started) * ((i + 1) / n)
            ids.cart_item += 1
            if cart.state == PAID:
                state, released, reason = "registered", None, None
            elif cart.state in (OPEN, CHECKOUT):
                state, released, reason = "held", None, None
            elif cart.state == LAPSED:
                state, released, reason = "released", deadline, "hold_expired"
            else:
                state, reason = "released", "cart_cancelled"
                released = updated + timedelta(minutes=rng.uniform(1, 15))
            item_rows.append(
                (
                    ids.cart_item,
                    cart_id,
                    member,
                    activity,
                    act.price_cents,
                    state,
                    added,
                    released,
                    reason,
                    wl or None,
                )
            )
        out["cart"].append(
            (
                cart_id,
                5_000_000 + cart_id,
                self.people.number(household),
                household,
                cart.state,
                started,
                updated,
                deadline,
                cart.extended,
                locked_until,
                channel,
            )
        )
        out["cart_item"].extend(item_rows)
        payer = self._payer(household, childcare, cart)
        attempt = updated + timedelta(seconds=rng.uniform(20, 120))
        if cart.refusal is not None:
            if cart.state == OPEN:  # refused minutes ago; the family is still on the site
                recent = now - timedelta(minutes=rng.uniform(1, 4))
                attempt = max(started + timedelta(seconds=10), min(attempt, recent))
            self._payment(out, cart_id, payer, amount, "refused", attempt, channel, cart.refusal)
            attempt += timedelta(minutes=rng.uniform(1, 3))
        if cart.pending:
            self._payment(
                out, cart_id, payer, amount, "pending", updated + timedelta(seconds=30), channel
            )
        if cart.state == PAID:
            decided = self._payment(out, cart_id, payer, amount, "approved", attempt, channel)
            self._paid(out, cart, cart_id, payer, amount, decided, item_rows)

    def _payer(self, household: int, childcare: bool, cart: CartPlan) -> int:
        members = self.people.hh_members[household - 1]
        if childcare:
            return members[0]  # F13: the responsible pays for childcare (Relevé 24)
        rel = self.people.m_rel
        active = self.people.m_active
        wanted = cart.story.payer_relationship if cart.story else None
        if wanted:
            for m in members:
                if rel[m - 1] == wanted and active[m - 1]:
                    return m
        adults = [m for m in members[1:] if rel[m - 1] != _CHILD and active[m - 1]]
        if adults and cart.story is None and self.rng.random() < 0.3:
            return self.rng.choice(adults)
        return members[0]

    def _payment(
        self,
        out: dict[str, list[Row]],
        cart_id: int,
        payer: int,
        amount: int,
        status: str,
        at: datetime,
        channel: str,
        refusal: str | None = None,
    ) -> datetime:
        rng, ids = self.rng, self.ids
        ids.payment += 1
        decided = None if status == "pending" else at + timedelta(seconds=rng.uniform(4, 50))
        brand = last4 = auth = None
        if status != "pending":
            brand = "visa" if rng.random() < 0.58 else "mastercard"
            last4 = f"{rng.randint(0, 9999):04d}"
        if status == "approved":
            auth = _auth_code(rng.getrandbits(36))
        out["payment"].append(
            (
                ids.payment,
                300_000_000 + ids.payment,
                token(rng),
                cart_id,
                payer,
                amount,
                status,
                brand,
                last4,
                auth,
                refusal,
                at,
                decided,
                channel,
            )
        )
        return decided or at

    def _paid(
        self,
        out: dict[str, list[Row]],
        cart: CartPlan,
        cart_id: int,
        payer: int,
        amount: int,
        decided: datetime,
        item_rows: list[Row],
    ) -> None:
        rng, now, ids = self.rng, self.now, self.ids
        payment_id = ids.payment
        for (kind, member, activity, _wl), _item in zip(cart.items, item_rows, strict=True):
            ids.registration += 1
            cancelled = None
            if kind == CANC:
                cancelled = min(
                    decided + timedelta(days=rng.uniform(1, 40)), decided + (now - decided) * 0.9
                )
            out["registration"].append(
                (
                    ids.registration,
                    member,
                    activity,
                    cart_id,
                    payment_id,
                    "cancelled" if cancelled else "confirmed",
                    decided,
                    cancelled,
                )
            )
        ids.receipt += 1
        household = cart.household
        language = self.people.hh_language[household - 1]
        receipt_number = 20_000_000 + ids.receipt
        out["receipt"].append(
            (ids.receipt, receipt_number, cart_id, payment_id, payer, decided, language)
        )
        if cart.mail_receipt:
            self._receipt_mail(out, household, cart_id, receipt_number, payer, amount, decided)
        if cart.phone_staff:
            ids.audit_entry += 1
            details = json.dumps(
                {"cart": 5_000_000 + cart_id, "amount_cents": amount}, sort_keys=True
            )
            out["audit_entry"].append(
                (
                    ids.audit_entry,
                    decided,
                    cart.phone_staff,
                    AuditAction.PAYMENT_APPROVED.value,
                    household,
                    household,
                    payer,
                    f"panier {5_000_000 + cart_id}",
                    "Inscription par téléphone",
                    details,
                )
            )

    def _receipt_mail(
        self,
        out: dict[str, list[Row]],
        household: int,
        cart_id: int,
        receipt_number: int,
        payer: int,
        amount: int,
        at: datetime,
    ) -> None:
        ids, people = self.ids, self.people
        ids.outbox_message += 1
        language = people.hh_language[household - 1]
        owner = people.number(household)
        cart_number = 5_000_000 + cart_id
        name = people.m_name[payer - 1]
        if language == "en":
            subject = f"Registration receipt – cart {cart_number}"
            body = (
                f"Hello {name},\n\nPayment successful – payment confirmation.\n"
                f"Cart {cart_number}, owner {owner}, receipt {receipt_number}.\n"
                f"Amount: {money(amount, 'en')}\n\nMes loisirs en ligne – Ville de Québec"
            )
        else:
            subject = f"Reçu d'inscription – panier {cart_number}"
            body = (
                f"Bonjour {name},\n\nPaiement effectué avec succès – Confirmation de "
                f"paiement.\nPanier {cart_number}, propriétaire {owner}, reçu "
                f"{receipt_number}.\nMontant : {money(amount, 'fr')}\n\n"
                "Mes loisirs en ligne – Ville de Québec"
            )
        sent = at + timedelta(seconds=self.rng.uniform(5, 90))
        out["outbox_message"].append(
            (
                ids.outbox_message,
                message_id(self.rng, ids.outbox_message),
                household,
                people.hh_email[household - 1],
                "receipt",
                subject,
                body,
                None,
                None,
                "sent",
                1,
                at,
                at,
                sent,
                None,
                None,
            )
        )
