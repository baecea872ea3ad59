"""Places taken in one call: the seat-taking transaction's work under the activity's lock
as one PostgreSQL function

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

At registration opening every family reaches for the same row lock, so the time a
transaction holds it sets how many families one activity serves per second (issue 14).
Sent statement by statement, the work under the lock — the count, then the hold or the
waitlist entry — costs a round trip each and the client's time between them, while every
other family waits. ``console_take_place`` does that work in the database: it locks the
activity, counts with the services' own statement (``places._HOLDING_AND_COUNT``,
embedded below as ``places.plpgsql_text`` renders it; a test compares the two), and writes
the new cart and its held item, or the waitlist entry at the end of the line. Sent alone,
with its settings, in one implicit transaction, it holds the lock for the server's own
work and the commit, and no round trip.

It takes only the common path, and writes nothing when the path is not common: the
member already holds the activity (a refusal), dead holds must be given back first
(``places.make_room``), or free places must first be offered to the line. It then answers
``other`` and the services take the whole transaction statement by statement, as before
(and as they always do on SQLite). The rule is the services': what to count and how to
decide is theirs, the function only runs it where the lock is.

The database's bounds (migration 0010) hold for its writes as for any other: the
capacity trigger checks at commit, the unique index refuses a second held item.
Invoker's rights, schema-qualified names and a fixed ``search_path`` (a temporary table
named ``activity`` must not be what it counts); executed by the owner and, once
``console db roles`` grants it, by the server role only.

**Plans that do not depend on the statistics.** PL/pgSQL keeps the plan of each
statement for the session, and a plan made while a table was small (a new season, a fresh
database) chose sequential scans that grew with the table: at a fresh opening the call
took 4 ms under the lock instead of 0.5. Every statement here is a lookup by key, so the
function (and migration 0010's commit-time check) runs with ``enable_seqscan = off``. The
partial unique indexes on held items and on confirmed registrations now lead with
``activity_id``: they were (member, activity), and a planner counting an activity's held
items could pick one and read it whole; now it is exactly the rows counted. (The open
waitlist entries' index keeps its order: led by the activity it would hold the whole line,
waiting and offered, and the count of offers read it all, under the lock, at an opening.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNATURE = (
    "console_take_place(integer, integer, integer, integer, integer, text,"
    " timestamp with time zone, interval)"
)
CAPACITY = "console_within_capacity()"  # migration 0010's commit-time check

# The services' count under the lock (places._HOLDING_AND_COUNT), as
# places.plpgsql_text renders it with p_member, p_activity, v_now and v_bound; its
# columns: id, capacity, confirmed, live holds, checkout holds, open offers, people
# waiting (counted to v_bound), registered, holding cart number, waitlisted, a dead held
# item of the member, held items of the activity (live or dead).
COUNT = (
    "SELECT public.activity.id, public.activity.capacity, (SELECT count(*) AS count_1 "
    "FROM public.registration WHERE public.registration.activity_id = public.activity.id "
    "AND public.registration.state = 'confirmed') AS anon_1, (SELECT count(*) AS count_2 "
    "FROM public.cart_item WHERE public.cart_item.activity_id = public.activity.id AND "
    "public.cart_item.state = 'held' AND (SELECT CASE WHEN (public.cart.state = 'open') "
    "THEN public.cart.hold_expires_at END AS anon_3 FROM public.cart WHERE public.cart.id"
    " = public.cart_item.cart_id) > v_now) AS anon_2, (SELECT count(*) AS count_3 FROM "
    "public.cart_item WHERE public.cart_item.activity_id = public.activity.id AND "
    "public.cart_item.state = 'held' AND ((SELECT CASE WHEN (public.cart.state = "
    "'checkout') THEN public.cart.checkout_locked_until END AS anon_5 FROM public.cart "
    "WHERE public.cart.id = public.cart_item.cart_id) > v_now OR (SELECT "
    "public.cart.state FROM public.cart WHERE public.cart.id = public.cart_item.cart_id) "
    "= 'checkout' AND (EXISTS (SELECT * FROM public.payment WHERE public.payment.cart_id "
    "= public.cart_item.cart_id AND public.payment.status = 'pending')))) AS anon_4, "
    "(SELECT count(*) AS count_4 FROM public.waitlist_entry WHERE "
    "public.waitlist_entry.activity_id = public.activity.id AND "
    "public.waitlist_entry.state = 'offered' AND public.waitlist_entry.offer_expires_at >"
    " v_now) AS anon_6, (SELECT count(*) AS count_5 FROM (SELECT public.waitlist_entry.id"
    " AS id FROM public.waitlist_entry WHERE public.waitlist_entry.activity_id = "
    "p_activity AND public.waitlist_entry.state = 'waiting' LIMIT v_bound) AS anon_8) AS "
    "anon_7, EXISTS (SELECT public.registration.id FROM public.registration WHERE "
    "public.registration.member_id = p_member AND public.registration.activity_id = "
    "p_activity AND public.registration.state = 'confirmed') AS anon_9, (SELECT (SELECT "
    "public.cart.number FROM public.cart WHERE public.cart.id = public.cart_item.cart_id "
    "AND (public.cart.state = 'open' AND public.cart.hold_expires_at > v_now OR "
    "public.cart.state = 'checkout' AND (public.cart.checkout_locked_until > v_now OR "
    "(EXISTS (SELECT * FROM public.payment WHERE public.payment.cart_id = public.cart.id "
    "AND public.payment.status = 'pending'))))) AS anon_11 FROM public.cart_item WHERE "
    "public.cart_item.member_id = p_member AND public.cart_item.activity_id = p_activity "
    "AND public.cart_item.state = 'held' AND (SELECT public.cart.number FROM public.cart "
    "WHERE public.cart.id = public.cart_item.cart_id AND (public.cart.state = 'open' AND "
    "public.cart.hold_expires_at > v_now OR public.cart.state = 'checkout' AND "
    "(public.cart.checkout_locked_until > v_now OR (EXISTS (SELECT * FROM public.payment "
    "WHERE public.payment.cart_id = public.cart.id AND public.payment.status = "
    "'pending'))))) IS NOT NULL LIMIT 1) AS anon_10, EXISTS (SELECT "
    "public.waitlist_entry.id FROM public.waitlist_entry WHERE "
    "public.waitlist_entry.member_id = p_member AND public.waitlist_entry.activity_id = "
    "p_activity AND public.waitlist_entry.state IN ('waiting', 'offered')) AS anon_12, "
    "EXISTS (SELECT public.cart_item.id FROM public.cart_item WHERE "
    "public.cart_item.member_id = p_member AND public.cart_item.activity_id = p_activity "
    "AND public.cart_item.state = 'held' AND (SELECT public.cart.number FROM public.cart "
    "WHERE public.cart.id = public.cart_item.cart_id AND (public.cart.state = 'open' AND "
    "public.cart.hold_expires_at > v_now OR public.cart.state = 'checkout' AND "
    "(public.cart.checkout_locked_until > v_now OR (EXISTS (SELECT * FROM public.payment "
    "WHERE public.payment.cart_id = public.cart.id AND public.payment.status = "
    "'pending'))))) IS NULL) AS anon_13, (SELECT count(*) AS count_6 FROM "
    "public.cart_item WHERE public.cart_item.activity_id = p_activity AND "
    "public.cart_item.state = 'held') AS anon_14 FROM public.activity WHERE "
    "public.activity.id = p_activity"
)

_FUNCTION = f"""
CREATE FUNCTION public.console_take_place(
    p_household integer, p_member integer, p_activity integer, p_owner integer,
    p_price integer, p_channel text, p_now timestamp with time zone, p_hold interval,
    OUT taken text, OUT new_cart integer, OUT new_cart_number bigint, OUT new_item integer,
    OUT new_entry integer, OUT new_position double precision, OUT locked_ms double precision)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
DECLARE
    v_bound integer;
    c record;
    v_real integer;
    v_locked timestamp with time zone;
    v_now timestamp with time zone;
BEGIN
    SELECT a.capacity + 1 INTO v_bound FROM public.activity AS a WHERE a.id = p_activity
        FOR UPDATE;
    IF NOT FOUND THEN
        taken := 'other';
        RETURN;
    END IF;
    v_locked := clock_timestamp();
    -- The services read their clock once the lock is had: p_now, the call's moment on
    -- their clock, moved on by the time this call waited for the lock. A hold or an
    -- offer that ran out meanwhile no longer counts, as statement by statement.
    v_now := p_now + greatest(interval '0', v_locked - statement_timestamp());
    SELECT * INTO c FROM ({COUNT}) AS counted(id, capacity, confirmed, live, checkout,
        offers, waiting, registered, in_cart, waitlisted, dead, held_rows);
    IF c.registered OR c.in_cart IS NOT NULL OR c.waitlisted THEN
        taken := 'other';  -- already theirs: the services refuse, saying which
        RETURN;
    END IF;
    v_real := greatest(0, c.capacity - c.confirmed - c.live - c.checkout - c.offers);
    IF v_real - c.waiting > 0 THEN  -- free for a newcomer: the line is served first
        IF c.dead OR c.confirmed + c.held_rows + 1 > c.capacity THEN
            taken := 'other';  -- dead holds to give back first (places.make_room)
            RETURN;
        END IF;
        INSERT INTO public.cart (number, owner_number, household_id, state, created_at,
                                 updated_at, hold_expires_at, extension_used, channel)
            VALUES (nextval('public.cart_number_seq'), p_owner, p_household, 'open', p_now,
                    p_now, p_now + p_hold, false, p_channel)
            RETURNING id, number INTO new_cart, new_cart_number;
        INSERT INTO public.cart_item (cart_id, member_id, activity_id, price_cents, state,
                                      added_at)
            VALUES (new_cart, p_member, p_activity, p_price, 'held', p_now)
            RETURNING id INTO new_item;
        taken := 'place';
    ELSIF v_real > 0 THEN
        taken := 'other';  -- places to offer to the line first (waitlist.offer_free_places)
    ELSE
        INSERT INTO public.waitlist_entry (activity_id, member_id, household_id, position,
                                           state, created_at)
            SELECT p_activity, p_member, p_household,
                   coalesce(floor(max(w.position)), 0) + 1, 'waiting', p_now
              FROM public.waitlist_entry AS w WHERE w.activity_id = p_activity
            RETURNING id, position INTO new_entry, new_position;
        taken := 'waitlist';
    END IF;
    -- How long the row lock was held until the commit began (the benchmark shows it).
    locked_ms := 1000 * extract(epoch FROM clock_timestamp() - v_locked);
END
$$
"""


# The partial unique indexes, activity first: (table, index, its rows).
UNIQUE_BY_ACTIVITY = (
    ("cart_item", "uq_cart_item_member_activity_held", "state = 'held'"),
    ("registration", "uq_registration_member_activity_confirmed", "state = 'confirmed'"),
)


def _unique_indexes(columns: list[str]) -> None:
    for table, index, where in UNIQUE_BY_ACTIVITY:
        op.drop_index(index, table_name=table)
        op.create_index(
            index,
            table,
            columns,
            unique=True,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


def upgrade() -> None:
    _unique_indexes(["activity_id", "member_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    # Migration 0010's commit-time check plans its counts the same way.
    op.execute(f"ALTER FUNCTION public.{CAPACITY} SET enable_seqscan = off")
    # Nobody but its owner until ``console db roles`` grants it to the server.
    op.execute(f"REVOKE ALL ON FUNCTION public.{SIGNATURE} FROM PUBLIC")


def downgrade() -> None:
    _unique_indexes(["member_id", "activity_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER FUNCTION public.{CAPACITY} RESET enable_seqscan")
        op.execute(f"DROP FUNCTION public.{SIGNATURE}")
