"""``console staff``: staff accounts of the console server, run on the server machine.

    console staff add USERNAME --role agent|clerk|supervisor [--borough CODE] --name "…"
    console staff set-password USERNAME
    console staff disable USERNAME
    console staff list

A password is never an argument (it would show in the process list and the shell's
history): it is read from standard input, one line, when that is not a terminal, or asked
twice without echo.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from console.domain.vocabulary import Role

if TYPE_CHECKING:
    from console.domain.errors import ConsoleError
    from console.services.context import ServiceContext


class PasswordNotGiven(Exception):
    """No password on standard input, or the two typed ones differ."""


def add_staff_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="staff accounts: add, set a password, disable, list")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True)

    add = staff_sub.add_parser(
        "add",
        help="add a staff member; the password is read from standard input or asked twice",
    )
    add.add_argument("username", help="the sign-in name (lower case letters, digits, . _ -)")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", required=True, help="the name shown on screen and in the journal")
    add.add_argument("--borough", metavar="CODE", help="borough code (required for a clerk)")
    add.set_defaults(func=_add)

    password = staff_sub.add_parser(
        "set-password",
        help="give a new password (standard input or asked twice); ends the member's sessions",
    )
    password.add_argument("username")
    password.set_defaults(func=_set_password)

    disable = staff_sub.add_parser(
        "disable", help="disable a staff member and end every one of their sessions"
    )
    disable.add_argument("username")
    disable.set_defaults(func=_disable)

    listing = staff_sub.add_parser("list", help="every staff account")
    listing.set_defaults(func=_list)


def read_password(stdin: TextIO | None = None, stderr: TextIO | None = None) -> str:
    """One line of standard input when it is not a terminal; otherwise asked twice."""
    stdin = stdin or sys.stdin
    if not stdin.isatty():
        line = stdin.readline().rstrip("\r\n")
        if not line:
            raise PasswordNotGiven("no password on standard input")
        return line
    first = getpass.getpass("Password: ", stream=stderr)
    second = getpass.getpass("Password again: ", stream=stderr)
    if first != second:
        raise PasswordNotGiven("the two passwords differ")
    if not first:
        raise PasswordNotGiven("no password given")
    return first


def _context() -> ServiceContext:
    from console.cli import _headless_context

    return _headless_context()


def _run(action: str, work: Callable[[], None]) -> int:
    """Run a staff command: a refusal becomes one line on stderr and exit status 1."""
    from console.domain.errors import ConsoleError

    try:
        work()
    except PasswordNotGiven as exc:
        print(f"{action}: {exc}; nothing changed", file=sys.stderr)
        return 1
    except ConsoleError as exc:
        print(f"{action} refused: {_explain(exc)}", file=sys.stderr)
        return 1
    return 0


def _explain(exc: ConsoleError) -> str:
    p = exc.params
    sentences = {
        "staff_password_too_short": f"the password needs at least {p.get('minimum')} characters",
        "staff_password_too_long": f"the password may have at most {p.get('maximum')} characters",
        "staff_username_taken": f"the username {p.get('username')!r} is taken",
        "staff_username_invalid": (
            f"{p.get('username')!r} is not a username (lower case letters, digits, . _ -)"
        ),
        "staff_not_found": f"no staff member is named {p.get('username')!r}",
        "borough_not_found": f"no borough has the code {p.get('borough')!r}",
        "clerk_needs_borough": "a clerk needs --borough CODE",
        "staff_name_required": "--name must give a name (at most 120 characters)",
        "staff_role_invalid": f"{p.get('role')!r} is not a role",
        "text_invalid": (
            f"{_FIELDS.get(str(p.get('field')), p.get('field'))} holds a character that"
            " cannot be stored (a control or invalid character)"
        ),
        "text_too_long": (
            f"{_FIELDS.get(str(p.get('field')), p.get('field'))} is too long"
            f" (at most {p.get('max')} characters)"
        ),
        "database_busy": "the database is busy; try again in a moment",
        "database_unavailable": (
            "the database does not answer; check database_url and the network"
            + (f" ({p['detail']})" if p.get("detail") else "")
        ),
        "database_login_refused": (
            "the database refused the login: check the user name and password of database_url"
        ),
    }
    return sentences.get(exc.code, str(exc))


_FIELDS = {
    "username": "the username",
    "display_name": "--name",
    "password": "the password",
    "borough": "--borough",
}


def _add(args: argparse.Namespace) -> int:
    from console.services.staff_auth import add_staff

    def work() -> None:
        password = read_password()
        ctx = _context()
        try:
            actor = add_staff(
                ctx, args.username, Role(args.role), args.name, password, args.borough
            )
        finally:
            ctx.db.dispose()
        where = f", {actor.borough_name}" if actor.borough_name else ""
        print(f"added {actor.username} ({actor.role.value}{where}): {actor.display_name}")

    return _run("staff add", work)


def _set_password(args: argparse.Namespace) -> int:
    from console.services.staff_auth import set_password

    def work() -> None:
        password = read_password()
        ctx = _context()
        try:
            ended = set_password(ctx, args.username, password)
        finally:
            ctx.db.dispose()
        print(f"password set for {args.username.strip().lower()}; sessions ended: {ended}")

    return _run("staff set-password", work)


def _disable(args: argparse.Namespace) -> int:
    from console.services.staff_auth import disable_staff

    def work() -> None:
        ctx = _context()
        try:
            ended = disable_staff(ctx, args.username)
        finally:
            ctx.db.dispose()
        print(f"disabled {args.username.strip().lower()}; sessions ended: {ended}")

    return _run("staff disable", work)


def _list(args: argparse.Namespace) -> int:
    from console.services.staff_auth import list_staff_accounts

    def work() -> None:
        ctx = _context()
        try:
            accounts = list_staff_accounts(ctx)
        finally:
            ctx.db.dispose()
        rows = [("username", "name", "role", "borough", "state", "locked until", "last sign-in")]
        for a in accounts:
            state = "active" if a.active else "disabled"
            if a.active and not a.has_password:
                state = "no password"
            rows.append(
                (
                    a.username,
                    a.display_name,
                    a.role.value,
                    a.borough_code or "",
                    state,
                    _when(a.locked_until),
                    _when(a.last_sign_in_at),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            print(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )

    return _run("staff list", work)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    from console.services.quebec_time import LOCAL_TZ

    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
