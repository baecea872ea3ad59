from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, select

from console.db.engine import Database
from console.db.migrate import current_revision
from console.db.models import Borough
from console.db.numbers import next_number
from console.domain.errors import Unavailable
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.outages import postgres_outage


@pytest.fixture
def postgres_db(_postgres_run: PostgresRun | None) -> Iterator[Database]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test on PostgreSQL")
    database = _postgres_run.fresh()
    yield database
    database.dispose()


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


def _boroughs(db: Database) -> None:
    with db.write() as session:
        session.add_all(
            [Borough(code="CL", name="La Cité-Limoilou"), Borough(code="BE", name="Beauport")]
        )


def test_fetch_returns_every_row_as_plain_tuples(db: Database) -> None:
    _boroughs(db)
    statement = select(Borough.code, Borough.name).where(Borough.code != bindparam("skip"))
    rows = db.fetch(statement.order_by(Borough.code), {"skip": "XX"})
    assert rows == [("BE", "Beauport"), ("CL", "La Cité-Limoilou")]
    assert all(type(row) is tuple for row in rows)
    assert db.fetch(statement, {"skip": "BE"}) == [("CL", "La Cité-Limoilou")]


def test_fetch_reuses_one_compilation_per_statement(db: Database) -> None:
    _boroughs(db)
    statement = select(Borough.code).where(Borough.name == bindparam("name"))
    for name, code in [("Beauport", "BE"), ("La Cité-Limoilou", "CL"), ("Nowhere", None)]:
        assert db.fetch(statement, {"name": name}) == ([(code,)] if code else [])


def test_fetch_refuses_a_column_the_driver_would_return_unconverted(
    postgres_db: Database,
) -> None:
    from console.db.models import Account

    # UtcDateTime converts what the driver returns; fetch returns driver values as they come.
    with pytest.raises(ValueError, match="locked_at"):
        postgres_db.fetch(select(Account.locked_at), {})
    assert postgres_db.fetch(select(Account.locked_at.is_not(None)), {}) == []


def test_a_lookup_on_a_dropped_connection_is_an_outage_and_the_next_one_reconnects(
    postgres_db: Database, _postgres_run: PostgresRun
) -> None:
    _boroughs(postgres_db)
    statement = select(Borough.code).order_by(Borough.code)
    # Two idle lookup connections, both about to be cut.
    first, second = (postgres_db._lookup_connection() for _ in range(2))
    postgres_db._lookup_done(first)
    postgres_db._lookup_done(second)
    with postgres_outage(_postgres_run.admin_url, _postgres_run.name), pytest.raises(Unavailable):
        postgres_db.fetch(statement, {})
    # Neither dead connection is handed out again.
    assert postgres_db.fetch(statement, {}) == [("BE",), ("CL",)]
    assert postgres_db.fetch(statement, {}) == [("BE",), ("CL",)]


def test_the_migrations_build_exactly_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from console.db.models import Base

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
