"""Registration opening: many families reach for the same few activities at once.

At the opening minute every simulated family clicks within the first second for one of a
few *hot* activities (the ones with room left whose ages fit the most children), through
the same ``add_to_cart`` as the public site (``actor=None``, the web channel). Each click
gets an answer: a place (then the family pays, or thinks better of it and leaves the
hold to lapse), the waitlist, or a refusal (the member already holds it, say); "busy" is
no answer — the family clicks again after a short while, as the site's page does. A
family that got its answer may reach for its next wish (another child, another hot
activity).

:func:`opening_day` plays it on the real clock with worker threads and returns what
happened: how many families were answered and how fast (served per second, and each
answer's wait from the click), answers by kind, payments, and an overbooking check made
by SQL on the tables themselves, not through the place-counting service: confirmed
registrations + places held in live carts + open waitlist offers, per activity, never
above its capacity (checked every few seconds on the hot activities during the run, and
on every activity at the end).
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, or_, select

from console.db.models import (
    Activity,
    Cart,
    CartItem,
    Household,
    Member,
    Payment,
    Registration,
    Season,
    WaitlistEntry,
)
from console.domain.ages import age_fits, age_on
from console.domain.cards import CardEntry
from console.domain.errors import Busy, ConsoleError, Unavailable
from console.domain.vocabulary import (
    CartItemState,
    CartState,
    PaymentStatus,
    RegistrationState,
    Relationship,
    WaitlistState,
)
from console.services.carts import add_to_cart
from console.services.checkout import pay
from console.services.context import ServiceContext
from console.services.places import place_counts
from console.services.quebec_time import local_date
from console.services.simulator import CARDS
from console.services.sweep import sweep

ANSWERS = ("place", "waitlist", "refused")
PAY_SHARE = 0.7  # of the families given a place, those who pay (the others let it lapse)
NEXT_WISH = 0.5  # of the families answered, those who reach for their next wish


@dataclass
class Family:
    household_id: int
    payer_id: int
    wishes: list[tuple[int, int]]  # (member, activity), most wanted first
    rng: random.Random
    cart_id: int | None = None
    answered_at: float | None = None  # monotonic time of the first answer
    clicked_at: float = 0.0  # when the family clicked for the answer it awaits
    paying: bool = False


@dataclass(frozen=True)
class Overbooked:
    activity_id: int
    code: str
    capacity: int
    taken: int


@dataclass
class OpeningReport:
    families: int
    hot: tuple[str, ...]
    seconds: float
    answered: int = 0
    all_answered_s: float | None = None  # from the opening to the last family's first answer
    tally: Counter[str] = field(default_factory=Counter)
    waits: list[float] = field(default_factory=list)  # click → answer, seconds
    checks: int = 0
    overbooked: list[Overbooked] = field(default_factory=list)
    overbooked_before: int = 0
    minutes: float = 0.0  # the time it was given (it ends sooner once nobody has a move)

    @property
    def answers(self) -> int:
        return sum(self.tally[kind] for kind in ANSWERS)

    @property
    def ok(self) -> bool:
        return self.answered == self.families and not self.overbooked

    def lines(self) -> list[str]:
        waits = sorted(self.waits)

        def at(q: float) -> float:
            return 1000 * waits[int(q * (len(waits) - 1))] if waits else 0.0

        first = (
            f"{self.all_answered_s:.1f} s ({self.families / self.all_answered_s:.0f} families/s)"
            if self.all_answered_s
            else "not all"
        )
        errors = sum(v for k, v in self.tally.items() if k.startswith("error"))
        refused = ", ".join(
            f"{k.removeprefix('refused:')} {v}"
            for k, v in sorted(self.tally.items())
            if k.startswith("refused:")
        )
        payments = ", ".join(
            f"{k.removeprefix('payment:')} {v}"
            for k, v in sorted(self.tally.items())
            if k.startswith("payment:")
        )
        verdict = "OK" if self.ok else "FAILED"
        return [
            f"opening day: {self.families} families, hot activities {', '.join(self.hot)};"
            f" {self.seconds:.0f} s"
            + (
                " (every family done before the end)"
                if self.seconds < self.minutes * 60 - 1
                else ""
            ),
            f"  families answered: {self.answered} of {self.families}; every family's first"
            f" answer within {first}",
            f"  served: {self.answers} answers, {self.answers / self.seconds:.1f} per second"
            f" over the run",
            f"  answers: place {self.tally['place']}, waitlist {self.tally['waitlist']},"
            f" refused {self.tally['refused']}" + (f" ({refused})" if refused else ""),
            f"  busy (clicked again): {self.tally['busy']}; errors: {errors}"
            + "".join(
                f", {k} {v}" for k, v in sorted(self.tally.items()) if k.startswith("error:")
            ),
            f"  wait from click to answer: p50 {at(0.5):.0f} ms, p99 {at(0.99):.0f} ms,"
            f" max {at(1.0):.0f} ms",
            f"  paid or tried: {payments or 'none'}; holds left to lapse:"
            f" {self.tally['abandoned']}",
            f"  overbooking (SQL: confirmed + held + offered > capacity), {self.checks} checks:"
            f" {len(self.overbooked)} activities"
            + (
                f" ({self.overbooked_before} already before the opening)"
                if self.overbooked_before
                else ""
            )
            + "".join(f"; {o.code} {o.taken}/{o.capacity}" for o in self.overbooked[:5]),
            f"  {verdict}",
        ]


def taken_places(
    ctx: ServiceContext, activity_ids: Sequence[int] | None = None
) -> list[Overbooked]:
    """Activities whose confirmed registrations, places held in live carts and open
    waitlist offers add up to more than their capacity, counted by SQL on the tables
    (none of the services' counting): ``activity_ids`` only, or every activity."""
    now = ctx.clock.now()
    confirmed = (
        select(Registration.activity_id.label("activity_id"), func.count().label("n"))
        .where(Registration.state == RegistrationState.CONFIRMED.value)
        .group_by(Registration.activity_id)
    )
    pending = exists().where(
        Payment.cart_id == Cart.id, Payment.status == PaymentStatus.PENDING.value
    )
    held = (
        select(CartItem.activity_id.label("activity_id"), func.count().label("n"))
        .join(Cart, Cart.id == CartItem.cart_id)
        .where(
            CartItem.state == CartItemState.HELD.value,
            or_(
                and_(Cart.state == CartState.OPEN.value, Cart.hold_expires_at > now),
                and_(
                    Cart.state == CartState.CHECKOUT.value,
                    or_(Cart.checkout_locked_until > now, pending),
                ),
            ),
        )
        .group_by(CartItem.activity_id)
    )
    offered = (
        select(WaitlistEntry.activity_id.label("activity_id"), func.count().label("n"))
        .where(
            WaitlistEntry.state == WaitlistState.OFFERED.value,
            WaitlistEntry.offer_expires_at > now,
        )
        .group_by(WaitlistEntry.activity_id)
    )
    if activity_ids is not None:
        confirmed = confirmed.where(Registration.activity_id.in_(activity_ids))
        held = held.where(CartItem.activity_id.in_(activity_ids))
        offered = offered.where(WaitlistEntry.activity_id.in_(activity_ids))
    c, h, o = confirmed.subquery(), held.subquery(), offered.subquery()
    taken = func.coalesce(c.c.n, 0) + func.coalesce(h.c.n, 0) + func.coalesce(o.c.n, 0)
    query = (
        select(Activity.id, Activity.code, Activity.capacity, taken)
        .outerjoin(c, c.c.activity_id == Activity.id)
        .outerjoin(h, h.c.activity_id == Activity.id)
        .outerjoin(o, o.c.activity_id == Activity.id)
        .where(taken > Activity.capacity)
        .order_by(Activity.code)
    )
    if activity_ids is not None:
        query = query.where(Activity.id.in_(activity_ids))
    with ctx.db.read() as session:
        return [Overbooked(*row) for row in session.execute(query).all()]


@dataclass(frozen=True)
class Hot:
    """An activity every family reaches for."""

    id: int
    code: str
    age_min: int | None
    age_max: int | None


def hot_activities(ctx: ServiceContext, count: int, rng: random.Random) -> list[Hot]:
    """``count`` activities with room left, of a season not over, picked at random among
    those with the least room of the ones whose ages fit the most children."""
    today = local_date(ctx.clock.now())
    with ctx.db.read() as session:
        ages = Counter(
            age_on(born, today)
            for (born,) in session.execute(
                select(Member.birth_date).where(
                    Member.relationship == Relationship.CHILD.value, Member.removed_at.is_(None)
                )
            )
        )
        candidates = [
            Hot(*row)
            for row in session.execute(
                select(Activity.id, Activity.code, Activity.age_min, Activity.age_max)
                .join(Season, Season.id == Activity.season_id)
                .where(Season.ends_on >= today, Activity.capacity > 0)
                .order_by(Activity.id)
            )
        ]
        counts = place_counts(session, [a.id for a in candidates], ctx.clock.now())
    open_ones = [a for a in candidates if counts[a.id].real_remaining > 0]

    def fitting(activity: Hot) -> int:
        return sum(
            n for age, n in ages.items() if age_fits(age, activity.age_min, activity.age_max)
        )

    # The most wanted, and of them those with the least room: at an opening the popular
    # courses fill in minutes, and most families land on the waitlist.
    popular = sorted(open_ones, key=lambda a: (-fitting(a), a.id))[: 10 * count]
    scarce = sorted(popular, key=lambda a: (counts[a.id].real_remaining, a.id))[: 2 * count]
    return rng.sample(scarce, min(count, len(scarce)))


def opening_families(
    ctx: ServiceContext, count: int, hot: Sequence[Hot], rng: random.Random
) -> list[Family]:
    """``count`` families with a responsible member and a child of an age for one of the
    ``hot`` activities, each with its wishes (up to three: a child and an activity)."""
    today = local_date(ctx.clock.now())
    with ctx.db.read() as session:
        rows = session.execute(
            select(Member.household_id, Member.id, Member.relationship, Member.birth_date)
            .join(Household, Household.id == Member.household_id)
            .where(Member.removed_at.is_(None))
            .order_by(Member.household_id, Member.id)
        ).all()
    households: dict[int, list[tuple[int, str, int]]] = {}
    for household_id, member_id, relationship, born in rows:
        households.setdefault(household_id, []).append(
            (member_id, relationship, age_on(born, today))
        )
    usable: list[tuple[int, int, list[tuple[int, int]]]] = []
    for household_id, members in households.items():
        payer = next((m for m, r, _a in members if r == Relationship.RESPONSIBLE.value), None)
        wishes = [
            (m, a.id)
            for m, r, age in members
            if r == Relationship.CHILD.value
            for a in hot
            if age_fits(age, a.age_min, a.age_max)
        ]
        if payer is not None and wishes:
            usable.append((household_id, payer, wishes))
    chosen = rng.sample(usable, min(count, len(usable)))
    families = []
    for household_id, payer, wishes in chosen:
        own = random.Random(rng.random())
        own.shuffle(wishes)
        families.append(Family(household_id, payer, wishes[:3], own))
    return families


class _Play:
    """What the worker threads share: the tally, the waits, who was answered when."""

    def __init__(self, ctx: ServiceContext, pace: float) -> None:
        self.ctx = ctx
        self.pace = pace
        self.lock = threading.Lock()
        self.tally: Counter[str] = Counter()
        self.waits: list[float] = []
        self.last_first_answer: float | None = None

    def step(self, family: Family) -> float | None:
        """Play the family's next action; seconds until its next one (None: done)."""
        local: Counter[str] = Counter()
        try:
            delay = self._act(family, local)
        except Busy:
            local["busy"] += 1
            delay = family.rng.uniform(0.2, 1.0)  # the page clicks again (Retry-After: 1)
        except Unavailable as exc:
            local[f"error:{exc.code}"] += 1
            delay = family.rng.uniform(1.0, 3.0)
        except Exception as exc:  # a simulated family never stops the others
            local[f"error:{type(exc).__name__}"] += 1
            delay = None
        with self.lock:
            self.tally.update(local)
        return delay

    def _answered(self, family: Family, kind: str, local: Counter[str]) -> None:
        now = time.monotonic()
        local[kind] += 1
        with self.lock:
            self.waits.append(now - family.clicked_at)
            if family.answered_at is None:
                family.answered_at = now
                self.last_first_answer = now

    def _act(self, family: Family, local: Counter[str]) -> float | None:
        if family.paying:
            return self._pay(family, local)
        if not family.wishes:
            return None
        member, activity = family.wishes[0]
        try:
            out = add_to_cart(
                self.ctx, None, family.household_id, member, activity, cart_id=family.cart_id
            )
        except (Busy, Unavailable):
            raise
        except ConsoleError as refused:
            family.wishes.pop(0)
            local[f"refused:{refused.code}"] += 1
            self._answered(family, "refused", local)
            return self._next(family, local)
        family.wishes.pop(0)
        if out.held and out.cart is not None:
            family.cart_id = out.cart.cart_id
            self._answered(family, "place", local)
        else:
            self._answered(family, "waitlist", local)
        return self._next(family, local)

    def _next(self, family: Family, local: Counter[str]) -> float | None:
        """After an answer: the next wish, or to the payment, or nothing more."""
        rng = family.rng
        if family.wishes and rng.random() < NEXT_WISH:
            family.clicked_at = time.monotonic() + rng.uniform(1, 5) * self.pace
            return family.clicked_at - time.monotonic()
        if family.cart_id is not None:
            if rng.random() < PAY_SHARE:
                family.paying = True
                return rng.uniform(10, 40) * self.pace  # fills in the payment page
            local["abandoned"] += 1  # closes the browser: the hold lapses by itself
            return None
        return None

    def _pay(self, family: Family, local: Counter[str]) -> float | None:
        assert family.cart_id is not None
        number = family.rng.choices([c for c, _ in CARDS], weights=[w for _, w in CARDS])[0]
        with CardEntry(number, 12, self.ctx.clock.now().year + 3, "123") as card:
            result = pay(self.ctx, None, family.cart_id, card, family.payer_id)
        local[f"payment:{result.status.value}"] += 1
        if result.status is PaymentStatus.PENDING:
            return 30.0 * self.pace  # the gateway is asked again
        family.paying = False
        return None


def opening_day(
    ctx: ServiceContext,
    families: int,
    minutes: float,
    *,
    hot: int = 3,
    seed: int | None = None,
    workers: int = 8,
    pace: float = 1.0,
    check_every: float = 5.0,
    sweep_every: float = 60.0,
    stop: threading.Event | None = None,
) -> OpeningReport:
    """Play the opening of registrations for ``families`` families on ``hot`` activities,
    for ``minutes`` at most (it ends sooner once no family has anything left to do).
    ``pace`` scales the families' thinking after their first answer (a test plays it
    fast); the first clicks all come in the opening second whatever the pace."""
    stop = stop or threading.Event()
    rng = random.Random(seed)
    chosen = hot_activities(ctx, hot, rng)
    players = opening_families(ctx, families, chosen, rng)
    hot_ids = [a.id for a in chosen]
    report = OpeningReport(len(players), tuple(a.code for a in chosen), 0.0, minutes=minutes)
    before = {o.activity_id for o in taken_places(ctx)}  # not the opening's doing
    report.overbooked_before = len(before)
    opening = time.monotonic() + 0.5  # every thread ready before the first click
    play = _Play(ctx, pace)
    deadline = opening + minutes * 60
    for family in players:
        family.clicked_at = opening + family.rng.uniform(0, 1.0)

    def work(mine: list[Family]) -> None:
        due = {id(f): f.clicked_at for f in mine}
        while mine and not stop.is_set() and time.monotonic() < deadline:
            family = min(mine, key=lambda f: due[id(f)])
            wait = due[id(family)] - time.monotonic()
            if wait > 0:
                stop.wait(min(wait, max(0.0, deadline - time.monotonic()), 0.5))
                continue
            delay = play.step(family)
            if delay is None:
                mine.remove(family)
            else:
                due[id(family)] = time.monotonic() + delay

    shares = [players[i::workers] for i in range(max(1, workers))]
    threads = [threading.Thread(target=work, args=(s,), daemon=True) for s in shares if s]
    for t in threads:
        t.start()
    next_check = opening + check_every
    next_sweep = opening + sweep_every
    found: dict[int, Overbooked] = {}
    while any(t.is_alive() for t in threads):
        now = time.monotonic()
        if now >= next_check:
            next_check = now + check_every
            for over in _checked(ctx, hot_ids, play):
                found.setdefault(over.activity_id, over)
            report.checks += 1
        if sweep_every > 0 and now >= next_sweep:
            next_sweep = now + sweep_every
            try:
                sweep(ctx)
            except Busy:
                play.tally["busy"] += 1
        stop.wait(0.2)
    report.seconds = time.monotonic() - opening
    for over in _checked(ctx, None, play):  # every activity, at the end
        found.setdefault(over.activity_id, over)
    report.checks += 1
    report.overbooked = sorted(
        (o for o in found.values() if o.activity_id not in before), key=lambda o: o.code
    )
    report.tally = play.tally
    report.waits = play.waits
    report.answered = sum(1 for f in players if f.answered_at is not None)
    if report.answered == report.families and play.last_first_answer is not None:
        report.all_answered_s = play.last_first_answer - opening
    return report


def _checked(ctx: ServiceContext, activity_ids: list[int] | None, play: _Play) -> list[Overbooked]:
    try:
        return taken_places(ctx, activity_ids)
    except Busy:
        with play.lock:
            play.tally["busy"] += 1
        return []
