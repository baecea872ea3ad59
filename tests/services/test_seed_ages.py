"""The seeded activities give realistic ages, and nobody is seeded outside them.

Runs on SQLite and PostgreSQL (the ``db`` fixture). The register dialog and the cart
service refuse a member outside an activity's ages; the demo must not show the agent a
family that already breaks that rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from console.db.engine import Database
from console.db.models import Activity, CartItem, Member, WaitlistEntry
from console.db.seed import seed_database
from console.db.sin import SinCipher
from console.domain.ages import age_fits, age_on
from console.domain.vocabulary import CartItemState, WaitlistState
from tests.helpers.secrets import TEST_SIN_KEY

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_every_seeded_activity_has_realistic_ages(db: Database) -> None:
    seed_database(db, SinCipher(TEST_SIN_KEY), scale="demo", seed=1, now=NOW)
    with db.read() as s:
        activities = s.scalars(select(Activity)).all()
        assert activities
        for a in activities:
            if a.age_min is not None and a.age_max is not None:
                assert 0 <= a.age_min <= a.age_max <= 110, a.title
            if "préscolaire" in a.title.lower():
                assert (a.age_min, a.age_max) == (3, 5), a.title
            if a.is_childcare:
                assert a.age_max is not None and a.age_max <= 12, a.title


def test_nobody_waits_or_is_held_outside_the_ages(db: Database) -> None:
    seed_database(db, SinCipher(TEST_SIN_KEY), scale="demo", seed=1, now=NOW)
    with db.read() as s:
        waiting = s.execute(
            select(
                Member.birth_date,
                WaitlistEntry.created_at,
                Activity.title,
                Activity.age_min,
                Activity.age_max,
            )
            .join(Member, Member.id == WaitlistEntry.member_id)
            .join(Activity, Activity.id == WaitlistEntry.activity_id)
            .where(WaitlistEntry.state.in_([WaitlistState.WAITING, WaitlistState.OFFERED]))
        ).all()
        held = s.execute(
            select(
                Member.birth_date,
                CartItem.added_at,
                Activity.title,
                Activity.age_min,
                Activity.age_max,
            )
            .join(Member, Member.id == CartItem.member_id)
            .join(Activity, Activity.id == CartItem.activity_id)
            .where(CartItem.state == CartItemState.HELD.value)
        ).all()
    assert waiting and held
    for born, at, title, age_min, age_max in [*waiting, *held]:
        age = age_on(born, at.date())
        assert age_fits(age, age_min, age_max), (title, age, age_min, age_max)
