"""Random families of the city: who lives in a Dossier loisir, drawn the way families are.

A responsible, often a spouse ("Conjoint et parent des enfants" when there are children),
children, sometimes a parent of the responsible or another adult; mostly French-Québec
names, some families of other origins. Scripted households use the same specs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from console.db.seed import catalogue, names
from console.domain.vocabulary import Relationship

_REL = Relationship


@dataclass(frozen=True)
class MemberSpec:
    first: str
    last: str
    age: int
    relationship: Relationship
    phone: bool = True
    sin: bool = False
    removed_days_ago: float | None = None


@dataclass(frozen=True)
class HouseholdSpec:
    borough: int  # index into catalogue.BOROUGHS
    members: tuple[MemberSpec, ...]  # the responsible first
    email: str | None = None  # derived from the responsible's name when None
    language: str = "fr"
    account: str = "confirmed"  # confirmed | unconfirmed | locked
    failed_logins: int = 0
    age_days: float | None = None  # how long ago the Dossier was created
    scripted: bool = False


def luhn_sin(rng: random.Random) -> str:
    """A 9-digit social insurance number that passes the Luhn check (Québec: 2xx or 3xx).

    None starts with 300, so a SIN never looks like a transaction number (300 000 001…).
    """
    first = rng.choices("23145679", weights=(45, 35, 4, 4, 3, 3, 2, 4))[0]
    body = first + f"{rng.randrange(10_000_000):07d}"
    if body.startswith("300"):
        body = "31" + body[2:]
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return body + str(-total % 10)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


class Drawer:
    """Weighted picks with precomputed cumulative weights (fast at city scale)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        surnames = names.QUEBEC_SURNAMES
        self._surnames = [s for s, _ in surnames]
        self._surname_cum = list(accumulate(w for _, w in surnames))
        self._origins = [o for o, _ in names.OTHER_ORIGINS]
        self._origin_cum = list(accumulate(w for _, w in names.OTHER_ORIGINS))
        self._domains = [d for d, _ in catalogue.EMAIL_DOMAINS]
        self._domain_cum = list(accumulate(w for _, w in catalogue.EMAIL_DOMAINS))
        self._areas = [a for a, _ in catalogue.AREA_CODES]
        self._area_cum = list(accumulate(w for _, w in catalogue.AREA_CODES))

    def surname(self) -> str:
        return self.rng.choices(self._surnames, cum_weights=self._surname_cum)[0]

    def origin(self) -> names.Origin:
        return self.rng.choices(self._origins, cum_weights=self._origin_cum)[0]

    def domain(self) -> str:
        return self.rng.choices(self._domains, cum_weights=self._domain_cum)[0]

    def phone(self) -> str:
        area = self.rng.choices(self._areas, cum_weights=self._area_cum)[0]
        exchange = self.rng.randint(200, 999)
        if exchange % 100 == 11:  # N11 codes are service numbers
            exchange += 1
        return f"+1{area}{exchange}{self.rng.randint(0, 9999):04d}"


def _first(rng: random.Random, age: int, female: bool, origin: names.Origin | None) -> str:
    if origin is not None:
        return rng.choice(origin.female if female else origin.male)
    if age < 18:
        return rng.choice(names.FEMALE_CHILD if female else names.MALE_CHILD)
    if age < 62:
        return rng.choice(names.FEMALE_ADULT if female else names.MALE_ADULT)
    return rng.choice(names.FEMALE_SENIOR if female else names.MALE_SENIOR)


def random_household(rng: random.Random, draw: Drawer, borough_cum: list[int]) -> HouseholdSpec:
    """One family drawn from the city's mix of households (singles, couples, families…)."""
    borough = rng.choices(range(len(catalogue.BOROUGHS)), cum_weights=borough_cum)[0]
    origin = draw.origin() if rng.random() < 0.14 else None
    last = rng.choice(origin.surnames) if origin else draw.surname()
    kind = rng.choices(
        ("single", "couple", "family", "single_parent", "senior_couple"),
        weights=(17, 16, 46, 13, 8),
    )[0]
    if kind == "senior_couple":
        age = rng.randint(64, 86)
    elif kind in ("family", "single_parent"):
        age = rng.randint(27, 52)
    else:
        age = int(rng.triangular(20, 80, 33))
    female = rng.random() < 0.56
    responsible_first = _first(rng, age, female, origin)
    members: list[MemberSpec] = []
    kids = 0
    spouse_last = last
    if kind in ("couple", "family", "senior_couple") and rng.random() < 0.93:
        mixed = origin is None and rng.random() < 0.08
        spouse_origin = draw.origin() if mixed else origin
        if spouse_origin is not None:
            spouse_last = rng.choice(spouse_origin.surnames)
        elif rng.random() < 0.7:
            spouse_last = draw.surname()
        spouse_age = max(19, age + rng.randint(-6, 6))
        kids = (
            rng.choices((1, 2, 3, 4, 5), weights=(28, 42, 21, 7, 2))[0] if kind == "family" else 0
        )
        rel = _REL.SPOUSE_AND_PARENT if kids and rng.random() < 0.88 else _REL.SPOUSE
        first = _first(rng, spouse_age, not female, spouse_origin)
        members.append(MemberSpec(first, spouse_last, spouse_age, rel, rng.random() < 0.75))
    elif kind == "single_parent":
        kids = rng.choices((1, 2, 3), weights=(50, 38, 12))[0]
    for _ in range(kids):
        kid_age = max(
            0, min(age - 19, rng.randint(0, 17) if rng.random() < 0.93 else 18 + rng.randint(0, 5))
        )
        roll = rng.random()
        kid_last = (
            last
            if roll < 0.6 or spouse_last == last
            else (spouse_last if roll < 0.75 else f"{last}-{spouse_last}")
        )
        kid_female = rng.random() < 0.5
        members.append(
            MemberSpec(
                _first(rng, kid_age, kid_female, origin if rng.random() < 0.7 else None),
                kid_last,
                kid_age,
                _REL.CHILD,
                kid_age >= 14 and rng.random() < 0.3,
            )
        )
    if kind != "senior_couple" and age < 60 and rng.random() < 0.05:
        parent_age = min(95, age + rng.randint(22, 34))
        parent_last = last if rng.random() < 0.7 else draw.surname()
        parent = _first(rng, parent_age, rng.random() < 0.65, origin)
        members.append(
            MemberSpec(
                parent, parent_last, parent_age, _REL.PARENT_OF_RESPONSIBLE, rng.random() < 0.5
            )
        )
    if rng.random() < 0.03:
        other_age = rng.randint(18, 70)
        members.append(
            MemberSpec(
                _first(rng, other_age, rng.random() < 0.5, None),
                draw.surname(),
                other_age,
                _REL.OTHER,
                rng.random() < 0.4,
            )
        )
    responsible = MemberSpec(
        responsible_first, last, age, _REL.RESPONSIBLE, rng.random() < 0.97, rng.random() < 0.86
    )
    members = [responsible] + [_maybe_removed(rng, m) for m in members]
    english = origin.english if origin else 0.03
    language = "en" if rng.random() < english else "fr"
    roll = rng.random()
    account = "locked" if roll < 0.012 else "unconfirmed" if roll < 0.07 else "confirmed"
    failed = (
        rng.randint(5, 9)
        if account == "locked"
        else (rng.randint(1, 3) if rng.random() < 0.04 else 0)
    )
    recent = account == "unconfirmed" and rng.random() < 0.6
    age_days = rng.uniform(0.02, 40) if recent else rng.uniform(3, 9 * 365)
    return HouseholdSpec(borough, tuple(members), None, language, account, failed, age_days)


def _maybe_removed(rng: random.Random, member: MemberSpec) -> MemberSpec:
    if member.relationship is _REL.RESPONSIBLE or rng.random() >= 0.004:
        return member
    return MemberSpec(
        member.first,
        member.last,
        member.age,
        member.relationship,
        member.phone,
        False,
        removed_days_ago=rng.uniform(2, 300),
    )
