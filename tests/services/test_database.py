from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from console.db.engine import Database
from console.db.migrate import current_revision
from console.db.models import Borough
from console.db.numbers import next_number


def test_migrations_reach_head(db: Database) -> None:
    assert current_revision(db.engine) is not None


def test_write_rolls_back_everything_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Borough(code="X", name="Nowhere"))
        session.flush()
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.scalars(select(Borough)).all() == []


def test_numbers_start_at_their_kind_and_grow(db: Database) -> None:
    with db.write() as session:
        first = next_number(session, "cart_number_seq")
    assert first == 5_000_001


def test_timestamps_come_back_aware_utc(db: Database) -> None:
    from console.db.models import Account

    moment = datetime(2026, 5, 1, 12, 30, tzinfo=UTC)
    with db.write() as session:
        session.add(Account(email="a@example.ca", created_at=moment))
    with db.read() as session:
        account = session.scalars(select(Account)).one()
        assert account.created_at == moment
        assert account.created_at.tzinfo is not None
