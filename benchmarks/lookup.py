"""Caller-search latency at city scale on PostgreSQL: in-process, through the console
server over HTTPS, and a raw-SQL floor.

Creates the target database if it is missing and seeds city scale into it if it holds no
household yet (about 90 s, once). Then for each kind of query (email, email prefix, phone
in several formats, name, household / cart / receipt / transaction number) it times:

- ``search_callers`` in this process — the service the embedded console's search box calls;
- the same search end to end through a real ``console serve`` (a separate process, HTTPS
  with throwaway trustme certificates, ``--no-jobs``), as a desktop asks it: ``RemoteApi``
  signed in as a staff member, one kept-alive connection, the session resolved from the
  bearer token on every request, the answer rebuilt by the wire codec;
- a hand-written single indexed SQL statement for the same lookup (the floor).

    uv run python benchmarks/lookup.py [--url postgresql+psycopg://…/seedbench] [--samples 300]

Goals: in process, p95 ≤ 20 ms for every kind, and no kind more than 2× its raw-SQL floor,
at the median and at p95 (issue #2). Through the server, p95 ≤ 5 ms for every kind, and
the server adds at most 1 ms at the median (server p50 − in-process p50). The three are
timed in turn, sample by sample, so a busy moment on the machine falls on all of them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from sqlalchemy import text

from benchmarks.support import (
    BENCH_PASSWORD,
    SEEDBENCH_URL,
    bench_staff,
    city_database,
    console_server,
    context,
    libpq_dsn,
)
from console.client.remote import sign_in
from console.db.engine import Database
from console.domain.names import prefix_upper_bound, search_key
from console.domain.phones import format_phone
from console.services.search import search_callers

DEFAULT_URL = SEEDBENCH_URL
BENCH_USERNAME = "bench-lookup"
# Through the server: p95 bound, and what the server may add at the median.
SERVER_P95_MS = 5.0
SERVER_ADDS_P50_MS = 1.0

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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    db, households = city_database(args.url)
    ctx = context(db)
    rng = random.Random(args.seed)
    samples = _samples(db, args.samples, rng)
    bench_staff(ctx, BENCH_USERNAME)

    console_ms: dict[str, list[float]] = {}
    raw_ms: dict[str, list[float]] = {}
    server_ms: dict[str, list[float]] = {}
    ping_ms: list[float] = []
    # The floor gets what the console's lookups get: one plan kept per statement.
    generic = "-c plan_cache_mode=force_generic_plan"
    with (
        console_server(args.url) as server,
        psycopg.connect(libpq_dsn(args.url), autocommit=True, options=generic) as raw,
    ):
        remote = sign_in(
            server.url, BENCH_USERNAME, BENCH_PASSWORD, ca_file=str(server.certificates.ca_file)
        )
        try:
            # Warm every path (statement caches, buffers, the server's connections).
            for sample in samples[:50]:
                search_callers(ctx, sample.query)
                raw.execute(RAW[sample.kind], sample.raw_params).fetchall()
                remote.search_callers(sample.query)
            for sample in samples:
                query, sql, params = sample.query, RAW[sample.kind], sample.raw_params
                console_ms.setdefault(sample.kind, []).append(
                    _time(lambda q=query: search_callers(ctx, q))
                )
                raw_ms.setdefault(sample.kind, []).append(
                    _time(lambda s=sql, p=params: raw.execute(s, p).fetchall())
                )
                server_ms.setdefault(sample.kind, []).append(
                    _time(lambda q=query: remote.search_callers(q))
                )
                # The fixed cost of a request: session, one SELECT 1, no result to speak of.
                ping_ms.append(_time(remote.ping))
        finally:
            remote.sign_out()

    print(f"caller search on {db.engine.url.database}: {households:,} households")
    header = (
        f"{'kind':<20}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'raw p50':>9}{'raw p95':>9}"
        f"{'× p50':>7}{'× p95':>7}  goal  {'srv p50':>8}{'srv p95':>8}{'+p50':>7}  goal"
    )
    print(f"{'':<25}{'in process':-^38}{'':8}{'through the server':-^29}")
    print(header)
    print("-" * len(header))
    all_ok = True
    for kind in RAW:
        c, r, w = console_ms.get(kind, []), raw_ms.get(kind, []), server_ms.get(kind, [])
        if not c:
            continue
        p50, p95, r50, r95 = _pct(c, 50), _pct(c, 95), _pct(r, 50), _pct(r, 95)
        w50, w95 = _pct(w, 50), _pct(w, 95)
        # Within 2× of the floor at the median and at p95 alike.
        ratio50, ratio95 = p50 / r50, p95 / r95
        ok = p95 <= 20 and ratio50 <= 2 and ratio95 <= 2
        added = w50 - p50
        server_ok = w95 <= SERVER_P95_MS and added <= SERVER_ADDS_P50_MS
        all_ok &= ok and server_ok
        print(
            f"{kind:<20}{len(c):>5}{p50:>9.2f}{p95:>9.2f}{r50:>9.2f}{r95:>9.2f}"
            f"{ratio50:>7.2f}{ratio95:>7.2f}  {'ok' if ok else 'MISSED':<6}"
            f"{w50:>8.2f}{w95:>8.2f}{added:>+7.2f}  {'ok' if server_ok else 'MISSED'}"
        )
    every = [v for values in console_ms.values() for v in values]
    through = [v for values in server_ms.values() for v in values]
    print(
        f"median over all kinds: {statistics.median(every):.2f} ms in process,"
        f" {statistics.median(through):.2f} ms through the server"
    )
    print(
        f"ping through the server (session + SELECT 1): p50 {_pct(ping_ms, 50):.2f} ms,"
        f" p95 {_pct(ping_ms, 95):.2f} ms"
    )
    print(
        f"goals: in process p95 ≤ 20 ms and ≤ 2× the floor; through the server"
        f" p95 ≤ {SERVER_P95_MS:g} ms and + ≤ {SERVER_ADDS_P50_MS:g} ms at p50"
    )
    db.dispose()
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
