"""The database defends itself: three roles, each with only what its programs need.

- The **owner** owns every table, sequence and function of the schema and runs the
  migrations (``console db upgrade``). It logs in; nothing else connects as it.
- The **server** (``console serve``) reads and writes what its use cases need: SELECT,
  INSERT, UPDATE and DELETE on the tables, but only SELECT and INSERT on the append-only
  logs (the journal, the file-access log, their seals), and execute the place taker's
  function (migration 0011). No DDL, no TRUNCATE.
- The **reporting** role reads every table but the secrets: SIN ciphertext, password and
  token hashes, email bodies and attachments are not granted to it, column by column.

:func:`apply_roles` runs as a superuser (or the database's administrator), in one
transaction, and may run again at any time: it revokes what the server and reporting roles
hold on the schema and grants the list below afresh. Grants are per table, so a table a
later migration adds gets none until ``console db roles`` runs again (run it after each
``console db upgrade``): the server then fails loudly on the new table rather than holding
privileges nobody chose.

Left as PostgreSQL makes them: every role may connect and create temporary tables (the
public site's own role may rely on both); neither touches the schema or another's data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

from console.db.models import Base
from console.db.numbers import SEQUENCES

DEFAULT_OWNER = "loisirs_owner"
DEFAULT_SERVER = "loisirs_server"
DEFAULT_REPORTING = "loisirs_reporting"

# The server may add to these and read them, never change or remove a line (migration
# 0006 adds a trigger that refuses UPDATE, DELETE and TRUNCATE to all but the owner).
APPEND_ONLY_TABLES = ("audit_entry", "file_access", "audit_seal")
# Never granted to the reporting role.
SENSITIVE_COLUMNS: Mapping[str, frozenset[str]] = {
    # sin_last3: shown masked in a family file, but no report needs a number's digits.
    "member": frozenset({"sin_encrypted", "sin_last3"}),
    "account": frozenset({"password_hash"}),
    "staff": frozenset({"password_hash"}),
    "staff_session": frozenset({"token_hash"}),
    "password_reset_token": frozenset({"token_hash"}),
    # sealed_secret: a reset link's token, encrypted (migration 0007); absent before it.
    "outbox_message": frozenset({"body", "attachment", "sealed_secret"}),
}
# Alembic's bookkeeping: the server reads it (``/health``, the start check), never writes.
VERSION_TABLE = "alembic_version"
# The database's own bounds on places (migration 0010), by the names the migration gave
# them; the migration keeps its own copy (history imports nothing that may change later),
# and a test reads these names back from a migrated database so the two cannot drift.
# The seed switches the triggers off for its load and counts once at the end.
CAPACITY_FUNCTION = "console_within_capacity()"
CAPACITY_TRIGGERS: Mapping[str, str] = {  # table -> its capacity trigger (PostgreSQL)
    "cart_item": "cart_item_within_capacity",
    "registration": "registration_within_capacity",
    "activity": "activity_within_capacity",
}
ONE_HELD_INDEX = "uq_cart_item_member_activity_held"  # on cart_item, both dialects
# The place taker's one call (migration 0011): executed by the server role, nobody else.
TAKE_PLACE = (
    "console_take_place(integer, integer, integer, integer, integer, text,"
    " timestamp with time zone, interval)"
)
FUNCTIONS = ("console_append_only()", CAPACITY_FUNCTION, TAKE_PLACE)
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RolesRefused(Exception):
    """Why ``console db roles`` changed nothing, in one sentence."""


@dataclass(frozen=True)
class RoleNames:
    owner: str = DEFAULT_OWNER
    server: str = DEFAULT_SERVER
    reporting: str = DEFAULT_REPORTING

    def all(self) -> tuple[str, str, str]:
        return (self.owner, self.server, self.reporting)


@dataclass(frozen=True)
class RolesReport:
    created: tuple[str, ...]
    existing: tuple[str, ...]
    passwords_set: tuple[str, ...]
    owned_tables: int
    owned_sequences: int
    server_tables: tuple[str, ...]
    append_only: tuple[str, ...]
    reporting_tables: int
    withheld: tuple[str, ...]  # "table.column", never granted to reporting
    left_alone: tuple[str, ...] = field(default=())  # tables of the schema not in the models


def model_tables() -> tuple[str, ...]:
    return tuple(table.name for table in Base.metadata.sorted_tables)


def server_table_privileges() -> dict[str, tuple[str, ...]]:
    """What the server's role holds on each table, derived from the models."""
    privileges: dict[str, tuple[str, ...]] = {}
    for name in model_tables():
        if name in APPEND_ONLY_TABLES:
            privileges[name] = ("SELECT", "INSERT")
        else:
            privileges[name] = ("SELECT", "INSERT", "UPDATE", "DELETE")
    privileges[VERSION_TABLE] = ("SELECT",)
    return privileges


def _ident(name: str) -> str:
    if not _NAME.match(name):
        raise RolesRefused(
            f"{name!r} is not a role name here (lower case letters, digits and _, at most 63)"
        )
    return f'"{name}"'


def apply_roles(
    engine: Engine, names: RoleNames, passwords: Mapping[str, str] | None = None
) -> RolesReport:
    """Create the three roles if missing and give each exactly its privileges, in one
    transaction. ``passwords`` maps a role name to the password to set (as a SCRAM
    verifier computed here: the password itself never reaches the server's logs)."""
    if engine.dialect.name != "postgresql":
        raise RolesRefused("database roles need PostgreSQL; the embedded SQLite database has none")
    for name in names.all():
        _ident(name)
    if len(set(names.all())) != 3:
        raise RolesRefused("the owner, server and reporting roles need three different names")
    passwords = dict(passwords or {})
    with engine.begin() as conn:
        me, superuser = conn.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        if me in names.all():
            raise RolesRefused(
                f"connected as {me}, one of the roles to set up: connect as a superuser"
            )
        if not superuser:
            raise RolesRefused(f"connected as {me}, not a superuser: connect as one")
        created, existing = _ensure_roles(conn, names)
        _refuse_memberships(conn, names)
        for role, password in passwords.items():
            _set_password(conn, role, password)
        left_alone = _check_schema(conn)
        owned_tables, owned_sequences = _make_owner(conn, names.owner)
        server_tables = _grant_server(conn, names)
        reporting_tables, withheld = _grant_reporting(conn, names)
    return RolesReport(
        created=created,
        existing=existing,
        passwords_set=tuple(r for r in names.all() if r in passwords),
        owned_tables=owned_tables,
        owned_sequences=owned_sequences,
        server_tables=server_tables,
        append_only=APPEND_ONLY_TABLES,
        reporting_tables=reporting_tables,
        withheld=withheld,
        left_alone=left_alone,
    )


def _ensure_roles(conn: Connection, names: RoleNames) -> tuple[tuple[str, ...], tuple[str, ...]]:
    created: list[str] = []
    existing: list[str] = []
    for name in names.all():
        row = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": name}
        ).one_or_none()
        if row is None:
            conn.execute(text(f"CREATE ROLE {_ident(name)} LOGIN"))
            created.append(name)
        elif row.rolsuper:
            # Demoting a superuser here could lock its owner out: choose another name.
            raise RolesRefused(f"role {name} exists and is a superuser; choose another name")
        else:
            existing.append(name)
        conn.execute(
            text(
                f"ALTER ROLE {_ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                " NOREPLICATION NOBYPASSRLS INHERIT"
            )
        )
    return tuple(created), tuple(existing)


def _set_password(conn: Connection, role: str, password: str) -> None:
    raw = conn.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    literal = verifier.decode("ascii").replace("'", "''")
    # Not text(): its ":name" parameters would find one inside the verifier.
    conn.exec_driver_sql(f"ALTER ROLE {_ident(role)} PASSWORD '{literal}'")


def _check_schema(conn: Connection) -> tuple[str, ...]:
    present = set(conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
    missing = [t for t in (*model_tables(), VERSION_TABLE) if t not in present]
    if missing:
        raise RolesRefused(
            f"the schema is not migrated (no table {', '.join(missing[:3])}): run"
            " console db upgrade first"
        )
    function = conn.scalar(text("SELECT to_regprocedure('console_append_only()')"))
    if function is None:
        raise RolesRefused("the append-only trigger is missing: run console db upgrade first")
    for name in FUNCTIONS:
        if conn.scalar(text("SELECT to_regprocedure(:f)"), {"f": f"public.{name}"}) is None:
            raise RolesRefused(
                f"the function {name.split('(')[0]} is missing: run console db upgrade first"
            )
    known = {*model_tables(), VERSION_TABLE}
    return tuple(sorted(present - known))


def _make_owner(conn: Connection, owner: str) -> tuple[int, int]:
    o = _ident(owner)
    database = conn.scalar(text("SELECT current_database()"))
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {o}'))
    conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {o}"))
    # PostgreSQL 15 no longer lets every role create in ``public``; a database upgraded
    # from an older one still does, and the server would then run DDL.
    conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    tables = (*model_tables(), VERSION_TABLE)
    for table in tables:
        # Carries the table's own sequences (serial ids) along.
        conn.execute(text(f'ALTER TABLE public."{table}" OWNER TO {o}'))
    for sequence in SEQUENCES:
        conn.execute(text(f'ALTER SEQUENCE public."{sequence}" OWNER TO {o}'))
    for function in FUNCTIONS:
        conn.execute(text(f"ALTER FUNCTION public.{function} OWNER TO {o}"))
    return len(tables), len(SEQUENCES)


def _revoke_everything(conn: Connection, role: str) -> None:
    r = _ident(role)
    # Table-level REVOKE also takes back the column-level grants.
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {r}"))
    conn.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {r}"))
    conn.execute(text(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {r}"))
    conn.execute(text(f"REVOKE CREATE ON SCHEMA public FROM {r}"))


def _grant_connect(conn: Connection, role: str) -> None:
    r = _ident(role)
    database = conn.scalar(text("SELECT current_database()"))
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {r}'))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {r}"))


def _grant_server(conn: Connection, names: RoleNames) -> tuple[str, ...]:
    s = _ident(names.server)
    _revoke_everything(conn, names.server)
    _grant_connect(conn, names.server)
    privileges = server_table_privileges()
    for table, allowed in privileges.items():
        conn.execute(text(f'GRANT {", ".join(allowed)} ON public."{table}" TO {s}'))
    # nextval for the serial ids and the numbers families quote; no setval.
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {s}"))
    # Invoker's rights: it writes only what the grants above let the server write.
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION public.{TAKE_PLACE} TO {s}"))
    return tuple(privileges)


def _grant_reporting(conn: Connection, names: RoleNames) -> tuple[int, tuple[str, ...]]:
    r = _ident(names.reporting)
    _revoke_everything(conn, names.reporting)
    _grant_connect(conn, names.reporting)
    withheld: list[str] = []
    tables = (*model_tables(), VERSION_TABLE)
    for table in tables:
        columns = conn.scalars(
            text(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = 'public' AND table_name = :t ORDER BY ordinal_position"
            ),
            {"t": table},
        ).all()
        hidden = SENSITIVE_COLUMNS.get(table, frozenset())
        readable = [c for c in columns if c not in hidden]
        withheld.extend(f"{table}.{c}" for c in columns if c in hidden)
        listed = ", ".join(f'"{c}"' for c in readable)
        conn.execute(text(f'GRANT SELECT ({listed}) ON public."{table}" TO {r}'))
    return len(tables), tuple(withheld)


def _refuse_memberships(conn: Connection, names: RoleNames) -> None:
    """A role the server or reporting role belongs to (the owner, ``pg_write_all_data``,
    ``pg_read_all_data``, …) would add its privileges to the grants: refuse to finish."""
    for role in (names.server, names.reporting):
        groups = conn.scalars(
            text(
                "SELECT g.rolname FROM pg_auth_members m"
                " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                " WHERE u.rolname = :r ORDER BY g.rolname"
            ),
            {"r": role},
        ).all()
        if groups:
            raise RolesRefused(
                f"{role} is a member of {', '.join(groups)}, whose privileges add to its"
                f" grants: REVOKE {', '.join(groups)} FROM {role} first"
            )


def connection_warnings(engine: Engine) -> list[str]:
    """What is unsafe about the role this engine connects as (PostgreSQL): a superuser,
    or the owner of the tables, is not held by the grants or the append-only trigger."""
    if engine.dialect.name != "postgresql":
        return []
    with engine.connect() as conn:
        me, superuser = conn.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        owned = conn.scalars(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
                " AND pg_has_role(current_user, c.relowner, 'MEMBER')"
                " ORDER BY c.relname"
            )
        ).all()
        conn.rollback()
    if superuser:
        return [
            f"connected to the database as {me}, a superuser: no grant and no append-only"
            " trigger holds it; connect as the server's role (console db roles)"
        ]
    if owned:
        shown = ", ".join(owned[:3]) + (", …" if len(owned) > 3 else "")
        return [
            f"connected to the database as {me}, which owns {len(owned)} tables ({shown}):"
            " it may change the schema and rewrite the journal; connect as the server's"
            " role (console db roles)"
        ]
    return []
