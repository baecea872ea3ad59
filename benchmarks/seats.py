"""Seat-taking transactions per second on PostgreSQL: in process and through the console
server, beside pgbench's TPC-B-like figure, and where each transaction's time goes.

Each client is its own process calling ``add_to_cart`` (one transaction: lock the
activity row, count the real remaining places, insert the hold, or join the waitlist)
in a loop, on a fresh database (``seatbench``). Three ways, each run on its own slice of
the families (a family is never asked twice for one activity):

* ``site``: in process, as the public site calls it (no staff member: its own sign-in);
* ``agent``: in process, as an agent on a call (role check and caller verification: the
  verifications are recorded before the run, as at the start of each call);
* ``server``: the same agent's call through a real ``console serve`` over HTTPS
  (throwaway trustme certificates), with the desktop's own client (``RemoteApi``,
  signed in with a password, one kept-alive connection per client).

Three scenarios: places spread over 200 activities, then every client on one hot
activity (all waiting on the same row lock), then ``--crowd`` clients on it (opening
day). pgbench then runs its built-in TPC-B-like script on a scratch database on the same
server with the same client count, and the same seat-taking transaction as a pgbench
script (``benchmarks/seat_sql.py``: its statements with no Python between them) — the
ceiling PostgreSQL itself sets for the statement-by-statement transaction (an agent's
next places in the call's cart, and every uncommon case), spread and on the hot activity —
and the site's own path, "one call": the read, then migration 0011's
``console_take_place`` alone in its transaction, as ``add_to_cart`` sends it for the
public site.

Where the time goes, per transaction (means, ms): the answer as the client saw it =
``db`` (time inside SQL statements, commit included: ``console.db.timing``) + ``python``
(the rest of the server's handling, or of the in-process call) + ``http`` (through the
server only: the client's time minus the server's own, from its ``Server-Timing``
header — TLS, HTTP parsing, the wire codec both ways, the loopback). ``lock``: how long a
transaction held the activity's row lock (from its ``FOR UPDATE`` answered to its commit
sent).

    uv run python benchmarks/seats.py [--url postgresql+psycopg://…/postgres]
                                      [--clients 8] [--seconds 5] [--crowd 50]
                                      [--modes site,agent,server] [--workers 1]
                                      [--pool 5 --overflow 9]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import Queue
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import insert, literal, select, text
from sqlalchemy.engine import make_url

from benchmarks import seat_sql
from benchmarks.support import BENCH_PASSWORD, console_server, recreate_database
from console.db import timing
from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import (
    Account,
    Activity,
    Borough,
    CallVerification,
    Household,
    Member,
    Season,
)
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.errors import Busy, ConsoleError, NotFound, Refused
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services import staff_auth
from console.services.carts import add_to_cart
from console.services.context import ServiceContext

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ACTIVITIES = 200
CAPACITY = 25  # a real course: once full, a seat-taking transaction waitlists
SLICE = 12000  # families per run (a run of 5 s at 2 000 a second): none is asked twice
MODES = ("site", "agent", "server")
LABELS = {"site": "in process, site", "agent": "in process, agent", "server": "server, agent"}


def _recreate(admin_url: str, name: str) -> str:
    """A fresh, empty database ``name`` on the server ``admin_url`` names, made through
    that admin connection, else ``postgres`` or ``test`` (a fresh machine may lack one)."""
    admin = make_url(admin_url)
    url = admin.set(database=name).render_as_string(hide_password=False)
    recreate_database(url, admin=admin.database)
    return url


def _seed(db: Database, families: int) -> tuple[list[int], list[tuple[int, int]]]:
    """200 activities and ``families`` households of one responsible member each (born in
    2015: of an age for every activity). Core inserts: seconds, where the ORM took a
    minute at this size."""
    now = SystemClock().now()
    with db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="B", name="Banc", starts_on=date(2026, 1, 1), ends_on=date(2099, 12, 31)
        )
        activities = [
            Activity(
                code=f"B-{i}",
                title=f"Banc {i}",
                title_key=f"banc {i}",
                season=season,
                borough=borough,
                capacity=CAPACITY,
                price_cents=1000,
                schedule="",
            )
            for i in range(ACTIVITIES)
        ]
        s.add_all([borough, season, *activities])
        s.flush()
        accounts = s.scalars(
            insert(Account).returning(Account.id),
            [{"email": f"b{i}@example.ca", "created_at": now} for i in range(families)],
        ).all()
        households = s.scalars(
            insert(Household).returning(Household.id),
            [
                {
                    "number": 100_000 + i,
                    "account_id": account,
                    "borough_id": borough.id,
                    "postal_code": "G1R 4S9",
                    "created_at": now,
                }
                for i, account in enumerate(accounts)
            ],
        ).all()
        members = s.scalars(
            insert(Member).returning(Member.id),
            [
                {
                    "household_id": household,
                    "first_name": "B",
                    "last_name": str(i),
                    "first_name_key": "b",
                    "last_name_key": str(i),
                    "birth_date": date(2015, 1, 1),
                    "relationship": "responsible",
                }
                for i, household in enumerate(households)
            ],
        ).all()
        return [a.id for a in activities], list(zip(households, members, strict=True))


def _staff(db: Database, count: int) -> list[Actor]:
    """``count`` agents who sign in with ``BENCH_PASSWORD``, one per client."""
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(Fernet.generate_key()), clock=SystemClock())
    return [
        staff_auth.add_staff(ctx, f"banc{n}", Role.AGENT, f"Banc {n}", BENCH_PASSWORD)
        for n in range(count)
    ]


def _verify(db: Database, actors: list[Actor], families: list[tuple[int, int]]) -> None:
    """Each client's callers verified by its agent, as at the start of a call (the
    benchmark times the place taken, not the verification)."""
    now = SystemClock().now()
    rows = [
        {
            "staff_id": actors[i % len(actors)].staff_id,
            "household_id": household,
            "at": now,
            "matched": "birth_date,postal_code",
            "passed": True,
        }
        for i, (household, _member) in enumerate(families)
    ]
    with db.write() as s:
        s.execute(insert(CallVerification), rows)


@dataclass(frozen=True)
class Job:
    """What one client process is told."""

    mode: str
    url: str
    server_url: str
    ca_file: str
    clients: int
    seconds: float
    activities: list[int]
    families: list[tuple[int, int]]
    hot: bool
    actors: list[Actor]


@dataclass
class Figures:
    """One client's figures. Per answered transaction (a place or the waitlist), in
    seconds: the answer as the client saw it, the time inside SQL, the server's own
    time (through the server), the row lock's."""

    done: int = 0
    busy: int = 0
    refused: int = 0
    errors: int = 0
    answers: list[float] = field(default_factory=list)
    db: list[float] = field(default_factory=list)
    app: list[float] = field(default_factory=list)
    lock: list[float] = field(default_factory=list)


def _caller(job: Job, n: int, figures: Figures) -> tuple[Callable[[int, int, int], None], Any]:
    """The client's call, which records the SQL, server and lock times of each answer;
    and what to close at the end."""
    if job.mode == "server":
        from console.client.remote import sign_in

        api = sign_in(job.server_url, job.actors[n].username, BENCH_PASSWORD, ca_file=job.ca_file)

        def remote(household: int, member: int, activity: int) -> None:
            api.add_to_cart(household, member, activity, None)
            spent = api.server_timing
            figures.db.append(spent["db"] / 1000)
            figures.app.append(spent["app"] / 1000)
            if "lock" in spent:
                figures.lock.append(spent["lock"] / 1000)

        return remote, api.sign_out

    db = Database(job.url, lock_timeout_ms=3000)
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(Fernet.generate_key()), clock=SystemClock())
    actor = job.actors[n] if job.mode == "agent" else None
    if actor is None:
        # The site's calls take places in one call on a lookup connection (migration
        # 0011): connected before the clock starts; the units-of-work pool connects only
        # if a call needs the statement-by-statement path.
        db.fetch(select(literal(1)), {})
    else:
        with db.engine.connect():
            pass

    def local(household: int, member: int, activity: int) -> None:
        with timing.measured() as spent:
            add_to_cart(ctx, actor, household, member, activity)  # a place or the waitlist
        figures.db.append(spent.seconds)
        if spent.locks:
            figures.lock.append(spent.locked)

    return local, db.dispose


def _client(job: Job, n: int, start: Any) -> Figures:
    """One client's run: its own interpreter and connection, like one agent's console
    (or one web server's worker, for the site)."""
    figures = Figures()
    call, close = _caller(job, n, figures)
    position = n
    start.wait()  # every client connected (signed in) before the clock starts
    stop = time.time() + job.seconds
    while time.time() < stop:
        household, member = job.families[position % len(job.families)]
        activity = job.activities[0 if job.hot else position % len(job.activities)]
        began = time.perf_counter()
        try:
            call(household, member, activity)
            figures.done += 1
            figures.answers.append(time.perf_counter() - began)
        except Busy:
            figures.busy += 1
        except (Refused, NotFound):
            figures.refused += 1  # already holding it (a family asked twice): none should
        except ConsoleError:
            figures.errors += 1
        except Exception as exc:  # counted and shown: a client that dies hangs the run
            figures.errors += 1
            if figures.errors == 1:
                print(f"    client {n}: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
        position += job.clients
    close()
    return figures


def _worker(
    n: int, jobs: Queue[Job | None], barriers: dict[int, Any], results: Queue[Figures]
) -> None:
    """A client process, started once and given one run after another (starting 50
    interpreters for each run took longer than the runs)."""
    while (job := jobs.get()) is not None:
        results.put(_client(job, n, barriers[job.clients]))


class Clients:
    """The client processes, one per client of the largest run."""

    def __init__(self, counts: set[int]) -> None:
        # Forked where the platform can (an interpreter started and the program imported
        # 50 times took a minute on two cores); each opens its own connections, and the
        # parent holds none while it forks (see main).
        spawn: Any = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.results: Queue[Figures] = spawn.Queue()
        # Kept here: a barrier the parent let go of is gone before a child unpickles it.
        self.barriers = {count: spawn.Barrier(count) for count in counts}
        self.queues: list[Queue[Job | None]] = [spawn.Queue() for _ in range(max(counts))]
        self.procs = [
            spawn.Process(target=_worker, args=(n, queue, self.barriers, self.results), daemon=True)
            for n, queue in enumerate(self.queues)
        ]
        for p in self.procs:
            p.start()

    def run(self, job: Job) -> list[Figures]:
        for queue in self.queues[: job.clients]:
            queue.put(job)
        return [self.results.get() for _ in range(job.clients)]

    def close(self) -> None:
        for queue in self.queues:
            queue.put(None)
        for p in self.procs:
            p.join(timeout=10)


@dataclass
class Run:
    per_second: float
    done: int
    busy: int
    refused: int
    errors: int
    p99_ms: float
    lock_ms: float
    answer_ms: float
    db_ms: float
    python_ms: float
    http_ms: float | None


def _p99(values: list[float]) -> float:
    return sorted(values)[int(0.99 * (len(values) - 1))] * 1000 if values else 0.0


def _mean_ms(values: list[float]) -> float:
    return 1000 * statistics.fmean(values) if values else 0.0


def _run(clients: Clients, job: Job) -> Run:
    totals = clients.run(job)
    answers = [a for f in totals for a in f.answers]
    db = [d for f in totals for d in f.db]
    app = [a for f in totals for a in f.app]
    answer_ms, db_ms = _mean_ms(answers), _mean_ms(db)
    served_ms = _mean_ms(app) if app else answer_ms  # the server's time, or the call's
    return Run(
        per_second=sum(f.done for f in totals) / job.seconds,
        done=sum(f.done for f in totals),
        busy=sum(f.busy for f in totals),
        refused=sum(f.refused for f in totals),
        errors=sum(f.errors for f in totals),
        p99_ms=_p99(answers),
        lock_ms=_mean_ms([h for f in totals for h in f.lock]),
        answer_ms=answer_ms,
        db_ms=db_ms,
        python_ms=served_ms - db_ms,
        http_ms=answer_ms - served_ms if app else None,
    )


HEADER = (
    f"  {'':<36} {'tx/s':>6} {'pgbench':>7} {'busy':>5} {'err':>4} {'p99 ms':>7} {'lock':>6}"
    "  | per tx, ms: answer =   db + python + http"
)


def _show(label: str, run: Run, tpcb: float | None) -> None:
    share = f"{100 * run.per_second / tpcb:6.1f}%" if tpcb else f"{'':>7}"
    http = f"{run.http_ms:6.2f}" if run.http_ms is not None else f"{'—':>6}"
    extra = f"  (refused {run.refused})" if run.refused else ""
    print(
        f"  {label:<36} {run.per_second:6.0f} {share} {run.busy:5d} {run.errors:4d}"
        f" {run.p99_ms:7.1f} {run.lock_ms:6.2f}"
        f"  |            {run.answer_ms:6.2f} = {run.db_ms:5.2f} + {run.python_ms:6.2f} + {http}"
        f"{extra}",
        flush=True,
    )


def _pgbench(admin_url: str, clients: int, seconds: int) -> float | None:
    if shutil.which("pgbench") is None:
        return None
    url = _recreate(admin_url, "seatbench_pgbench")
    subprocess.run(
        ["pgbench", "-i", "-q", *seat_sql.connection_args(url), make_url(url).database or ""],
        check=True,
        capture_output=True,
    )
    return seat_sql.pgbench_tps(url, clients, seconds)


def _sql_alone(admin_url: str, clients: int, seconds: int, tpcb: float | None) -> None:
    """The same seat-taking transaction as a pgbench script (:mod:`benchmarks.seat_sql`):
    PostgreSQL's ceiling for it on this server, on a database of its own."""
    url = _recreate(admin_url, "seatbench_sql")
    db = Database(url)
    upgrade(db.engine)
    activities, families = _seed(db, SLICE)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    db.dispose()
    members = [member for _household, member in families]
    runs = [
        (f"{ACTIVITIES} activities, SQL alone", False, False),
        ("one hot activity, SQL alone", True, False),
        (f"{ACTIVITIES} activities, SQL, one call", False, True),
        ("one hot activity, SQL, one call", True, True),
    ]
    for label, hot, one_call in runs:
        tps = seat_sql.run(
            url,
            clients,
            seconds,
            members=members[: len(members) // 2] if not one_call else members[len(members) // 2 :],
            activities=activities,
            hot=hot,
            one_call=one_call,
        )
        if tps is None:
            print("  (no pgbench here: the SQL-alone ceiling is not measured)")
            return
        share = f"{100 * tps / tpcb:6.1f}%" if tpcb else ""
        print(f"  {label:<36} {tps:6.0f} {share}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="an admin connection to the server")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=5, help="per run (9 runs by default)")
    parser.add_argument(
        "--crowd", type=int, default=50, help="clients on the hot activity at opening (0: skip)"
    )
    parser.add_argument(
        "--modes", default=",".join(MODES), help="site (in process), agent (in process), server"
    )
    parser.add_argument("--workers", type=int, default=1, help="console serve --workers")
    parser.add_argument("--pool", type=int, default=None, help="the server's db_pool_size")
    parser.add_argument("--overflow", type=int, default=None, help="the server's db_max_overflow")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {sorted(unknown)}")
    scenarios = [(f"{ACTIVITIES} activities", args.clients, False)]
    scenarios.append(("one hot activity", args.clients, True))
    if args.crowd:
        scenarios.append((f"hot, {args.crowd} clients", args.crowd, True))
    began = time.monotonic()
    url = _recreate(args.url, "seatbench")
    db = Database(url)
    upgrade(db.engine)
    activities, families = _seed(db, SLICE * len(scenarios) * len(modes))
    actors = _staff(db, max(n for _l, n, _h in scenarios))
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    print(f"seeded in {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(
        f"PostgreSQL, {args.clients} clients ({args.crowd} in the crowd), {args.seconds} s per"
        f" run; load average {load[0]:.2f} {load[1]:.2f} on {os.cpu_count()} cores",
        flush=True,
    )
    tpcb = _pgbench(args.url, args.clients, args.seconds)
    print(f"  {'pgbench TPC-B-like (built-in)':<36} {tpcb or 0:6.0f}")
    _sql_alone(args.url, args.clients, args.seconds, tpcb)
    print(HEADER)
    with ExitStack() as stack:
        server_url = ca_file = ""
        if "server" in modes:
            settings: dict[str, object] = {}
            if args.pool is not None:
                settings["db_pool_size"] = args.pool
            if args.overflow is not None:
                settings["db_max_overflow"] = args.overflow
            server = stack.enter_context(
                console_server(url, extra_args=("--workers", str(args.workers)), settings=settings)
            )
            server_url, ca_file = server.url, str(server.certificates.ca_file)
        db.dispose()  # no connection of the parent's in a forked client
        clients_ = Clients({n for _l, n, _h in scenarios})  # after the server: both start
        stack.callback(clients_.close)
        print(f"clients and server up at {time.monotonic() - began:.0f} s", file=sys.stderr)
        run = 0
        for label, clients, hot in scenarios:
            for mode in modes:
                mine = families[run * SLICE : (run + 1) * SLICE]
                mine = mine[: len(mine) - len(mine) % clients]  # each family has one client
                run += 1
                started = time.monotonic()
                if mode != "site":
                    _verify(db, actors[:clients], mine)
                job = Job(
                    mode,
                    url,
                    server_url,
                    ca_file,
                    clients,
                    args.seconds,
                    activities,
                    mine,
                    hot,
                    actors[:clients],
                )
                _show(
                    f"{label}, {LABELS[mode]}",
                    _run(clients_, job),
                    tpcb if clients == args.clients else None,
                )
                print(f"    ({time.monotonic() - started:.1f} s)", file=sys.stderr)
    db.dispose()
    if "server" in modes:
        pool = args.pool if args.pool is not None else 5
        overflow = args.overflow if args.overflow is not None else 9
        print(
            f"  server: {args.workers} worker(s), units-of-work pool {pool} + {overflow}"
            " overflow per worker"
        )
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.2f}; {time.monotonic() - began:.0f} s in all")


if __name__ == "__main__":
    main()
