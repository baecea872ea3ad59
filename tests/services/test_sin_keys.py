"""The ring of SIN keys: ids beside the ciphertext, ``console keys rotate`` in batches
(journaled, resumable), the old key retired, and a server that refuses a ring that cannot
open what is stored."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from console.cli import main
from console.db.engine import Database
from console.db.models import AuditEntry, Member
from console.db.seed.families import luhn_sin
from console.db.sin import SinCipher, SinKeyError, SinKeyMissing, cipher_from_settings
from console.services.context import ServiceContext
from console.services.sin_keys import RotationStopped, key_census, ring_problem, rotate
from tests.helpers.builders import make_household
from tests.helpers.databases import fresh_sqlite
from tests.helpers.secrets import TEST_SIN_KEY

NEW_KEY = "_zH-GJ2J4np72ZGwydHygHFy4BV48io0Hr3BABxwQqk="
FAMILIES = 23  # 23 numbers, in batches of 5: four full batches and a short one
BATCH = 5


@pytest.fixture
def wiped(ctx: ServiceContext) -> Iterator[None]:
    """Afterwards, no number sealed with a key of this module is left in the run's
    database (a server started on it later checks its keys against what it holds)."""
    yield
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.sin_encrypted.is_not(None))
            .values(sin_encrypted=None, sin_key_id=None, sin_last3=None)
        )


def ring(current: str = "k2") -> SinCipher:
    return SinCipher.ring({"k1": TEST_SIN_KEY, "k2": NEW_KEY}, current)


def only_new() -> SinCipher:
    return SinCipher.ring({"k2": NEW_KEY}, "k2")


def stored_numbers(ctx: ServiceContext, count: int = FAMILIES) -> dict[int, str]:
    """``count`` responsibles, each with a number sealed with the context's current key."""
    rng = random.Random(7)
    numbers: dict[int, str] = {}
    with ctx.db.write() as session:
        for _ in range(count):
            built = make_household(session, spouse=False, child=False)
            number = luhn_sin(rng)
            sealed = ctx.sin_cipher.seal(number)
            member = session.get_one(Member, built.responsible_id)
            member.sin_encrypted = sealed.ciphertext
            member.sin_key_id = sealed.key_id
            member.sin_last3 = sealed.last3
            numbers[member.id] = number
    return numbers


def rows(db: Database) -> dict[int, tuple[bytes, str | None, str | None]]:
    with db.read() as session:
        found = session.execute(
            select(Member.id, Member.sin_encrypted, Member.sin_key_id, Member.sin_last3).where(
                Member.sin_encrypted.is_not(None)
            )
        )
        return {i: (bytes(c), k, last3) for i, c, k, last3 in found}


def rotations(db: Database) -> list[dict[str, object]]:
    with db.read() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "system.sin_keys_rotated")
            .order_by(AuditEntry.id)
        )
        return [{"staff": e.staff_id, "target": e.target, **json.loads(e.details)} for e in entries]


# --- The ring, without a database ------------------------------------------------------


def test_a_number_is_sealed_with_the_current_key_and_opened_with_its_own() -> None:
    old = SinCipher(TEST_SIN_KEY)
    assert (old.current_id, old.key_ids) == ("k1", ("k1",))
    sealed_old = old.seal("046 454 286")
    assert (sealed_old.key_id, sealed_old.last3) == ("k1", "286")
    assert b"046454286" not in sealed_old.ciphertext
    sealed_new = ring().seal("046454286")
    assert sealed_new.key_id == "k2"
    assert ring().decrypt(sealed_old.ciphertext, "k1") == "046454286"
    assert ring().decrypt(sealed_old.ciphertext, None) == "046454286"  # before key ids: k1
    assert only_new().decrypt(sealed_new.ciphertext, "k2") == "046454286"
    with pytest.raises(SinKeyMissing):
        only_new().decrypt(sealed_old.ciphertext, "k1")
    with pytest.raises(ValueError):  # a wrong key under the right id: never garbage
        SinCipher.ring({"k2": TEST_SIN_KEY}, "k2").decrypt(sealed_new.ciphertext, "k2")


def test_the_settings_make_a_ring_or_say_why_not() -> None:
    single = cipher_from_settings({}, "", TEST_SIN_KEY)
    assert single is not None and (single.current_id, single.key_ids) == ("k1", ("k1",))
    assert cipher_from_settings({}, "", None) is None
    both = cipher_from_settings({"k2": NEW_KEY}, "k2", TEST_SIN_KEY)
    assert both is not None and (both.current_id, both.key_ids) == ("k2", ("k1", "k2"))
    same = cipher_from_settings({"k1": TEST_SIN_KEY}, "", TEST_SIN_KEY)
    assert same is not None and same.key_ids == ("k1",)
    refusals = {
        "two different keys": ({"k1": NEW_KEY}, "", TEST_SIN_KEY),
        "no sin_key_id": ({"k1": TEST_SIN_KEY, "k2": NEW_KEY}, "", None),
        "names none": ({"k2": NEW_KEY}, "k3", None),
        "not a Fernet key": ({"k2": "court"}, "k2", None),
        "not a SIN key id": ({"k 2": NEW_KEY}, "k 2", None),
    }
    for said, (keys, current, legacy) in refusals.items():
        with pytest.raises(SinKeyError) as refused:
            cipher_from_settings(keys, current, legacy)
        assert said in str(refused.value)


# --- The rotation, on both dialects ----------------------------------------------------


@pytest.mark.usefixtures("wiped")
def test_rotate_seals_every_number_with_the_new_key_and_retires_the_old(
    ctx: ServiceContext,
) -> None:
    numbers = stored_numbers(ctx)
    assert {k for _c, k, _l in rows(ctx.db).values()} == {"k1"}
    ctx.sin_cipher = ring("k2")
    census = key_census(ctx)
    assert (census.count("k1"), census.count("k2"), census.to_rotate) == (FAMILIES, 0, FAMILIES)
    assert census.retired == ()
    seen: list[tuple[int, int]] = []

    report = rotate(ctx, batch=BATCH, progress=lambda done, total: seen.append((done, total)))

    assert (report.sealed_again, report.completed, report.batches) == (FAMILIES, 0, 5)
    assert seen[0] == (0, FAMILIES) and seen[-1] == (FAMILIES, FAMILIES)
    assert [done for done, _t in seen] == [0, 5, 10, 15, 20, 23]
    assert report.census.retired == ("k1",) and report.census.to_rotate == 0
    assert report.census.counts == (("k2", FAMILIES),)
    # Every number opens with the new key alone; the old key opens none of them.
    after = rows(ctx.db)
    for member_id, (ciphertext, key_id, last3) in after.items():
        assert key_id == "k2" and last3 == numbers[member_id][-3:]
        assert only_new().decrypt(ciphertext, key_id) == numbers[member_id]
        with pytest.raises(ValueError):
            SinCipher(TEST_SIN_KEY).decrypt(ciphertext)
    # One system entry per batch, naming counts and keys, never a number.
    journal = rotations(ctx.db)
    assert [e["staff"] for e in journal] == [None] * 5
    assert [e["from"] for e in journal] == [{"k1": 5}] * 4 + [{"k1": 3}]
    assert {e["to"] for e in journal} == {"k2"}
    text = json.dumps(journal)
    for number in numbers.values():
        assert number not in text and number[-3:] + '"' not in text
    # Nothing left to do: a second run changes nothing.
    again = rotate(ctx, batch=BATCH)
    assert (again.sealed_again, again.batches) == (0, 0)
    assert rows(ctx.db) == after


@pytest.mark.usefixtures("wiped")
def test_an_interrupted_rotation_keeps_its_batches_and_carries_on(ctx: ServiceContext) -> None:
    numbers = stored_numbers(ctx)
    ctx.sin_cipher = ring("k2")

    def interrupt_after_two_batches(done: int, _total: int) -> None:
        if done >= 2 * BATCH:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rotate(ctx, batch=BATCH, progress=interrupt_after_two_batches)
    census = key_census(ctx)
    assert (census.count("k2"), census.count("k1")) == (2 * BATCH, FAMILIES - 2 * BATCH)
    assert census.retired == ()  # the old key still seals numbers: not retired
    # The rows already moved are the first ones, each a whole batch.
    moved = sorted(i for i, (_c, k, _l) in rows(ctx.db).items() if k == "k2")
    assert moved == sorted(numbers)[: 2 * BATCH]

    # Also stopped by a limit: one more batch.
    assert rotate(ctx, batch=BATCH, max_batches=1).sealed_again == BATCH
    report = rotate(ctx, batch=BATCH)
    assert report.sealed_again == FAMILIES - 3 * BATCH
    assert report.census.retired == ("k1",)
    for member_id, (ciphertext, key_id, _l) in rows(ctx.db).items():
        assert only_new().decrypt(ciphertext, key_id) == numbers[member_id]
    moved_from = [e["from"] for e in rotations(ctx.db)]
    assert sum(n for batch in moved_from if isinstance(batch, dict) for n in batch.values()) == (
        FAMILIES
    )


@pytest.mark.usefixtures("wiped")
def test_numbers_stored_before_key_ids_get_their_id_and_last_digits(
    ctx: ServiceContext,
) -> None:
    numbers = stored_numbers(ctx, 4)
    with ctx.db.write() as session:
        session.execute(update(Member).values(sin_key_id=None, sin_last3=None))
    census = key_census(ctx)
    assert (census.count("k1"), census.missing_last3, census.to_rotate) == (4, 4, 4)
    report = rotate(ctx, batch=3)  # the current key is still k1: nothing to re-seal
    assert (report.sealed_again, report.completed, report.batches) == (0, 4, 2)
    for member_id, (ciphertext, key_id, last3) in rows(ctx.db).items():
        assert (key_id, last3) == ("k1", numbers[member_id][-3:])
        assert ctx.sin_cipher.decrypt(ciphertext, key_id) == numbers[member_id]
    assert key_census(ctx).missing_last3 == 0


@pytest.mark.usefixtures("wiped")
def test_a_number_under_a_key_the_ring_lacks_stops_the_rotation_and_the_server(
    ctx: ServiceContext,
) -> None:
    numbers = stored_numbers(ctx, 6)
    stray = max(numbers)
    lost = SinCipher.ring({"k0": Fernet.generate_key()}, "k0").seal(numbers[stray])
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.id == stray)
            .values(sin_encrypted=lost.ciphertext, sin_key_id="k0")
        )
    ctx.sin_cipher = ring("k2")
    problem = ring_problem(ctx)
    assert problem is not None and "k0 (1)" in problem and "add them to sin_keys" in problem
    with pytest.raises(RotationStopped) as stopped:
        rotate(ctx, batch=2)
    assert f"member {stray}" in stopped.value.reason and "k0" in stopped.value.reason
    assert stopped.value.report.sealed_again == 4  # the batches before it are kept
    assert key_census(ctx).count("k2") == 4


@pytest.mark.usefixtures("wiped")
def test_a_wrong_key_under_a_right_id_is_found_before_any_reveal(ctx: ServiceContext) -> None:
    stored_numbers(ctx, 2)
    assert ring_problem(ctx) is None
    ctx.sin_cipher = SinCipher(Fernet.generate_key())  # "k1", but not the key they used
    problem = ring_problem(ctx)
    assert problem is not None and "does not open the numbers sealed under that id" in problem


# --- The command -----------------------------------------------------------------------


def test_console_keys_rotate_with_a_progress_bar_then_the_old_key_is_retired(
    tmp_path: Path,
    _sqlite_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "keys.sqlite3"
    db = fresh_sqlite(_sqlite_template, target)
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY))
    numbers = stored_numbers(ctx, 7)
    settings = tmp_path / "settings.toml"
    settings.write_text(
        f'sin_key_id = "k2"\n[sin_keys]\nk1 = "{TEST_SIN_KEY}"\nk2 = "{NEW_KEY}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CONSOLE_SETTINGS", str(settings))
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{target}")
    monkeypatch.delenv("CONSOLE_SIN_KEY", raising=False)

    assert main(["keys", "status"]) == 0
    out = capsys.readouterr().out
    assert "key k1: 7 numbers" in out and "key k2: 0 numbers  (current)" in out

    assert main(["keys", "rotate", "--to", "k1"]) == 2  # not the settings' current key
    assert 'set sin_key_id = "k1"' in capsys.readouterr().err
    assert main(["keys", "rotate", "--to", "k3"]) == 2
    assert "add the key k3 to sin_keys" in capsys.readouterr().err
    assert key_census(ctx).count("k1") == 7  # refused: nothing moved

    assert main(["keys", "rotate", "--to", "k2", "--batch", "3"]) == 0
    captured = capsys.readouterr()
    assert "100.0%" in captured.err and "rows/s" in captured.err
    assert "sealed again: 7; last digits filled: 0; batches: 3" in captured.out
    assert "key k1 retired: no number is sealed with it; remove it from sin_keys" in captured.out
    for member_id, (ciphertext, key_id, _l) in rows(db).items():
        assert only_new().decrypt(ciphertext, key_id) == numbers[member_id]

    # The operator removes the retired key: the ring of k2 alone serves every number.
    settings.write_text(f'sin_key_id = "k2"\n[sin_keys]\nk2 = "{NEW_KEY}"\n', encoding="utf-8")
    assert main(["keys", "status"]) == 0
    assert "key k2: 7 numbers  (current)" in capsys.readouterr().out
    db.dispose()


def test_console_keys_refuses_without_any_key(
    tmp_path: Path,
    _sqlite_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "keys.sqlite3"
    fresh_sqlite(_sqlite_template, target).dispose()
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{target}")
    monkeypatch.delenv("CONSOLE_SIN_KEY", raising=False)
    monkeypatch.setattr("console.bootstrap.keyring_key", lambda service: None)
    assert main(["keys", "rotate", "--to", "k2"]) == 2
    assert capsys.readouterr().err.startswith("refused: no SIN key")
