"""Accounts, Dossiers loisir and members as rows ready to write, plus the planner's index.

Every household has exactly one responsible. Only responsibles carry a social insurance
number, sealed with the cipher's current key as the row is made (the ciphertext, the key's
id and the last three digits); the digits go nowhere else.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate

from console.db.seed import catalogue
from console.db.seed.families import Drawer, HouseholdSpec, luhn_sin, random_household
from console.db.sin import SealedSin
from console.domain.names import search_key as _search_key

Row = tuple[object, ...]
FIRST_HOUSEHOLD_NUMBER = 100_001
_POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
# Names repeat a lot: fold each one once.
search_key = functools.lru_cache(maxsize=65_536)(_search_key)


@dataclass
class People:
    """Rows plus the compact index the planner draws from (ids are 1-based)."""

    accounts: list[Row] = field(default_factory=list)
    households: list[Row] = field(default_factory=list)
    members: list[Row] = field(default_factory=list)
    # Per household (index = id - 1).
    hh_borough: list[int] = field(default_factory=list)  # borough id
    hh_language: list[str] = field(default_factory=list)
    hh_email: list[str] = field(default_factory=list)
    hh_members: list[list[int]] = field(default_factory=list)  # member ids, responsible first
    hh_scripted: list[bool] = field(default_factory=list)
    hh_locked: list[bool] = field(default_factory=list)
    hh_confirmed: list[bool] = field(default_factory=list)
    hh_created: list[datetime] = field(default_factory=list)
    # Per member (index = id - 1).
    m_household: list[int] = field(default_factory=list)
    m_age: list[int] = field(default_factory=list)
    m_rel: list[str] = field(default_factory=list)
    m_active: list[bool] = field(default_factory=list)
    m_name: list[str] = field(default_factory=list)
    removed: list[tuple[int, int, datetime]] = field(default_factory=list)  # member, hh, when

    def number(self, household_id: int) -> int:
        return FIRST_HOUSEHOLD_NUMBER + household_id - 1


def _email_base(rng: random.Random, first: str, last: str) -> str:
    f = search_key(first).replace(" ", "-")
    last_key = search_key(last).replace(" ", "")
    pattern = rng.random()
    if pattern < 0.5:
        return f"{f}.{last_key}"
    if pattern < 0.7:
        return f"{f[0]}{last_key}"
    if pattern < 0.85:
        return f"{f}{last_key}{rng.randint(60, 99)}"
    return f"{last_key}.{f}"


def _birth(rng: random.Random, today: date, age: int) -> date:
    """A birth date that makes the person exactly ``age`` today."""
    latest = (
        today.replace(year=today.year - age)
        if (today.month, today.day) != (2, 29)
        else (date(today.year - age, 2, 28))
    )
    return latest - timedelta(days=rng.randint(0, 364))


def build_people(
    rng: random.Random,
    draw_rng: random.Random,
    specs: Sequence[HouseholdSpec],
    random_count: int,
    now: datetime,
    encrypt: Callable[[str], SealedSin],
) -> People:
    """Rows for the scripted households then ``random_count`` random ones."""
    draw = Drawer(draw_rng)
    borough_cum = list(accumulate(b.weight for b in catalogue.BOROUGHS))
    people = People()
    used_emails: set[str] = {s.email for s in specs if s.email}
    today = now.date()
    for spec in _all_specs(specs, random_count, draw_rng, draw, borough_cum):
        _add_household(people, spec, rng, draw, now, today, used_emails, encrypt)
    return people


def _all_specs(
    specs: Sequence[HouseholdSpec],
    random_count: int,
    rng: random.Random,
    draw: Drawer,
    borough_cum: list[int],
) -> Iterator[HouseholdSpec]:
    yield from specs
    for _ in range(random_count):
        yield random_household(rng, draw, borough_cum)


def _add_household(
    people: People,
    spec: HouseholdSpec,
    rng: random.Random,
    draw: Drawer,
    now: datetime,
    today: date,
    used_emails: set[str],
    encrypt: Callable[[str], SealedSin],
) -> None:
    hh_id = len(people.households) + 1
    borough = catalogue.BOROUGHS[spec.borough]
    responsible = spec.members[0]
    email = spec.email
    if email is None:
        base = _email_base(rng, responsible.first, responsible.last)
        domain = draw.domain()
        email = f"{base}@{domain}"
        n = 1
        while email in used_emails:
            n += 1
            email = f"{base}{n}@{domain}"
        used_emails.add(email)
    email = email.lower()
    age_days = spec.age_days if spec.age_days is not None else rng.uniform(30, 6 * 365)
    created = now - timedelta(days=age_days)
    confirmed_at = (
        None if spec.account == "unconfirmed" else created + timedelta(minutes=rng.uniform(1, 600))
    )
    last_failed = locked_at = None
    if spec.failed_logins:
        last_failed = now - timedelta(minutes=rng.uniform(3, 60 * 24 * 20))
        if spec.account == "locked":
            last_failed = now - timedelta(minutes=rng.uniform(3, 60 * 24 * 4))
            locked_at = last_failed
    people.accounts.append(
        (
            hh_id,
            email,
            created,
            confirmed_at,
            spec.failed_logins,
            last_failed,
            locked_at,
            spec.language,
            None,
        )
    )
    postal = (
        f"{rng.choice(borough.fsas)} {rng.randint(1, 9)}"
        f"{rng.choice(_POSTAL_LETTERS)}{rng.randint(0, 9)}"
    )
    address = f"{rng.randint(10, 3999)}, {rng.choice(borough.streets)}"
    if rng.random() < 0.3:
        address += f", app. {rng.randint(1, 12)}{rng.choice(('', '', 'A', 'B'))}"
    people.households.append(
        (
            hh_id,
            people.number(hh_id),
            hh_id,
            spec.borough + 1,
            postal,
            address,
            created + timedelta(seconds=rng.uniform(5, 90)),
            1,
        )
    )
    people.hh_borough.append(spec.borough + 1)
    people.hh_language.append(spec.language)
    people.hh_email.append(email)
    people.hh_scripted.append(spec.scripted)
    people.hh_locked.append(spec.account == "locked")
    people.hh_confirmed.append(spec.account != "unconfirmed")
    people.hh_created.append(created)
    ids: list[int] = []
    for m in spec.members:
        member_id = len(people.members) + 1
        ids.append(member_id)
        removed = None
        if m.removed_days_ago is not None:
            removed = now - timedelta(days=min(m.removed_days_ago, age_days * 0.9))
            people.removed.append((member_id, hh_id, removed))
        born = _birth(rng, today, m.age)
        phone = draw.phone() if m.phone else None
        sealed = encrypt(luhn_sin(rng)) if m.sin else None
        people.members.append(
            (
                member_id,
                hh_id,
                m.first,
                m.last,
                search_key(m.first),
                search_key(m.last),
                born,
                m.relationship.value,
                phone,
                sealed.ciphertext if sealed else None,
                sealed.key_id if sealed else None,
                sealed.last3 if sealed else None,
                removed,
            )
        )
        people.m_household.append(hh_id)
        people.m_age.append(m.age)
        people.m_rel.append(m.relationship.value)
        people.m_active.append(removed is None)
        people.m_name.append(f"{m.first} {m.last}")
    people.hh_members.append(ids)
