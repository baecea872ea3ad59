"""Writing generated rows: COPY on PostgreSQL, executemany inserts elsewhere.

The generator produces plain tuples in the column order of the models; only this module
knows how they reach the database. Rows carry explicit ids, so PostgreSQL's id sequences
are moved past them afterwards.

On PostgreSQL a foreign key is checked row by row during COPY, which costs four times the
insert itself (measured: 1 M registrations load in 7 s without their four foreign keys,
27 s with them). So inside the loading transaction the foreign keys of the tables being
filled are set aside and put back, from the catalogue's own definitions, at the end:
putting one back checks every row in a single join. If anything fails, the transaction
rolls back and the constraints were never gone for anyone else.

The capacity bound (migration 0010's deferred triggers) is set aside the same way: run
once per row loaded, its check took the city seed from 65 s to 4 minutes. Its triggers
are disabled inside the loading transaction, before the first row, so no row queues a
check; at the end one count per activity refuses the whole load if any is past its
capacity, and the triggers are enabled again before the commit. Every other session
still sees them enabled (the change is the transaction's until it commits) and waits on
the tables' locks meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from console.db.models import Base
from console.db.roles import CAPACITY_TRIGGERS

Row = tuple[object, ...]


def columns(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in _table(table).columns if c.computed is None)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


class RowWriter(Protocol):
    def write(self, table: str, rows: Sequence[Row]) -> None:
        """Add ``rows`` (tuples in the model's column order) to ``table``."""


class CoreWriter:
    """Executemany through SQLAlchemy Core, so column types (UTC datetimes) apply."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def write(self, table: str, rows: Sequence[Row]) -> None:
        if not rows:
            return
        names = _checked(table, rows)
        self._session.execute(
            insert(_table(table)), [dict(zip(names, r, strict=True)) for r in rows]
        )


class CopyWriter:
    """Binary ``COPY … FROM STDIN`` on the session's own psycopg connection (same transaction).

    Column types come from the database's catalogue, so the binary rows match the
    schema the migrations made.
    """

    def __init__(self, session: Session) -> None:
        self._connection: Any = session.connection().connection.driver_connection
        self._types: dict[str, list[int]] = {}

    def _column_types(self, table: str, names: tuple[str, ...]) -> list[int]:
        types = self._types.get(table)
        if types is None:
            with self._connection.cursor() as cursor:
                cursor.execute(
                    "SELECT attname, atttypid FROM pg_attribute "
                    "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                    (table,),
                )
                oids = {str(name): int(oid) for name, oid in cursor.fetchall()}
            types = self._types[table] = [oids[n] for n in names]
        return types

    def write(self, table: str, rows: Sequence[Row]) -> None:
        if not rows:
            return
        names = _checked(table, rows)
        types = self._column_types(table, names)
        statement = f"COPY {table} ({', '.join(names)}) FROM STDIN (FORMAT BINARY)"
        with self._connection.cursor() as cursor, cursor.copy(statement) as copy:
            copy.set_types(types)
            write_row = copy.write_row
            for row in rows:
                write_row(row)


def _checked(table: str, rows: Sequence[Row]) -> tuple[str, ...]:
    names = columns(table)
    if len(rows[0]) != len(names):
        raise ValueError(f"{table}: rows have {len(rows[0])} values for {len(names)} columns")
    return names


def writer_for(session: Session) -> RowWriter:
    if session.get_bind().dialect.name == "postgresql":
        return CopyWriter(session)
    return CoreWriter(session)


def sync_id_sequences(session: Session, tables: Sequence[str]) -> None:
    """Move each table's id sequence past the largest id written (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        )


@contextmanager
def foreign_keys_checked_at_end(session: Session, tables: Sequence[str]) -> Iterator[None]:
    """PostgreSQL: drop the tables' foreign keys now, re-create (and so check) them at exit."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    found = session.execute(
        text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(:tables) "
            "ORDER BY conrelid::regclass::text, conname"
        ),
        {"tables": list(tables)},
    ).all()
    keys = [(str(t), str(name), str(definition)) for t, name, definition in found]
    for table, name, _definition in keys:
        session.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    yield
    # No deferred check is pending here (a table with pending trigger events cannot be
    # altered): the foreign keys are gone and the capacity triggers were disabled before
    # the first row (capacity_checked_at_end). Were one ever left queued, ALTER TABLE
    # would refuse the load, loudly, rather than run a million checks one by one.
    for table, name, definition in keys:
        session.execute(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))


class OverCapacity(RuntimeError):
    """The load would leave activities past their capacity; the transaction rolls back."""


# Per activity: the places its confirmed registrations and held cart items take, where
# that is more than its capacity — the capacity trigger's own count, for every activity at
# once (migration 0010).
_OVER_CAPACITY = text(
    "SELECT a.id, a.capacity, COALESCE(r.taken, 0) + COALESCE(c.taken, 0) AS taken"
    " FROM activity AS a"
    " LEFT JOIN (SELECT activity_id, count(*) AS taken FROM registration"
    " WHERE state = 'confirmed' GROUP BY activity_id) AS r ON r.activity_id = a.id"
    " LEFT JOIN (SELECT activity_id, count(*) AS taken FROM cart_item"
    " WHERE state = 'held' GROUP BY activity_id) AS c ON c.activity_id = a.id"
    " WHERE COALESCE(r.taken, 0) + COALESCE(c.taken, 0) > a.capacity"
    " ORDER BY a.id"
)


def over_capacity(session: Session) -> list[tuple[int, int, int]]:
    """(activity id, capacity, places taken) of every activity past its capacity."""
    return [(int(a), int(c), int(t)) for a, c, t in session.execute(_OVER_CAPACITY)]


@contextmanager
def capacity_checked_at_end(session: Session) -> Iterator[None]:
    """PostgreSQL: the capacity triggers off for the block, one count for the whole load at
    exit (raising :class:`OverCapacity`), then the triggers on again, all in the session's
    transaction: a failure rolls the switch back with the rows. The session's role must
    own the tables (the seed runs as the owner)."""
    if session.get_bind().dialect.name != "postgresql":
        yield  # SQLite has no capacity trigger: one writer, the services' rule alone
        return
    # Before any row: a row written while its trigger is enabled queues a deferred check,
    # which would then fire at commit and keep ALTER TABLE from enabling it again.
    switch_capacity_triggers(session, on=False)
    yield
    over = over_capacity(session)
    if over:
        shown = "; ".join(f"activity {a}: {t} places taken of {c}" for a, c, t in over[:3])
        more = f" and {len(over) - 3} more" if len(over) > 3 else ""
        which = "1 activity" if len(over) == 1 else f"{len(over)} activities"
        raise OverCapacity(
            f"{which} would be past capacity ({shown}{more}):"
            " confirmed registrations plus held cart items may not exceed it;"
            " nothing was written"
        )
    switch_capacity_triggers(session, on=True)


def switch_capacity_triggers(session: Session, *, on: bool) -> None:
    """Enable or disable the capacity triggers in the session's transaction (PostgreSQL)."""
    verb = "ENABLE" if on else "DISABLE"
    for table, trigger in CAPACITY_TRIGGERS.items():
        session.execute(text(f'ALTER TABLE {table} {verb} TRIGGER "{trigger}"'))
