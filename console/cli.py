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


def _add_mail_relay(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    relay = sub.add_parser("mail-relay", help="deliver the email outbox over SMTP")
    relay.add_argument("--once", action="store_true", help="send what is due, then exit")
    relay.add_argument(
        "--interval", type=float, default=30.0, metavar="SECONDS", help="pause between passes"
    )
    relay.set_defaults(func=_mail_relay)


def _mail_relay(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    from console.config import load_settings
    from console.db.engine import Database
    from console.db.sin import SinCipher
    from console.services.context import ServiceContext
    from console.services.mail_relay import (
        SmtpTransport,
        deliver_due,
        run_relay,
        smtp_password,
    )

    settings = load_settings()
    database = Database(settings.database_url, lock_timeout_ms=settings.lock_timeout_ms)
    # The relay never reads a social insurance number: a throwaway key keeps the real one
    # out of this process.
    ctx = ServiceContext(
        db=database, sin_cipher=SinCipher(Fernet.generate_key()), settings=settings
    )
    transport = SmtpTransport(settings.smtp, smtp_password(settings.smtp))
    try:
        if args.once:
            report = deliver_due(ctx, transport, sender=settings.smtp.sender)
            print(f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}")
        else:
            run_relay(ctx, transport, sender=settings.smtp.sender, interval_s=args.interval)
    except KeyboardInterrupt:
        pass
    finally:
        database.dispose()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="console", description="Support console — Mes loisirs en ligne"
    )
    parser.add_argument("--call", metavar="PHONE", help="open the caller's household (caller ID)")
    parser.add_argument(
        "--listen-calls",
        nargs="?",
        type=int,
        const=-1,
        metavar="PORT",
        help="accept the phone system's GET http://127.0.0.1:PORT/call?number=… (default 8765)",
    )
    parser.add_argument("--language", choices=["fr", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command")
    _add_db(sub)
    _add_mail_relay(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    func: Command | None = getattr(args, "func", None)
    if func is not None:
        return func(args)
    from console.app import run_gui

    return int(run_gui(args))
