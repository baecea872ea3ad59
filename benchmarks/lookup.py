"""Caller-search latency at city scale on PostgreSQL, beside a raw-SQL floor.

Seeds city scale into the target database if it holds no household yet, then for each
kind of query (email, email prefix, phone in several formats, name, household / cart /
receipt / transaction number) times ``search_callers`` and a hand-written single
indexed SQL query for the same lookup, and prints p50 / p95 in milliseconds.

    uv run python benchmarks/lookup.py [--url postgresql+psycopg://…/seedbench] [--samples 300]

Goal: p95 ≤ 20 ms for every kind, and no kind more than 2× its raw-SQL floor — checked
at the median and at p95. The two are timed alternately, sample by sample, so a busy
moment on the machine falls on both.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from sqlalchemy import func, select, text

from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import Household
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.names import prefix_upper_bound, search_key
from console.domain.phones import format_phone
from console.services.context import ServiceContext
from console.services.search import search_callers

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/seedbench"
BENCH_SIN_KEY = "fXo1cNuU4f0n2p3o6GQ8lq3kqkH4nQmTqf8qQ0pQe0s="

# The floor: one hand-written indexed statement per kind, returning what a hit shows
# (household, account, borough, responsible), in autocommit: one round trip. A prefix is
# a byte range, as in the console: with ``LIKE`` every run is planned afresh, which made
# the floor slower (and the console's ratio easier).
HIT = (
    "SELECT h.id, h.number, h.postal_code, a.email, a.locked_at, b.name, r.first_name, "
    "r.last_name FROM household h JOIN account a ON a.id = h.account_id "
    "JOIN borough b ON b.id = h.borough_id LEFT JOIN member r ON r.household_id = h.id "
    "AND r.relationship = 'responsible' AND r.removed_at IS NULL WHERE h.id IN ({})"
)
RAW_MATCH = {
    "email": "SELECT h.id FROM household h JOIN account a ON a.id = h.account_id "
    "WHERE a.email = %s",
    "email_prefix": "SELECT id FROM (SELECT h.id FROM household h "
    "JOIN account a ON a.id = h.account_id WHERE a.email >= %s AND a.email < %s "
    "ORDER BY a.email LIMIT 50) m",
    "phone": "SELECT household_id FROM member WHERE phone = %s AND removed_at IS NULL",
    "name": "SELECT household_id FROM (SELECT household_id FROM member "
    "WHERE last_name_key >= %s AND last_name_key < %s AND removed_at IS NULL "
    "ORDER BY last_name_key, first_name_key LIMIT 50) m",
    "household_number": "SELECT id FROM household WHERE number = %s",
    "cart_number": "SELECT household_id FROM cart WHERE number = %s",
    "receipt_number": "SELECT c.household_id FROM receipt r JOIN cart c ON c.id = r.cart_id "
    "WHERE r.number = %s",
    "transaction_number": "SELECT c.household_id FROM payment p JOIN cart c ON c.id = p.cart_id "
    "WHERE p.transaction_number = %s",
}
RAW = {kind: HIT.format(sql) for kind, sql in RAW_MATCH.items()}


@dataclass(frozen=True)
class Sample:
    kind: str
    query: str  # what the agent types
    raw_params: tuple[object, ...]  # the floor query's parameters


def _samples(db: Database, count: int, rng: random.Random) -> list[Sample]:
    out: list[Sample] = []
    with db.read() as s:

        def pick(sql: str) -> list[tuple[object, ...]]:
            rows = s.execute(text(sql + f" ORDER BY random() LIMIT {count}")).all()
            return [tuple(r) for r in rows]

        for (email,) in pick("SELECT email FROM account"):
            out.append(Sample("email", str(email), (email,)))
            prefix = str(email)[: max(4, str(email).index("@") - 2)]
            out.append(Sample("email_prefix", prefix, (prefix, prefix_upper_bound(prefix))))
        formats = [lambda e: format_phone(e), lambda e: e[2:], lambda e: "+1 " + format_phone(e)]
        for (phone,) in pick("SELECT phone FROM member WHERE phone IS NOT NULL"):
            shown = rng.choice(formats)(str(phone))
            out.append(Sample("phone", shown, (phone,)))
        for first, last in pick("SELECT first_name, last_name FROM member"):
            typed = rng.choice([str(last), f"{first} {last}", str(last)[:4]])
            key = search_key(typed)
            out.append(Sample("name", typed, (key, prefix_upper_bound(key))))
        for kind, sql in [
            ("household_number", "SELECT number FROM household"),
            ("cart_number", "SELECT number FROM cart"),
            ("receipt_number", "SELECT number FROM receipt"),
            ("transaction_number", "SELECT transaction_number FROM payment"),
        ]:
            for (number,) in pick(sql):
                out.append(Sample(kind, str(number), (number,)))
    return out


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    db = Database(args.url)
    upgrade(db.engine)
    with db.read() as s:
        households = s.scalar(select(func.count()).select_from(Household)) or 0
    if households == 0:
        from console.db.seed import seed_database

        print("seeding city scale (first run)…", file=sys.stderr)
        seed_database(db, SinCipher(BENCH_SIN_KEY), scale="city", seed=1, now=SystemClock().now())
        with db.read() as s:
            households = s.scalar(select(func.count()).select_from(Household)) or 0
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(BENCH_SIN_KEY))
    rng = random.Random(args.seed)
    samples = _samples(db, args.samples, rng)
    raw_dsn = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    # Warm both paths (statement caches, buffers) before measuring.
    # The floor gets what the console's lookups get: one plan kept per statement.
    generic = "-c plan_cache_mode=force_generic_plan"
    with psycopg.connect(raw_dsn, autocommit=True, options=generic) as raw:
        for sample in samples[:50]:
            search_callers(ctx, sample.query)
            raw.execute(RAW[sample.kind], sample.raw_params).fetchall()
        console_ms: dict[str, list[float]] = {}
        raw_ms: dict[str, list[float]] = {}
        for sample in samples:
            query, sql, params = sample.query, RAW[sample.kind], sample.raw_params
            console_ms.setdefault(sample.kind, []).append(
                _time(lambda q=query: search_callers(ctx, q))
            )
            raw_ms.setdefault(sample.kind, []).append(
                _time(lambda s=sql, p=params: raw.execute(s, p).fetchall())
            )

    print(f"caller search on {db.engine.url.database}: {households:,} households")
    header = (
        f"{'kind':<20}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'raw p50':>9}{'raw p95':>9}"
        f"{'× p50':>7}{'× p95':>7}  goal"
    )
    print(header)
    print("-" * len(header))
    all_ok = True
    for kind in RAW:
        c, r = console_ms.get(kind, []), raw_ms.get(kind, [])
        if not c:
            continue
        p50, p95, r50, r95 = _pct(c, 50), _pct(c, 95), _pct(r, 50), _pct(r, 95)
        # Within 2× of the floor at the median and at p95 alike.
        ratio50, ratio95 = p50 / r50, p95 / r95
        ok = p95 <= 20 and ratio50 <= 2 and ratio95 <= 2
        all_ok &= ok
        print(
            f"{kind:<20}{len(c):>5}{p50:>9.2f}{p95:>9.2f}{r50:>9.2f}{r95:>9.2f}"
            f"{ratio50:>7.2f}{ratio95:>7.2f}  {'ok' if ok else 'MISSED'}"
        )
    every = [v for values in console_ms.values() for v in values]
    print(f"median over all kinds: {statistics.median(every):.2f} ms")
    db.dispose()
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
