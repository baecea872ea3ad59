"""Carts per household: which places went through which cart, in which state.

Confirmed registrations of one season are grouped into paid carts of a few items; a
place taken from a waitlist offer is paid in its own cart; live holds share the
household's one active cart (open, possibly extended, or locked at checkout); released
places sit in lapsed or cancelled carts. Scripted households can fix those choices.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from console.db.seed.planner import CANC, HOLD, REG, REG_WL, REL, Plan
from console.domain.vocabulary import CartState

PAID, OPEN, CHECKOUT = CartState.PAID.value, CartState.OPEN.value, CartState.CHECKOUT.value
LAPSED, CANCELLED = CartState.LAPSED.value, CartState.CANCELLED.value

REFUSALS = (
    "Carte expirée",
    "Fonds insuffisants",
    "Code de validation (CVV) invalide",
    "Refusée par l'institution financière",
    "Numéro de carte invalide",
)


@dataclass(frozen=True)
class Story:
    """What a scripted household's carts must show (None: let chance decide)."""

    active_state: str | None = None  # open | checkout
    minutes_left: float | None = None  # until the hold (or the checkout lock) lapses
    extended: bool = False
    active_refusal: str | None = None  # a payment just refused on the active cart
    released_states: tuple[str, ...] = ()  # one cart per state, for the released places
    released_refusal: str | None = None
    payer_relationship: str | None = None  # who paid the paid carts (F12)


# (kind, member id, activity id, waitlist entry id or 0)
Item = tuple[int, int, int, int]


@dataclass(slots=True)
class CartPlan:
    household: int
    state: str
    items: list[Item]
    season: int = -1  # season index of paid carts
    when: datetime | None = None  # paid just after this moment (an accepted offer)
    refusal: str | None = None  # a refused payment on this cart
    pending: bool = False  # a payment the gateway has not answered yet
    extended: bool = False
    minutes_left: float | None = None
    mail_receipt: bool = False
    phone_staff: int = 0  # staff id for a registration taken on the phone; 0 = web
    story: Story | None = None


@dataclass
class CartTotals:
    carts: int = 0
    items: int = 0
    payments: int = 0
    registrations: int = 0
    receipts: int = 0
    receipt_mails: int = 0
    phone_audits: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


def plan_carts(
    rng: random.Random,
    plan: Plan,
    season_of: Sequence[int],
    stories: dict[int, Story],
    phone_staff: Sequence[int],
) -> tuple[list[CartPlan], CartTotals]:
    """Cart plans for every household, in household order, with the rows they will make."""
    carts: list[CartPlan] = []
    for h_index, assignments in enumerate(plan.by_household):
        if assignments:
            household = h_index + 1
            carts.extend(
                _household_carts(
                    rng, household, assignments, season_of, stories.get(household), phone_staff
                )
            )
    totals = CartTotals()
    for c in carts:
        totals.carts += 1
        totals.items += len(c.items)
        totals.by_state[c.state] = totals.by_state.get(c.state, 0) + 1
        totals.payments += (c.state == PAID) + (c.refusal is not None) + c.pending
        if c.state == PAID:
            totals.registrations += len(c.items)
            totals.receipts += 1
            totals.receipt_mails += c.mail_receipt
            totals.phone_audits += c.phone_staff != 0
    return carts, totals


def _household_carts(
    rng: random.Random,
    household: int,
    assignments: list[tuple[int, int, int, int, datetime | None]],
    season_of: Sequence[int],
    story: Story | None,
    phone_staff: Sequence[int],
) -> list[CartPlan]:
    out: list[CartPlan] = []
    by_season: dict[int, list[Item]] = {}
    holds: list[Item] = []
    released: list[Item] = []
    for kind, member, activity, wl, when in assignments:
        item = (kind, member, activity, wl)
        if kind in (REG, CANC):
            by_season.setdefault(season_of[activity - 1], []).append(item)
        elif kind == REG_WL:
            out.append(CartPlan(household, PAID, [item], season_of[activity - 1], when))
        elif kind == HOLD:
            holds.append(item)
        elif kind == REL:
            released.append(item)
    for season, items in sorted(by_season.items()):
        rng.shuffle(items)
        while items:
            size = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
            out.append(CartPlan(household, PAID, items[:size], season))
            del items[:size]
    for c in out:
        c.story = story
        if story is not None:  # scripted: a clean history, every receipt emailed
            c.mail_receipt = True
            continue
        c.refusal = rng.choice(REFUSALS) if rng.random() < 0.05 else None
        c.mail_receipt = rng.random() < 0.35
        if phone_staff and rng.random() < 0.03:
            c.phone_staff = rng.choice(phone_staff)
    if holds:
        out.append(_active_cart(rng, household, holds, story))
    if released:
        out.extend(_released_carts(rng, household, released, story))
    return out


def _active_cart(
    rng: random.Random, household: int, holds: list[Item], story: Story | None
) -> CartPlan:
    state = (story and story.active_state) or (CHECKOUT if rng.random() < 0.2 else OPEN)
    cart = CartPlan(household, state, holds, story=story)
    cart.extended = story.extended if story else state == OPEN and rng.random() < 0.25
    cart.pending = state == CHECKOUT and (story is not None or rng.random() < 0.75)
    if story and story.active_refusal:
        cart.refusal = story.active_refusal
    elif story is None and state == OPEN and rng.random() < 0.12:
        cart.refusal = rng.choice(REFUSALS)
    cart.minutes_left = story.minutes_left if story and story.minutes_left else None
    return cart


def _released_carts(
    rng: random.Random, household: int, released: list[Item], story: Story | None
) -> list[CartPlan]:
    states = story.released_states if story and story.released_states else None
    if states is None:
        n = 1 if len(released) <= 2 else 2
        states = tuple(LAPSED if rng.random() < 0.65 else CANCELLED for _ in range(n))
    n = min(len(states), len(released))
    out = []
    for i in range(n):
        items = released[i::n]
        cart = CartPlan(household, states[i], items, story=story)
        if story and story.released_refusal and states[i] == CANCELLED:
            cart.refusal = story.released_refusal
        elif story is None and rng.random() < 0.3:
            cart.refusal = rng.choice(REFUSALS)
        out.append(cart)
    return out
