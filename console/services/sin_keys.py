"""The ring of SIN keys against what is stored: which key seals how many numbers, whether
the server can open them all, and the rotation that seals every number with the current
key (``console keys rotate``).

The rotation goes in batches, one transaction each, taking rows ``FOR UPDATE SKIP
LOCKED`` (on PostgreSQL) in id order: a batch opens each number with the key its row
names, seals it again with the current key, fills the last three digits if the row had
none (numbers stored before key ids), and journals the batch as a system action
(``system.sin_keys_rotated``: how many, from which keys, to which — never a number). An
interruption loses at most the batch in progress; running the command again carries on
where it stopped. Once no number is left under a key, that key is retired: the operator
removes it from the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from console.db.models import Member
from console.db.sin import LEGACY_KEY_ID, SinKeyMissing
from console.services import audit
from console.services.context import ServiceContext

BATCH = 500
ProgressFn = Callable[[int, int], None]


class RotationStopped(Exception):
    """A number could not be opened: the rotation stops, every batch before it kept."""

    def __init__(self, reason: str, report: RotationReport) -> None:
        super().__init__(reason)
        self.reason = reason
        self.report = report


@dataclass(frozen=True)
class KeyCensus:
    """How many numbers each key id seals (``None`` in a row counts as ``k1``)."""

    current: str
    held: tuple[str, ...]  # the ids the ring holds
    counts: tuple[tuple[str, int], ...]  # (key id, numbers), by id
    missing_last3: int  # numbers stored before key ids, last digits not yet filled
    missing_last3_under_current: int

    def count(self, key_id: str) -> int:
        return dict(self.counts).get(key_id, 0)

    @property
    def to_rotate(self) -> int:
        """Rows the rotation still has to seal again or complete."""
        behind = sum(n for key_id, n in self.counts if key_id != self.current)
        return behind + self.missing_last3_under_current

    @property
    def unknown(self) -> tuple[str, ...]:
        """Key ids found in the rows that the ring does not hold."""
        return tuple(key_id for key_id, n in self.counts if n and key_id not in self.held)

    @property
    def retired(self) -> tuple[str, ...]:
        """Keys of the ring, other than the current one, that seal no number."""
        return tuple(k for k in self.held if k != self.current and self.count(k) == 0)


@dataclass(frozen=True)
class RotationReport:
    sealed_again: int  # numbers moved to the current key
    completed: int  # numbers already under it whose last digits were filled
    batches: int
    census: KeyCensus


def key_census(ctx: ServiceContext) -> KeyCensus:
    current = ctx.sin_cipher.current_id
    key_id = func.coalesce(Member.sin_key_id, LEGACY_KEY_ID)
    with ctx.db.read() as session:
        counts = session.execute(
            select(key_id, func.count())
            .where(Member.sin_encrypted.is_not(None))
            .group_by(key_id)
            .order_by(key_id)
        ).all()
        missing = session.execute(
            select(key_id, func.count())
            .where(Member.sin_encrypted.is_not(None), Member.sin_last3.is_(None))
            .group_by(key_id)
        ).all()
    missing_by_key = {str(k): int(n) for k, n in missing}
    return KeyCensus(
        current=current,
        held=ctx.sin_cipher.key_ids,
        counts=tuple((str(k), int(n)) for k, n in counts),
        missing_last3=sum(missing_by_key.values()),
        missing_last3_under_current=missing_by_key.get(current, 0),
    )


def ring_problem(ctx: ServiceContext) -> str | None:
    """Why this ring cannot serve the numbers stored, in one sentence; ``None`` when it
    holds every key they name and each key opens a number it sealed (a wrong key under a
    right id would otherwise fail only at the first reveal)."""
    census = key_census(ctx)
    if census.unknown:
        names = ", ".join(f"{k} ({census.count(k)})" for k in census.unknown)
        return (
            f"social insurance numbers are sealed with SIN keys the settings do not hold:"
            f" {names}; add them to sin_keys"
        )
    with ctx.db.read() as session:
        for key_id, n in census.counts:
            if not n:
                continue
            sample = session.scalar(
                select(Member.sin_encrypted)
                .where(_under(key_id), Member.sin_encrypted.is_not(None))
                .limit(1)
            )
            if sample is None:
                continue
            try:
                ctx.sin_cipher.decrypt(sample, key_id)
            except ValueError:
                return (
                    f"the SIN key {key_id} of the settings does not open the numbers sealed"
                    f" under that id: it is not the key they were sealed with"
                )
    return None


def rotate(
    ctx: ServiceContext,
    *,
    batch: int = BATCH,
    progress: ProgressFn | None = None,
    max_batches: int | None = None,
) -> RotationReport:
    """Seal every number not under the current key with it, batch after batch, until none
    is left (or ``max_batches`` ran). Raises :class:`RotationStopped` on a number that
    cannot be opened (its key missing from the ring, or wrong)."""
    total = key_census(ctx).to_rotate
    sealed_again = completed = batches = 0
    if progress is not None:
        progress(0, total)
    while max_batches is None or batches < max_batches:
        try:
            moved, filled = _rotate_batch(ctx, batch)
        except _Unopenable as stop:
            report = RotationReport(sealed_again, completed, batches, key_census(ctx))
            raise RotationStopped(stop.reason, report) from stop
        if moved + filled == 0:
            break
        sealed_again, completed, batches = sealed_again + moved, completed + filled, batches + 1
        if progress is not None:
            progress(min(sealed_again + completed, total), max(total, sealed_again + completed))
    return RotationReport(sealed_again, completed, batches, key_census(ctx))


class _Unopenable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _under(key_id: str) -> ColumnElement[bool]:
    if key_id == LEGACY_KEY_ID:
        return or_(Member.sin_key_id == key_id, Member.sin_key_id.is_(None))
    return Member.sin_key_id == key_id


def _rotate_batch(ctx: ServiceContext, batch: int) -> tuple[int, int]:
    """One transaction: up to ``batch`` rows sealed again; (moved, completed)."""
    cipher = ctx.sin_cipher
    current = cipher.current_id
    with ctx.db.write() as session:
        rows = _due(session, current, batch, skip_locked=ctx.db.locks_rows)
        moved: dict[str, int] = {}
        filled = 0
        for member in rows:
            key_id = member.sin_key_id or LEGACY_KEY_ID
            assert member.sin_encrypted is not None
            try:
                digits = cipher.decrypt(member.sin_encrypted, key_id)
            except SinKeyMissing:
                raise _Unopenable(
                    f"member {member.id}: sealed with SIN key {key_id}, which the settings do"
                    f" not hold; add it to sin_keys and run the rotation again"
                ) from None
            except ValueError:
                raise _Unopenable(
                    f"member {member.id}: the SIN key {key_id} of the settings does not open"
                    f" its number (a wrong key under that id)"
                ) from None
            if key_id == current:
                if member.sin_key_id is None:
                    member.sin_key_id = current
                filled += 1
                member.sin_last3 = cipher.seal(digits).last3
                continue
            sealed = cipher.seal(digits)
            member.sin_encrypted = sealed.ciphertext
            member.sin_key_id = sealed.key_id
            member.sin_last3 = sealed.last3
            moved[key_id] = moved.get(key_id, 0) + 1
        if rows:
            audit.record(
                session,
                ctx,
                None,
                "system.sin_keys_rotated",
                target=f"{len(rows)} NAS",
                details={
                    "to": current,
                    "from": dict(sorted(moved.items())),
                    "last_digits_filled": filled,
                    "first_member_id": rows[0].id,
                    "last_member_id": rows[-1].id,
                },
            )
        return sum(moved.values()), filled


def _due(session: Session, current: str, batch: int, *, skip_locked: bool) -> list[Member]:
    statement = (
        select(Member)
        .where(
            Member.sin_encrypted.is_not(None),
            or_(
                Member.sin_key_id.is_(None),
                Member.sin_key_id != current,
                Member.sin_last3.is_(None),
            ),
        )
        .order_by(Member.id)
        .limit(batch)
    )
    if skip_locked:
        statement = statement.with_for_update(skip_locked=True)
    return list(session.scalars(statement))
