"""``console mail-relay --once`` sends what is due and exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import main
from console.db.models import OutboxMessage
from console.domain.clock import SystemClock
from console.services.context import ServiceContext
from console.services.outbox import enqueue
from tests.helpers.databases import fresh_sqlite
from tests.helpers.secrets import TEST_OUTBOX_KEY
from tests.helpers.smtp_server import RecordingHandler, free_port, smtp_server


def test_mail_relay_once_delivers_the_queue(
    tmp_path: Path,
    _sqlite_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "relay.sqlite3"
    db = fresh_sqlite(_sqlite_template, target)
    ctx = ServiceContext(db=db, sin_cipher=None, clock=SystemClock())  # type: ignore[arg-type]
    with db.write() as session:
        enqueue(
            session, ctx, to_address="a@exemple.ca", kind="test", subject="Allo", body="Bonjour"
        )
    port = free_port()
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{target}")
    monkeypatch.setenv("CONSOLE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CONSOLE_SMTP_PORT", str(port))
    monkeypatch.setenv("CONSOLE_OUTBOX_KEY", TEST_OUTBOX_KEY)
    with smtp_server(port, RecordingHandler()) as server:
        assert main(["mail-relay", "--once"]) == 0
    assert "sent 1" in capsys.readouterr().out
    assert len(server.received) == 1
    with db.read() as session:
        assert session.scalars(select(OutboxMessage.state)).one() == "sent"
    db.dispose()


def test_mail_relay_refuses_to_start_without_the_servers_outbox_key(
    tmp_path: Path,
    _sqlite_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A key of its own would open none of the reset links the servers queued."""
    target = tmp_path / "relay.sqlite3"
    fresh_sqlite(_sqlite_template, target).dispose()
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{target}")
    monkeypatch.delenv("CONSOLE_OUTBOX_KEY", raising=False)
    monkeypatch.setattr("console.bootstrap.keyring_key", lambda service: None)
    assert main(["mail-relay", "--once"]) == 2
    assert capsys.readouterr().err.startswith("console mail-relay: refused to start: no outbox key")
