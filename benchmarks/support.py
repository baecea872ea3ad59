"""What the benchmarks share: their databases, city-scale seed data, a real server.

A benchmark runs on a fresh machine: the database it names is created when missing
(through an admin connection to the ``postgres`` database, else ``test``), migrated, and
seeded at city scale the first time (about 90 s); later runs reuse the seed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from alembic.util.exc import CommandError
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.engine import URL, make_url

from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import Household
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.errors import Refused
from console.domain.vocabulary import Role
from console.services import staff_auth
from console.services.context import ServiceContext

SEEDBENCH_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/seedbench"
BENCH_SIN_KEY = "fXo1cNuU4f0n2p3o6GQ8lq3kqkH4nQmTqf8qQ0pQe0s="
BENCH_PASSWORD = "Banc-d-essai-2026!"
ADMIN_DATABASES = ("postgres", "test")

# Staff accounts made here hash with argon2's cheapest parameters; the server below is
# started with the same setting, so a sign-in costs microseconds, not 50 ms of CPU.
os.environ.setdefault(staff_auth.ARGON2_FAST_ENV, "1")


def libpq_dsn(url: str | URL) -> str:
    """A SQLAlchemy URL as psycopg takes it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin_connection(url: URL, first: str | None = None) -> psycopg.Connection[tuple[object, ...]]:
    """An autocommit connection to the server ``url`` names, on ``first``, else on
    ``postgres``, else on ``test``."""
    last: Exception | None = None
    names = [first] if first and first != url.database else []
    for name in [*names, *ADMIN_DATABASES]:
        try:
            return psycopg.connect(libpq_dsn(url.set(database=name)), autocommit=True)
        except psycopg.OperationalError as exc:
            last = exc
    raise RuntimeError(
        f"no admin database ({', '.join(ADMIN_DATABASES)}) to create {url.database} from"
    ) from last


def ensure_database(url: str) -> bool:
    """Create the database ``url`` names when it does not exist; True when created."""
    target = make_url(url)
    try:
        psycopg.connect(libpq_dsn(target)).close()
        return False
    except psycopg.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
    with _admin_connection(target) as admin:
        found = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (target.database,)
        ).fetchone()
        if found is None:
            name = sql.Identifier(target.database or "")
            admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
            print(f"created database {target.database}", file=sys.stderr)
            return True
    return False


def recreate_database(url: str, *, template: str | None = None, admin: str | None = None) -> None:
    """Drop and create the database ``url`` names, as a copy of ``template`` when given
    (a file copy: seconds, where seeding takes a minute and a half)."""
    target = make_url(url)
    with _admin_connection(target, admin) as conn:
        name = sql.Identifier(target.database or "")
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if template is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
        else:
            # A template must have no other session while it is copied.
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (template,),
            )
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                    name, sql.Identifier(template)
                )
            )


def households(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Household)) or 0)


def city_database(url: str = SEEDBENCH_URL) -> tuple[Database, int]:
    """The database at ``url``, created, migrated and seeded at city scale if empty."""
    ensure_database(url)
    db = Database(url)
    try:
        upgrade(db.engine)
    except CommandError as exc:
        # Migrated by another version of the program, to a revision this one does not
        # know: start again from an empty database.
        print(f"{make_url(url).database}: {exc}; seeding it again", file=sys.stderr)
        db.dispose()
        recreate_database(url)
        db = Database(url)
        upgrade(db.engine)
    count = households(db)
    if count == 0:
        from console.db.seed import seed_database

        print("seeding city scale (first run, about 90 s)…", file=sys.stderr)
        seed_database(db, SinCipher(BENCH_SIN_KEY), scale="city", seed=1, now=SystemClock().now())
        count = households(db)
    return db, count


def context(db: Database) -> ServiceContext:
    return ServiceContext(db=db, sin_cipher=SinCipher(BENCH_SIN_KEY), clock=SystemClock())


def bench_staff(ctx: ServiceContext, username: str, role: Role = Role.AGENT) -> str:
    """A staff member ``username`` who signs in with ``BENCH_PASSWORD`` (made, or given that
    password again, which also ends their earlier sessions)."""
    try:
        staff_auth.add_staff(ctx, username, role, f"Banc {username}", BENCH_PASSWORD)
    except Refused as refused:
        if refused.code != "staff_username_taken":
            raise
        staff_auth.set_password(ctx, username, BENCH_PASSWORD)
    return username


@contextmanager
def console_server(
    database_url: str,
    *,
    jobs: bool = False,
    env: Mapping[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    settings: Mapping[str, object] | None = None,
) -> Iterator[Any]:
    """A real ``python -m console serve`` over HTTPS on ``database_url`` (trustme
    certificates), as the contract suite starts it, with ``extra_args`` on its command
    line and ``settings`` in its settings file. Yields the ``ServerProcess``: its
    ``url``, ``certificates.ca_file``, ``process.pid`` and ``log()``."""
    from tests.helpers.server_process import ServerProcess, TestCertificates

    directory = Path(tempfile.mkdtemp(prefix="console-bench-"))
    server = ServerProcess(
        database_url,
        directory,
        TestCertificates(directory / "tls"),
        jobs=jobs,
        extra_args=extra_args,
        settings=settings,
        env={"CONSOLE_SIN_KEY": BENCH_SIN_KEY, staff_auth.ARGON2_FAST_ENV: "1", **(env or {})},
    )
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
