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
import re
import shutil
import subprocess
import time
from datetime import date
from multiprocessing import Queue
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import text
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


def _client(
    url: str,
    n: int,
    clients: int,
    start: Any,
    seconds: float,
    activities: list[int],
    members: list[tuple[int, int]],
    hot: bool,
    results: Queue[tuple[int, int]],
) -> None:
    """One client process: its own interpreter and connection, like one agent's console."""
    db = Database(url, lock_timeout_ms=3000)
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(Fernet.generate_key()), clock=SystemClock())
    with db.engine.connect():
        pass
    done = busy = 0
    i = n
    start.wait()  # every client connected before the clock starts
    stop = time.time() + seconds
    while time.time() < stop:
        household, member = members[i % len(members)]
        activity = activities[0] if hot else activities[(i // len(members) + n) % len(activities)]
        try:
            add_to_cart(ctx, None, household, member, activity)
            done += 1
        except Busy:
            busy += 1
        except Refused:
            pass  # this member already holds the activity: the next one will not
        i += clients
    db.dispose()
    results.put((done, busy))


def _run(
    url: str,
    clients: int,
    seconds: float,
    activities: list[int],
    members: list[tuple[int, int]],
    hot: bool,
) -> tuple[float, int]:
    spawn = mp.get_context("spawn")
    results: Queue[tuple[int, int]] = spawn.Queue()
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
    return sum(d for d, _ in totals) / seconds, sum(b for _, b in totals)


def _pgbench(admin_url: str, clients: int, seconds: int) -> str:
    if shutil.which("pgbench") is None:
        return "pgbench not found"
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
    return f"{float(match.group(1)):.0f}" if match else out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="an admin connection to the server")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    url = _recreate(args.url, "seatbench")
    db = Database(url)
    upgrade(db.engine)
    activities, members = _seed(db)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    db.dispose()
    print(f"PostgreSQL, {args.clients} clients, {args.seconds} s each")
    spread, busy = _run(url, args.clients, args.seconds, activities, members, hot=False)
    print(f"  seat-taking (add_to_cart), {ACTIVITIES} activities: {spread:8.0f} tx/s  busy={busy}")
    hot, busy = _run(url, args.clients, args.seconds, activities, members, hot=True)
    print(f"  seat-taking (add_to_cart), one hot activity: {hot:8.0f} tx/s  busy={busy}")
    tpcb = _pgbench(args.url, args.clients, args.seconds)
    print(f"  pgbench TPC-B-like (built-in):               {tpcb:>8} tx/s")


if __name__ == "__main__":
    main()
