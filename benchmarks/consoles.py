"""Many consoles against one console server on PostgreSQL, with the public site playing.

On a fresh copy of the city-scale database (``consolebench``, copied from ``seedbench``,
which is seeded the first time: about 90 s), it starts one real ``console serve`` over
HTTPS and ``console simulate`` beside it (the public site's families searching, holding,
paying, abandoning carts), then signs in N staff members, one console each, and plays
calls on all of them at once for a number of seconds. A call is scripted as an agent
takes it:

    search (one to three queries: phone, email, household number or name)
    → open the family file (household_view) → verify the caller (birth date, postal code)
    → unlock the account (a caller whose account is locked)
      or add a child to a cart (→ pay it by card, most of the time)
    → the call note (end_call)

with a think time between two steps. The consoles are asyncio tasks in this process, each
with its own httpx client (one kept-alive TLS connection) and its own session, speaking
the wire codec exactly as ``RemoteApi`` does; households are dealt so that no two calls
open the same family.

It prints, per operation, the count, errors and p50 / p95 / p99 as the console saw them
(and the server's own time for the route, from its request log), the throughput, the
server's database connections (``pg_stat_activity``, sampled every half second) and its
pool as ``/health`` reports it.

    uv run python benchmarks/consoles.py [--consoles 200] [--seconds 60] [--think 5] [--warmup 20]
                                         [--web-users 200]

Goal: p95 ≤ 50 ms for every operation, and 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import ssl
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy.engine import make_url

from benchmarks.support import (
    BENCH_PASSWORD,
    SEEDBENCH_URL,
    bench_staff,
    city_database,
    console_server,
    context,
    libpq_dsn,
    recreate_database,
)
from console.client.remote import PREFIX, TIMEOUT, _answer, _result_type
from console.db.engine import Database
from console.domain import wire
from console.domain.cards import CardEntry
from console.domain.errors import ConsoleError
from console.domain.phones import format_phone
from console.domain.views.staff_auth import StaffSession
from console.domain.views.verification import CallerAnswers

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/consolebench"
GOAL_P95_MS = 50.0
SERVER_APP, SIMULATE_APP, BENCH_APP = "console-serve", "console-simulate", "console-bench"
OPERATIONS = ("search", "open", "verify", "unlock", "add to cart", "pay", "note")
ROUTES = {
    "search": "search_callers",
    "open": "household_view",
    "verify": "verify_caller",
    "unlock": "unlock_account",
    "add to cart": "add_to_cart",
    "pay": "pay",
    "note": "end_call",
}
UNLOCK_SHARE = 0.25  # calls about a locked account (F1)
CART_SHARE = 0.6  # of the other calls: a registration by phone (F6)
PAY_SHARE = 0.75  # of those: paid on the call (F9)


@dataclass(frozen=True)
class Family:
    household_id: int
    number: int
    postal_code: str
    email: str
    locked: bool
    responsible_id: int
    birth_date: date
    first_name: str
    last_name: str
    phone: str | None
    child_id: int | None


@dataclass
class Tally:
    ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_ops: Counter[str] = field(default_factory=Counter)
    calls: int = 0
    measuring: bool = False
    # (seconds into the window, ms) of every request: when the slow ones happened.
    timeline: list[tuple[float, float]] = field(default_factory=list)
    began: float = 0.0


class Console:
    """One desktop: its own client, connection and session; the wire codec of RemoteApi."""

    def __init__(self, base_url: str, trust: ssl.SSLContext, username: str) -> None:
        self.username = username
        self.http = httpx.AsyncClient(
            base_url=base_url,
            verify=trust,
            timeout=TIMEOUT,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            headers={"User-Agent": "console-loisirs-bench"},
        )
        self.token = ""

    async def _post(self, path: str, body: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        response = await self.http.post(PREFIX + path, json=body, headers=headers)
        return _answer(response)

    async def sign_in(self) -> None:
        payload = await self._post(
            "/session", {"username": self.username, "password": BENCH_PASSWORD}
        )
        self.token = wire.decode(StaffSession, payload).token

    async def call(self, name: str, **arguments: Any) -> Any:
        payload = await self._post(f"/{name}", wire.encode(arguments))
        return wire.decode(_result_type(name), payload)

    async def close(self) -> None:
        if self.token:
            with contextlib.suppress(httpx.HTTPError):
                await self.http.delete(
                    PREFIX + "/session", headers={"Authorization": f"Bearer {self.token}"}
                )
        await self.http.aclose()


def _families(db: Database, count: int, rng: random.Random) -> tuple[list[Family], list[Family]]:
    """Locked-account families and others, each with its responsible and a child."""
    sql = """
        SELECT h.id, h.number, h.postal_code, a.email, a.locked_at IS NOT NULL,
               r.id, r.birth_date, r.first_name, r.last_name, r.phone,
               (SELECT c.id FROM member c WHERE c.household_id = h.id
                  AND c.relationship = 'child' AND c.removed_at IS NULL ORDER BY c.id LIMIT 1)
        FROM household h JOIN account a ON a.id = h.account_id
        JOIN member r ON r.household_id = h.id AND r.relationship = 'responsible'
             AND r.removed_at IS NULL
        WHERE (a.locked_at IS NOT NULL) = %s ORDER BY random() LIMIT %s
    """
    with psycopg.connect(libpq_dsn(db.url)) as conn:
        conn.execute("SELECT setseed(%s)", (rng.random(),))
        locked = [Family(*row) for row in conn.execute(sql, (True, count))]
        others = [Family(*row) for row in conn.execute(sql, (False, count))]
    return locked, others


def _activities(db: Database) -> list[int]:
    """Activities of a season not over yet, with room left for a child or two."""
    sql = """
        SELECT a.id FROM activity a JOIN season s ON s.id = a.season_id
        WHERE s.ends_on > current_date + 30 AND a.capacity - (
            SELECT count(*) FROM registration r
            WHERE r.activity_id = a.id AND r.state = 'confirmed') > 10
        ORDER BY a.id
    """
    with psycopg.connect(libpq_dsn(db.url)) as conn:
        return [row[0] for row in conn.execute(sql)]


def _search_texts(family: Family, rng: random.Random) -> list[str]:
    """What the agent types: a first try, sometimes a second, until the file is found."""
    by_number = [str(family.number), family.email]
    if family.phone:
        by_number.append(format_phone(family.phone))
    name = rng.choice([family.last_name, f"{family.first_name} {family.last_name}"])
    tries = [rng.choice(by_number)]
    if rng.random() < 0.4:
        tries.insert(0, name)  # a name first, then the number they read out
    return tries


async def _timed(console: Console, tally: Tally, op: str, name: str, **arguments: Any) -> Any:
    start = time.perf_counter()
    try:
        result = await console.call(name, **arguments)
    except ConsoleError as error:
        if tally.measuring:
            tally.errors[f"{op}: {type(error).__name__}({error.code})"] += 1
            tally.error_ops[op] += 1
        raise
    except Exception as error:  # a transport failure, a timeout
        if tally.measuring:
            tally.errors[f"{op}: {type(error).__name__}"] += 1
            tally.error_ops[op] += 1
        raise
    if tally.measuring:
        ms = (time.perf_counter() - start) * 1000
        tally.ms[op].append(ms)
        tally.timeline.append((start - tally.began, ms))
    return result


class Deck:
    """Families dealt to calls, none twice in a run."""

    def __init__(self, locked: list[Family], others: list[Family]) -> None:
        self.locked, self.others = locked, others

    def next(self, rng: random.Random) -> Family | None:
        if self.locked and rng.random() < UNLOCK_SHARE:
            return self.locked.pop()
        return self.others.pop() if self.others else None


async def _play(
    console: Console,
    deck: Deck,
    activities: list[int],
    tally: Tally,
    rng: random.Random,
    think_s: float,
    stop: asyncio.Event,
) -> None:
    async def think() -> None:
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)

    # Consoles start spread over one think time, not all on the same millisecond.
    await asyncio.sleep(rng.uniform(0, think_s))
    while not stop.is_set():
        family = deck.next(rng)
        if family is None:
            return
        started = datetime.now(UTC)
        reason = "other"
        try:
            for text in _search_texts(family, rng):
                await _timed(console, tally, "search", "search_callers", query=text)
                await think()
            await _timed(console, tally, "open", "household_view", household_id=family.household_id)
            await think()
            answers = CallerAnswers(birth_date=family.birth_date, postal_code=family.postal_code)
            await _timed(
                console,
                tally,
                "verify",
                "verify_caller",
                household_id=family.household_id,
                answers=answers,
            )
            await think()
            if family.locked:
                reason = "F1"
                await _timed(
                    console,
                    tally,
                    "unlock",
                    "unlock_account",
                    household_id=family.household_id,
                    reason="bench",
                )
                await think()
            elif rng.random() < CART_SHARE:
                reason = "F6"
                added = await _timed(
                    console,
                    tally,
                    "add to cart",
                    "add_to_cart",
                    household_id=family.household_id,
                    member_id=family.child_id or family.responsible_id,
                    activity_id=rng.choice(activities),
                    cart_id=None,
                )
                await think()
                if added.cart is not None and rng.random() < PAY_SHARE:
                    card = CardEntry("4242 4242 4242 4242", 12, date.today().year + 3, "123")
                    with card:
                        await _timed(
                            console,
                            tally,
                            "pay",
                            "pay",
                            cart_id=added.cart.cart_id,
                            card=card,
                            payer_member_id=family.responsible_id,
                        )
                    await think()
            await _timed(
                console,
                tally,
                "note",
                "end_call",
                household_id=family.household_id,
                reason=reason,
                started_at=started,
                note="Appel du banc d'essai.",
            )
            if tally.measuring:
                tally.calls += 1
        except Exception:
            pass  # counted by _timed; the next call starts after a pause
        await think()


async def _sample_connections(
    dsn: str, database: str, stop: asyncio.Event, out: dict[str, list[tuple[int, int, int]]]
) -> None:
    """Every half second: (open, in use, waiting on a lock) per application."""
    async with await psycopg.AsyncConnection.connect(
        dsn, autocommit=True, application_name=BENCH_APP
    ) as conn:
        while not stop.is_set():
            rows = await (
                await conn.execute(
                    "SELECT application_name, count(*), count(*) FILTER (WHERE state <> 'idle'),"
                    " count(*) FILTER (WHERE wait_event_type = 'Lock')"
                    " FROM pg_stat_activity WHERE datname = %s AND application_name <> %s"
                    " GROUP BY 1",
                    (database, BENCH_APP),
                )
            ).fetchall()
            seen = {str(name): (int(n), int(busy), int(lock)) for name, n, busy, lock in rows}
            for app in (SERVER_APP, SIMULATE_APP):
                out[app].append(seen.get(app, (0, 0, 0)))
            await asyncio.sleep(0.5)


async def _sample_health(
    base_url: str, trust: ssl.SSLContext, stop: asyncio.Event, out: list[dict[str, Any]]
) -> None:
    async with httpx.AsyncClient(base_url=base_url, verify=trust, timeout=10) as http:
        while not stop.is_set():
            try:
                out.append((await http.get("/health")).json()["database"]["pool"])
            except (httpx.HTTPError, ValueError, KeyError):
                out.append({"error": 1})
            await asyncio.sleep(5)


async def _loop_lag(stop: asyncio.Event, out: list[float]) -> None:
    """How late this process's own timers fire: the consoles' share of the machine."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        start = loop.time()
        await asyncio.sleep(0.01)
        out.append((loop.time() - start - 0.01) * 1000)


@dataclass
class Run:
    tally: Tally
    seconds: float
    connections: dict[str, list[tuple[int, int, int]]]
    pools: list[dict[str, Any]]
    lag_ms: list[float]
    log_lines: list[str]
    cpu: dict[str, float]


async def _run(
    server_url: str,
    ca_file: str,
    usernames: list[str],
    deck: Deck,
    activities: list[int],
    db_url: str,
    seconds: float,
    think_s: float,
    warmup_s: float,
    seed: int,
    server_log: Callable[[], str],
    pids: dict[str, int],
) -> Run:
    trust = ssl.create_default_context(cafile=ca_file)
    consoles = [Console(server_url, trust, name) for name in usernames]
    gate = asyncio.Semaphore(20)

    async def sign_in(console: Console) -> None:
        async with gate:
            await console.sign_in()

    await asyncio.gather(*(sign_in(c) for c in consoles))
    tally = Tally()
    stop, done = asyncio.Event(), asyncio.Event()
    connections: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    pools: list[dict[str, Any]] = []
    lag: list[float] = []
    rng = random.Random(seed)
    players = [
        asyncio.create_task(
            _play(c, deck, activities, tally, random.Random(rng.random()), think_s, stop)
        )
        for c in consoles
    ]
    # The warm-up: every console is into its calls, and the public site's families, who
    # all start at once, are past their first searches and holds.
    await asyncio.sleep(warmup_s)
    tally.measuring = True
    tally.began = time.perf_counter()
    samplers = [
        asyncio.create_task(
            _sample_connections(
                libpq_dsn(db_url), make_url(db_url).database or "", done, connections
            )
        ),
        asyncio.create_task(_sample_health(server_url, trust, done, pools)),
        asyncio.create_task(_loop_lag(done, lag)),
    ]
    first_line = len(server_log().splitlines())
    dsn, database = libpq_dsn(db_url), make_url(db_url).database or ""
    cpu_before, backends_before = _cpu(pids, dsn, database), _backends(dsn, database)
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    tally.measuring = False
    elapsed = time.perf_counter() - started
    cpu_after, backends_after = _cpu(pids, dsn, database), _backends(dsn, database)
    log_lines = server_log().splitlines()[first_line:]
    stop.set()
    done.set()
    await asyncio.gather(*samplers)
    # Calls under way finish their step; a think time is cut short.
    for task in players:
        task.cancel()
    await asyncio.gather(*players, return_exceptions=True)
    await asyncio.gather(*(c.close() for c in consoles))
    cpu = {name: cpu_after[name] - cpu_before[name] for name in cpu_after}
    # A backend that ended during the window is missed; one that began is counted whole.
    cpu["PostgreSQL"] = sum(
        used - backends_before.get(pid, 0.0) for pid, used in backends_after.items()
    )
    return Run(tally, elapsed, connections, pools, lag, log_lines, cpu)


def _process_cpu_s(pid: int) -> float:
    """CPU seconds a process has used (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_cpu_s() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine, every core (``/proc/stat``)."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0, 0.0
    ticks = [int(v) for v in first[:8]]
    idle = ticks[3] + ticks[4]
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - idle) / tick, sum(ticks) / tick


def _backends(dsn: str, database: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving ``database`` (same machine only)."""
    with psycopg.connect(dsn, autocommit=True, application_name=BENCH_APP) as conn:
        pids = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return {int(pid): _process_cpu_s(int(pid)) for (pid,) in pids}


def _cpu(pids: dict[str, int], dsn: str, database: str) -> dict[str, float]:
    busy, total = _machine_cpu_s()
    return {name: _process_cpu_s(pid) for name, pid in pids.items()} | {
        "machine busy": busy,
        "machine": total,
    }


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _server_ms(lines: list[str]) -> dict[str, list[float]]:
    """The server's own time per route, from its request log (one JSON line a request,
    timed from the request's arrival in the application to its answer)."""
    out: dict[str, list[float]] = defaultdict(list)
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        route = str(entry.get("route", "")).removeprefix(PREFIX + "/")
        if "ms" in entry:
            out[route].append(float(entry["ms"]))
    return out


def _simulate(url: str, users: int, seconds: float, seed: int, directory: Path) -> Any:
    settings = directory / "simulate.toml"
    settings.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")} | {
        "CONSOLE_SETTINGS": str(settings),
        "CONSOLE_DATABASE_URL": url,
        "PGAPPNAME": SIMULATE_APP,
    }
    command = [
        sys.executable,
        "-m",
        "console",
        "simulate",
        "--scenario",
        "site",  # the public site at its own pace, beside the consoles
        "--users",
        str(users),
        "--minutes",
        f"{seconds / 60:.3f}",
        "--seed",
        str(seed),
    ]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _report(run: Run, args: argparse.Namespace, server_ms: dict[str, list[float]]) -> bool:
    tally = run.tally
    print(
        f"{args.consoles} consoles through one console serve (HTTPS), {run.seconds:.0f} s"
        f" measured after {max(args.warmup, 1.5 * args.think):g} s of warm-up, think time"
        f" {args.think:g} s (0.5–1.5×) between steps;"
        f" console simulate playing {args.web_users} web families meanwhile"
    )
    header = (
        f"{'operation':<13}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}   {'server p50':>10}{'server p95':>11}  goal"
    )
    print(header)
    print("-" * len(header))
    all_ok = True
    every: list[float] = []
    for op in OPERATIONS:
        values = tally.ms.get(op, [])
        every += values
        errors = tally.error_ops.get(op, 0)
        inside = server_ms.get(ROUTES[op], [])
        ok = bool(values) and _pct(values, 95) <= GOAL_P95_MS and errors == 0
        all_ok &= ok
        print(
            f"{op:<13}{len(values):>7}{errors:>8}{_pct(values, 50):>9.1f}{_pct(values, 95):>9.1f}"
            f"{_pct(values, 99):>9.1f}{max(values, default=float('nan')):>9.1f}   "
            f"{_pct(inside, 50):>10.1f}{_pct(inside, 95):>11.1f}  {'ok' if ok else 'MISSED'}"
        )
    errors = sum(tally.error_ops.values())
    print(
        f"{'all':<13}{len(every):>7}{errors:>8}{_pct(every, 50):>9.1f}{_pct(every, 95):>9.1f}"
        f"{_pct(every, 99):>9.1f}{max(every, default=float('nan')):>9.1f}"
    )
    print(
        f"throughput: {len(every) / run.seconds:.0f} requests/s,"
        f" {tally.calls / run.seconds * 60:.0f} calls/min completed ({tally.calls} calls)"
    )
    buckets: dict[int, list[float]] = defaultdict(list)
    for at, ms in tally.timeline:
        buckets[max(0, int(at // 10))].append(ms)
    print(
        "p95 ms by 10 s of the window: "
        + " ".join(f"{_pct(buckets[b], 95):.0f}" for b in sorted(buckets))
    )
    for what, count in tally.errors.most_common():
        print(f"  error: {what} × {count}")
    for app, label in ((SERVER_APP, "console serve"), (SIMULATE_APP, "console simulate")):
        samples = run.connections.get(app, [])
        if not samples:
            continue
        opened = [float(s[0]) for s in samples]
        busy = [float(s[1]) for s in samples]
        locks = [s[2] for s in samples]
        print(
            f"database connections, {label} (pg_stat_activity, {len(samples)} samples):"
            f" open p50 {_pct(opened, 50):.0f} max {max(opened):.0f};"
            f" in use p50 {_pct(busy, 50):.0f} p95 {_pct(busy, 95):.0f} max {max(busy):.0f};"
            f" waiting on a lock max {max(locks)}"
        )
    pools = [p for p in run.pools if "checked_out" in p]
    if pools:
        print(
            f"/health pool ({len(pools)} samples): checked out max"
            f" {max(p['checked_out'] for p in pools)} of {pools[0]['max_connections']},"
            f" idle lookup connections max {max(p.get('idle_lookups', 0) for p in pools)}"
        )
    cpu = run.cpu
    if cpu.get("machine"):
        cores = cpu["machine"] / run.seconds
        served = cpu["console serve"] / max(1, len(every) + len(run.pools))
        print(
            f"CPU (cores busy on average, of {cores:.0f}): machine"
            f" {cpu['machine busy'] / run.seconds:.2f}; console serve"
            f" {cpu['console serve'] / run.seconds:.2f} ({served * 1000:.1f} ms per request);"
            f" console simulate {cpu['console simulate'] / run.seconds:.2f};"
            f" consoles (this process) {cpu['consoles (this process)'] / run.seconds:.2f};"
            f" PostgreSQL (backends on {make_url(args.url).database})"
            f" {cpu['PostgreSQL'] / run.seconds:.2f}"
        )
        ours = sum(v for k, v in cpu.items() if not k.startswith("machine"))
        print(
            f"  everything else on the machine (other programs): "
            f"{max(0.0, cpu['machine busy'] - ours) / run.seconds:.2f} cores"
        )
    print(
        f"this process's event loop: timers late by p50 {_pct(run.lag_ms, 50):.1f} ms,"
        f" p99 {_pct(run.lag_ms, 99):.1f} ms (the consoles' own share of the latency)"
    )
    print(
        f"goal: p95 ≤ {GOAL_P95_MS:g} ms for every operation, 0 errors:"
        f" {'met' if all_ok else 'MISSED'}"
    )
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="the database to (re)create")
    parser.add_argument("--template", default=SEEDBENCH_URL, help="city scale, seeded once")
    parser.add_argument("--consoles", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0, help="measured window")
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between steps")
    parser.add_argument("--web-users", type=int, default=200, help="console simulate --users")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--warmup", type=float, default=20.0, help="seconds played before measuring"
    )
    args = parser.parse_args()
    warmup = max(args.warmup, 1.5 * args.think)

    seeded, _ = city_database(args.template)
    seeded.dispose()
    print("copying the city-scale database…", file=sys.stderr)
    recreate_database(args.url, template=make_url(args.template).database)
    db = Database(args.url)
    ctx = context(db)
    usernames = [bench_staff(ctx, f"console-{n:03d}") for n in range(1, args.consoles + 1)]
    rng = random.Random(args.seed)
    calls_needed = int(args.consoles * args.seconds / args.think) + 4 * args.consoles
    locked, others = _families(db, calls_needed, rng)
    deck = Deck(locked, others)
    activities = _activities(db)
    db.dispose()

    directory = Path(tempfile.mkdtemp(prefix="console-bench-"))
    with console_server(args.url, env={"PGAPPNAME": SERVER_APP}) as server:
        # The public site starts first (its families load while the consoles sign in) and
        # plays to about the end of the measured window.
        simulate = _simulate(
            args.url, args.web_users, warmup + args.seconds + 5, args.seed, directory
        )
        simulated = ""
        try:
            run = asyncio.run(
                _run(
                    server.url,
                    str(server.certificates.ca_file),
                    usernames,
                    deck,
                    activities,
                    args.url,
                    args.seconds,
                    args.think,
                    warmup,
                    args.seed,
                    server.log,
                    {
                        "console serve": server.process.pid,
                        "console simulate": simulate.pid,
                        "consoles (this process)": os.getpid(),
                    },
                )
            )
            # The public site plays to the end of the window, then prints what it did.
            simulated, _ = simulate.communicate(timeout=90)
        finally:
            if simulate.poll() is None:
                simulate.terminate()
                simulate.communicate(timeout=30)
                simulated = ""
    server_ms = _server_ms(run.log_lines)
    ok = _report(run, args, server_ms)
    tally_lines = [line.strip() for line in simulated.splitlines() if line.startswith("  ")]
    if tally_lines:
        print("console simulate: " + ", ".join(tally_lines))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
