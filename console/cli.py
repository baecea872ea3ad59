"""Command line: ``console`` opens the window; sub-commands run without a screen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

Command = Callable[[argparse.Namespace], int]


def _add_db(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="database: migrate, seed")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser("upgrade", help="migrate the configured database to the latest schema")
    up.set_defaults(func=_db_upgrade)


def _db_upgrade(args: argparse.Namespace) -> int:
    from console.app import open_database

    database = open_database(migrate=False)
    from console.db.migrate import current_revision, upgrade

    upgrade(database.engine)
    print(f"schema at revision {current_revision(database.engine)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="console", description="Support console — Mes loisirs en ligne"
    )
    parser.add_argument("--call", metavar="PHONE", help="open the caller's household (caller ID)")
    parser.add_argument("--language", choices=["fr", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command")
    _add_db(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    func: Command | None = getattr(args, "func", None)
    if func is not None:
        return func(args)
    from console.app import run_gui

    return int(run_gui(args))
