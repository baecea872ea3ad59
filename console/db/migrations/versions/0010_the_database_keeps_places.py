"""The database keeps the places: one held item per member and activity, and no activity
past its capacity, whoever writes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Two rules the services kept alone until now are kept by the database too, so a bug in a
writer, the public site or a session with ``psql`` cannot break them (issue 14):

- **One held item per member and activity**: a partial unique index on
  ``cart_item (member_id, activity_id) WHERE state = 'held'`` (both dialects). An item
  whose cart no longer holds places (its hold ran out, not yet swept) is still ``held``
  until something releases it: the cart service releases the member's dead items before
  it holds a new one (``places.make_room``).
- **Capacity** (PostgreSQL): at commit, a deferred constraint trigger locks the activity's
  row and refuses the transaction if its confirmed registrations plus its ``held`` items
  exceed its capacity. The bound counts every ``held`` item, dead ones too, so it needs no
  clock: it is the services' rule (which counts only live holds and offers) made
  stricter, and the cart service gives dead items back before it takes the last places.
  The check counts with a fresh snapshot, so it refuses a place-taking write made in a
  REPEATABLE READ or SERIALIZABLE transaction (whose count would miss what committed
  meanwhile); the services write in READ COMMITTED. SQLite, the one-writer embedded
  database, keeps the services' rule alone. The check reads only schema-qualified names
  under a fixed ``search_path`` (a temporary table named ``activity`` would otherwise be
  what it counts), checks an activity inserted as well as one updated (deleted and
  inserted again with a smaller capacity in one statement), and never passes without a
  count (the row it waited on deleted meanwhile: ``serialization_failure``, "busy").
  Migration 0006's journal guard gets the same qualified names.

Existing data: duplicate ``held`` items of one member and activity (possible before, when
a cart whose checkout lock ran out came back beside a newer hold) are released, the newest
kept, so the index can be built. Capacity is checked from the next write of an activity on.

And for the seat-taking transaction's time under the lock: an index on the waitlist's
``(activity_id, position)``, so the end of a long line is one index step.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_cart_item_member_activity_held"
WAITLIST_END = "ix_waitlist_activity_position"
FUNCTION = "console_within_capacity()"
TRIGGERS = {
    "cart_item": "cart_item_within_capacity",
    "registration": "registration_within_capacity",
    "activity": "activity_within_capacity",
}

# Every name schema-qualified and the path fixed: a role may create temporary tables, and
# PostgreSQL looks in the session's temporary schema first — a temporary ``activity``
# would otherwise be what the check reads (found by the psql attack review).
_FUNCTION = """
CREATE FUNCTION console_within_capacity() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    target integer;
    places integer;
    taken integer;
BEGIN
    IF TG_TABLE_NAME = 'activity' THEN
        target := NEW.id;
    ELSIF TG_TABLE_NAME = 'cart_item' AND NEW.state <> 'held' THEN
        RETURN NULL;
    ELSIF TG_TABLE_NAME = 'registration' AND NEW.state <> 'confirmed' THEN
        RETURN NULL;
    ELSE
        target := NEW.activity_id;
    END IF;
    -- The count below must see what committed before this check began: under REPEATABLE
    -- READ or SERIALIZABLE it would read the transaction's first snapshot, and two such
    -- transactions could each miss the other's place. The services write in READ
    -- COMMITTED; any other place-taking write is refused.
    IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'places are taken in READ COMMITTED transactions only (not %)',
            pg_catalog.current_setting('transaction_isolation')
            USING ERRCODE = 'check_violation', CONSTRAINT = 'within_capacity';
    END IF;
    -- One check at a time per activity; each statement below then reads afresh. NO KEY
    -- UPDATE, not UPDATE: it must not wait on the key-share locks that the rows' foreign
    -- keys take on the activity (two writers would each wait for the other's commit).
    -- The services took FOR UPDATE first, which includes it.
    SELECT a.capacity INTO places FROM public.activity AS a WHERE a.id = target
        FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        -- The row waited on was deleted (and perhaps inserted again): never pass without
        -- a count; the writer may try again (the services answer "busy").
        RAISE EXCEPTION 'activity % changed while its places were checked', target
            USING ERRCODE = 'serialization_failure', CONSTRAINT = 'within_capacity';
    END IF;
    SELECT (SELECT pg_catalog.count(*) FROM public.registration AS r
             WHERE r.activity_id = target AND r.state = 'confirmed')
         + (SELECT pg_catalog.count(*) FROM public.cart_item AS c
             WHERE c.activity_id = target AND c.state = 'held')
      INTO taken;
    IF taken > places THEN
        RAISE EXCEPTION 'activity % over capacity: % places taken of %', target, taken, places
            USING ERRCODE = 'check_violation', CONSTRAINT = 'within_capacity',
                  HINT = 'confirmed registrations plus held cart items may not exceed capacity';
    END IF;
    RETURN NULL;
END
$$
"""

# Migration 0006's journal guard, its catalog read schema-qualified and its path fixed for
# the same reason (a temporary ``pg_class`` would shadow the catalog's).
_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION console_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    owner name;
BEGIN
    SELECT pg_catalog.pg_get_userbyid(c.relowner) INTO owner
        FROM pg_catalog.pg_class AS c WHERE c.oid = TG_RELID;
    IF current_user = owner THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused to role %', TG_TABLE_NAME, TG_OP, current_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = pg_catalog.format(
                  'only the table''s owner (%s) may change or remove entries', owner);
END
$$
"""


def upgrade() -> None:
    bind = op.get_bind()
    # The newest held item of each member and activity stays held; older ones are released.
    bind.execute(
        sa.text(
            "UPDATE cart_item SET state = 'released', released_at = CURRENT_TIMESTAMP,"
            " release_reason = 'duplicate_hold'"
            " WHERE state = 'held' AND EXISTS (SELECT 1 FROM cart_item AS newer"
            " WHERE newer.member_id = cart_item.member_id"
            " AND newer.activity_id = cart_item.activity_id"
            " AND newer.state = 'held' AND newer.id > cart_item.id)"
        )
    )
    op.create_index(
        INDEX,
        "cart_item",
        ["member_id", "activity_id"],
        unique=True,
        sqlite_where=sa.text("state = 'held'"),
        postgresql_where=sa.text("state = 'held'"),
    )
    # The end of the line (a new entry's position), read under the activity's lock, in
    # one index step however long the line: the index by state made it a scan of them all.
    op.create_index(WAITLIST_END, "waitlist_entry", ["activity_id", "position"])
    if bind.dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(_APPEND_ONLY)
    for table, trigger in TRIGGERS.items():
        # An activity is checked when inserted too: deleted and inserted again in one
        # statement, with a smaller capacity, it would pass an UPDATE-only trigger.
        columns = "capacity, id" if table == "activity" else "state, activity_id"
        events = f"INSERT OR UPDATE OF {columns}"
        op.execute(
            f"CREATE CONSTRAINT TRIGGER {trigger} AFTER {events} ON {table}"
            f" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}"
        )


def downgrade() -> None:
    # console_append_only() keeps its qualified names: the same guard, without the hole.
    if op.get_bind().dialect.name == "postgresql":
        for table, trigger in TRIGGERS.items():
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
        op.execute(f"DROP FUNCTION {FUNCTION}")
    op.drop_index(WAITLIST_END, table_name="waitlist_entry")
    op.drop_index(INDEX, table_name="cart_item")
