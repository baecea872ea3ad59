"""Seat-taking transactions per second on PostgreSQL, beside pgbench's TPC-B-like figure.

Each client is its own process with its own connection, calling the real service
``add_to_cart`` (one transaction: lock the activity row, count the real remaining
places, insert the hold, or join the waitlist). Two runs: places spread over many
activities, then every client on one hot activity (all waiting on the same row lock).
pgbench then runs its built-in TPC-B-like script on a scratch database on the same
server with the same client count.

    uv run python benchmarks/seats.py [--url postgresql+psycopg://…/postgres]
                                      [--clients 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import Queue
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from benchmarks.support import recreate_database
from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import Account, Activity, Borough, Household, Member, Season
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.errors import Busy, Refused
from console.services.carts import add_to_cart
from console.services.context import ServiceContext

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ACTIVITIES = 200
CAPACITY = 25  # a real course: once full, a seat-taking transaction waitlists
MEMBERS = 4000


def _recreate(admin_url: str, name: str) -> str:
    """A fresh, empty database ``name`` on the server ``admin_url`` names, made through
    that admin connection, else ``postgres`` or ``test`` (a fresh machine may lack one)."""
    admin = make_url(admin_url)
    url = admin.set(database=name).render_as_string(hide_password=False)
    recreate_database(url, admin=admin.database)
    return url


def _seed(db: Database) -> tuple[list[int], list[tuple[int, int]]]:
    now = SystemClock().now()
    with db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="B", name="Banc", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
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
        members = []
        for i in range(MEMBERS):
            account = Account(email=f"b{i}@example.ca", created_at=now)
            household = Household(
                number=100_000 + i,
                account=account,
                borough=borough,
                postal_code="G1R 4S9",
                created_at=now,
            )
            members.append(
                Member(
                    household=household,
                    first_name="B",
                    last_name=str(i),
                    first_name_key="b",
                    last_name_key=str(i),
                    birth_date=date(2015, 1, 1),
                    relationship="responsible",
                )
            )
            s.add_all([account, household])
        s.add_all(members)
        s.flush()
        return [a.id for a in activities], [(m.household_id, m.id) for m in members]


@dataclass
class Figures:
    """One client's figures: answers, "busy" answers, each answer's time, and the time
    its transactions held the activity's row lock (from ``FOR UPDATE`` to the commit)."""

    done: int = 0
    busy: int = 0
    answers: list[float] = field(default_factory=list)
    lock_held: list[float] = field(default_factory=list)


def _time_locks(db: Database, figures: Figures) -> None:
    """Time each transaction from its ``FOR UPDATE`` to its commit or rollback."""

    def _executed(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FOR UPDATE" in statement and "locked_at" not in conn.info:
            conn.info["locked_at"] = time.perf_counter()

    def _ended(conn: Any) -> None:
        locked_at = conn.info.pop("locked_at", None)
        if locked_at is not None:
            figures.lock_held.append(time.perf_counter() - locked_at)

    # PostgreSQL: reads and writes share one engine.
    event.listen(db.engine, "after_cursor_execute", _executed)
    event.listen(db.engine, "commit", _ended)
    event.listen(db.engine, "rollback", _ended)


def _client(
    url: str,
    n: int,
    clients: int,
    start: Any,
    seconds: float,
    activities: list[int],
    members: list[tuple[int, int]],
    hot: bool,
    results: Queue[Figures],
) -> None:
    """One client process: its own interpreter and connection, like one agent's console."""
    db = Database(url, lock_timeout_ms=3000)
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(Fernet.generate_key()), clock=SystemClock())
    figures = Figures()
    _time_locks(db, figures)
    with db.engine.connect():
        pass
    i = n
    start.wait()  # every client connected before the clock starts
    stop = time.time() + seconds
    while time.time() < stop:
        household, member = members[i % len(members)]
        activity = activities[0] if hot else activities[(i // len(members) + n) % len(activities)]
        began = time.perf_counter()
        try:
            add_to_cart(ctx, None, household, member, activity)  # a place or the waitlist
            figures.done += 1
            figures.answers.append(time.perf_counter() - began)
        except Busy:
            figures.busy += 1
        except Refused:
            pass  # this member already holds the activity: the next one will not
        i += clients
    db.dispose()
    results.put(figures)


@dataclass
class Run:
    per_second: float
    busy: int
    p99_ms: float
    lock_ms: float  # mean time the activity's row lock was held per transaction


def _p99(values: list[float]) -> float:
    return sorted(values)[int(0.99 * (len(values) - 1))] * 1000 if values else 0.0


def _run(
    url: str,
    clients: int,
    seconds: float,
    activities: list[int],
    members: list[tuple[int, int]],
    hot: bool,
) -> Run:
    spawn = mp.get_context("spawn")
    results: Queue[Figures] = spawn.Queue()
    start = spawn.Barrier(clients)
    procs = [
        spawn.Process(
            target=_client,
            args=(url, n, clients, start, seconds, activities, members, hot, results),
        )
        for n in range(clients)
    ]
    for p in procs:
        p.start()
    totals = [results.get() for _ in procs]
    for p in procs:
        p.join()
    answers = [a for f in totals for a in f.answers]
    held = [h for f in totals for h in f.lock_held]
    return Run(
        per_second=sum(f.done for f in totals) / seconds,
        busy=sum(f.busy for f in totals),
        p99_ms=_p99(answers),
        lock_ms=1000 * sum(held) / len(held) if held else 0.0,
    )


def _show(label: str, run: Run, tpcb: float | None) -> None:
    share = f"{100 * run.per_second / tpcb:5.1f} % of pgbench" if tpcb else ""
    print(
        f"  {label:<34} {run.per_second:7.0f} tx/s  {share}  busy={run.busy}"
        f"  p99 answer={run.p99_ms:6.1f} ms  lock held={run.lock_ms:5.2f} ms/tx"
    )


def _pgbench(admin_url: str, clients: int, seconds: int) -> float | None:
    if shutil.which("pgbench") is None:
        return None
    url = make_url(_recreate(admin_url, "seatbench_pgbench"))
    env_args = [
        "-h",
        url.host or "127.0.0.1",
        "-p",
        str(url.port or 5432),
        "-U",
        url.username or "postgres",
    ]
    subprocess.run(
        ["pgbench", "-i", "-q", *env_args, url.database or ""], check=True, capture_output=True
    )
    out = subprocess.run(
        [
            "pgbench",
            "-c",
            str(clients),
            "-j",
            str(clients),
            "-T",
            str(seconds),
            *env_args,
            url.database or "",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out)
    return float(match.group(1)) if match else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="an admin connection to the server")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--crowd", type=int, default=50, help="clients on the hot activity at opening (0: skip)"
    )
    args = parser.parse_args()
    url = _recreate(args.url, "seatbench")
    db = Database(url)
    upgrade(db.engine)
    activities, members = _seed(db)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    db.dispose()
    load = os.getloadavg()
    print(f"PostgreSQL, {args.clients} clients, {args.seconds} s each; load average {load[0]:.2f}")
    tpcb = _pgbench(args.url, args.clients, args.seconds)
    print(f"  {'pgbench TPC-B-like (built-in)':<34} {tpcb or 0:7.0f} tx/s")
    spread = _run(url, args.clients, args.seconds, activities, members, hot=False)
    _show(f"add_to_cart, {ACTIVITIES} activities", spread, tpcb)
    hot = _run(url, args.clients, args.seconds, activities, members, hot=True)
    _show("add_to_cart, one hot activity", hot, tpcb)
    if args.crowd:
        crowd = _run(url, args.crowd, args.seconds, activities, members, hot=True)
        _show(f"add_to_cart, hot, {args.crowd} clients", crowd, None)


if __name__ == "__main__":
    main()
