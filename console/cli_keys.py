"""``console keys``: the ring of SIN keys against the numbers stored, run on the server
machine with the server's settings.

    console keys status
    console keys rotate --to ID [--batch N]

To rotate: add the new key to ``sin_keys`` beside the old one, make it current
(``sin_key_id``), restart the servers, then ``console keys rotate --to ID``. Every number
is sealed again with the new key, batch after batch, each batch one transaction
journaled as a system action; an interruption keeps every finished batch, and running the
command again carries on. Once no number is left under the old key it is retired: remove
it from ``sin_keys``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.domain.errors import ConsoleError
    from console.services.context import ServiceContext
    from console.services.sin_keys import KeyCensus


class KeysRefused(Exception):
    """Why the command did nothing, in one sentence."""


def add_keys_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="SIN keys: which key seals how many numbers; rotate")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    status = keys_sub.add_parser("status", help="numbers sealed under each key id")
    status.set_defaults(func=_status)
    rotate = keys_sub.add_parser(
        "rotate", help="seal every number again with the current key, in batches"
    )
    rotate.add_argument(
        "--to",
        required=True,
        metavar="ID",
        help="the current key of the settings (sin_key_id), named again on purpose",
    )
    rotate.add_argument("--batch", type=int, default=500, help="numbers per transaction")
    rotate.set_defaults(func=_rotate)


def _context() -> ServiceContext:
    from console.bootstrap import MissingKey, open_database, sin_cipher
    from console.config import load_settings
    from console.db.sin import SinKeyError
    from console.services.context import ServiceContext

    settings = load_settings()
    try:
        cipher = sin_cipher(settings)
    except (MissingKey, SinKeyError) as problem:
        raise KeysRefused(str(problem)) from problem
    return ServiceContext(
        db=open_database(migrate=False, settings=settings, seed_demo=False),
        sin_cipher=cipher,
        settings=settings,
    )


def census_lines(census: KeyCensus) -> list[str]:
    lines = []
    ids = sorted({k for k, _n in census.counts} | set(census.held))
    for key_id in ids:
        notes = []
        if key_id == census.current:
            notes.append("current")
        if key_id not in census.held:
            notes.append("NOT IN THE SETTINGS")
        elif key_id in census.retired:
            notes.append("retired: remove it from sin_keys")
        note = f"  ({', '.join(notes)})" if notes else ""
        lines.append(f"key {key_id}: {census.count(key_id):,} numbers{note}")
    if census.missing_last3:
        lines.append(
            f"{census.missing_last3:,} numbers stored before key ids have no last digits"
            " on file yet (the rotation fills them)"
        )
    return lines


def database_problem(error: ConsoleError) -> str:
    """What the database answered, in a sentence (never the bare code)."""
    if error.code == "database_login_refused":
        return "the database refused the login: check the user name and password of database_url"
    if error.code == "database_busy":
        return "the database is busy: try again in a moment"
    detail = error.params.get("detail")
    return "the database does not answer" + (f" ({detail})" if detail else "")


def _status(args: argparse.Namespace) -> int:
    from console.domain.errors import ConsoleError
    from console.services.sin_keys import key_census, ring_problem

    try:
        ctx = _context()
    except KeysRefused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 2
    try:
        for line in census_lines(key_census(ctx)):
            print(line)
        problem = ring_problem(ctx)
    except ConsoleError as error:
        print(database_problem(error), file=sys.stderr)
        return 2
    finally:
        ctx.db.dispose()
    if problem is not None:
        print(f"problem: {problem}", file=sys.stderr)
        return 1
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from console.cli import ProgressBar
    from console.domain.errors import ConsoleError
    from console.services.sin_keys import RotationStopped, key_census, rotate

    try:
        ctx = _context()
    except KeysRefused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 2
    bar = ProgressBar(sys.stderr)
    try:
        current = ctx.sin_cipher.current_id
        if args.to != current:
            held = ctx.sin_cipher.holds(args.to)
            print(
                f"refused: the settings' current SIN key is {current}, not {args.to}: "
                + (
                    f'set sin_key_id = "{args.to}" and restart the servers first'
                    if held
                    else f"add the key {args.to} to sin_keys and make it current first"
                ),
                file=sys.stderr,
            )
            return 2
        if args.batch < 1:
            print("refused: --batch takes at least 1", file=sys.stderr)
            return 2
        before = key_census(ctx)
        print(f"sealing {before.to_rotate:,} numbers with key {current}", file=sys.stderr)
        try:
            report = rotate(ctx, batch=args.batch, progress=bar.update)
        except KeyboardInterrupt:
            bar.finish()
            left = key_census(ctx).to_rotate
            print(
                f"interrupted: every finished batch is kept; {left:,} numbers still to do:"
                f" run the same command again to carry on",
                file=sys.stderr,
            )
            return 130
        except RotationStopped as stopped:
            bar.finish()
            print(f"stopped: {stopped.reason}", file=sys.stderr)
            return 1
        bar.finish()
    except ConsoleError as error:
        bar.finish()
        print(database_problem(error), file=sys.stderr)
        return 2
    finally:
        ctx.db.dispose()
    print(
        f"sealed again: {report.sealed_again:,}; last digits filled: {report.completed:,};"
        f" batches: {report.batches:,}"
    )
    for line in census_lines(report.census):
        print(line)
    for key_id in report.census.retired:
        print(f"key {key_id} retired: no number is sealed with it; remove it from sin_keys")
    left = report.census.to_rotate
    if left:
        print(f"{left:,} numbers were in use and are still to do: run the command again")
        return 1
    return 0
