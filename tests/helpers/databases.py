"""Test databases: a migrated SQLite file per test, and one PostgreSQL database per run.

``CONSOLE_TEST_DATABASE_URL`` points at a PostgreSQL server; the run creates its own
database there (``<name>_console_<pid>``), migrates it once, and empties it between tests.
``CONSOLE_TEST_PGBOUNCER_URL`` points at a PgBouncer in transaction pooling in front of that
server: the same database is then reached through it too (its ``*`` entry maps any name).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Index, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateIndex, DropIndex

from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import Base
from console.db.numbers import SEQUENCES
from console.db.roles import CAPACITY_TRIGGERS, ONE_HELD_INDEX

PG_ENV = "CONSOLE_TEST_DATABASE_URL"
PGBOUNCER_ENV = "CONSOLE_TEST_PGBOUNCER_URL"


def pg_base_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def pgbouncer_base_url() -> str | None:
    return os.environ.get(PGBOUNCER_ENV) or None


def sqlite_template(directory: Path) -> Path:
    template = directory / "template.sqlite3"
    if not template.exists():
        db = Database(f"sqlite:///{template}")
        upgrade(db.engine)
        db.dispose()
    return template


def fresh_sqlite(template: Path, target: Path) -> Database:
    shutil.copyfile(template, target)
    return Database(f"sqlite:///{target}", lock_timeout_ms=2000)


class PostgresRun:
    """One database for the whole test run, created, migrated, and dropped at the end."""

    def __init__(self, base_url: str) -> None:
        url = make_url(base_url)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        self.name = f"{url.database}_console_{os.getpid()}"
        self.admin_url = url
        self.url = url.set(database=self.name).render_as_string(hide_password=False)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}"'))
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        admin.dispose()
        db = Database(self.url)
        upgrade(db.engine)
        db.dispose()
        self.tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)

    def url_through(self, base_url: str) -> str:
        """This run's database at another address (a PgBouncer's)."""
        url = make_url(base_url)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url.set(database=self.name).render_as_string(hide_password=False)

    def fresh(self, url: str | None = None, *, pgbouncer: bool = False) -> Database:
        """The run's database emptied, at ``url`` (default: PostgreSQL's own address)."""
        db = Database(url or self.url, lock_timeout_ms=2000, pgbouncer=pgbouncer)
        with db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {self.tables} RESTART IDENTITY CASCADE"))
            for name, start in ((n, s) for n, (_c, s) in SEQUENCES.items()):
                conn.execute(text(f"SELECT setval('{name}', {start}, false)"))
        return db

    def drop(self) -> None:
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        admin.dispose()


def iterate_dbs() -> Iterator[str]:
    yield "sqlite"
    yield "postgresql"


# The database's own bounds on places (migration 0010): the capacity triggers and the
# one-held-item index, by the names console.db.roles gives them. The race proofs switch
# them off to show what the services' locks alone prevent, and leave them on to show what
# the database refuses by itself.


def one_held_index() -> Index:
    """The model's one-held-item index, whose definition the helper builds again."""
    found = [i for i in Base.metadata.tables["cart_item"].indexes if i.name == ONE_HELD_INDEX]
    assert found, f"the models have no index {ONE_HELD_INDEX}"
    return found[0]


@contextmanager
def database_bounds_off(db: Database) -> Iterator[None]:
    """The database without its bounds on places for the block (PostgreSQL)."""
    with db.engine.begin() as conn:
        for table, trigger in CAPACITY_TRIGGERS.items():
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}"))
        conn.execute(DropIndex(one_held_index()))
    try:
        yield
    finally:
        with db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(CAPACITY_TRIGGERS)} CASCADE"))
            for table, trigger in CAPACITY_TRIGGERS.items():
                conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}"))
            conn.execute(CreateIndex(one_held_index()))
