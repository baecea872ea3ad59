"""``console audit seal`` and ``verify``: sealed Québec days of the journal and the
file-access log, and each entry changed, removed or slipped in afterwards named by id,
whoever did it (here the tables' owner, whom the append-only trigger lets through)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Executable, insert, text, update

from console.cli import main
from console.db.engine import Database
from console.db.models import AuditEntry, AuditSeal, FileAccess
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.quebec_time import start_of_day
from console.domain.vocabulary import Role
from console.services import audit
from console.services.audit_seal import (
    CANONICAL_COLUMNS,
    SEAL_GRACE,
    DayCheck,
    seal,
    seal_digest,
    verify,
)
from console.services.context import ServiceContext
from console.services.file_access import record_file_access
from tests.helpers.builders import make_household, make_staff
from tests.helpers.secrets import TEST_SIN_KEY

# Québec is UTC-5 in early March: 14:00 UTC is 09:00 there.
DAY1 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _journal(ctx: ServiceContext, clock: FixedClock) -> dict[str, int]:
    """Two entries and a file access on 2 March, one entry on 3 March, nothing on the 4th,
    one entry on the 5th; the clock then stands on 6 March."""
    clock.set(DAY1)
    with ctx.db.write() as session:
        household = make_household(session)
        actor = make_staff(session, Role.AGENT)
        audit.record(session, ctx, actor, "account_unlocked", reason="F1", target="a")
        audit.record(session, ctx, actor, "reset_link_sent", reason="F2", target="b")
        record_file_access(session, ctx, actor, household.household_id)
    clock.set(DAY1 + timedelta(days=1))
    with ctx.db.write() as session:
        audit.record(session, ctx, actor, "account_unlocked", reason="F1", details={"n": 3})
    clock.set(DAY1 + timedelta(days=3))
    with ctx.db.write() as session:
        audit.record(session, ctx, actor, "account_unlocked", reason="F1")
    clock.set(DAY1 + timedelta(days=4))
    with ctx.db.read() as session:
        ids = session.scalars(AuditEntry.__table__.select().with_only_columns(AuditEntry.id))
        entries = sorted(ids)
    return {"first": entries[0], "second": entries[1], "third": entries[2], "last": entries[3]}


def _run(ctx: ServiceContext, statement: str | Executable) -> None:
    """As the tables' owner (the test database's): the trigger lets it through."""
    with ctx.db.engine.begin() as conn:
        conn.execute(text(statement) if isinstance(statement, str) else statement)


def _days(ctx: ServiceContext) -> dict[tuple[str, date], DayCheck]:
    report = verify(ctx)
    return {(d.log, d.day): d for log in report.logs for d in log.days}


def test_seal_covers_every_complete_day_once_and_verify_finds_it_intact(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    _journal(ctx, clock)
    sealed = seal(ctx)
    journal = [(s.day, s.entry_count) for s in sealed if s.log == "audit_entry"]
    # Every Québec day from the first entry to yesterday, the empty 4 March too.
    assert journal == [
        (date(2026, 3, 2), 2),
        (date(2026, 3, 3), 1),
        (date(2026, 3, 4), 0),
        (date(2026, 3, 5), 1),
    ]
    accesses = [(s.day, s.entry_count) for s in sealed if s.log == "file_access"]
    assert accesses[0] == (date(2026, 3, 2), 1)
    assert seal(ctx) == ()  # nothing new to seal
    report = verify(ctx)
    assert report.ok
    assert [log.unsealed_since for log in report.logs] == [date(2026, 3, 6)] * 2
    assert report.logs[0].newest_digest == sealed[3].digest


def test_a_day_is_sealed_only_once_its_last_transactions_are_in(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    _journal(ctx, clock)
    # 00:05 in Québec on 6 March: the 5th may still have a transaction committing.
    clock.set(datetime(2026, 3, 6, 5, 5, tzinfo=UTC))
    assert [s.day for s in seal(ctx) if s.log == "audit_entry"][-1] == date(2026, 3, 4)
    clock.advance(SEAL_GRACE)
    assert [s.day for s in seal(ctx) if s.log == "audit_entry"] == [date(2026, 3, 5)]
    assert verify(ctx).ok


def test_verify_names_an_entry_changed_removed_or_inserted_afterwards(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    ids = _journal(ctx, clock)
    seal(ctx)
    _run(ctx, f"UPDATE audit_entry SET reason = 'nothing to see' WHERE id = {ids['second']}")
    _run(ctx, f"DELETE FROM audit_entry WHERE id = {ids['third']}")
    # Slipped into the empty 4 March (17:00 UTC is noon in Québec).
    backdated = {"action": "account_unlocked", "target": "", "reason": "?", "details": "{}"}
    _run(ctx, insert(AuditEntry).values(at=datetime(2026, 3, 4, 17, tzinfo=UTC), **backdated))
    days = _days(ctx)
    changed = days[("audit_entry", date(2026, 3, 2))]
    assert changed.changed == (ids["second"],)
    assert changed.removed == changed.inserted == ()
    assert days[("audit_entry", date(2026, 3, 3))].removed == (ids["third"],)
    inserted = days[("audit_entry", date(2026, 3, 4))].inserted
    assert len(inserted) == 1 and inserted[0] > ids["last"]
    assert days[("audit_entry", date(2026, 3, 5))].ok
    assert not verify(ctx).ok


def test_an_entry_moved_to_another_day_is_named_as_changed(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    ids = _journal(ctx, clock)
    seal(ctx)
    _run(
        ctx,
        update(AuditEntry).where(AuditEntry.id == ids["first"]).values(at=DAY1 + timedelta(days=2)),
    )
    days = _days(ctx)
    assert days[("audit_entry", date(2026, 3, 2))].changed == (ids["first"],)
    assert days[("audit_entry", date(2026, 3, 4))].inserted == (ids["first"],)


def test_a_file_access_removed_is_named_too(ctx: ServiceContext, clock: FixedClock) -> None:
    _journal(ctx, clock)
    seal(ctx)
    with ctx.db.read() as session:
        access = session.scalars(FileAccess.__table__.select().with_only_columns(FileAccess.id))
        (access_id,) = access
    _run(ctx, f"DELETE FROM file_access WHERE id = {access_id}")
    assert _days(ctx)[("file_access", date(2026, 3, 2))].removed == (access_id,)


def test_a_rewritten_seal_breaks_its_digest_then_the_chain_then_a_noted_digest(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    ids = _journal(ctx, clock)
    newest = seal(ctx)[3].digest
    march_3 = start_of_day(date(2026, 3, 3))
    # The owner removes the 3 March entry and empties that day's seal to match.
    _run(ctx, f"DELETE FROM audit_entry WHERE id = {ids['third']}")
    that_day = update(AuditSeal).where(
        AuditSeal.log == "audit_entry", AuditSeal.period_start == march_3
    )
    emptied = {"entry_count": 0, "first_entry_id": None, "last_entry_id": None}
    _run(ctx, that_day.values(**emptied, entry_hashes=b""))
    day = _days(ctx)[("audit_entry", date(2026, 3, 3))]
    assert day.seal_problems == ("the seal itself was altered",)
    # …and gives it a digest recomputed to match: the next day's link breaks.
    with ctx.db.read() as session:
        previous = session.scalar(
            text("SELECT digest FROM audit_seal WHERE log = 'audit_entry' ORDER BY period_start")
        )
    forged = seal_digest(
        log="audit_entry",
        period_start=march_3,
        period_end=start_of_day(date(2026, 3, 4)),
        entry_count=0,
        first_entry_id=None,
        last_entry_id=None,
        entry_hashes=b"",
        previous_digest=previous,
    )
    _run(ctx, that_day.values(digest=forged))
    days = _days(ctx)
    assert days[("audit_entry", date(2026, 3, 3))].ok
    assert days[("audit_entry", date(2026, 3, 4))].seal_problems == (
        "the chain is broken: the previous day's seal was altered",
    )
    # Rewriting every later seal as well leaves only a digest noted outside the database.
    assert verify(ctx, expect=[newest]).problems == ()
    _run(ctx, update(AuditSeal).where(AuditSeal.digest == newest).values(digest="0" * 64))
    problems = verify(ctx, expect=[newest]).problems
    assert len(problems) == 1 and "in no chain" in problems[0]


def test_removing_a_seal_is_named(ctx: ServiceContext, clock: FixedClock) -> None:
    _journal(ctx, clock)
    seal(ctx)
    _run(
        ctx,
        "DELETE FROM audit_seal WHERE log = 'audit_entry' AND period_start ="
        " (SELECT min(period_start) FROM audit_seal WHERE log = 'audit_entry')",
    )
    day = _days(ctx)[("audit_entry", date(2026, 3, 3))]
    assert "the seals before this day were removed" in day.seal_problems


def test_the_canonical_form_covers_every_column_of_the_logs() -> None:
    # A column added to a log stays out of old seals; adding it to the canonical form is a
    # new format, decided on purpose (see CANONICAL_COLUMNS).
    assert CANONICAL_COLUMNS["audit_entry"] == tuple(AuditEntry.__table__.columns.keys())
    assert CANONICAL_COLUMNS["file_access"] == tuple(FileAccess.__table__.columns.keys())


# --- the commands -------------------------------------------------------------------------


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    path = tmp_path / "console.sqlite3"
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    assert main(["db", "upgrade"]) == 0
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def test_the_commands_seal_then_fail_verify_with_the_entry_named(
    configured: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FixedClock(datetime(2026, 3, 2, 14, 0, tzinfo=UTC))
    ctx = ServiceContext(db=configured, sin_cipher=SinCipher(TEST_SIN_KEY), clock=clock)
    ids = _journal(ctx, clock)
    assert main(["audit", "verify"]) == 0
    assert "nothing sealed yet" in capsys.readouterr().out
    assert main(["audit", "seal"]) == 0  # the system clock: every day above is complete
    out = capsys.readouterr().out
    assert "journal: sealed" in out and "newest digest" in out
    assert main(["audit", "verify"]) == 0
    assert "journal 2026-03-02: OK (2 entries)" in capsys.readouterr().out
    _run(ctx, f"UPDATE audit_entry SET details = '{{}}' WHERE id = {ids['third']}")
    _run(ctx, f"DELETE FROM audit_entry WHERE id = {ids['first']}")
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"journal 2026-03-02: MISMATCH: removed {ids['first']}" in out
    assert f"journal 2026-03-03: MISMATCH: changed {ids['third']}" in out
    assert "VERIFY FAILED" in out


def test_db_roles_needs_postgresql(
    configured: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "roles"]) == 1
    assert "need PostgreSQL" in capsys.readouterr().err
