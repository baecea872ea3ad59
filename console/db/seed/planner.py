"""Who holds which place: registrations, live holds, offers and waitlists per activity.

Each activity gets a profile — full (with a waitlist), an open offer, the F6 case
(looks "not full" on the site but every remaining place is held in carts) or a normal
fill — and the members are drawn without replacement from the people of the right age,
so a member never holds two confirmed places in one activity. The one invariant the
console relies on is checked for every activity:

    confirmed registrations + live holds + open offers <= capacity
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from console.db.seed.people import People
from console.db.seed.programme import CURRENT, NEXT, PAST, ActivityInfo, SeasonInfo

Row = tuple[object, ...]

# Kinds of assignment of a member to an activity.
REG, REG_WL, CANC, HOLD, REL = range(5)
# (kind, member id, activity id, waitlist entry id or 0, moment or None)
Assignment = tuple[int, int, int, int, datetime | None]

FULL, OFFER, F6, NORMAL = "full", "offer", "f6", "normal"
_PROFILES = {
    PAST: ((FULL, 0.22), (NORMAL, 0.78)),
    CURRENT: ((FULL, 0.16), (OFFER, 0.05), (F6, 0.03), (NORMAL, 0.76)),
    NEXT: ((FULL, 0.10), (OFFER, 0.04), (F6, 0.05), (NORMAL, 0.81)),
}
_FILL = {PAST: (0.55, 1.0), CURRENT: (0.4, 0.97), NEXT: (0.15, 0.9)}
_HOLD_RATE = {PAST: 0.0, CURRENT: 0.10, NEXT: 0.22}
STALE_RATE = 0.005  # F7: a registered member also holding (or waiting for) the same activity


@dataclass
class Forced:
    """Members a scripted scenario puts on an activity, and the profile it needs."""

    profile: str | None = None
    confirmed: list[int] = field(default_factory=list)
    holds: list[int] = field(default_factory=list)  # may repeat confirmed ones (F7)
    offered: list[int] = field(default_factory=list)
    waiting_last: list[int] = field(default_factory=list)  # may repeat confirmed ones (F7)
    released: list[int] = field(default_factory=list)


@dataclass
class Counts:
    capacity: int
    confirmed: int
    holds: int
    offers: int


@dataclass
class Plan:
    waitlist: list[Row] = field(default_factory=list)
    by_household: list[list[Assignment]] = field(default_factory=list)
    # (member id, activity id, offered_at, expires_at) of every offer ever made, for emails.
    offers: list[tuple[int, int, datetime, datetime]] = field(default_factory=list)
    counts: dict[int, Counts] = field(default_factory=dict)
    profiles: dict[int, str] = field(default_factory=dict)
    stale: list[tuple[int, int]] = field(default_factory=list)  # (member, activity) F7 cases


class Planner:
    def __init__(
        self,
        rng: random.Random,
        people: People,
        seasons: Sequence[SeasonInfo],
        now: datetime,
        *,
        citywide: bool,
    ) -> None:
        self.rng = rng
        self.people = people
        self.seasons = seasons
        self.now = now
        self.citywide = citywide
        self.plan = Plan(by_household=[[] for _ in people.hh_members])
        self._by_age: dict[int, list[list[int]]] = {}
        self._pools: dict[tuple[int, int | None, int | None], list[int]] = {}
        self._locked = {
            m for h, members in enumerate(people.hh_members) if people.hh_locked[h] for m in members
        }
        self._index_people()

    def _index_people(self) -> None:
        p = self.people
        for member_index, hh in enumerate(p.m_household):
            h = hh - 1
            if not p.m_active[member_index] or p.hh_scripted[h] or not p.hh_confirmed[h]:
                continue
            age = min(p.m_age[member_index], 110)
            for key in (0, p.hh_borough[h]) if not self.citywide else (0,):
                buckets = self._by_age.get(key)
                if buckets is None:
                    buckets = self._by_age[key] = [[] for _ in range(111)]
                buckets[age].append(member_index + 1)

    def _pool(self, act: ActivityInfo) -> list[int]:
        borough = 0 if self.citywide else act.borough
        key = (borough, act.age_min, act.age_max)
        pool = self._pools.get(key)
        if pool is None:
            buckets = self._by_age.get(borough, [[] for _ in range(111)])
            lo, hi = act.age_min or 0, min(act.age_max if act.age_max is not None else 110, 110)
            pool = [m for age in range(lo, hi + 1) for m in buckets[age]]
            self._pools[key] = pool
        return pool

    def plan_all(self, activities: Sequence[ActivityInfo], forced: dict[int, Forced]) -> Plan:
        self._wl_id = 0
        for act in activities:
            self._plan_activity(act, forced.get(act.id, Forced()))
        return self.plan

    def _profile(self, phase: str) -> str:
        roll = self.rng.random()
        for name, share in _PROFILES[phase]:
            if roll < share:
                return name
            roll -= share
        return NORMAL

    def _plan_activity(self, act: ActivityInfo, forced: Forced) -> None:
        rng = self.rng
        phase = self.seasons[act.season].phase
        profile = forced.profile or self._profile(phase)
        fill = rng.uniform(*_FILL[phase])
        if rng.random() < 0.12 and phase != PAST:
            fill *= 0.3  # a group that is barely filling
        hold_rate = _HOLD_RATE[phase]
        want_holds = rng.randint(1, 3 if phase == NEXT else 2) if rng.random() < hold_rate else 0
        want_wait = rng.randint(1, 30) if phase != PAST else 0
        offers_n = 2 if rng.random() < 0.2 else 1
        f6_holds = rng.randint(1, 3)
        lapsed_n = 1 if rng.random() < 0.35 and phase != PAST else 0
        wcanc_n = 1 if rng.random() < 0.15 and phase != PAST else 0
        accepted_n = rng.randint(0, 2) if phase != PAST else 0
        rel_share, canc_share = rng.uniform(0, 0.08), rng.uniform(0, 0.04)
        stale = phase != PAST and rng.random() < STALE_RATE

        conf_f = list(dict.fromkeys(forced.confirmed))
        hold_f = list(dict.fromkeys(forced.holds))
        offer_f = list(dict.fromkeys(forced.offered))
        rel_f = list(dict.fromkeys(forced.released))
        stale_wait_f = [m for m in forced.waiting_last if m in conf_f]
        just_now = [m for m in dict.fromkeys(forced.waiting_last) if m not in conf_f]
        taken = set(conf_f) | set(hold_f) | set(offer_f) | set(rel_f) | set(just_now)
        pool = self._pool(act)
        if taken:
            pool = [m for m in pool if m not in taken]
        floor = len(conf_f) + len(set(hold_f) - set(conf_f)) + len(offer_f)

        capacity = act.capacity
        while True:
            o = max(len(offer_f), offers_n if profile == OFFER else 0)
            if profile == F6:
                h = max(len(hold_f), min(f6_holds, capacity - o))
                r = capacity - h - o
            elif profile in (FULL, OFFER):
                h = len(hold_f)
                r = capacity - h - o
            else:
                h = max(len(hold_f), min(want_holds, capacity - len(conf_f) - o))
                r = min(capacity - h - o, max(len(conf_f), round(capacity * fill)))
            r = max(r, len(conf_f))
            w = min(want_wait, max(1, capacity // 2)) if profile != NORMAL else 0
            rel = round(r * rel_share) + len(rel_f)
            canc = round(r * canc_share)
            need = (
                (r - len(conf_f))
                + (h - len(hold_f))
                + (o - len(offer_f))
                + w
                + lapsed_n
                + wcanc_n
                + (rel - len(rel_f))
                + canc
            )
            if need <= len(pool) or capacity <= max(floor, 1):
                break
            # Too few people of that age here: drop the extras first, then shrink the group.
            if rel_share or canc_share or want_wait > 1 or lapsed_n or wcanc_n:
                rel_share = canc_share = 0.0
                want_wait, lapsed_n, wcanc_n = min(want_wait, 1), 0, 0
            else:
                capacity -= 1
        drawn = rng.sample(pool, min(need, len(pool))) if need > 0 else []
        if self._locked:  # a locked account cannot be on the site now: give it history only
            drawn.sort(key=self._locked.__contains__, reverse=True)
        it = iter(drawn)

        def take(n: int) -> list[int]:
            return [m for m, _ in zip(it, range(max(0, n)), strict=False)]

        confirmed = conf_f + take(r - len(conf_f))
        holds = hold_f + take(h - len(hold_f))
        offered = offer_f + take(o - len(offer_f))
        waiting = take(w)
        lapsed = take(lapsed_n)
        wcanc = take(wcanc_n)
        released = rel_f + take(rel - len(rel_f))
        cancelled = take(canc)
        random_conf = confirmed[len(conf_f) :]
        accepted = random_conf[:accepted_n] if profile in (FULL, OFFER) else []
        stale_waiting = list(stale_wait_f)
        if stale and random_conf:
            m = rng.choice(random_conf)
            if profile == NORMAL and len(confirmed) + len(holds) + len(offered) < capacity:
                holds.append(m)
                self.plan.stale.append((m, act.id))
            elif profile == FULL and m not in accepted:
                stale_waiting.append(m)
        self.plan.stale.extend((m, act.id) for m in hold_f if m in conf_f)
        self.plan.stale.extend((m, act.id) for m in stale_waiting)

        counts = Counts(capacity, len(confirmed), len(holds), len(offered))
        if counts.confirmed + counts.holds + counts.offers > capacity:
            raise AssertionError(f"activity {act.id} overbooked: {counts}")
        self.plan.counts[act.id] = counts
        self.plan.profiles[act.id] = profile

        accepted_at = self._waitlist(
            act, accepted, lapsed, wcanc, offered, waiting + stale_waiting, just_now
        )
        add = self._assign
        for m in confirmed:
            if m in accepted_at:
                wl_id, when = accepted_at[m]
                add(REG_WL, m, act.id, wl_id, when)
            else:
                add(REG, m, act.id)
        for m in cancelled:
            add(CANC, m, act.id)
        for m in holds:
            add(HOLD, m, act.id)
        for m in released:
            add(REL, m, act.id)

    def _assign(
        self, kind: int, member: int, activity: int, wl: int = 0, when: datetime | None = None
    ) -> None:
        hh = self.people.m_household[member - 1]
        self.plan.by_household[hh - 1].append((kind, member, activity, wl, when))

    def _waitlist(
        self,
        act: ActivityInfo,
        accepted: list[int],
        lapsed: list[int],
        cancelled: list[int],
        offered: list[int],
        waiting: list[int],
        just_now: list[int],
    ) -> dict[int, tuple[int, datetime]]:
        """Waitlist rows in arrival order; returns member -> (entry id, accepted at)."""
        rng, now = self.rng, self.now
        if not (accepted or lapsed or cancelled or offered or waiting or just_now):
            return {}
        start = now - timedelta(days=rng.uniform(12, 40))
        span = (now - start).total_seconds()

        def moments(n: int, lo: float, hi: float) -> list[datetime]:
            return sorted(start + timedelta(seconds=span * rng.uniform(lo, hi)) for _ in range(n))

        out: dict[int, tuple[int, datetime]] = {}
        position = 0
        groups = (
            ("accepted", accepted, 0.0, 0.1),
            ("lapsed", lapsed, 0.1, 0.2),
            ("cancelled", cancelled, 0.2, 0.3),
            ("offered", offered, 0.3, 0.5),
            ("waiting", waiting, 0.5, 0.99),
        )
        for state, members, lo, hi in groups:
            for m, created in zip(members, moments(len(members), lo, hi), strict=True):
                position += 1
                offered_at = expires = closed = None
                if state == "accepted":
                    offered_at = created + timedelta(hours=rng.uniform(1, 48))
                    expires = offered_at + timedelta(hours=48)
                    closed = offered_at + timedelta(hours=rng.uniform(0.2, 40))
                elif state == "lapsed":
                    latest = now - timedelta(hours=50)
                    offered_at = created + (latest - created) * rng.uniform(0.1, 0.9)
                    expires = offered_at + timedelta(hours=48)
                    closed = expires + timedelta(minutes=rng.uniform(1, 30))
                elif state == "cancelled":
                    closed = created + timedelta(hours=rng.uniform(1, 96))
                elif state == "offered":
                    offered_at = now - timedelta(minutes=rng.uniform(10, 40 * 60))
                    expires = offered_at + timedelta(hours=48)
                self._add_entry(act, m, position, state, created, offered_at, expires, closed)
                if state == "accepted" and closed is not None:
                    out[m] = (self._wl_id, closed)
        for m in just_now:  # the caller who just landed on the waitlist (F6)
            position += 1
            created = now - timedelta(minutes=rng.uniform(2, 15))
            self._add_entry(act, m, position, "waiting", created, None, None, None)
        return out

    def _add_entry(
        self,
        act: ActivityInfo,
        member: int,
        position: int,
        state: str,
        created: datetime,
        offered_at: datetime | None,
        expires: datetime | None,
        closed: datetime | None,
    ) -> None:
        self._wl_id += 1
        hh = self.people.m_household[member - 1]
        self.plan.waitlist.append(
            (
                self._wl_id,
                act.id,
                member,
                hh,
                float(position),
                state,
                created,
                offered_at,
                expires,
                closed,
            )
        )
        if offered_at is not None and expires is not None:
            self.plan.offers.append((member, act.id, offered_at, expires))
