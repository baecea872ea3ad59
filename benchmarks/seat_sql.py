"""The seat-taking transaction as PostgreSQL alone runs it: a pgbench script of the same
statements ``add_to_cart`` sends, with no Python between them.

It is the ceiling "as fast as PostgreSQL allows" for this transaction on this server — the
same reads, the same row lock, the same count (the services' own compiled statement), the
same inserts and the same commit-time capacity check (migration 0010's trigger) — so that
:mod:`benchmarks.seats` can print, side by side, pgbench's TPC-B-like figure, this ceiling
and the services' figure, and say how much of a transaction is the database's and how much
the client's.

The script, per transaction: read the household, the member and the activity (one
statement, as the service); lock the activity's row; read what holds the member and the
counts (the service's statement, compiled here from :mod:`console.services.places`); then
either a new cart and its held item, or the waitlist entry (the last position, the
insert); commit. Each client takes members from its own sequence, so no member comes twice
before all have come once, as in the Python benchmark.

``one_call``: the product's own one-call path (migration 0011's ``console_take_place``,
which the services use for the public site on PostgreSQL): the read before the lock, then
the function sent alone in its own transaction, so the lock is held for the server's work
and the commit. PostgreSQL's ceiling for the path the Python figures take.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from console.services import places


def _count_sql() -> str:
    """The service's seat-taking read, with pgbench variables for its parameters."""
    variables = {"member_id": ":m", "activity_id": ":a", "now": "now()", "waiting_bound": ":bound"}
    return places.plpgsql_text(places._HOLDING_AND_COUNT, variables)


# The end of the line read by the insert itself, as ``waitlist.join_waitlist`` does.
_JOIN_WAITLIST = (
    "INSERT INTO waitlist_entry (activity_id, member_id, household_id, position, state,"
    " created_at) SELECT {a}, {m}, {h}, coalesce(floor(max(position)), 0) + 1, 'waiting',"
    " now() FROM waitlist_entry WHERE activity_id = {a}"
)
_NEW_CART = (
    "INSERT INTO cart (number, owner_number, household_id, state, created_at, updated_at,"
    " hold_expires_at, extension_used, channel) VALUES ({number}, {hn}, {h}, 'open', now(),"
    " now(), now() + interval '20 minutes', false, 'web')"
)
_HELD_ITEM = (
    "INSERT INTO cart_item (cart_id, member_id, activity_id, price_cents, state, added_at)"
    " VALUES ({cart}, {m}, {a}, 1000, 'held', now())"
)
# The count's columns: 0 id, 1 capacity, 2 confirmed, 3 live, 4 checkout, 5 offers,
# 6 waiting; 7 registered, 8 cart number holding, 9 waitlisted; 10 dead, 11 held rows.
_DECIDE = (
    "SELECT (c.capacity - c.confirmed - c.live - c.checkout - c.offers - c.waiting) AS free,"
    " (c.registered OR c.in_cart IS NOT NULL OR c.waitlisted)::int AS holding"
    " FROM ({count}) AS c(id, capacity, confirmed, live, checkout, offers, waiting,"
    " registered, in_cart, waitlisted, dead, held_rows)"
)
# The services' one call (console.services.carts._TAKE_PLACE), alone in its transaction.
_TAKE_PLACE = (
    "SELECT * FROM console_take_place(:h, :m, :a, :hn, 1000, 'web', now(), interval '20 minutes');"
)


def script(
    members: int,
    first_member: int,
    activities: int,
    first_activity: int,
    *,
    hot: bool,
    one_call: bool = False,
) -> str:
    """The pgbench script of one seat-taking transaction (``one_call``: the read, then
    the services' one call alone in its transaction)."""
    count = _count_sql()
    activity = (
        f"\\set a {first_activity}"
        if hot
        else f"\\set a {first_activity} + random(0, {activities - 1})"
    )
    decide = _DECIDE.format(count=count) + " \\gset"
    member = f"SELECT (nextval('seat_sql_member') % {members}) + {first_member} AS m \\gset"
    read = (
        "SELECT h.id AS h, h.number AS hn FROM household h JOIN member m"
        " ON m.household_id = h.id JOIN activity a ON a.id = :a"
        " WHERE m.id = :m AND m.removed_at IS NULL \\gset"
    )
    if one_call:
        return "\n".join([member, activity, "SET lock_timeout = 3000;", read, _TAKE_PLACE])
    return "\n".join(
        [
            member,
            activity,
            "BEGIN;",
            "SET LOCAL lock_timeout = 3000;",
            read,
            "SELECT id, capacity + 1 AS bound FROM activity WHERE id = :a FOR UPDATE \\gset",
            decide,
            "\\if :holding = 0 and :free > 0",
            "SELECT nextval('cart_number_seq') AS num \\gset",
            _NEW_CART.format(number=":num", hn=":hn", h=":h") + " RETURNING id AS cart \\gset",
            _HELD_ITEM.format(cart=":cart", m=":m", a=":a") + ";",
            "\\elif :holding = 0",
            _JOIN_WAITLIST.format(a=":a", m=":m", h=":h") + ";",
            "\\endif",
            "COMMIT;",
        ]
    )


def connection_args(url: str) -> list[str]:
    """pgbench's and psql's options for the server ``url`` names."""
    target = make_url(url)
    return [
        "-h",
        target.host or "127.0.0.1",
        "-p",
        str(target.port or 5432),
        "-U",
        target.username or "postgres",
    ]


def pgbench_tps(url: str, clients: int, seconds: int, *script: str) -> float:
    """pgbench's transactions per second (without connection time) on the database at
    ``url``, ``clients`` clients for ``seconds``; its built-in TPC-B-like script unless
    ``script`` gives options (``-n -f file``)."""
    done = subprocess.run(
        [
            "pgbench",
            *script,
            "-c",
            str(clients),
            "-j",
            str(clients),
            "-T",
            str(seconds),
            *connection_args(url),
            make_url(url).database or "",
        ],
        capture_output=True,
        text=True,
    )
    match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"pgbench failed:\n{done.stdout}\n{done.stderr}")
    return float(match.group(1))


def run(
    url: str,
    clients: int,
    seconds: int,
    *,
    members: list[int],
    activities: list[int],
    hot: bool,
    one_call: bool = False,
) -> float | None:
    """Transactions per second of the script on the database at ``url`` (None without
    pgbench on this machine)."""
    if shutil.which("pgbench") is None:
        return None
    subprocess.run(
        [
            "psql",
            *connection_args(url),
            "-q",
            "-d",
            make_url(url).database or "",
            "-c",
            "DROP SEQUENCE IF EXISTS seat_sql_member; CREATE SEQUENCE seat_sql_member;",
        ],
        check=True,
        capture_output=True,
    )
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "seat.sql"
        first_member, first_activity = min(members), min(activities)
        if sorted(members) != list(range(first_member, first_member + len(members))):
            raise ValueError("the script takes members by id: they must follow each other")
        text = script(
            len(members), first_member, len(activities), first_activity, hot=hot, one_call=one_call
        )
        path.write_text(text + "\n")
        return pgbench_tps(url, clients, seconds, "-n", "-f", str(path))
