"""Command line: ``console`` opens the window; sub-commands run without a screen."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from console.cli_audit import add_audit_commands, add_roles_command
from console.cli_keys import add_keys_commands
from console.cli_staff import add_staff_commands

if TYPE_CHECKING:
    from console.db.engine import Database
    from console.db.sin import SinCipher
    from console.services.context import ServiceContext

Command = Callable[[argparse.Namespace], int]
# The names of console.db.seed.SCALES, repeated so the parser does not import the generator.
SEED_SCALES = ("demo", "test", "city")


def _add_db(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="database: migrate, seed, roles")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser("upgrade", help="migrate the configured database to the latest schema")
    up.set_defaults(func=_db_upgrade)
    seed = db_sub.add_parser(
        "seed", help="fill the configured (empty) database with generated data"
    )
    seed.add_argument(
        "--scale",
        choices=SEED_SCALES,
        default="demo",
        help="demo: 60 households; test: a few hundred; city: Québec City, 150 000 households",
    )
    seed.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    seed.set_defaults(func=_db_seed)
    add_roles_command(db_sub)


def _open_configured_database(*, migrate: bool = True) -> Database:
    """The database the settings name (embedded SQLite by default), migrated to head,
    with no demo data added: the commands decide what goes in."""
    from console.bootstrap import open_database
    from console.db.migrate import upgrade

    database = open_database(migrate=False)
    if migrate:
        upgrade(database.engine)
    return database


def _configured_cipher() -> SinCipher:
    from console.bootstrap import sin_cipher
    from console.config import load_settings

    return sin_cipher(load_settings())


def _db_upgrade(args: argparse.Namespace) -> int:
    from console.db.migrate import current_revision

    database = _open_configured_database()
    try:
        print(f"schema at revision {current_revision(database.engine)}")
    finally:
        database.dispose()
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

    from console.bootstrap import MissingKey, outbox_cipher
    from console.config import load_settings
    from console.db.sin import SinCipher
    from console.services.context import ServiceContext
    from console.services.mail_relay import (
        SmtpTransport,
        deliver_due,
        run_relay,
        smtp_password,
    )

    settings = load_settings()
    try:  # it opens the reset links queued by the servers: their key, never one of its own
        outbox = outbox_cipher(settings)
    except (MissingKey, ValueError) as problem:
        print(f"console mail-relay: refused to start: {problem}", file=sys.stderr)
        return 2
    database = _open_configured_database(migrate=False)
    # The relay never reads a social insurance number: a throwaway key keeps the real one
    # out of this process.
    ctx = ServiceContext(
        db=database,
        sin_cipher=SinCipher(Fernet.generate_key()),
        settings=settings,
        outbox_cipher=outbox,
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


def _db_seed(args: argparse.Namespace) -> int:
    from console.bootstrap import MissingKey
    from console.db.seed import DatabaseNotEmpty, OverCapacity, SeedCancelled, seed_database
    from console.db.sin import SinKeyError
    from console.domain.clock import SystemClock

    try:  # numbers sealed with a key made here could be read by no server
        cipher = _configured_cipher()
    except (MissingKey, SinKeyError) as problem:
        print(f"refused: {problem}", file=sys.stderr)
        return 2
    database = _open_configured_database()
    where = database.engine.url.render_as_string(hide_password=True)
    print(f"seeding {where}: scale {args.scale}, seed {args.seed} (planning…)", file=sys.stderr)
    bar = ProgressBar(sys.stderr)
    started = time.perf_counter()
    try:
        summary = seed_database(
            database,
            cipher,
            scale=args.scale,
            seed=args.seed,
            now=SystemClock().now(),
            progress=bar.update,
        )
    except (DatabaseNotEmpty, OverCapacity) as exc:
        bar.finish()
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, SeedCancelled):
        bar.finish()
        print("cancelled: nothing was written", file=sys.stderr)
        return 130
    finally:
        database.dispose()
    bar.finish()
    elapsed = time.perf_counter() - started
    for name, value in vars(summary).items():
        if isinstance(value, int) and name != "seed":
            print(f"{name.replace('_', ' '):<20}{value:>12,}")
    states = ", ".join(f"{state} {count:,}" for state, count in summary.carts_by_state)
    print(f"{'carts by state':<20}{states}")
    print(f"{summary.rows:,} rows in {elapsed:.1f} s ({summary.rows / elapsed:,.0f} rows/s)")
    return 0


class ProgressBar:
    """A one-line progress bar (percent, rows/s, time left) for a terminal or a log."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.tty = stream.isatty()
        self._start: float | None = None
        self._last_draw = 0.0
        self._last_decile = -1
        self._drawn = False

    def update(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if self._start is None:
            self._start = now
        fraction = done / total if total else 1.0
        if self.tty:
            if done < total and now - self._last_draw < 0.2:
                return
            self.stream.write("\r" + self.line(done, total, now - self._start))
        else:
            decile = int(fraction * 10)
            if decile == self._last_decile:
                return
            self._last_decile = decile
            self.stream.write(self.line(done, total, now - self._start) + "\n")
        self._last_draw = now
        self._drawn = True
        self.stream.flush()

    def line(self, done: int, total: int, elapsed: float) -> str:
        fraction = min(1.0, done / total) if total else 1.0
        filled = round(fraction * self.width)
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        bar = "#" * filled + "." * (self.width - filled)
        eta = f"{int(left // 60)}:{int(left % 60):02d}"
        return f"[{bar}] {fraction * 100:5.1f}%  {rate:>9,.0f} rows/s  ETA {eta}"

    def finish(self) -> None:
        if self._drawn and self.tty:
            self.stream.write("\n")
            self.stream.flush()
        self._drawn = False


def _add_places(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sw = sub.add_parser("sweep", help="lapse expired holds and offers; offer freed places")
    sw.set_defaults(func=_sweep)
    sim = sub.add_parser(
        "simulate",
        help="play the public site against the database",
        description="opening: every family reaches for the same few activities in the"
        " opening second, then pays or lets its hold lapse; prints served per second,"
        " answers by kind and an overbooking check by SQL (exit status 1 when a family got"
        " no answer or an activity is overbooked). site: families browse, hold, pay and"
        " abandon carts at their own pace (the demo's background).",
    )
    sim.add_argument("--users", type=int, default=20, help="simulated web families")
    sim.add_argument("--minutes", type=float, default=10.0, help="how long to play, at most")
    sim.add_argument("--seed", type=int, default=None, help="repeatable choices")
    sim.add_argument("--workers", type=int, default=8, help="threads playing the users")
    sim.add_argument(
        "--scenario", choices=("opening", "site"), default="opening", help="default: opening"
    )
    sim.add_argument(
        "--hot", type=int, default=3, help="opening: the activities every family reaches for"
    )
    sim.set_defaults(func=_simulate)


def _headless_context() -> ServiceContext:
    """The services without a window. Sweeping and simulating never read a social
    insurance number: a throwaway key keeps the real one out of this process."""
    from cryptography.fernet import Fernet

    from console.bootstrap import configured_database
    from console.config import load_settings
    from console.db.sin import SinCipher
    from console.services.context import ServiceContext

    settings = load_settings()
    database = configured_database(settings)
    return ServiceContext(
        db=database, sin_cipher=SinCipher(Fernet.generate_key()), settings=settings
    )


def _sweep(args: argparse.Namespace) -> int:
    from console.services.sweep import sweep

    ctx = _headless_context()
    try:
        report = sweep(ctx)
    finally:
        ctx.db.dispose()
    print(
        f"carts lapsed: {report.carts_lapsed}, checkouts settled: {report.checkouts_settled}"
        f" (unsettled: {report.checkouts_unsettled}), offers lapsed: {report.offers_lapsed},"
        f" offers made: {report.offers_made}"
    )
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from console.services.opening_day import opening_day
    from console.services.simulator import simulate

    ctx = _headless_context()
    try:
        if args.scenario == "opening":
            opened = opening_day(
                ctx, args.users, args.minutes, hot=args.hot, seed=args.seed, workers=args.workers
            )
            print("\n".join(opened.lines()))
            return 0 if opened.ok else 1
        report = simulate(ctx, args.users, args.minutes, seed=args.seed, workers=args.workers)
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.db.dispose()
    print("\n".join(report.lines()))
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
    from console import __version__

    parser.add_argument("--version", action="version", version=f"console {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (Qt, translations, receipts, database, TLS) and exit",
    )
    sub = parser.add_subparsers(dest="command")
    _add_db(sub)
    _add_mail_relay(sub)
    _add_places(sub)
    add_staff_commands(sub)
    add_audit_commands(sub)
    add_keys_commands(sub)
    from console.server.main import add_serve_command

    add_serve_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    func: Command | None = getattr(args, "func", None)
    if func is not None:
        return func(args)
    if args.self_test:
        from console.selftest import run

        return run()
    from console.app import run_gui

    return int(run_gui(args))
