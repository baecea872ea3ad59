"""Small worlds for the places, carts, checkout and waitlist tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from console.db.models import (
    Account,
    Activity,
    Borough,
    CallVerification,
    Household,
    Member,
    Season,
    Staff,
)
from console.domain.names import search_key
from console.domain.vocabulary import Relationship, Role
from console.services.context import ServiceContext
from console.services.staff import Actor, actor_for_username

_numbers = itertools.count(1)


@dataclass(frozen=True)
class Family:
    household_id: int
    number: int
    parent_id: int
    child_ids: tuple[int, ...]
    email: str


def make_activity(
    ctx: ServiceContext,
    capacity: int = 2,
    *,
    price_cents: int = 5500,
    childcare: bool = False,
    title: str = "Natation — Débutant",
    age_min: int | None = None,
    age_max: int | None = None,
) -> int:
    n = next(_numbers)
    with ctx.db.write() as s:
        borough = s.query(Borough).filter_by(code="CL").one_or_none() or Borough(
            code="CL", name="La Cité-Limoilou"
        )
        season = s.query(Season).filter_by(code="H26").one_or_none() or Season(
            code="H26", name="Hiver 2026", starts_on=date(2026, 1, 5), ends_on=date(2026, 3, 29)
        )
        activity = Activity(
            code=f"NAT-{n:03d}",
            title=title,
            title_key=search_key(title),
            season=season,
            borough=borough,
            capacity=capacity,
            price_cents=price_cents,
            schedule="Samedi 9 h",
            is_childcare=childcare,
            age_min=age_min,
            age_max=age_max,
        )
        s.add(activity)
        s.flush()
        return activity.id


def make_family(
    ctx: ServiceContext, children: int = 2, *, verified_by: Actor | None = None
) -> Family:
    n = next(_numbers)
    now = ctx.clock.now()
    with ctx.db.write() as s:
        borough = s.query(Borough).filter_by(code="CL").one_or_none() or Borough(
            code="CL", name="La Cité-Limoilou"
        )
        email = f"famille{n}@example.ca"
        account = Account(email=email, created_at=now, confirmed_at=now)
        household = Household(
            number=100_000 + n,
            account=account,
            borough=borough,
            postal_code="G1R 4S9",
            created_at=now,
        )
        parent = _member(household, "Marie", f"Tremblay{n}", Relationship.RESPONSIBLE, 1985)
        kids = [
            _member(household, f"Enfant{i}", f"Tremblay{n}", Relationship.CHILD, 2016 + i)
            for i in range(children)
        ]
        s.add_all([account, household, parent, *kids])
        s.flush()
        if verified_by is not None:
            s.add(
                CallVerification(
                    staff_id=verified_by.staff_id,
                    household_id=household.id,
                    at=now,
                    matched="email,postal_code",
                    passed=True,
                )
            )
        return Family(household.id, household.number, parent.id, tuple(k.id for k in kids), email)


def _member(h: Household, first: str, last: str, rel: Relationship, year: int) -> Member:
    return Member(
        household=h,
        first_name=first,
        last_name=last,
        first_name_key=search_key(first),
        last_name_key=search_key(last),
        birth_date=date(year, 5, 1),
        relationship=rel.value,
    )


def make_staff(ctx: ServiceContext, role: Role = Role.AGENT, username: str | None = None) -> Actor:
    name = username or f"{role.value}{next(_numbers)}"
    with ctx.db.write() as s:
        borough_id = None
        if role is Role.CLERK:
            borough = s.query(Borough).filter_by(code="CL").one_or_none() or Borough(
                code="CL", name="La Cité-Limoilou"
            )
            s.add(borough)
            s.flush()
            borough_id = borough.id
        s.add(
            Staff(username=name, display_name=name.title(), role=role.value, borough_id=borough_id)
        )
    return actor_for_username(ctx, name)


def verify(ctx: ServiceContext, actor: Actor, household_id: int) -> None:
    with ctx.db.write() as s:
        s.add(
            CallVerification(
                staff_id=actor.staff_id,
                household_id=household_id,
                at=ctx.clock.now(),
                matched="email",
                passed=True,
            )
        )
