"""Prove that a refused action changed nothing: compare table contents before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from console.db.engine import Database
from console.db.models import (
    Account,
    AuditEntry,
    CallVerification,
    Household,
    Member,
    OutboxMessage,
    PasswordResetToken,
)

_WATCHED = (Account, Household, Member, AuditEntry, OutboxMessage, PasswordResetToken)


def snapshot(db: Database, *, with_verifications: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a support action may touch, as plain tuples."""
    tables = (*_WATCHED, CallVerification) if with_verifications else _WATCHED
    state: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as session:
        for model in tables:
            columns = list(model.__table__.columns)  # type: ignore[attr-defined]
            rows = session.execute(select(*columns).order_by(columns[0])).all()
            state[model.__tablename__] = [tuple(r) for r in rows]
    return state
