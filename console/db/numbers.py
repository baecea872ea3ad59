"""The numbers families quote on the phone: household, cart, receipt, transaction.

PostgreSQL hands them out from sequences (no lock shared between transactions);
SQLite has one writer at a time, so the next number after the largest is safe there.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from console.db.models import Cart, Household, Payment, Receipt

# name -> (column, first value). The first values keep the kinds apart to the eye:
# a household number has 6 digits, a cart 7, a receipt 8, a transaction 9.
SEQUENCES: Final[dict[str, tuple[InstrumentedAttribute[int], int]]] = {
    "household_number_seq": (Household.number, 100_001),
    "cart_number_seq": (Cart.number, 5_000_001),
    "receipt_number_seq": (Receipt.number, 20_000_001),
    "transaction_number_seq": (Payment.transaction_number, 300_000_001),
}


def next_number(session: Session, sequence: str) -> int:
    column, start = SEQUENCES[sequence]
    if session.get_bind().dialect.name == "postgresql":
        return int(session.execute(text(f"SELECT nextval('{sequence}')")).scalar_one())
    current = session.execute(select(func.max(column))).scalar_one()
    return start if current is None else int(current) + 1


def sync_sequences(session: Session) -> None:
    """After a bulk load, move each PostgreSQL sequence past the largest number used."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for sequence, (column, start) in SEQUENCES.items():
        current = session.execute(select(func.max(column))).scalar_one()
        value = start if current is None else int(current) + 1
        session.execute(text(f"SELECT setval('{sequence}', :v, false)"), {"v": value})
