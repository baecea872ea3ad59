"""The public site takes places in one call (migration 0011, PostgreSQL).

``console_take_place`` does the seat-taking transaction's work under the activity's lock
in the database: the services' own count, then the new cart and its held item, or the
waitlist entry. These tests hold it to the services' rule:

- it counts with the services' statement, as ``places.plpgsql_text`` renders it (a change
  to the count that is not carried into a migration fails here);
- the site's calls really go through it, and each case it does not take (already
  holding, dead holds to give back, places to offer first) writes nothing and is taken
  statement by statement, ending as on SQLite;
- thirty web users racing for five places: exactly five hold one, the rest wait in
  order — and the same function without its row lock (and the database's bounds off)
  overbooks, so the race is real;
- a temporary table named ``activity`` is not what it counts, and only the owner and
  the server role may run it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from console.db.engine import Database
from console.db.models import Cart, CartItem, WaitlistEntry
from console.db.roles import TAKE_PLACE
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.services import carts, places
from console.services.carts import AddOutcome, add_to_cart
from console.services.context import ServiceContext
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun, database_bounds_off
from tests.helpers.place_data import make_activity, make_family

CAPACITY = 5
RACERS = 30
_SOURCE = text(f"SELECT pg_get_functiondef('public.{TAKE_PLACE}'::regprocedure)")


@pytest.fixture
def pg_ctx(_postgres_run: PostgresRun | None) -> Iterator[ServiceContext]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test")
    db = _postgres_run.fresh()
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock())
    yield ctx
    db.dispose()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[AddOutcome | None]:
    """What each site call's one-call attempt answered (``None``: not taken there)."""
    seen: list[AddOutcome | None] = []
    original = carts._take_in_one_call

    def spy(*args: Any) -> AddOutcome | None:
        answer = original(*args)
        seen.append(answer)
        return answer

    monkeypatch.setattr(carts, "_take_in_one_call", spy)
    return seen


def _source(ctx: ServiceContext) -> str:
    with ctx.db.engine.connect() as conn:
        return str(conn.scalar(_SOURCE))


def test_the_function_counts_with_the_services_own_statement(pg_ctx):
    count = places.plpgsql_text(places._HOLDING_AND_COUNT, places.TAKE_PLACE_VARIABLES)
    assert count in " ".join(_source(pg_ctx).split())


def test_the_count_rendered_for_the_function_changes_with_the_services_statement():
    """The comparison above can fail: a count with one condition more renders otherwise."""
    changed = places._HOLDING_AND_COUNT.where(places.Activity.capacity > 0)
    rendered = places.plpgsql_text(changed, places.TAKE_PLACE_VARIABLES)
    assert rendered != places.plpgsql_text(places._HOLDING_AND_COUNT, places.TAKE_PLACE_VARIABLES)


def test_the_site_takes_a_place_and_a_waitlist_entry_in_one_call(pg_ctx, calls):
    activity = make_activity(pg_ctx, capacity=1)
    first, second = make_family(pg_ctx, children=1), make_family(pg_ctx, children=1)
    held = add_to_cart(pg_ctx, None, first.household_id, first.child_ids[0], activity)
    waiting = add_to_cart(pg_ctx, None, second.household_id, second.child_ids[0], activity)
    assert all(answer is not None for answer in calls) and len(calls) == 2
    assert held.cart is not None and held.cart.live and held.cart.minutes_left == 20
    assert [line.member_id for line in held.cart.items] == [first.child_ids[0]]
    assert held.cart.items[0].member_name and held.cart.owner_number > 0
    assert (waiting.cart, waiting.waitlist_position) == (None, 1)
    # The answer built from the call is what the cart's own summary says.
    assert carts.cart_summary(pg_ctx, held.cart.cart_id) == held.cart
    with pg_ctx.db.read() as s:
        cart = s.get(Cart, held.cart.cart_id)
        assert cart is not None and cart.channel == "web"
        assert cart.hold_expires_at == pg_ctx.clock.now() + timedelta(minutes=20)


def _counts(ctx: ServiceContext) -> tuple[int, int, int]:
    with ctx.db.read() as s:
        return (
            len(s.scalars(select(Cart.id)).all()),
            len(s.scalars(select(CartItem.id)).all()),
            len(s.scalars(select(WaitlistEntry.id)).all()),
        )


def test_a_place_already_held_is_left_to_the_services_refusal(pg_ctx, calls):
    activity = make_activity(pg_ctx, capacity=3)
    family = make_family(pg_ctx, children=1)
    add_to_cart(pg_ctx, None, family.household_id, family.child_ids[0], activity)
    before = _counts(pg_ctx)
    with pytest.raises(carts.Refused, match="already_in_cart"):
        add_to_cart(pg_ctx, None, family.household_id, family.child_ids[0], activity)
    assert calls[-1] is None and _counts(pg_ctx) == before


def test_dead_holds_are_given_back_by_the_services_before_the_last_place(pg_ctx, calls):
    activity = make_activity(pg_ctx, capacity=1)
    gone, late = make_family(pg_ctx, children=1), make_family(pg_ctx, children=1)
    add_to_cart(pg_ctx, None, gone.household_id, gone.child_ids[0], activity)
    pg_ctx.clock.advance(timedelta(minutes=21))  # its hold ran out; no sweep yet
    taken = add_to_cart(pg_ctx, None, late.household_id, late.child_ids[0], activity)
    assert calls[-1] is None  # the function wrote nothing: the dead item had to go first
    assert taken.cart is not None and taken.held
    with pg_ctx.db.read() as s:
        states = sorted(s.scalars(select(CartItem.state)).all())
    assert states == ["held", "released"]


def test_free_places_are_offered_to_the_line_by_the_services_first(pg_ctx, calls):
    activity = make_activity(pg_ctx, capacity=1)
    holder, waiter, newcomer = (make_family(pg_ctx, children=1) for _ in range(3))
    held = add_to_cart(pg_ctx, None, holder.household_id, holder.child_ids[0], activity)
    add_to_cart(pg_ctx, None, waiter.household_id, waiter.child_ids[0], activity)
    assert held.cart is not None
    carts.remove_from_cart(pg_ctx, None, held.cart.cart_id, held.cart.items[0].item_id)
    # The freed place was offered to the waiter at once; the newcomer waits behind.
    answer = add_to_cart(pg_ctx, None, newcomer.household_id, newcomer.child_ids[0], activity)
    assert answer.cart is None and answer.waitlist_position == 2
    with pg_ctx.db.read() as s:
        offered = s.scalars(select(WaitlistEntry.state).order_by(WaitlistEntry.position)).all()
    assert offered == ["offered", "waiting"]


def _race(ctx: ServiceContext) -> tuple[list[AddOutcome], list[BaseException]]:
    activity = make_activity(ctx, capacity=CAPACITY)
    families = [make_family(ctx, children=1) for _ in range(RACERS)]
    barrier = threading.Barrier(RACERS)
    databases = [Database(ctx.db.url, lock_timeout_ms=5000) for _ in families]
    outcomes: list[AddOutcome] = []
    errors: list[BaseException] = []

    def attempt(index: int) -> None:
        own = ServiceContext(db=databases[index], sin_cipher=ctx.sin_cipher, clock=ctx.clock)
        family = families[index]
        databases[index].fetch(select(Cart.id).limit(1), {})  # connected before the start
        barrier.wait()
        try:
            outcomes.append(
                add_to_cart(own, None, family.household_id, family.child_ids[0], activity)
            )
        except BaseException as exc:  # reported by the assertions
            errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for db in databases:
        db.dispose()
    return outcomes, errors


def test_thirty_web_users_racing_for_five_places_in_one_call_never_overbook(pg_ctx, calls):
    outcomes, errors = _race(pg_ctx)
    assert errors == []
    assert len(calls) == RACERS and all(answer is not None for answer in calls)
    held = [o for o in outcomes if o.held]
    assert len(held) == CAPACITY
    ranks = sorted(o.waitlist_position or 0 for o in outcomes if not o.held)
    assert ranks == list(range(1, RACERS - CAPACITY + 1))


def test_without_its_row_lock_nor_the_database_bounds_the_function_overbooks(pg_ctx, calls):
    """The same race with the function's ``FOR UPDATE`` taken out and a short pause after
    its count (the window the lock closes): more than five hold a place."""
    source = _source(pg_ctx)
    unlocked = source.replace("FOR UPDATE;", ";", 1).replace(
        "held_rows);", "held_rows);\n    PERFORM pg_sleep(0.05);", 1
    )
    assert unlocked.count("pg_sleep") == 1 and "FOR UPDATE" not in unlocked
    with pg_ctx.db.engine.begin() as conn:
        conn.execute(text(unlocked))
    try:
        with database_bounds_off(pg_ctx.db):
            outcomes, errors = _race(pg_ctx)
            assert errors == []
            assert len([o for o in outcomes if o.held]) > CAPACITY
    finally:
        with pg_ctx.db.engine.begin() as conn:
            conn.execute(text(source))
    assert "FOR UPDATE" in _source(pg_ctx)


def _taken_beside_a_temporary_activity(ctx: ServiceContext, activity: int, family: Any) -> str:
    """What the function answers in a session whose temporary ``activity`` table says
    the activity has 100 places (rolled back: nothing is written)."""
    with ctx.db.engine.connect() as conn:
        conn.execute(
            text("CREATE TEMPORARY TABLE activity (id integer, capacity integer) ON COMMIT DROP")
        )
        conn.execute(text("INSERT INTO activity VALUES (:a, 100)"), {"a": activity})
        now = ctx.clock.now()
        taken = conn.execute(
            text(
                "SELECT taken FROM console_take_place(:h, :m, :a, 1, 0, 'web', :now,"
                " interval '20 minutes')"
            ),
            {"h": family.household_id, "m": family.child_ids[0], "a": activity, "now": now},
        ).scalar_one()
        conn.rollback()
        return str(taken)


def test_a_temporary_table_named_activity_is_not_what_it_counts(pg_ctx):
    """The activity's one place is held; a session's own ``activity`` table says 100.
    The function still sees it full. The same function with unqualified names and no
    fixed ``search_path`` is fooled and takes a second place (the attack it prevents)."""
    activity = make_activity(pg_ctx, capacity=1)
    holder, attacker = make_family(pg_ctx, children=1), make_family(pg_ctx, children=1)
    add_to_cart(pg_ctx, None, holder.household_id, holder.child_ids[0], activity)
    source = _source(pg_ctx)
    assert _taken_beside_a_temporary_activity(pg_ctx, activity, attacker) == "waitlist"
    naive = source.replace("public.", "").replace(" SET search_path TO 'pg_catalog', 'pg_temp'", "")
    assert "search_path" not in naive and "public." not in naive
    with pg_ctx.db.engine.begin() as conn:
        conn.execute(text(naive))
    try:
        assert _taken_beside_a_temporary_activity(pg_ctx, activity, attacker) == "place"
    finally:
        with pg_ctx.db.engine.begin() as conn:
            conn.execute(text(source))


def test_nobody_but_its_owner_may_run_it_until_the_roles_grant_it(pg_ctx):
    call = text("SELECT console_take_place(1, 1, 1, 1, 0, 'web', now(), interval '20 minutes')")
    with pg_ctx.db.engine.begin() as conn:
        conn.execute(text("DROP ROLE IF EXISTS take_place_stranger"))
        conn.execute(text("CREATE ROLE take_place_stranger"))
        try:
            conn.execute(text("SET LOCAL ROLE take_place_stranger"))
            nested = conn.begin_nested()
            with pytest.raises(ProgrammingError, match="permission denied"):
                conn.execute(call)
            nested.rollback()
        finally:
            conn.execute(text("RESET ROLE"))
            conn.execute(text("DROP ROLE take_place_stranger"))


class _RunningClock:
    """A clock that runs from ``start`` at the real pace (the production clock, moved)."""

    def __init__(self, start: datetime) -> None:
        self._start, self._at = start, time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._at)


@pytest.mark.parametrize("path", ["one call", "statement by statement"])
def test_a_hold_that_runs_out_while_the_newcomer_waits_for_the_lock_is_free(
    pg_ctx, calls, monkeypatch, path
):
    """The count is made at the moment the lock is had, not when the call was sent: a
    hold that runs out while the newcomer waits for the activity's lock no longer holds
    its place, and the newcomer takes it (statement by statement reads the clock after
    the lock; the one call must count at the same moment)."""
    if path != "one call":
        monkeypatch.setattr(places, "after_count", lambda: None)  # the dispatch declines
    activity = make_activity(pg_ctx, capacity=1)
    holder, newcomer = make_family(pg_ctx, children=1), make_family(pg_ctx, children=1)
    add_to_cart(pg_ctx, None, holder.household_id, holder.child_ids[0], activity)
    deadline = pg_ctx.clock.now() + timedelta(minutes=20)
    running = ServiceContext(
        db=pg_ctx.db,
        sin_cipher=pg_ctx.sin_cipher,
        clock=_RunningClock(deadline - timedelta(seconds=0.3)),
    )
    answers: list[AddOutcome] = []
    with pg_ctx.db.engine.connect() as locker:
        locker.execute(text("SELECT id FROM activity WHERE id = :a FOR UPDATE"), {"a": activity})
        taker = threading.Thread(
            target=lambda: answers.append(
                add_to_cart(running, None, newcomer.household_id, newcomer.child_ids[0], activity)
            )
        )
        taker.start()
        time.sleep(1.0)  # the holder's hold runs out meanwhile
        assert running.clock.now() > deadline
        locker.commit()
    taker.join(10)
    assert len(answers) == 1 and answers[0].held  # the place, not the waitlist
    with pg_ctx.db.read() as s:
        held = s.scalars(select(CartItem.member_id).where(CartItem.state == "held")).all()
    assert held == [newcomer.child_ids[0]]
