"""``console db roles`` and ``console audit seal|verify``: the database defends itself.

    console db roles [--owner NAME] [--server NAME] [--reporting NAME] [--password-from-stdin]
    console audit seal
    console audit verify [--expect DIGEST …]

``db roles`` runs as a superuser against the configured database (``CONSOLE_DATABASE_URL``)
and may run again at any time; run it after each ``console db upgrade``. With
``--password-from-stdin`` it reads one line per role, owner then server then reporting (an
empty line leaves that role's password as it is); a password is never an argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from console.db.roles import RoleNames, RolesReport
    from console.services.audit_seal import VerifyReport

LOG_NAMES = {"audit_entry": "journal", "file_access": "file-access log"}


def add_roles_command(db_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roles = db_sub.add_parser(
        "roles",
        help="create the owner, server and reporting roles and grant each only what it needs"
        " (as a superuser; again after each upgrade)",
    )
    # Defaults: console.db.roles (loisirs_owner, loisirs_server, loisirs_reporting).
    roles.add_argument("--owner", metavar="NAME", help="owns the schema (loisirs_owner)")
    roles.add_argument("--server", metavar="NAME", help="console serve (loisirs_server)")
    roles.add_argument("--reporting", metavar="NAME", help="read-only reports (loisirs_reporting)")
    roles.add_argument(
        "--password-from-stdin",
        action="store_true",
        help="read the passwords, one line per role: owner, server, reporting (empty: unchanged)",
    )
    roles.set_defaults(func=_db_roles)


def add_audit_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="seal the journal's days; verify nothing changed since")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    seal = audit_sub.add_parser(
        "seal", help="seal every complete Québec day of the journal and file-access log"
    )
    seal.set_defaults(func=_seal)
    verify = audit_sub.add_parser(
        "verify",
        help="recompute every sealed day; name each entry changed, removed or inserted"
        " (exit status 1 if any)",
    )
    verify.add_argument(
        "--expect",
        action="append",
        default=[],
        metavar="DIGEST",
        help="a seal digest noted outside the database, which must still be in the chain",
    )
    verify.set_defaults(func=_verify)


def read_role_passwords(names: RoleNames, stdin: TextIO | None = None) -> dict[str, str]:
    """One line per role from standard input (or asked, on a terminal); empty: unchanged."""
    stdin = stdin or sys.stdin
    passwords: dict[str, str] = {}
    for role in names.all():
        if stdin.isatty():
            line = getpass.getpass(f"Password of {role} (empty: unchanged): ")
        else:
            line = stdin.readline().rstrip("\r\n")
        if line:
            passwords[role] = line
    return passwords


def _db_roles(args: argparse.Namespace) -> int:
    from console.config import load_settings
    from console.db.engine import Database
    from console.db.roles import RoleNames, RolesRefused, apply_roles

    given = {"owner": args.owner, "server": args.server, "reporting": args.reporting}
    names = RoleNames(**{k: v for k, v in given.items() if v})
    passwords = read_role_passwords(names) if args.password_from_stdin else {}
    database = Database(load_settings().database_url)
    try:
        report = apply_roles(database.engine, names, passwords)
    except RolesRefused as refused:
        print(f"db roles refused: {refused}; nothing changed", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print("\n".join(describe_roles(names, report)))
    return 0


def describe_roles(names: RoleNames, report: RolesReport) -> list[str]:
    def state(role: str) -> str:
        return "created" if role in report.created else "existed"

    from console.db.roles import VERSION_TABLE

    fixed = {*report.append_only, VERSION_TABLE}
    general = sum(1 for table in report.server_tables if table not in fixed)
    lines = [
        f"{names.owner}: owns {report.owned_tables} tables, {report.owned_sequences} sequences"
        f" and the append-only trigger; console db upgrade connects as it ({state(names.owner)})",
        f"{names.server}: SELECT, INSERT, UPDATE, DELETE on {general} tables; only SELECT,"
        f" INSERT on {', '.join(report.append_only)}; no DDL, no TRUNCATE; console serve"
        f" connects as it ({state(names.server)})",
        f"{names.reporting}: SELECT on {report.reporting_tables} tables, but not"
        f" {', '.join(report.withheld)} ({state(names.reporting)})",
    ]
    if report.passwords_set:
        lines.append(f"passwords set: {', '.join(report.passwords_set)}")
    else:
        lines.append("passwords unchanged (give them with --password-from-stdin)")
    if report.left_alone:
        lines.append(f"not in the models, left alone: {', '.join(report.left_alone)}")
    lines.append("run console db roles again after each console db upgrade")
    return lines


def _seal(args: argparse.Namespace) -> int:
    from console.cli import _headless_context
    from console.services.audit_seal import seal

    ctx = _headless_context()
    try:
        sealed = seal(ctx)
    finally:
        ctx.db.dispose()
    if not sealed:
        print("nothing to seal: every complete day is sealed")
    for log, label in LOG_NAMES.items():
        days = [s for s in sealed if s.log == log]
        if days:
            entries = sum(d.entry_count for d in days)
            print(
                f"{label}: sealed {len(days)} day(s), {days[0].day} to {days[-1].day},"
                f" {entries} entries; newest digest {days[-1].digest}"
            )
    if sealed:
        print("keep the newest digests outside the database: verify --expect checks them")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from console.cli import _headless_context
    from console.services.audit_seal import verify

    ctx = _headless_context()
    try:
        report = verify(ctx, expect=args.expect)
    finally:
        ctx.db.dispose()
    print("\n".join(describe_verification(report)))
    return 0 if report.ok else 1


def describe_verification(report: VerifyReport) -> list[str]:
    lines: list[str] = []
    for log in report.logs:
        label = LOG_NAMES[log.log]
        for day in log.days:
            if day.ok:
                lines.append(f"{label} {day.day}: OK ({day.entry_count} entries)")
                continue
            found = [
                f"{what} {', '.join(map(str, ids))}"
                for what, ids in (
                    ("changed", day.changed),
                    ("removed", day.removed),
                    ("inserted", day.inserted),
                )
                if ids
            ]
            lines.append(f"{label} {day.day}: MISMATCH: {'; '.join([*found, *day.seal_problems])}")
        bad = sum(1 for day in log.days if not day.ok)
        summary = f"{label}: {len(log.days)} day(s) sealed, {bad} with a mismatch"
        if log.unsealed_since is not None:
            summary += f"; not sealed yet from {log.unsealed_since}"
        if log.newest_digest:
            summary += f"; newest digest {log.newest_digest}"
        lines.append(summary)
    lines.extend(report.problems)
    if not report.ok:
        lines.append("VERIFY FAILED")
    elif any(log.days for log in report.logs):
        lines.append("verified: every sealed entry is as it was sealed")
    else:
        lines.append("nothing sealed yet: run console audit seal")
    return lines
