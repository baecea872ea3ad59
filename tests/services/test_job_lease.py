"""A job's lease: one holder at a time, renewed by its holder, taken over once it lapses.

Several server processes race for the same lease row at every pass; the single statement's
``WHERE`` (ours already, or run out) is what keeps a second process from overwriting the
row. Without it, both processes believe they lead (two sweeps, two relays).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import select, true

from console.db.models import JobLease
from console.domain.clock import FixedClock
from console.services import job_lease
from console.services.context import ServiceContext

TTL_S = 10.0


def holder_of(ctx: ServiceContext, name: str = "sweep") -> str | None:
    with ctx.db.read() as session:
        return session.scalar(select(JobLease.holder).where(JobLease.name == name))


def test_only_one_of_two_holders_gets_the_lease(ctx: ServiceContext) -> None:
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S) is True
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is False
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is False
    assert holder_of(ctx) == "a"


def test_of_eight_holders_asking_at_once_exactly_one_wins(ctx: ServiceContext) -> None:
    start = threading.Barrier(8)

    def ask(holder: str) -> bool:
        start.wait()
        return job_lease.acquire(ctx, "sweep", holder, TTL_S)

    with ThreadPoolExecutor(8) as pool:
        won = dict(zip("abcdefgh", pool.map(ask, "abcdefgh"), strict=True))
    assert sum(won.values()) == 1
    assert won[holder_of(ctx) or ""] is True


def test_without_the_takeover_condition_both_holders_believe_they_lead(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The failure the WHERE clause prevents: an unconditional upsert hands the row to
    # whoever asks last, and each process is told it holds the lease.
    monkeypatch.setattr(job_lease, "may_take", lambda _holder, _now: true())
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S) is True
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is True


def test_the_holder_renews_and_keeps_the_time_it_first_took_it(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    taken_at = clock.now()
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S)
    clock.advance(timedelta(seconds=6))
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S)
    clock.advance(timedelta(seconds=6))  # past the first expiry, within the renewed one
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is False
    with ctx.db.read() as session:
        row = session.get_one(JobLease, "sweep")
        assert row.holder == "a"
        assert row.acquired_at == taken_at
        assert row.expires_at == taken_at + timedelta(seconds=6 + TTL_S)


def test_a_lapsed_lease_is_taken_over_and_starts_anew(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S)
    clock.advance(timedelta(seconds=TTL_S - 1))
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is False
    clock.advance(timedelta(seconds=2))  # "a" died: no renewal, the lease ran out
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is True
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S) is False
    with ctx.db.read() as session:
        row = session.get_one(JobLease, "sweep")
        assert (row.holder, row.acquired_at) == ("b", clock.now())


def test_a_released_lease_is_free_at_once_and_only_its_holder_releases_it(
    ctx: ServiceContext,
) -> None:
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S)
    job_lease.release(ctx, "sweep", "b")  # not the holder: nothing happens
    assert holder_of(ctx) == "a"
    job_lease.release(ctx, "sweep", "a")
    assert holder_of(ctx) is None
    assert job_lease.acquire(ctx, "sweep", "b", TTL_S) is True


def test_each_job_has_its_own_lease(ctx: ServiceContext) -> None:
    assert job_lease.acquire(ctx, "sweep", "a", TTL_S)
    assert job_lease.acquire(ctx, "mail_relay", "b", TTL_S)
    assert (holder_of(ctx, "sweep"), holder_of(ctx, "mail_relay")) == ("a", "b")
