"""Lock late, hold briefly (issue 14): a place-taking transaction runs only a few
statements while it holds the activity's row lock (PostgreSQL).

Every statement from the ``SELECT … FOR UPDATE`` to the commit is recorded; reading the
member, the household, the activity, the ages and the family's open cart, and building the
answer, happen outside that window. Before issue 14 the window held the stale-hold check,
the count, the open-cart lookup, the cart's reload and the summary (the test fails on that code).

The public site's common path goes further (migration 0011): the work under the lock is
one function call sent alone, so the client runs no statement at all while it holds the
lock, and a place costs two round trips in all (the read before, the call).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from console.db import timing
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.services.carts import add_to_cart
from console.services.context import ServiceContext
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.place_data import make_activity, make_family, make_staff

# Under the lock: the holding-and-count read, the cart number, the cart, the item, the
# journal entry — and for a waitlist answer the last position and the entry.
MOST_UNDER_LOCK = 5


@pytest.fixture
def pg_ctx(_postgres_run: PostgresRun | None) -> Iterator[ServiceContext]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test")
    db = _postgres_run.fresh()
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    yield ctx
    db.dispose()


def _under_lock(ctx: ServiceContext) -> list[list[str]]:
    """The statements each transaction ran between its lock (its ``FOR UPDATE``, or the
    one call that takes it) and its end."""
    windows: list[list[str]] = []

    def executed(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FOR UPDATE" in statement or "console_take_place" in statement:
            conn.info["window"] = []
            windows.append(conn.info["window"])
        elif "window" in conn.info:
            conn.info["window"].append(statement)

    def ended(conn: Any) -> None:
        conn.info.pop("window", None)

    event.listen(ctx.db.engine, "after_cursor_execute", executed)
    event.listen(ctx.db.engine, "commit", ended)
    event.listen(ctx.db.engine, "rollback", ended)
    return windows


def test_an_agent_takes_a_place_in_one_call_and_its_journal_entry_under_the_lock(pg_ctx):
    """An agent's first place of a call: the one call, then only the journal entry, then
    the commit."""
    actor = make_staff(pg_ctx)
    activity = make_activity(pg_ctx, capacity=1)
    first = make_family(pg_ctx, children=1, verified_by=actor)
    second = make_family(pg_ctx, children=1, verified_by=actor)
    windows = _under_lock(pg_ctx)
    held = add_to_cart(pg_ctx, actor, first.household_id, first.child_ids[0], activity)
    waiting = add_to_cart(pg_ctx, actor, second.household_id, second.child_ids[0], activity)
    assert held.held and held.cart is not None and len(held.cart.items) == 1
    assert held.cart.channel == actor.username
    assert waiting.waitlist_position == 1
    assert len(windows) == 2
    for window in windows:
        assert len(window) == 1 and "INSERT INTO audit_entry" in window[0], window


def test_an_agent_adding_to_the_call_s_cart_runs_a_few_statements_under_the_lock(pg_ctx):
    """The call's second place goes into its open cart: statement by statement, still
    only a few under the lock."""
    actor = make_staff(pg_ctx)
    activities = [make_activity(pg_ctx, capacity=1) for _ in range(2)]
    family = make_family(pg_ctx, children=1, verified_by=actor)
    add_to_cart(pg_ctx, actor, family.household_id, family.child_ids[0], activities[0])
    windows = _under_lock(pg_ctx)
    second = add_to_cart(pg_ctx, actor, family.household_id, family.child_ids[0], activities[1])
    assert second.cart is not None and len(second.cart.items) == 2
    # After the activity's lock: the cart's own lock (it starts the second window), the
    # count, the cart's new deadline, the item, the journal entry.
    after_the_lock = sum(len(w) for w in windows) + len(windows) - 1
    assert len(windows) == 2
    assert 0 < after_the_lock <= MOST_UNDER_LOCK + 1, windows


def test_the_site_takes_a_place_with_no_round_trip_under_the_lock(pg_ctx):
    activity = make_activity(pg_ctx, capacity=1)
    first = make_family(pg_ctx, children=1)
    second = make_family(pg_ctx, children=1)
    windows = _under_lock(pg_ctx)
    with timing.measured() as spent:
        held = add_to_cart(pg_ctx, None, first.household_id, first.child_ids[0], activity)
        waiting = add_to_cart(pg_ctx, None, second.household_id, second.child_ids[0], activity)
    assert held.held and held.cart is not None and len(held.cart.items) == 1
    assert waiting.waitlist_position == 1
    assert windows == []  # no client statement ran while the lock was held
    assert spent.locks == 2  # both took the lock, inside the database's call
    # The place: the read before, the call. The line: the same, then its rank.
    assert spent.statements == 2 + 3
