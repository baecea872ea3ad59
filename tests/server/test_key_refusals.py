"""``console serve`` holds the keys, and never makes one: without its SIN keys, with keys
that cannot form a ring, without its outbox key, or with a ring that cannot open the
numbers stored, it refuses to start in one line (exit status 2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import update

from console.db.engine import Database
from console.db.models import Member
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.server.main import StartRefused, check_database
from console.services.context import ServiceContext
from tests.helpers.builders import make_household
from tests.helpers.databases import PostgresRun
from tests.helpers.secrets import TEST_SIN_KEY
from tests.server.test_start_refusals import NOWHERE, refusal, serve

SHARED = {"CONSOLE_DATABASE_URL": NOWHERE, "CONSOLE_ALLOW_SANDBOX_GATEWAY": "1"}
LOOPBACK = ("--insecure-http", "--host", "127.0.0.1")


def test_without_its_sin_key_the_server_refuses_to_start(tmp_path: Path) -> None:
    message = refusal(serve(tmp_path, *LOOPBACK, env=SHARED | {"CONSOLE_SIN_KEY": ""}))
    assert message.startswith("no SIN key: set sin_key (or sin_keys and sin_key_id)")
    assert "the server never makes one" in message
    assert not list(tmp_path.rglob("*.key"))  # nor did it make one
    # With it, as far as the (absent) database.
    assert refusal(serve(tmp_path, *LOOPBACK, env=SHARED)).startswith("the database does not")


def test_without_its_outbox_key_the_server_refuses_to_start(tmp_path: Path) -> None:
    message = refusal(serve(tmp_path, *LOOPBACK, env=SHARED | {"CONSOLE_OUTBOX_KEY": ""}))
    assert message.startswith("no outbox key: set outbox_key in the server's settings")
    assert not list(tmp_path.rglob("*.key"))


def test_sin_keys_that_name_no_current_one_are_refused(tmp_path: Path) -> None:
    settings = tmp_path / "ring.toml"
    settings.write_text(
        f'[sin_keys]\nk1 = "{TEST_SIN_KEY}"\nk2 = "{Fernet.generate_key().decode()}"\n',
        encoding="utf-8",
    )
    ring = SHARED | {"CONSOLE_SETTINGS": str(settings), "CONSOLE_SIN_KEY": ""}
    message = refusal(serve(tmp_path, *LOOPBACK, env=ring))
    assert message == "several SIN keys and no sin_key_id: name the current one"
    named = serve(tmp_path, *LOOPBACK, env=ring | {"CONSOLE_SIN_KEY_ID": "k2"})
    assert refusal(named).startswith("the database does not answer")


@pytest.fixture
def pg_database(_postgres_run: PostgresRun | None) -> Iterator[Database]:
    if _postgres_run is None:
        pytest.skip("PostgreSQL not configured")
    database = _postgres_run.fresh()
    yield database
    with database.write() as session:  # leave no number the shared server cannot open
        session.execute(update(Member).values(sin_encrypted=None, sin_key_id=None, sin_last3=None))
    database.dispose()


def test_a_ring_that_cannot_open_the_numbers_stored_is_refused(pg_database: Database) -> None:
    ctx = ServiceContext(db=pg_database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    with pg_database.write() as session:
        built = make_household(session)
        sealed = ctx.sin_cipher.seal("046454286")
        member = session.get_one(Member, built.responsible_id)
        member.sin_encrypted, member.sin_key_id = sealed.ciphertext, sealed.key_id
    check_database(ctx)  # the right key: accepted

    # A key made on some machine, under the right id: it opens nothing stored.
    wrong = ServiceContext(
        db=pg_database, sin_cipher=SinCipher(Fernet.generate_key()), clock=SystemClock()
    )
    with pytest.raises(StartRefused) as refused:
        check_database(wrong)
    assert "the SIN key k1 of the settings does not open the numbers" in str(refused.value)

    # The old key already removed from the settings while numbers remain under it.
    new_only = ServiceContext(
        db=pg_database,
        sin_cipher=SinCipher.ring({"k2": Fernet.generate_key()}, "k2"),
        clock=SystemClock(),
    )
    with pytest.raises(StartRefused) as refused:
        check_database(new_only)
    assert "sealed with SIN keys the settings do not hold: k1 (1)" in str(refused.value)
