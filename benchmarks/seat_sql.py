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

``one_call``: the same work under the lock — the lock, the count, the hold in a new cart
or the waitlist entry — as one PL/pgSQL function call (made in the benchmark's database
only), so the lock is held for one round trip and the commit. It leaves out what the site's
common path never does (the refusal's offer lookup, giving back dead holds, sending offers,
an agent's journal entry and open cart): the ceiling of moving the critical section into
the database, not a second implementation of it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url

from console.services import places


def _count_sql() -> str:
    """The service's seat-taking read, with pgbench variables for its parameters."""
    compiled = places._HOLDING_AND_COUNT.compile(dialect=postgresql.dialect())
    sql = str(compiled)
    variables = {"member_id": ":m", "activity_id": ":a", "now": "now()", "waiting_bound": ":bound"}
    for name, value in compiled.params.items():
        if name in variables:
            continue
        literal = "'" + str(value).replace("'", "''") + "'" if isinstance(value, str) else value
        sql = re.sub(rf"%\({re.escape(name)}\)s(::[A-Z ]+)?", str(literal), sql)
    for name, value in variables.items():
        sql = re.sub(rf"%\({name}\)s(::[A-Z ]+)?", value, sql)
    # IN-lists rendered at run time: the open waitlist states.
    sql = re.sub(r"IN \(__\[POSTCOMPILE_\w+\]\)", "IN ('waiting', 'offered')", sql)
    if "%(" in sql or "POSTCOMPILE" in sql:
        raise RuntimeError(f"an unbound parameter is left in the seat-taking read:\n{sql}")
    return " ".join(sql.split())


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


def one_call_function() -> str:
    """A PL/pgSQL function doing what the transaction does under the lock — the lock, the
    count, then the hold or the waitlist entry — so that it is one round trip under the
    lock, then the commit: the ceiling of the next step (not the product's code)."""
    count = (
        _count_sql()
        .replace(":m", "p_member")
        .replace(":a", "p_activity")
        .replace(":bound", "p_bound")
    )
    decide = _DECIDE.format(count=count)
    return f"""
CREATE OR REPLACE FUNCTION seat_sql_take(p_member int, p_activity int, p_household int,
                                         p_number int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    p_bound int;
    v_free int;
    v_holding int;
    v_cart int;
BEGIN
    SELECT capacity + 1 INTO p_bound FROM activity WHERE id = p_activity FOR UPDATE;
    {decide}
        INTO v_free, v_holding;
    IF v_holding = 1 THEN
        RETURN 'holding';
    ELSIF v_free > 0 THEN
        {_NEW_CART.format(number="nextval('cart_number_seq')", hn="p_number", h="p_household")}
            RETURNING id INTO v_cart;
        {_HELD_ITEM.format(cart="v_cart", m="p_member", a="p_activity")};
        RETURN 'place';
    END IF;
    {_JOIN_WAITLIST.format(a="p_activity", m="p_member", h="p_household")};
    RETURN 'waitlist';
END
$$;
"""


def script(
    members: int,
    first_member: int,
    activities: int,
    first_activity: int,
    *,
    hot: bool,
    one_call: bool = False,
) -> str:
    """The pgbench script of one seat-taking transaction (``one_call``: its work under
    the lock as one call of :func:`one_call_function`'s function)."""
    count = _count_sql()
    activity = (
        f"\\set a {first_activity}"
        if hot
        else f"\\set a {first_activity} + random(0, {activities - 1})"
    )
    decide = _DECIDE.format(count=count) + " \\gset"
    start = [
        f"SELECT (nextval('seat_sql_member') % {members}) + {first_member} AS m \\gset",
        activity,
        "BEGIN;",
        "SET LOCAL lock_timeout = 3000;",
        "SELECT h.id AS h, h.number AS hn FROM household h JOIN member m"
        " ON m.household_id = h.id JOIN activity a ON a.id = :a"
        " WHERE m.id = :m AND m.removed_at IS NULL \\gset",
    ]
    if one_call:
        return "\n".join([*start, "SELECT seat_sql_take(:m, :a, :h, :hn);", "COMMIT;"])
    return "\n".join(
        [
            *start,
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
            "DROP SEQUENCE IF EXISTS seat_sql_member; CREATE SEQUENCE seat_sql_member;"
            + (one_call_function() if one_call else ""),
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
