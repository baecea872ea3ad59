"""Database outages a test can switch on and off, without stopping any server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL


@contextmanager
def postgres_outage(admin_url: URL, database: str) -> Iterator[None]:
    """Refuse new connections to ``database`` and end the open ones (pg_terminate_backend),
    from a connection to another database; let connections in again on exit."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": database},
            )
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS true'))
        admin.dispose()


@contextmanager
def sqlite_file_moved(path: Path) -> Iterator[None]:
    """Move the database file away (a share unmounted, a file restored from backup…) and
    put it back on exit."""
    aside = path.with_name(path.name + ".away")
    os.replace(path, aside)
    try:
        yield
    finally:
        os.replace(aside, path)
