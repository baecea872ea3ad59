"""The data generator: deterministic, every FAQ case present, invariants kept, SIN hidden.

Each test runs on SQLite and on PostgreSQL (the ``test`` scale exercises COPY there).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, and_, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.models import (
    Account,
    Activity,
    Base,
    Borough,
    Cart,
    CartItem,
    Household,
    Member,
    Payment,
    Receipt,
    Registration,
    WaitlistEntry,
)
from console.db.numbers import next_number
from console.db.roles import CAPACITY_TRIGGERS
from console.db.seed import (
    DatabaseNotEmpty,
    OverCapacity,
    SeedCancelled,
    SeedSummary,
    runner,
    seed_database,
    writer,
)
from console.db.seed.families import luhn_ok
from console.db.sin import SinCipher
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import fresh_sqlite

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CIPHER = SinCipher(TEST_SIN_KEY)


def _seed(db: Database, scale: str = "demo", seed: int = 1) -> SeedSummary:
    return seed_database(db, CIPHER, scale=scale, seed=seed, now=NOW)


def _people(db: Database) -> list[tuple[object, ...]]:
    with db.read() as s:
        rows = s.execute(
            select(Household.number, Account.email, Member.first_name, Member.last_name,
                   Member.birth_date, Member.relationship)
            .join(Account, Account.id == Household.account_id)
            .join(Member, Member.household_id == Household.id)
            .order_by(Household.number, Member.id)
        )  # fmt: skip
        return [tuple(r) for r in rows]


def _usage(s: Session, now: datetime) -> dict[int, tuple[int, int, int, int]]:
    """activity id -> (capacity, confirmed, live holds, open offers) at ``now``."""
    confirmed = dict(
        s.execute(
            select(Registration.activity_id, func.count())
            .where(Registration.state == "confirmed")
            .group_by(Registration.activity_id)
        ).all()
    )
    live = or_(
        and_(Cart.state == "open", Cart.hold_expires_at > now),
        and_(Cart.state == "checkout", Cart.checkout_locked_until > now),
    )
    holds = dict(
        s.execute(
            select(CartItem.activity_id, func.count())
            .join(Cart, Cart.id == CartItem.cart_id)
            .where(CartItem.state == "held", live)
            .group_by(CartItem.activity_id)
        ).all()
    )
    offers = dict(
        s.execute(
            select(WaitlistEntry.activity_id, func.count())
            .where(WaitlistEntry.state == "offered", WaitlistEntry.offer_expires_at > now)
            .group_by(WaitlistEntry.activity_id)
        ).all()
    )
    return {
        a: (cap, confirmed.get(a, 0), holds.get(a, 0), offers.get(a, 0))
        for a, cap in s.execute(select(Activity.id, Activity.capacity)).all()
    }


def _household_id(s: Session, number: int) -> int:
    return s.scalars(select(Household.id).where(Household.number == number)).one()


def _member(s: Session, number: int, first_name: str) -> int:
    return s.scalars(
        select(Member.id)
        .join(Household, Household.id == Member.household_id)
        .where(Household.number == number, Member.first_name == first_name)
    ).one()


# -- determinism ---------------------------------------------------------------------


def test_same_seed_same_data_on_every_dialect(
    db: Database, tmp_path: Path, _sqlite_template: Path
) -> None:
    summary = _seed(db)
    other = fresh_sqlite(_sqlite_template, tmp_path / "again.sqlite3")
    try:
        assert _seed(other) == summary
        assert _people(other) == _people(db)
    finally:
        other.dispose()
    numbers = [row[0] for row in _people(db)]
    assert min(numbers) == 100_001 and max(numbers) == 100_000 + summary.households


def test_another_seed_gives_other_families(
    db: Database, tmp_path: Path, _sqlite_template: Path
) -> None:
    _seed(db, seed=1)
    other = fresh_sqlite(_sqlite_template, tmp_path / "seed2.sqlite3")
    try:
        _seed(other, seed=2)
        first, second = _people(db), _people(other)
    finally:
        other.dispose()

    def scripted(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        return [(n, e, f, la, rel) for n, e, f, la, _b, rel in rows if int(str(n)) <= 100_010]

    assert scripted(first) == scripted(second)  # the FAQ cases stay, with their names
    assert first != second


# -- contents ------------------------------------------------------------------------


def test_demo_is_small_and_has_every_kind_of_row(db: Database) -> None:
    summary = _seed(db)
    assert 50 <= summary.households <= 70 and 30 <= summary.activities <= 50
    assert summary.members > summary.households
    assert summary.registrations > 0 and summary.receipts > 0 and summary.waitlist_entries > 0
    assert summary.outbox_messages > 0 and summary.audit_entries > 0 and summary.call_notes > 0
    with db.read() as s:
        boroughs = set(s.scalars(select(Borough.name)))
        assert "Sainte-Foy–Sillery–Cap-Rouge" in boroughs and len(boroughs) == 6
        assert s.scalar(select(func.count()).where(Activity.is_childcare)) > 0
        roles = Counter(s.scalars(text("SELECT role FROM staff WHERE active")))
        assert roles["clerk"] == 6 and roles["supervisor"] == 2 and roles["agent"] >= 4
        postal = list(s.scalars(select(Household.postal_code)))
        assert all(re.fullmatch(r"G[123][A-Z] \d[A-Z]\d", p) for p in postal)
        phones = [p for p in s.scalars(select(Member.phone)) if p]
        assert all(re.fullmatch(r"\+1(418|581|367)\d{7}", p) for p in phones)
        names = set(s.scalars(select(Member.last_name)))
        assert {"Côté", "O'Neil", "Saint-Pierre", "Tremblay-Ndiaye", "Al-Haddad"} <= names
        keys = s.execute(select(Member.last_name, Member.last_name_key)).all()
        assert ("Côté", "cote") in keys and ("O'Neil", "o neil") in keys


def test_every_cart_state_and_payment_outcome(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        states = Counter(s.scalars(select(Cart.state)))
        assert set(states) == {"open", "checkout", "paid", "lapsed", "cancelled"}
        open_carts = s.scalars(select(Cart).where(Cart.state == "open")).all()
        assert all(NOW < c.hold_expires_at <= NOW + timedelta(minutes=40) for c in open_carts)
        assert any(c.extension_used for c in open_carts)
        for c in s.scalars(select(Cart).where(Cart.state == "checkout")):
            assert c.checkout_locked_until is not None and c.checkout_locked_until > NOW
        released = s.scalars(
            select(CartItem).join(Cart).where(Cart.state.in_(("lapsed", "cancelled")))
        ).all()
        assert released and all(i.state == "released" and i.released_at for i in released)
        refused = s.scalars(select(Payment).where(Payment.status == "refused")).all()
        assert refused and all(p.refusal_reason for p in refused)
        assert s.scalar(select(func.count()).where(Payment.status == "pending")) >= 1
        for c in s.scalars(select(Cart).where(Cart.state == "paid")):
            approved = [
                p
                for p in s.scalars(select(Payment).where(Payment.cart_id == c.id))
                if p.status == "approved"
            ]
            assert len(approved) == 1
            assert s.scalar(select(func.count()).where(Receipt.payment_id == approved[0].id)) == 1
        owners = s.execute(select(Cart.owner_number, Household.number).join(Household)).all()
        assert all(owner == number for owner, number in owners)


def test_payments_keep_no_card_number(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        for p in s.scalars(select(Payment).where(Payment.status != "pending")):
            assert p.card_brand in ("visa", "mastercard")
            assert p.card_last4 is not None and re.fullmatch(r"\d{4}", p.card_last4)
            assert (p.authorization_code is not None) == (p.status == "approved")
        for table in Base.metadata.sorted_tables:  # nothing anywhere looks like a card number
            for column in (c for c in table.columns if isinstance(c.type, String)):
                for value in s.scalars(select(column).where(column.is_not(None))):
                    runs = re.findall(r"\d{13,19}", str(value))
                    assert not [r for r in runs if luhn_ok(r)], f"{table.name}.{column.name}"


def test_registrations_follow_approved_payments_and_payer_rules(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        rows = s.execute(
            select(Registration, Payment, Member, Activity)
            .join(Payment, Payment.id == Registration.payment_id)
            .join(Member, Member.id == Payment.payer_member_id)
            .join(Activity, Activity.id == Registration.activity_id)
        ).all()
        assert rows
        for registration, payment, payer, activity in rows:
            assert payment.status == "approved"  # F9
            assert payer.relationship != "child"  # F12
            if activity.is_childcare:
                assert payer.relationship == "responsible"  # F13
            assert registration.created_at <= NOW
        pairs = Counter(
            s.execute(
                select(Registration.member_id, Registration.activity_id).where(
                    Registration.state == "confirmed"
                )
            ).all()
        )
        assert max(pairs.values()) == 1


def test_capacity_is_never_exceeded_and_full_groups_exist(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        usage = _usage(s, NOW)
    assert all(conf + holds + offers <= cap for cap, conf, holds, offers in usage.values())
    assert any(conf == cap for cap, conf, _h, _o in usage.values())
    assert any(offers for _c, _r, _h, offers in usage.values())


def test_one_responsible_per_household_and_unique_lowercase_emails(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        counts = s.execute(
            select(Member.household_id, func.count())
            .where(Member.relationship == "responsible", Member.removed_at.is_(None))
            .group_by(Member.household_id)
        ).all()
        households = s.scalar(select(func.count()).select_from(Household))
        assert len(counts) == households and {c for _h, c in counts} == {1}
        emails = list(s.scalars(select(Account.email)))
        assert len(set(emails)) == len(emails) and all(e == e.lower() for e in emails)


def test_sin_is_encrypted_valid_and_never_in_clear(db: Database, tmp_path: Path) -> None:
    _seed(db)
    with db.read() as s:
        holders = s.execute(
            select(Member.relationship, Member.sin_encrypted).where(
                Member.sin_encrypted.is_not(None)
            )
        ).all()
        assert holders and {rel for rel, _ in holders} == {"responsible"}
        sins = {CIPHER.decrypt(token) for _rel, token in holders}
        assert all(len(n) == 9 and luhn_ok(n) for n in sins)
        households = s.scalar(select(func.count()).select_from(Household))
        assert len(sins) < households  # some Dossiers have no SIN on file
        spaced = {f"{n[:3]} {n[3:6]} {n[6:]}" for n in sins}
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, String):  # Text included
                    continue
                for value in s.scalars(select(column).where(column.is_not(None))):
                    digits = set(re.findall(r"\d+", str(value)))
                    assert not digits & sins, f"{table.name}.{column.name} holds a SIN"
                    assert not any(x in str(value) for x in spaced)
        for _rel, token in holders:
            assert not any(n.encode() in token for n in sins)
    if db.dialect == "sqlite":
        db.dispose()
        path = Path(db.engine.url.database or "")
        raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
        assert not any(n.encode() in raw for n in sins)


# -- the FAQ cases -------------------------------------------------------------------


def test_f6_not_full_on_the_site_but_every_place_held(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        zoe = _member(s, 100_001, "Zoé")
        entry = s.scalars(select(WaitlistEntry).where(WaitlistEntry.member_id == zoe)).one()
        assert entry.state == "waiting" and NOW - entry.created_at < timedelta(minutes=20)
        cap, conf, holds, offers = _usage(s, NOW)[entry.activity_id]
        assert conf < cap  # the site shows places left...
        assert conf + holds + offers == cap  # ...but every one is held
        holders = set(
            s.scalars(
                select(Cart.owner_number)
                .join(CartItem, CartItem.cart_id == Cart.id)
                .where(CartItem.activity_id == entry.activity_id, CartItem.state == "held")
            )
        )
        assert {100_003, 100_004} <= holders and 100_001 not in holders
        positions = list(
            s.scalars(
                select(WaitlistEntry.position)
                .where(WaitlistEntry.activity_id == entry.activity_id)
                .order_by(WaitlistEntry.created_at)
            )
        )
        assert positions == sorted(positions) and positions[-1] == entry.position


def test_f7_registered_and_still_held_or_waitlisted(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        maelle = _member(s, 100_002, "Maëlle")
        registered = set(
            s.scalars(
                select(Registration.activity_id).where(
                    Registration.member_id == maelle, Registration.state == "confirmed"
                )
            )
        )
        held = set(
            s.scalars(
                select(CartItem.activity_id)
                .join(Cart)
                .where(CartItem.member_id == maelle, CartItem.state == "held", Cart.state == "open")
            )
        )
        assert registered & held
        thomas = _member(s, 100_002, "Thomas")
        waiting = set(
            s.scalars(
                select(WaitlistEntry.activity_id).where(
                    WaitlistEntry.member_id == thomas, WaitlistEntry.state == "waiting"
                )
            )
        )
        thomas_registered = set(
            s.scalars(select(Registration.activity_id).where(Registration.member_id == thomas))
        )
        assert waiting & thomas_registered


def test_scripted_households_show_their_cases(db: Database) -> None:
    _seed(db)
    with db.read() as s:
        locked = s.scalars(select(Account).join(Household).where(Household.number == 100_005)).one()
        assert locked.locked_at is not None and locked.failed_login_count >= 5
        unconfirmed = s.scalars(
            select(Account).join(Household).where(Household.number == 100_006)
        ).one()
        assert unconfirmed.confirmed_at is None and unconfirmed.language == "en"
        failed = s.execute(
            text("SELECT state, last_error FROM outbox_message WHERE to_address = :a"),
            {"a": unconfirmed.email},
        ).all()
        assert [state for state, _ in failed] == ["failed"] and failed[0][1]
        checkout = s.scalars(
            select(Cart).where(Cart.owner_number == 100_003, Cart.state == "checkout")
        ).one()
        assert checkout.checkout_locked_until is not None
        extended = s.scalars(
            select(Cart).where(Cart.owner_number == 100_004, Cart.state == "open")
        ).one()
        assert extended.extension_used
        al_haddad = _household_id(s, 100_007)
        assert (
            s.scalar(
                select(func.count()).where(
                    Member.household_id == al_haddad, Member.sin_encrypted.is_not(None)
                )
            )
            == 0
        )
        removed = s.scalars(
            select(Member).where(Member.household_id == _household_id(s, 100_008))
        ).all()
        assert [m.first_name for m in removed if m.removed_at] == ["Ibrahima"]
        grandmother = _member(s, 100_008, "Gisèle")
        assert s.scalar(select(func.count()).where(Payment.payer_member_id == grandmother)) >= 1
        offered = s.scalars(
            select(WaitlistEntry).where(WaitlistEntry.member_id == _member(s, 100_009, "Rosalie"))
        ).one()
        assert offered.state == "offered" and offered.offer_expires_at is not None
        assert NOW < offered.offer_expires_at <= NOW + timedelta(hours=48)


# -- refusals, cancellation, the test scale ------------------------------------------


def test_refuses_a_database_that_is_not_empty(db: Database) -> None:
    with db.write() as s:
        s.add(Borough(code="ZZ", name="Ailleurs"))
    with pytest.raises(DatabaseNotEmpty):
        _seed(db)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 0


def test_refuses_to_seed_twice(db: Database) -> None:
    _seed(db)
    with pytest.raises(DatabaseNotEmpty):
        _seed(db)


def test_cancelled_seed_leaves_nothing(db: Database) -> None:
    reports: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(reports) > 3

    with pytest.raises(SeedCancelled):
        seed_database(
            db, CIPHER, scale="demo", now=NOW, progress=lambda d, t: reports.append((d, t)),
            cancelled=cancelled,
        )  # fmt: skip
    with db.read() as s:
        for table in ("borough", "account", "household", "member"):
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0


def test_progress_counts_every_row(db: Database) -> None:
    reports: list[tuple[int, int]] = []
    summary = seed_database(
        db, CIPHER, scale="demo", now=NOW, progress=lambda d, t: reports.append((d, t))
    )
    assert reports[0][0] == 0 and reports[-1] == (summary.rows, summary.rows)
    assert [d for d, _t in reports] == sorted(d for d, _t in reports)


def test_test_scale_loads_and_keeps_the_database_usable(db: Database) -> None:
    summary = _seed(db, scale="test")
    assert 300 <= summary.households <= 500 and summary.registrations > 1000
    with db.read() as s:
        usage = _usage(s, NOW)
        assert all(conf + holds + offers <= cap for cap, conf, holds, offers in usage.values())
        assert s.scalar(select(func.count()).select_from(Member)) == summary.members
        assert s.scalar(select(func.count()).select_from(Registration)) == summary.registrations
    with db.write() as s:  # the numbers and ids continue after the loaded ones
        assert next_number(s, "household_number_seq") == 100_000 + summary.households + 1
        assert next_number(s, "cart_number_seq") == 5_000_000 + summary.carts + 1
        account = Account(email="nouveau@videotron.example", created_at=NOW)
        s.add(account)
        s.flush()
        assert account.id == summary.accounts + 1
    with pytest.raises(IntegrityError), db.write() as s:  # foreign keys still hold
        s.execute(
            text(
                "INSERT INTO registration (member_id, activity_id, state, created_at) "
                "VALUES (999999999, 1, 'cancelled', :at)"
            ),
            {"at": NOW if db.dialect == "postgresql" else NOW.replace(tzinfo=None)},
        )


def test_unknown_scale_and_naive_now_are_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        seed_database(db, CIPHER, scale="planet", now=NOW)
    with pytest.raises(ValueError):
        seed_database(db, CIPHER, now=NOW.replace(tzinfo=None))


def test_every_seeded_email_is_of_a_kind_the_console_knows(db: Database) -> None:
    from console.db.models import OutboxMessage
    from console.domain.vocabulary import EmailKind

    _seed(db)
    with db.read() as s:
        kinds = set(s.scalars(select(OutboxMessage.kind).distinct()))
    assert kinds and kinds <= {k.value for k in EmailKind}


def test_the_journal_and_call_notes_use_the_services_action_codes(db: Database) -> None:
    from console.domain.audit_actions import AuditAction

    _seed(db)
    known = {action.value for action in AuditAction}
    with db.read() as s:
        written = set(s.scalars(text("SELECT DISTINCT action FROM audit_entry")))
        noted = {
            line
            for actions in s.scalars(text("SELECT actions FROM call_note"))
            for line in str(actions).splitlines()
            if line
        }
    assert written and written <= known
    assert noted and noted <= known


# -- the capacity bound: off for the load, one count at the end (PostgreSQL) ---------

CAPACITY_ON = sorted((trigger, "O") for trigger in CAPACITY_TRIGGERS.values())


def _pg_only(db: Database) -> None:
    if db.dialect != "postgresql":
        pytest.skip("SQLite has one writer: the capacity bound is the server database's trigger")


def _capacity_triggers(db: Database) -> list[tuple[str, str]]:
    """(trigger, O if enabled, D if disabled) of the capacity triggers, as committed."""
    with db.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT tgname, tgenabled FROM pg_trigger WHERE tgname = ANY(:names)"
                " ORDER BY tgname"
            ),
            {"names": list(CAPACITY_TRIGGERS.values())},
        )
        return [(str(name), str(on)) for name, on in found]


def _one_activity_overfull(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The planned city, but with no place left in the activity with the most confirmed
    registrations: its rows still load. Returns where the seed puts that activity's id."""
    chosen: dict[str, int] = {}
    planned = runner._World._apply_capacities

    def overfull(world: Any) -> None:
        planned(world)
        i, act = max(
            enumerate(world.activities), key=lambda a: world.plan.counts[a[1].id].confirmed
        )
        row = list(world.activity_rows[i])
        assert row[0] == act.id and world.plan.counts[act.id].confirmed > 0
        row[6] = 0  # the capacity
        world.activity_rows[i] = tuple(row)
        chosen["activity"] = act.id

    monkeypatch.setattr(runner._World, "_apply_capacities", overfull)
    return chosen


def _seeded_rows(db: Database) -> int:
    with db.read() as s:
        return sum(int(s.scalar(text(f"SELECT count(*) FROM {t}"))) for t in runner.SEEDED_TABLES)


def test_an_overfull_load_is_refused_whole_and_the_bound_stays_on(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pg_only(db)
    overfull = _one_activity_overfull(monkeypatch)
    with pytest.raises(OverCapacity, match=r"^1 activity would be past capacity") as refused:
        _seed(db, scale="test")
    assert f"(activity {overfull['activity']}: " in str(refused.value)
    assert " places taken of 0)" in str(refused.value)
    assert _seeded_rows(db) == 0  # nothing half-written
    assert _capacity_triggers(db) == CAPACITY_ON


def test_without_the_count_at_the_end_the_overfull_load_commits(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The triggers are off while the rows load: nothing but the end's count refuses them."""
    _pg_only(db)
    overfull = _one_activity_overfull(monkeypatch)
    count = writer.over_capacity
    monkeypatch.setattr(writer, "over_capacity", lambda session: [])
    _seed(db, scale="test")
    with db.read() as s:
        over = count(s)
    assert [activity for activity, _capacity, _taken in over] == [overfull["activity"]]


def test_the_capacity_bound_is_on_again_after_a_seed(db: Database) -> None:
    _pg_only(db)
    _seed(db)
    assert _capacity_triggers(db) == CAPACITY_ON
    with db.read() as s:
        activity = s.scalar(
            select(Registration.activity_id).where(Registration.state == "confirmed").limit(1)
        )
    # psql shrinking a group below its registrations: the trigger refuses it at commit.
    with pytest.raises(IntegrityError, match="within_capacity"), db.engine.begin() as conn:
        conn.execute(text("UPDATE activity SET capacity = 0 WHERE id = :a"), {"a": activity})


def test_without_enabling_them_again_a_seed_leaves_the_bound_off(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The switch is the transaction's: committed with the rows unless switched back."""
    _pg_only(db)
    switch = writer.switch_capacity_triggers

    def never_on(session: Session, *, on: bool) -> None:
        if not on:
            switch(session, on=False)

    monkeypatch.setattr(writer, "switch_capacity_triggers", never_on)
    try:
        _seed(db)
        assert {on for _trigger, on in _capacity_triggers(db)} == {"D"}
        with db.engine.begin() as conn:  # what psql could then do
            conn.execute(text("UPDATE activity SET capacity = 0"))
        with db.read() as s:
            assert writer.over_capacity(s)
    finally:  # the run's database is the next test's: its bound on again
        with db.write() as s:
            switch(s, on=True)
    assert _capacity_triggers(db) == CAPACITY_ON


def test_a_cancelled_seed_leaves_the_bound_on(db: Database) -> None:
    _pg_only(db)
    reports: list[int] = []
    with pytest.raises(SeedCancelled):  # a few batches in: the triggers are off meanwhile
        seed_database(
            db, CIPHER, scale="demo", now=NOW, progress=lambda d, t: reports.append(d),
            cancelled=lambda: len(reports) > 3,
        )  # fmt: skip
    assert _seeded_rows(db) == 0
    assert _capacity_triggers(db) == CAPACITY_ON
