"""Sealed days of the append-only logs: ``console audit seal`` and ``console audit verify``.

The trigger of migration 0006 stops every role but the owner from changing or removing a
journal entry; a seal catches the owner too, and a superuser who switched the trigger off.
Once a Québec calendar day is over (plus :data:`SEAL_GRACE`, for transactions still
committing at midnight), :func:`seal` writes one ``audit_seal`` row per log and day: the
SHA-256 of each entry's canonical form in id order, and a digest over the day chained to
the previous day's seal. Nothing happens on the journal's hot path: writers never wait
on a chain head; only the sealer (one at a time, a transaction-scoped advisory lock) does.

:func:`verify` recomputes every sealed day and names each entry changed (its content or
its time differ), removed (gone), or inserted (in a sealed day but not in its seal). It
also checks each seal's own digest and the chain, so rewriting one seal breaks the next.
Rewriting every seal from some day on, consistently, is caught only by a digest kept
outside the database: :func:`seal` and :func:`verify` print the newest one, and
``verify --expect DIGEST`` checks that a digest noted earlier is still in the chain.

Days are Québec days, as on the supervisors' journal screen; each is sealed even when it
holds no entry, so an entry slipped into an empty day is named too.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, Table, and_, func, or_, select, text
from sqlalchemy.orm import Session

from console.db.models import AuditEntry, AuditSeal, FileAccess
from console.domain.quebec_time import local_date, start_of_day
from console.services.context import ServiceContext

SEAL_GRACE: Final = timedelta(minutes=10)
# The canonical form of an entry: these columns, in this order. A column added to a log
# later stays out of it (old seals keep verifying); adding it here is a new format.
CANONICAL_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "audit_entry": (
        "id",
        "at",
        "staff_id",
        "action",
        "household_id",
        "account_id",
        "member_id",
        "target",
        "reason",
        "details",
    ),
    "file_access": ("id", "staff_id", "household_id", "at"),
}
LOGS: Final[dict[str, Table]] = {
    "audit_entry": AuditEntry.__table__,  # type: ignore[dict-item]
    "file_access": FileAccess.__table__,  # type: ignore[dict-item]
}
_ID_BYTES = 8
_HASH_BYTES = 32
_SEAL_LOCK = 0x636F6E73_6F6C6531  # pg_advisory_xact_lock key of the sealer ("console1")


@dataclass(frozen=True)
class SealedDay:
    log: str
    day: date
    entry_count: int
    digest: str


@dataclass(frozen=True)
class DayCheck:
    """One sealed day as verify found it."""

    log: str
    day: date
    entry_count: int
    changed: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    inserted: tuple[int, ...] = ()
    seal_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.changed or self.removed or self.inserted or self.seal_problems)


@dataclass(frozen=True)
class LogCheck:
    log: str
    days: tuple[DayCheck, ...]
    newest_digest: str | None
    unsealed_since: date | None  # entries from this day on are not sealed yet

    @property
    def ok(self) -> bool:
        return all(day.ok for day in self.days)


@dataclass(frozen=True)
class VerifyReport:
    logs: tuple[LogCheck, ...]
    problems: tuple[str, ...] = ()  # about the chains as a whole (an --expect digest gone)

    @property
    def ok(self) -> bool:
        return not self.problems and all(log.ok for log in self.logs)


def canonical(log: str, row: Any) -> bytes:
    """The bytes an entry's hash covers: its columns, JSON, UTC times to the microsecond."""
    values: list[Any] = []
    for column in CANONICAL_COLUMNS[log]:
        value = getattr(row, column)
        if isinstance(value, datetime):
            value = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        values.append(value)
    return json.dumps([log, *values], ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(log: str, row: Any) -> bytes:
    return hashlib.sha256(canonical(log, row)).digest()


def seal_digest(
    *,
    log: str,
    period_start: datetime,
    period_end: datetime,
    entry_count: int,
    first_entry_id: int | None,
    last_entry_id: int | None,
    entry_hashes: bytes,
    previous_digest: str | None,
) -> str:
    header = json.dumps(
        [
            "console-audit-seal-1",
            log,
            period_start.astimezone(UTC).isoformat(),
            period_end.astimezone(UTC).isoformat(),
            entry_count,
            first_entry_id,
            last_entry_id,
            previous_digest or "",
        ],
        separators=(",", ":"),
    ).encode()
    return hashlib.sha256(header + b"\n" + entry_hashes).hexdigest()


def _digest_of(seal: AuditSeal) -> str:
    return seal_digest(
        log=seal.log,
        period_start=seal.period_start,
        period_end=seal.period_end,
        entry_count=seal.entry_count,
        first_entry_id=seal.first_entry_id,
        last_entry_id=seal.last_entry_id,
        entry_hashes=seal.entry_hashes,
        previous_digest=seal.previous_digest,
    )


def _unpack(blob: bytes) -> dict[int, bytes]:
    width = _ID_BYTES + _HASH_BYTES
    return {
        int.from_bytes(blob[i : i + _ID_BYTES], "big"): blob[i + _ID_BYTES : i + width]
        for i in range(0, len(blob) - width + 1, width)
    }


def _day_rows(session: Session, log: str, start: datetime, end: datetime) -> Iterator[Any]:
    table = LOGS[log]
    statement = (
        select(*(table.c[c] for c in CANONICAL_COLUMNS[log]))
        .where(table.c.at >= start, table.c.at < end)
        .order_by(table.c.id)
    )
    yield from session.execute(statement.execution_options(yield_per=2000))


def _sealer(session: Session) -> str:
    try:
        person = getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        person = "?"
    if session.get_bind().dialect.name == "postgresql":
        role = session.scalar(text("SELECT current_user"))
        return f"{person} as {role}"[:120]
    return person[:120]


def seal(ctx: ServiceContext) -> tuple[SealedDay, ...]:
    """Seal every complete Québec day of each log not sealed yet, oldest first."""
    now = ctx.clock.now()
    last_complete = local_date(now - SEAL_GRACE) - timedelta(days=1)
    sealed: list[SealedDay] = []
    with ctx.db.write() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SEAL_LOCK})
        by = _sealer(session)
        for log, table in LOGS.items():
            previous = session.scalars(
                select(AuditSeal)
                .where(AuditSeal.log == log)
                .order_by(AuditSeal.period_start.desc())
                .limit(1)
            ).first()
            if previous is not None:
                day = local_date(previous.period_end)
                previous_digest: str | None = previous.digest
            else:
                first_at = session.scalar(select(func.min(table.c.at)))
                if first_at is None:
                    continue
                day = local_date(first_at)
                previous_digest = None
            while day <= last_complete:
                start, end = start_of_day(day), start_of_day(day + timedelta(days=1))
                ids: list[int] = []
                parts: list[bytes] = []
                for row in _day_rows(session, log, start, end):
                    ids.append(row.id)
                    parts.append(row.id.to_bytes(_ID_BYTES, "big") + entry_hash(log, row))
                fields: dict[str, Any] = {
                    "log": log,
                    "period_start": start,
                    "period_end": end,
                    "entry_count": len(ids),
                    "first_entry_id": ids[0] if ids else None,
                    "last_entry_id": ids[-1] if ids else None,
                    "entry_hashes": b"".join(parts),
                    "previous_digest": previous_digest,
                }
                digest = seal_digest(**fields)
                session.add(AuditSeal(**fields, digest=digest, created_at=now, sealed_by=by))
                sealed.append(SealedDay(log, day, len(ids), digest))
                previous_digest = digest
                day += timedelta(days=1)
            session.flush()
    return tuple(sealed)


def verify(ctx: ServiceContext, *, expect: Sequence[str] = ()) -> VerifyReport:
    """Recompute every sealed day of each log against its seal. ``expect``: digests noted
    outside the database; each must still be in some log's chain."""
    logs: list[LogCheck] = []
    found: set[str] = set()
    with ctx.db.read() as session:
        for log in LOGS:
            seals = session.scalars(
                select(AuditSeal).where(AuditSeal.log == log).order_by(AuditSeal.period_start)
            ).all()
            found.update(s.digest for s in seals)
            logs.append(
                LogCheck(
                    log=log,
                    days=tuple(_check_days(session, log, seals)),
                    newest_digest=seals[-1].digest if seals else None,
                    unsealed_since=local_date(seals[-1].period_end) if seals else None,
                )
            )
    expected = sorted({d.strip().lower() for d in expect if d.strip()})
    problems = tuple(
        f"digest {d} is in no chain: the seals were rewritten or removed"
        for d in expected
        if d not in found
    )
    return VerifyReport(logs=tuple(logs), problems=problems)


def _check_days(session: Session, log: str, seals: Iterable[AuditSeal]) -> Iterator[DayCheck]:
    previous: AuditSeal | None = None
    for seal_row in seals:
        problems: list[str] = []
        if _digest_of(seal_row) != seal_row.digest:
            problems.append("the seal itself was altered")
        if previous is None:
            if seal_row.previous_digest is not None:
                problems.append("the seals before this day were removed")
        else:
            if seal_row.previous_digest != previous.digest:
                problems.append("the chain is broken: the previous day's seal was altered")
            if seal_row.period_start != previous.period_end:
                problems.append(
                    f"days from {local_date(previous.period_end)} to the day before are"
                    " missing from the seals"
                )
        previous = seal_row
        stored = _unpack(seal_row.entry_hashes)
        if len(stored) != seal_row.entry_count:
            problems.append("the seal's list of entries was altered")
        changed, removed, inserted = _compare(session, log, seal_row, stored)
        yield DayCheck(
            log=log,
            day=local_date(seal_row.period_start),
            entry_count=seal_row.entry_count,
            changed=changed,
            removed=removed,
            inserted=inserted,
            seal_problems=tuple(problems),
        )


def _compare(
    session: Session, log: str, seal_row: AuditSeal, stored: dict[int, bytes]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    table = LOGS[log]
    in_day = and_(table.c.at >= seal_row.period_start, table.c.at < seal_row.period_end)
    condition: ColumnElement[bool] = in_day
    if stored:
        # The sealed ids are (nearly) one range: reading it finds an entry whose time was
        # moved out of the day, which is then "changed", not "removed".
        condition = or_(in_day, table.c.id.between(min(stored), max(stored)))
    statement = (
        select(*(table.c[c] for c in CANONICAL_COLUMNS[log]), in_day.label("in_day"))
        .where(condition)
        .order_by(table.c.id)
    )
    changed: list[int] = []
    inserted: list[int] = []
    seen: set[int] = set()
    for row in session.execute(statement.execution_options(yield_per=2000)):
        known = stored.get(row.id)
        if known is None:
            if row.in_day:
                inserted.append(row.id)
            continue
        seen.add(row.id)
        if entry_hash(log, row) != known:
            changed.append(row.id)
    removed = sorted(set(stored) - seen)
    return tuple(changed), tuple(removed), tuple(inserted)
