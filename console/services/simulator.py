"""The public-site simulator: web users playing "Mes loisirs en ligne" against the database.

Each simulated family searches, adds activities to a cart, waits, then abandons the cart
(the hold lapses), or checks out and pays — sometimes with a card that is refused. Every
action goes through the same cart and checkout services as the console, with
``actor=None`` and the "web" channel, so the same rules and the same locks apply. The
demo uses it so holds appear and lapse on screen; the load tests and benchmark use it.

``WebUser.step`` plays one action and says when the user acts next; :func:`simulate`
runs many users on worker threads against the real clock for a number of minutes.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import select

from console.db.models import Household, Member
from console.db.seed.cases import CASES, DemoCase, refresh_cases, scripted_household_ids
from console.domain.cards import CardEntry
from console.domain.errors import Busy, ConsoleError
from console.domain.vocabulary import PaymentStatus, Relationship
from console.services.carts import add_to_cart, cart_summary
from console.services.checkout import pay
from console.services.context import ServiceContext
from console.services.places import ActivitySummary, find_activities
from console.services.sweep import sweep

# What families pay with: mostly approved, some refused (F9), one slow gateway answer.
CARDS = (
    ("4242424242424242", 40),
    ("5555555555554444", 25),
    ("2223000048400011", 10),
    ("4000000000000002", 10),
    ("4000000000009995", 5),
    ("4000000000000069", 5),
    ("4000000000000119", 5),
)


class Phase(StrEnum):
    BROWSING = "browsing"
    SHOPPING = "shopping"  # has a cart, thinking
    DONE = "done"


@dataclass
class WebUser:
    household_id: int
    member_ids: list[int]
    payer_id: int
    rng: random.Random
    phase: Phase = Phase.BROWSING
    cart_id: int | None = None
    cart_items: int = 0

    def step(self, ctx: ServiceContext, tally: Counter[str]) -> timedelta | None:
        """Play one action; returns how long until the next one (None: this user is done)."""
        try:
            if self.phase is Phase.BROWSING:
                return self._add(ctx, tally)
            if self.phase is Phase.SHOPPING:
                return self._decide(ctx, tally)
        except Busy:
            tally["busy"] += 1
            return timedelta(seconds=self.rng.uniform(1, 5))
        except ConsoleError as exc:
            tally[f"refused:{exc.code}"] += 1
            self.phase = Phase.BROWSING if self.cart_id is None else Phase.SHOPPING
            return timedelta(seconds=self.rng.uniform(10, 60))
        return None

    def _pick(self, ctx: ServiceContext, tally: Counter[str]) -> ActivitySummary | None:
        tally["search"] += 1
        shown = find_activities(ctx, "", limit=200)
        # The site only hides full activities (capacity − confirmed): held ones look open.
        open_ones = [a for a in shown if a.site_remaining > 0]
        return self.rng.choice(open_ones) if open_ones else None

    def _add(self, ctx: ServiceContext, tally: Counter[str]) -> timedelta | None:
        activity = self._pick(ctx, tally)
        if activity is None or not self.member_ids:
            self.phase = Phase.DONE
            return None
        member = self.rng.choice(self.member_ids)
        out = add_to_cart(
            ctx, None, self.household_id, member, activity.activity_id, cart_id=self.cart_id
        )
        if out.held and out.cart is not None:
            tally["held"] += 1
            self.cart_id = out.cart.cart_id
            self.cart_items += 1
        else:
            tally["waitlisted"] += 1
        self.member_ids.remove(member)
        self.phase = Phase.SHOPPING if self.cart_id is not None else Phase.BROWSING
        if self.cart_id is None and self.rng.random() < 0.5:
            self.phase = Phase.DONE
            return None
        return timedelta(minutes=self.rng.uniform(0.5, 6))

    def _decide(self, ctx: ServiceContext, tally: Counter[str]) -> timedelta | None:
        assert self.cart_id is not None
        roll = self.rng.random()
        if roll < 0.25 and self.member_ids and self.cart_items < 3:
            self.phase = Phase.BROWSING
            return self._add(ctx, tally)
        if roll < 0.5:
            tally["abandoned"] += 1  # closes the browser: the hold lapses by itself
            self.phase = Phase.DONE
            return None
        if not cart_summary(ctx, self.cart_id).live:
            tally["lapsed_before_paying"] += 1
            self.phase = Phase.DONE
            return None
        tally["checkout"] += 1
        number = self.rng.choices([c for c, _ in CARDS], weights=[w for _, w in CARDS])[0]
        with CardEntry(number, 12, ctx.clock.now().year + 3, "123") as card:
            result = pay(ctx, None, self.cart_id, card, self.payer_id)
        tally[f"payment:{result.status.value}"] += 1
        if result.status is PaymentStatus.PENDING:
            return timedelta(seconds=30)  # retry: pay() asks the gateway's status first
        self.phase = Phase.DONE
        return None


def web_users(
    ctx: ServiceContext, count: int, seed: int | None = None, *, spare_cases: bool = False
) -> list[WebUser]:
    """``count`` families picked at random among households with a responsible member
    (never a demo case's household when ``spare_cases``: the agent plays those)."""
    rng = random.Random(seed)
    with ctx.db.read() as session:
        spared = scripted_household_ids(session) if spare_cases else set()
        rows = session.execute(
            select(Household.id, Member.id, Member.relationship)
            .join(Member, Member.household_id == Household.id)
            .where(Member.removed_at.is_(None))
            .order_by(Household.id, Member.id)
        ).all()
    families: dict[int, list[tuple[int, str]]] = {}
    for household_id, member_id, relationship in rows:
        families.setdefault(household_id, []).append((member_id, relationship))
    usable = [
        h
        for h, ms in families.items()
        if h not in spared and any(r == Relationship.RESPONSIBLE.value for _, r in ms)
    ]
    chosen = rng.sample(usable, min(count, len(usable)))
    users = []
    for household_id in chosen:
        members = families[household_id]
        payer = next(m for m, r in members if r == Relationship.RESPONSIBLE.value)
        users.append(
            WebUser(household_id, [m for m, _ in members], payer, random.Random(rng.random()))
        )
    return users


@dataclass
class SimulationReport:
    users: int
    seconds: float
    tally: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        return [f"{self.users} web users, {self.seconds:.0f} s"] + [
            f"  {name}: {value}" for name, value in sorted(self.tally.items())
        ]


def simulate(
    ctx: ServiceContext,
    users: int,
    minutes: float,
    *,
    seed: int | None = None,
    workers: int = 8,
    sweep_every: float = 60.0,
    stop: threading.Event | None = None,
    keep_cases: bool = False,
) -> SimulationReport:
    """Play ``users`` web users on the real clock for ``minutes`` minutes. With
    ``keep_cases`` (the embedded demo), the demo's cases are left to the agent and kept
    alive before each sweep (:func:`keep_demo_cases`)."""
    stop = stop or threading.Event()
    players = web_users(ctx, users, seed, spare_cases=keep_cases)
    tally: Counter[str] = Counter()
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + minutes * 60

    def work(mine: list[WebUser]) -> None:
        due = {id(u): time.monotonic() for u in mine}
        while mine and not stop.is_set() and time.monotonic() < deadline:
            user = min(mine, key=lambda u: due[id(u)])
            wait = due[id(user)] - time.monotonic()
            if wait > 0:
                stop.wait(min(wait, deadline - time.monotonic(), 1.0))
                continue
            local: Counter[str] = Counter()
            try:
                delay = user.step(ctx, local)
            except Exception as exc:  # a simulated user never stops the others
                local[f"error:{type(exc).__name__}"] += 1
                delay = None
            with lock:
                tally.update(local)
            if delay is None:
                mine.remove(user)
            else:
                due[id(user)] = time.monotonic() + delay.total_seconds()

    shares = [players[i::workers] for i in range(max(1, workers))]
    threads = [threading.Thread(target=work, args=(s,), daemon=True) for s in shares if s]
    for t in threads:
        t.start()
    next_sweep = time.monotonic()
    while any(t.is_alive() for t in threads):
        if sweep_every > 0 and time.monotonic() >= next_sweep:
            next_sweep = time.monotonic() + sweep_every
            try:
                if keep_cases:
                    keep_demo_cases(ctx)
                sweep(ctx)  # holds lapse on screen even with no console open
                name = "sweeps"
            except Busy:
                name = "busy"
            with lock:
                tally[name] += 1
        threads[0].join(timeout=0.5) if threads[0].is_alive() else stop.wait(0.5)
    return SimulationReport(len(players), time.monotonic() - start, tally)


def keep_demo_cases(ctx: ServiceContext) -> int:
    """Embedded demo only: the scripted cases' holds, checkout locks and offer counted
    again from the services' clock when they are about to run out, so a case stays
    playable however long the demo runs (see :mod:`console.db.seed.cases`). Returns how
    many deadlines moved. Run before the sweep; the real sweep still lapses every other
    hold."""
    with ctx.db.write() as session:
        return refresh_cases(session, ctx.clock.now())


def demo_cases() -> tuple[DemoCase, ...]:
    """The demo's cases: which scripted caller to play for each FAQ call."""
    return CASES
