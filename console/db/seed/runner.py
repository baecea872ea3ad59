"""``seed_database``: plan a whole city in memory, then write it in one transaction.

Planning is deterministic for a seed (every part draws from its own ``random.Random``);
writing goes table by table in batches, parents before children, reporting rows written
and honouring cancellation between batches (a cancelled seed leaves nothing behind).
"""

from __future__ import annotations

import queue
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.models import Base
from console.db.numbers import sync_sequences
from console.db.seed import catalogue, scenarios, support
from console.db.seed.carts import CartPlan, plan_carts
from console.db.seed.people import build_people
from console.db.seed.planner import Planner
from console.db.seed.programme import build_activities, seasons_around
from console.db.seed.render import TABLES as CART_TABLES
from console.db.seed.render import CartRenderer, Ids
from console.db.seed.scales import SCALES, Scale
from console.db.seed.writer import (
    RowWriter,
    capacity_checked_at_end,
    foreign_keys_checked_at_end,
    sync_id_sequences,
    writer_for,
)
from console.db.sin import SinCipher
from console.domain.vocabulary import Role

Row = tuple[object, ...]
SEEDED_TABLES = (
    "borough", "season", "staff", "account", "household", "member", "activity",
    "waitlist_entry", "cart", "cart_item", "payment", "registration", "receipt",
    "outbox_message", "audit_entry", "call_note", "call_verification",
)  # fmt: skip


class DatabaseNotEmpty(RuntimeError):
    """The seed only fills an empty database."""


class SeedCancelled(RuntimeError):
    """The caller cancelled; the transaction was rolled back."""


@dataclass(frozen=True)
class SeedSummary:
    """Rows written per table, and the cart states made."""

    scale: str
    seed: int
    boroughs: int
    seasons: int
    staff: int
    accounts: int
    households: int
    members: int
    activities: int
    waitlist_entries: int
    carts: int
    cart_items: int
    payments: int
    registrations: int
    receipts: int
    outbox_messages: int
    audit_entries: int
    call_notes: int
    call_verifications: int
    carts_by_state: tuple[tuple[str, int], ...] = ()

    @property
    def rows(self) -> int:
        values = (getattr(self, f.name) for f in fields(self) if f.name != "seed")
        return sum(v for v in values if isinstance(v, int))


class _Progress:
    def __init__(
        self,
        total: int,
        report: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.total, self.done = total, 0
        self._report, self._cancelled = report, cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise SeedCancelled("seed cancelled")

    def advance(self, rows: int) -> None:
        self.done += rows
        if self._report is not None:
            self._report(self.done, self.total)
        self.check()


def seed_database(
    db: Database,
    cipher: SinCipher,
    *,
    scale: str = "demo",
    seed: int = 1,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SeedSummary:
    """Fill an empty, migrated database with a deterministic city for ``seed``.

    ``now`` (aware) anchors every live state: holds lapse in the next minutes, checkout
    locks are running, offers expire within 48 hours. Raises :class:`DatabaseNotEmpty`
    if any table the seed fills already has rows, :class:`SeedCancelled` if
    ``cancelled()`` turns true, :class:`OverCapacity` if the load would leave an activity
    past its capacity (PostgreSQL's bound, checked once for the whole load); nothing is
    written then.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    with db.read() as session:
        _refuse_if_not_empty(session)
    world = _World(SCALES[scale], seed, now, cipher)
    steps = world.steps()
    tracker = _Progress(sum(len(rows) for _, rows in steps) + world.cart_rows, progress, cancelled)
    tracker.advance(0)  # planned: the total is known, nothing written yet
    with db.write() as session:
        _refuse_if_not_empty(session)
        writer = writer_for(session)
        # At the end the foreign keys are put back first (every row's activity exists),
        # then the places are counted once and the capacity triggers enabled again.
        with (
            capacity_checked_at_end(session),
            foreign_keys_checked_at_end(session, SEEDED_TABLES),
        ):
            for table, rows in steps:
                _write_batches(writer, table, rows, world.scale.batch, tracker)
            world.write_carts(writer, tracker)
        sync_id_sequences(session, SEEDED_TABLES)
        sync_sequences(session)
    if db.dialect == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    if progress is not None:
        progress(tracker.total, tracker.total)
    return world.summary()


def _refuse_if_not_empty(session: Session) -> None:
    for name in SEEDED_TABLES:
        table = Base.metadata.tables[name]
        if session.scalar(select(exists().select_from(table))):
            raise DatabaseNotEmpty(f"table {name} already has rows; seed an empty database")


def _write_batches(
    writer: RowWriter, table: str, rows: Sequence[Row], batch: int, tracker: _Progress
) -> None:
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        writer.write(table, chunk)
        tracker.advance(len(chunk))


class _World:
    """Everything planned for one seed; rows for carts are made while writing."""

    def __init__(self, scale: Scale, seed: int, now: datetime, cipher: SinCipher) -> None:
        def rng(part: str) -> random.Random:
            return random.Random(f"{seed}/{part}")

        self.scale, self.seed, self.now = scale, seed, now
        self.people = build_people(
            rng("people"), rng("families"), scenarios.HOUSEHOLDS,
            scale.households - len(scenarios.HOUSEHOLDS), now, cipher.seal,
        )  # fmt: skip
        self.seasons = seasons_around(now.date())
        self.activity_rows, self.activities = build_activities(
            rng("programme"), self.seasons, scale.activities_per_season, scale.max_capacity
        )
        scripted = scenarios.apply(self.people, self.activities, self.seasons)
        planner = Planner(rng("places"), self.people, self.seasons, now, citywide=scale.citywide)
        self.plan = planner.plan_all(self.activities, scripted.forced)
        self._apply_capacities()
        season_of = [a.season for a in self.activities]
        phone = support.staff_ids(Role.AGENT, Role.CLERK)
        self.carts, self.totals = plan_carts(
            rng("carts"), self.plan, season_of, scripted.stories, phone
        )
        self.ids = Ids()
        self.support = support.SupportWriter(rng("support"), self.people, now, self.ids)
        self.support.account_mails(scenarios.MAIL_FAILURES, scenarios.RESETS)
        self.support.offer_mails(self.plan.offers, self.activities)
        self.support.journal(max(12, scale.call_notes // 2))
        self.support.calls(scale.call_notes, scenarios.NOTES)
        t = self.totals
        self.cart_rows = (
            t.carts
            + t.items
            + t.payments
            + t.registrations
            + t.receipts
            + t.receipt_mails
            + t.phone_audits
        )
        self._renderer = CartRenderer(
            rng("checkout"), self.people, self.activities, self.seasons,
            {i: s[0] for i, s in enumerate(support.STAFF, start=1)}, now, self.ids,
        )  # fmt: skip

    def _apply_capacities(self) -> None:
        """The planner may shrink a group when too few people of its age live near it."""
        for i, act in enumerate(self.activities):
            planned = self.plan.counts[act.id].capacity
            if planned != act.capacity:
                row = list(self.activity_rows[i])
                row[6] = planned
                self.activity_rows[i] = tuple(row)

    def steps(self) -> list[tuple[str, Sequence[Row]]]:
        boroughs = [(i, b.code, b.name) for i, b in enumerate(catalogue.BOROUGHS, start=1)]
        s = self.support.rows
        return [
            ("borough", boroughs),
            ("season", [season.row for season in self.seasons]),
            ("staff", s.staff),
            ("account", self.people.accounts),
            ("household", self.people.households),
            ("member", self.people.members),
            ("activity", self.activity_rows),
            ("waitlist_entry", self.plan.waitlist),
            ("outbox_message", s.outbox),
            ("audit_entry", s.audit),
            ("call_note", s.notes),
            ("call_verification", s.verifications),
        ]

    def write_carts(self, writer: RowWriter, tracker: _Progress) -> None:
        """Render cart batches on a worker thread while this one writes the previous batch.

        Rendering is pure Python and sequential (so still deterministic); the database
        works on one batch while the next is made.
        """
        per_batch = max(50, self.scale.batch // 6)
        carts: list[CartPlan] = self.carts
        batches: queue.Queue[dict[str, list[Row]] | BaseException | None] = queue.Queue(2)
        stop = threading.Event()

        def offer(item: dict[str, list[Row]] | BaseException | None) -> bool:
            while not stop.is_set():
                try:
                    batches.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def render() -> None:
            try:
                for start in range(0, len(carts), per_batch):
                    if not offer(self._renderer.render(carts[start : start + per_batch])):
                        return
                offer(None)
            except BaseException as exc:  # handed to the writing thread, which raises it
                offer(exc)

        worker = threading.Thread(target=render, name="seed-render", daemon=True)
        worker.start()
        try:
            while (item := batches.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                for table in CART_TABLES:
                    writer.write(table, item[table])
                    tracker.advance(len(item[table]))
        finally:
            stop.set()
            worker.join()

    def summary(self) -> SeedSummary:
        p, t, s = self.people, self.totals, self.support.rows
        return SeedSummary(
            scale=self.scale.name,
            seed=self.seed,
            boroughs=len(catalogue.BOROUGHS),
            seasons=len(self.seasons),
            staff=len(s.staff),
            accounts=len(p.accounts),
            households=len(p.households),
            members=len(p.members),
            activities=len(self.activities),
            waitlist_entries=len(self.plan.waitlist),
            carts=t.carts,
            cart_items=t.items,
            payments=t.payments,
            registrations=t.registrations,
            receipts=t.receipts,
            outbox_messages=len(s.outbox) + t.receipt_mails,
            audit_entries=len(s.audit) + t.phone_audits,
            call_notes=len(s.notes),
            call_verifications=len(s.verifications),
            carts_by_state=tuple(sorted(t.by_state.items())),
        )
