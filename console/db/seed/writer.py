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
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from console.db.models import Base

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
    # The deferred checks (the capacity bound, migration 0010) run now: a table with
    # pending trigger events cannot be altered, and the load is checked before it ends.
    session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
    for table, name, definition in keys:
        session.execute(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
