"""Registration opening (``console simulate``'s opening scenario): every family reaches
for the same few activities in the same second; each gets an answer, and no activity
ever holds more places than its capacity, by an SQL count on the tables themselves."""

from __future__ import annotations

import threading
import time
from contextlib import nullcontext

import pytest

from console.db.models import Registration
from console.services import places
from console.services.gateway import PORT_NAME
from console.services.opening_day import opening_day, taken_places
from console.services.sandbox_gateway import SandboxGateway
from tests.helpers.databases import database_bounds_off
from tests.helpers.place_data import make_activity, make_family

FAMILIES = 24
CAPACITY = 3


def _arrange(ctx) -> list[int]:
    ctx.ports[PORT_NAME] = SandboxGateway()
    activities = [make_activity(ctx, capacity=CAPACITY) for _ in range(2)]
    for _ in range(FAMILIES):
        make_family(ctx, children=2)
    return activities


def test_every_family_is_answered_and_nothing_is_overbooked(ctx):
    activities = _arrange(ctx)
    report = opening_day(ctx, FAMILIES, 0.5, hot=2, seed=3, workers=6, pace=0.01, check_every=0.2)
    assert report.families == FAMILIES
    assert report.answered == FAMILIES, report.lines()
    assert not report.overbooked, report.lines()
    assert report.ok and report.lines()[-1].strip() == "OK"
    # Six places for 24 families: most went to the waitlist, and the places were all taken
    # (the clock stands still: no hold lapsed to free one).
    assert report.tally["place"] == 2 * CAPACITY
    assert report.tally["waitlist"] >= FAMILIES - 2 * CAPACITY
    assert not [k for k in report.tally if k.startswith("error")], report.tally
    assert report.checks >= 2
    assert len(report.hot) == 2
    assert taken_places(ctx, activities) == []


def test_a_family_left_without_an_answer_fails_the_run(ctx):
    _arrange(ctx)
    stopped = threading.Event()
    stopped.set()  # the run ends before anyone is answered
    report = opening_day(ctx, FAMILIES, 0.5, hot=2, seed=3, workers=2, stop=stopped)
    assert report.answered == 0
    assert not report.ok and report.lines()[-1].strip() == "FAILED"


def test_the_sql_check_sees_an_activity_holding_more_than_its_capacity(ctx):
    activities = _arrange(ctx)
    families = [make_family(ctx, children=1) for _ in range(CAPACITY + 1)]
    assert taken_places(ctx, activities) == []
    with _bounds_off(ctx):  # PostgreSQL itself refuses such a write (migration 0010)
        with ctx.db.write() as session:  # past the services, as a faulty writer could
            session.add_all(
                Registration(
                    member_id=f.child_ids[0],
                    activity_id=activities[0],
                    state="confirmed",
                    created_at=ctx.clock.now(),
                )
                for f in families
            )
        (over,) = taken_places(ctx, activities)
        assert (over.activity_id, over.capacity, over.taken) == (activities[0], CAPACITY, 4)
        assert [o.activity_id for o in taken_places(ctx)] == [activities[0]]


def _bounds_off(ctx):
    return database_bounds_off(ctx.db) if ctx.db.dialect == "postgresql" else nullcontext()


def test_without_the_row_lock_the_same_opening_overbooks_and_the_run_fails(ctx, monkeypatch):
    """What the first test guards against: with PostgreSQL's row lock switched off (the
    concurrency tests' hook) and the count-then-write window widened, families take
    more places than there are, and the SQL check reports it."""
    if not ctx.db.locks_rows:
        pytest.skip("SQLite runs one writer at a time: there is no race to show")
    with database_bounds_off(ctx.db):  # the database's own bound would refuse them
        _arrange(ctx)
        ctx.db.row_locking = False
        monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.05))
        report = opening_day(
            ctx, FAMILIES, 0.5, hot=2, seed=3, workers=6, pace=0.01, check_every=0.2
        )
        assert report.overbooked
        assert not report.ok and report.lines()[-1].strip() == "FAILED"


def test_without_the_row_lock_the_database_alone_keeps_the_opening_within_capacity(
    ctx, monkeypatch
):
    """The same opening, the row lock off, the database's bound on (migration 0010): the
    transactions past the capacity fail at their commit, and nothing is overbooked."""
    if not ctx.db.locks_rows:
        pytest.skip("SQLite runs one writer at a time: there is no race to show")
    _arrange(ctx)
    ctx.db.row_locking = False
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.05))
    report = opening_day(ctx, FAMILIES, 0.5, hot=2, seed=3, workers=6, pace=0.01, check_every=0.2)
    assert report.overbooked == []
    assert report.tally["error:IntegrityError"] > 0, report.tally  # the bound refused them
