"""The database defends itself (``console db roles``, migration 0006), proved on a
PostgreSQL database of its own: the attack first, then each forbidden statement refused to
the server's role and to the reporting role, over a real login and under ``SET ROLE``."""

from __future__ import annotations

import io
import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from console.cli import main
from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.models import Base
from console.db.roles import (
    APPEND_ONLY_TABLES,
    CAPACITY_FUNCTION,
    CAPACITY_TRIGGERS,
    ONE_HELD_INDEX,
    SENSITIVE_COLUMNS,
    TAKE_PLACE,
    RoleNames,
    RolesRefused,
    apply_roles,
    model_tables,
)
from console.db.sin import SinCipher
from console.domain.clock import FixedClock, SystemClock
from console.domain.views.audit import AuditFilters
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from tests.helpers.builders import make_household, make_staff
from tests.helpers.databases import PG_ENV, pg_base_url
from tests.helpers.secrets import TEST_SIN_KEY

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
MODES = ["login", "set_role"]


def _admin_url() -> URL:
    base = pg_base_url()
    if base is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run the database role tests")
    url = make_url(base)
    return url.set(drivername="postgresql+psycopg") if url.drivername == "postgresql" else url


@dataclass
class RolesDatabase:
    """A database of its own, and three roles whose names no other run shares."""

    url: URL  # the superuser, on this database
    names: RoleNames
    engines: dict[str, Engine] = field(default_factory=dict)

    def engine(self, role: str | None = None) -> Engine:
        """A real login as ``role`` (the superuser when None)."""
        key = role or ""
        if key not in self.engines:
            url = self.url if role is None else self.url.set(username=role, password=None)
            self.engines[key] = create_engine(url)
        return self.engines[key]

    def database(self, role: str | None = None) -> Database:
        url = self.url if role is None else self.url.set(username=role, password=None)
        return Database(url.render_as_string(hide_password=False), lock_timeout_ms=2000)

    def attempt(self, role: str | None, sql: str, *, mode: str = "login") -> str | None:
        """Run ``sql`` as ``role`` in a transaction of its own: None when it ran, else
        the database's refusal."""
        engine = self.engine(role if mode == "login" else None)
        try:
            with engine.begin() as conn:
                if mode == "set_role" and role is not None:
                    conn.execute(text(f'SET LOCAL ROLE "{role}"'))
                conn.execute(text(sql))
        except DBAPIError as exc:
            return str(exc.orig).splitlines()[0]
        return None

    def scalar(self, sql: str) -> object:
        with self.engine().begin() as conn:
            return conn.scalar(text(sql))

    def dispose(self) -> None:
        for engine in self.engines.values():
            engine.dispose()
        self.engines.clear()


def _create_database(revision: str) -> Iterator[RolesDatabase]:
    admin_url = _admin_url()
    tag = f"t{os.getpid()}_{uuid.uuid4().hex[:6]}"
    name = f"roles_{tag}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    names = RoleNames(owner=f"{tag}_owner", server=f"{tag}_server", reporting=f"{tag}_report")
    handle = RolesDatabase(url=admin_url.set(database=name), names=names)
    try:
        db = handle.database()
        upgrade(db.engine, revision)
        db.dispose()
        yield handle
    finally:
        handle.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for role in (*names.all(), f"{tag}_naive"):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _fill(handle: RolesDatabase) -> None:
    """A household, a supervisor, a journal entry and a file access, as the owner would.
    Plain SQL of the columns migration 0005 has: the attack runs before 0006."""
    at = NOW - timedelta(days=2)
    with handle.engine().begin() as conn:
        borough = conn.scalar(
            text("INSERT INTO borough (code, name) VALUES (:c, 'Beauport') RETURNING id"),
            {"c": uuid.uuid4().hex[:8]},
        )
        account = conn.scalar(
            text(
                "INSERT INTO account (email, created_at, failed_login_count, language)"
                " VALUES (:e, :at, 0, 'fr') RETURNING id"
            ),
            {"e": f"{uuid.uuid4().hex[:8]}@exemple.ca", "at": at},
        )
        household = conn.scalar(
            text(
                "INSERT INTO household (number, account_id, borough_id, postal_code, address,"
                " created_at, version) VALUES (nextval('household_number_seq'), :a, :b,"
                " 'G1R 2B5', '', :at, 1) RETURNING id"
            ),
            {"a": account, "b": borough, "at": at},
        )
        staff = conn.scalar(
            text(
                "INSERT INTO staff (username, display_name, role, active, failed_sign_ins)"
                " VALUES (:u, 'S. Superviseur', 'supervisor', true, 0) RETURNING id"
            ),
            {"u": f"s{uuid.uuid4().hex[:8]}"},
        )
        conn.execute(
            text(
                "INSERT INTO audit_entry (at, staff_id, action, target, reason, details)"
                " VALUES (:at, :s, 'account_unlocked', '', 'first', '{}')"
            ),
            {"at": at, "s": staff},
        )
        conn.execute(
            text("INSERT INTO file_access (staff_id, household_id, at) VALUES (:s, :h, :at)"),
            {"s": staff, "h": household, "at": at},
        )


@pytest.fixture(scope="module")
def defended() -> Iterator[RolesDatabase]:
    """Migrated, filled, then ``console db roles``: the server's and reporting roles
    connect with a real login (the test server trusts 127.0.0.1)."""
    for handle in _create_database("head"):
        _fill(handle)
        apply_roles(handle.engine(), handle.names)
        _seal_now(handle)
        yield handle


def _seal_now(handle: RolesDatabase) -> None:
    from console.services.audit_seal import seal

    db = handle.database(handle.names.server)
    seal(ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(NOW)))
    db.dispose()


@pytest.fixture
def before_0006() -> Iterator[RolesDatabase]:
    yield from _create_database("0005")


@pytest.fixture
def before_0011() -> Iterator[RolesDatabase]:
    yield from _create_database("0010")


def test_db_roles_on_a_schema_behind_the_migrations_says_which_function_is_missing(
    before_0011: RolesDatabase,
) -> None:
    with pytest.raises(RolesRefused, match="console_take_place is missing: run console db upgrade"):
        apply_roles(before_0011.engine(), before_0011.names)


# --- the attack, without the defence ---------------------------------------------------


def test_without_the_trigger_a_role_with_table_rights_rewrites_the_journal(
    before_0006: RolesDatabase,
) -> None:
    handle = before_0006
    _fill(handle)
    naive = handle.names.owner.replace("_owner", "_naive")
    # The setup the README used to describe: one login, every right on every table.
    with handle.engine().begin() as conn:
        conn.execute(text(f'CREATE ROLE "{naive}" LOGIN'))
        conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{naive}"'))
    attacks = [
        "UPDATE audit_entry SET reason = 'nothing happened'",
        "DELETE FROM file_access",
        "DELETE FROM audit_entry",
    ]
    for sql in attacks:
        assert handle.attempt(naive, sql) is None, sql
    assert handle.scalar("SELECT count(*) FROM audit_entry") == 0

    _fill(handle)
    db = handle.database()
    upgrade(db.engine)  # 0006: the trigger; the naive grants stay as they were
    db.dispose()
    for sql in [*attacks, "TRUNCATE audit_entry", "TRUNCATE file_access"]:
        refusal = handle.attempt(naive, sql)
        assert refusal is not None and "append-only" in refusal, sql
    assert handle.scalar("SELECT count(*) FROM audit_entry") == 1


# --- the server's role -------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_server_role_adds_to_the_logs_and_reads_them(
    defended: RolesDatabase, mode: str
) -> None:
    server = defended.names.server
    staff = defended.scalar("SELECT min(id) FROM staff")
    household = defended.scalar("SELECT min(id) FROM household")
    inserts = [
        "INSERT INTO audit_entry (at, staff_id, action, target, reason, details)"
        f" VALUES (now(), {staff}, 'account_unlocked', '', 'ok', '{{}}')",
        "INSERT INTO file_access (staff_id, household_id, at)"
        f" VALUES ({staff}, {household}, now())",
    ]
    for sql in inserts:
        assert defended.attempt(server, sql, mode=mode) is None, sql
    for table in APPEND_ONLY_TABLES:
        assert defended.attempt(server, f"SELECT * FROM {table}", mode=mode) is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize("statement", ["UPDATE {t} SET id = id", "DELETE FROM {t}", "TRUNCATE {t}"])
def test_the_server_role_neither_changes_nor_removes_a_log_entry(
    defended: RolesDatabase, mode: str, table: str, statement: str
) -> None:
    before = defended.scalar(f"SELECT count(*) FROM {table}")
    assert before
    refusal = defended.attempt(defended.names.server, statement.format(t=table), mode=mode)
    assert refusal is not None and "permission denied" in refusal
    assert defended.scalar(f"SELECT count(*) FROM {table}") == before


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE evil (x int)",
        "CREATE INDEX evil ON borough (name)",
        "ALTER TABLE borough ADD COLUMN evil int",
        "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
        "DROP TRIGGER audit_entry_append_only ON audit_entry",
        # The database's bounds on places (migration 0010) stay on.
        f"ALTER TABLE cart_item DISABLE TRIGGER {CAPACITY_TRIGGERS['cart_item']}",
        f"ALTER TABLE registration DISABLE TRIGGER {CAPACITY_TRIGGERS['registration']}",
        f"DROP TRIGGER {CAPACITY_TRIGGERS['activity']} ON activity",
        f"DROP INDEX {ONE_HELD_INDEX}",
        f"CREATE OR REPLACE FUNCTION {CAPACITY_FUNCTION} RETURNS trigger"
        " LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'",
        "DROP TABLE job_lease",
        "CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "CREATE VIEW evil AS SELECT 1",
        "COMMENT ON TABLE staff IS 'evil'",
        "ALTER SEQUENCE cart_number_seq RESTART",
        "SELECT setval('cart_number_seq', 1)",
    ],
)
def test_the_server_role_runs_no_ddl(defended: RolesDatabase, mode: str, sql: str) -> None:
    refusal = defended.attempt(defended.names.server, sql, mode=mode)
    assert refusal is not None, sql
    assert "permission denied" in refusal or "must be owner" in refusal, refusal


@pytest.mark.parametrize("mode", MODES)
def test_the_server_role_truncates_no_table(defended: RolesDatabase, mode: str) -> None:
    for table in model_tables():
        refusal = defended.attempt(defended.names.server, f'TRUNCATE "{table}"', mode=mode)
        assert refusal is not None and "permission denied" in refusal, table


@pytest.mark.parametrize("mode", MODES)
def test_the_server_role_changes_the_other_tables(defended: RolesDatabase, mode: str) -> None:
    server = defended.names.server
    for sql in [
        "INSERT INTO job_lease VALUES ('probe', 'test', now(), now())",
        "UPDATE job_lease SET holder = 'other' WHERE name = 'probe'",
        "DELETE FROM job_lease WHERE name = 'probe'",
        "UPDATE borough SET name = name",
        "SELECT nextval('cart_number_seq')",
    ]:
        assert defended.attempt(server, sql, mode=mode) is None, sql


def test_the_server_use_cases_run_as_the_server_role(defended: RolesDatabase) -> None:
    """Every kind of write the server does, through the services, as its role."""
    from console.services.accounts import unlock_account
    from console.services.audit import list_audit
    from console.services.audit_seal import verify
    from console.services.file_access import file_accesses, record_file_access_ctx
    from console.services.job_lease import acquire
    from console.services.staff_auth import HASHER_PORT, add_staff, resolve_session, sign_in
    from console.services.sweep import sweep
    from tests.helpers.builders import verify_call

    db = defended.database(defended.names.server)
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(NOW))
    ctx.ports[HASHER_PORT] = PasswordHasher.from_parameters(profiles.CHEAPEST)
    try:
        with db.write() as session:
            household = make_household(session, locked=True)  # nextval on a sequence
            agent = make_staff(session, Role.AGENT)
        add_staff(ctx, "rsuper", Role.SUPERVISOR, "R. Superviseur", "une longue phrase ok")
        signed = sign_in(ctx, "rsuper", "une longue phrase ok")
        supervisor = resolve_session(ctx, signed.token)
        verify_call(ctx, agent, household)
        unlock_account(ctx, agent, household.household_id, reason="F1")
        record_file_access_ctx(ctx, agent, household.household_id)
        assert file_accesses(ctx, supervisor, household.household_id)
        assert acquire(ctx, "sweep", "test-server", 60)
        sweep(ctx)
        assert any(
            e.action == "account_unlocked" for e in list_audit(ctx, supervisor, AuditFilters())
        )
        assert [log.log for log in verify(ctx).logs] == ["audit_entry", "file_access"]
    finally:
        db.dispose()


def test_the_owner_runs_the_migrations_and_db_roles_again_grants_the_new_tables(
    before_0006: RolesDatabase,
) -> None:
    from alembic import command

    from console.db.migrate import alembic_config

    handle = before_0006
    db = handle.database()
    upgrade(db.engine)
    db.dispose()
    apply_roles(handle.engine(), handle.names)
    owner = handle.database(handle.names.owner)
    config = alembic_config(owner.url)
    with owner.engine.begin() as conn:  # a release that drops and re-adds a table
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    upgrade(owner.engine)
    owner.dispose()
    server = handle.names.server
    assert handle.scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_seal'") == (
        handle.names.owner
    )
    refusal = handle.attempt(server, "SELECT * FROM audit_seal")
    assert refusal is not None and "permission denied" in refusal  # until db roles again
    apply_roles(handle.engine(), handle.names)
    assert handle.attempt(server, "SELECT * FROM audit_seal") is None
    refusal = handle.attempt(server, "DELETE FROM audit_seal")
    assert refusal is not None and "permission denied" in refusal


# --- the trigger: every role but the owner ----------------------------------------------


def test_the_trigger_refuses_even_a_role_granted_too_much_and_a_superuser(
    defended: RolesDatabase,
) -> None:
    server, owner = defended.names.server, defended.names.owner
    with defended.engine().begin() as conn:  # a mistaken grant, by hand
        conn.execute(text(f'GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO "{server}"'))
    try:
        for who in (server, None):  # None: the superuser, who owns nothing here any more
            for sql in ("UPDATE audit_entry SET reason = 'x'", "TRUNCATE audit_entry"):
                refusal = defended.attempt(who, sql)
                assert refusal is not None and "append-only" in refusal, (who, sql)
        owner_of = defended.scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'staff'")
        assert owner_of == owner
    finally:
        report = apply_roles(defended.engine(), defended.names)  # and again: repaired
    assert report.created == () and set(report.existing) == set(defended.names.all())
    refusal = defended.attempt(server, "TRUNCATE audit_entry")
    assert refusal is not None and "permission denied" in refusal


def test_the_owner_may_rewrite_the_journal_and_verify_names_what_it_changed(
    defended: RolesDatabase, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = defended.names.owner
    changed = defended.scalar("SELECT min(id) FROM audit_entry")
    rewrite = f"UPDATE audit_entry SET reason = 'x' WHERE id = {changed}"
    assert defended.attempt(owner, rewrite) is None
    assert (
        defended.attempt(owner, "DELETE FROM file_access WHERE at < now() - interval '1 day'")
        is None
    )
    reader = defended.names.reporting  # verify only reads: the reporting role runs it
    url = defended.url.set(username=reader, password=None)
    monkeypatch.setenv("CONSOLE_DATABASE_URL", url.render_as_string(hide_password=False))
    monkeypatch.setenv("CONSOLE_SETTINGS", "/nonexistent/settings.toml")
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"changed {changed}" in out and "removed" in out and "VERIFY FAILED" in out


# --- the reporting role -----------------------------------------------------------------


SECRETS = [
    (t, c)
    for t, columns in sorted(SENSITIVE_COLUMNS.items())
    for c in sorted(columns)
    if c in Base.metadata.tables[t].columns  # a secret of a later migration, once it lands
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("table", "column"), SECRETS)
def test_the_reporting_role_cannot_read_a_secret(
    defended: RolesDatabase, mode: str, table: str, column: str
) -> None:
    reporting = defended.names.reporting
    for sql in (f"SELECT {column} FROM {table}", f"SELECT * FROM {table}"):
        refusal = defended.attempt(reporting, sql, mode=mode)
        assert refusal is not None and "permission denied" in refusal, sql


@pytest.mark.parametrize("mode", MODES)
def test_the_reporting_role_reads_every_other_column_and_writes_nothing(
    defended: RolesDatabase, mode: str
) -> None:
    reporting = defended.names.reporting
    with defended.engine().connect() as conn:
        columns = conn.execute(
            text(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = 'public'"
            )
        ).all()
    readable = [(t, c) for t, c in columns if c not in SENSITIVE_COLUMNS.get(t, ())]
    for table in {t for t, _ in readable}:
        listed = ", ".join(f'"{c}"' for t, c in readable if t == table)
        assert defended.attempt(reporting, f'SELECT {listed} FROM "{table}"', mode=mode) is None
    for sql in (
        "INSERT INTO borough (code, name) VALUES ('ZZ', 'z')",
        "UPDATE household SET address = ''",
        "DELETE FROM job_lease",
        "UPDATE audit_entry SET reason = ''",
        "TRUNCATE borough",
        "CREATE TABLE evil (x int)",
    ):
        refusal = defended.attempt(reporting, sql, mode=mode)
        assert refusal is not None and "permission denied" in refusal, sql


# --- the command and the server's warning -----------------------------------------------


def test_db_roles_command_sets_scram_passwords_from_stdin(
    defended: RolesDatabase, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = defended.names
    monkeypatch.setenv("CONSOLE_DATABASE_URL", defended.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CONSOLE_SETTINGS", "/nonexistent/settings.toml")
    monkeypatch.setattr(sys, "stdin", io.StringIO("owner-secret: 1\n\nreport$ecret\n"))
    argv = ["db", "roles", "--owner", names.owner, "--server", names.server]
    code = main([*argv, "--reporting", names.reporting, "--password-from-stdin"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"passwords set: {names.owner}, {names.reporting}" in out
    assert "no DDL, no TRUNCATE" in out and "member.sin_encrypted" in out
    with defended.engine().connect() as conn:
        stored = dict(
            conn.execute(
                text("SELECT rolname, rolpassword FROM pg_authid WHERE rolname IN (:o, :s, :r)"),
                {"o": names.owner, "s": names.server, "r": names.reporting},
            ).all()
        )
    assert stored[names.owner].startswith("SCRAM-SHA-256$")
    assert stored[names.reporting].startswith("SCRAM-SHA-256$")
    assert stored[names.server] is None
    assert "secret" not in stored[names.owner]


def test_db_roles_refuses_a_role_that_is_not_a_superuser(defended: RolesDatabase) -> None:
    with pytest.raises(RolesRefused, match="not a superuser"):
        apply_roles(defended.engine(defended.names.reporting), RoleNames("a_o", "a_s", "a_r"))
    with pytest.raises(RolesRefused, match="three different names"):
        apply_roles(defended.engine(), RoleNames("same", "same", "other"))


@pytest.mark.parametrize(
    ("who", "warned"), [(None, "a superuser"), ("owner", "which owns"), ("server", None)]
)
def test_serve_warns_loudly_as_a_superuser_or_the_owner(
    defended: RolesDatabase,
    capsys: pytest.CaptureFixture[str],
    who: str | None,
    warned: str | None,
) -> None:
    from console.server.main import check_database

    role = None if who is None else getattr(defended.names, who)
    db = defended.database(role)
    try:
        ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
        check_database(ctx)
    finally:
        db.dispose()
    err = capsys.readouterr().err
    if warned is None:
        assert "WARNING" not in err
    else:
        assert "console serve: WARNING:" in err and warned in err


@pytest.mark.parametrize("mode", MODES)
def test_the_place_taker_is_run_by_the_server_role_not_by_reporting(defended, mode):
    """Migration 0011's function: the server runs it (an activity that does not exist
    writes nothing, answers ``other``); the reporting role may not call it. Were it
    PUBLIC's to run (as every new function is, but for the migration's revoke), the
    invoker's rights still stop reporting at the activity's row lock: it writes nothing
    the caller's own table privileges do not allow."""
    call = "SELECT taken FROM console_take_place(0, 0, 0, 0, 0, 'web', now(), interval '1 minute')"
    assert defended.attempt(defended.names.server, call, mode=mode) is None
    refused = defended.attempt(defended.names.reporting, call, mode=mode)
    assert refused is not None and "permission denied for function console_take_place" in refused
    assert (
        defended.attempt(None, f"GRANT EXECUTE ON FUNCTION public.{TAKE_PLACE} TO PUBLIC") is None
    )
    try:
        refused = defended.attempt(defended.names.reporting, call, mode=mode)
        assert refused is not None and "permission denied for table activity" in refused
    finally:
        assert (
            defended.attempt(None, f"REVOKE ALL ON FUNCTION public.{TAKE_PLACE} FROM PUBLIC")
            is None
        )
    refused = defended.attempt(defended.names.reporting, call, mode=mode)
    assert refused is not None and "permission denied for function" in refused
