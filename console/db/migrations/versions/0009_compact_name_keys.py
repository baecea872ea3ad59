"""Compact name keys: a name found as a caller spells it aloud

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-04

``member.first_name_compact`` and ``member.last_name_compact`` are the name keys without
their spaces (the search key already turns an apostrophe or a hyphen into a space), so
"OBrien", "O Brien" and "O'Brien" all read "obrien", and "Le Blanc" finds "LeBlanc".
They are generated columns, computed by the database from the keys for every row, old
and new, whoever writes it (the public site too); their indexes are plain b-trees, in
byte order on PostgreSQL like the keys' (0002), so a prefix is a range read in order.

(0008 may be taken by another change of the same release: the lead re-chains at merge.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = {"first_name_compact": "first_name_key", "last_name_compact": "last_name_key"}
_INDEXES = {
    "ix_member_last_name_compact": ["last_name_compact", "first_name_compact"],
    "ix_member_first_name_compact": ["first_name_compact"],
}


def _expression(key: str, dialect: str) -> str:
    """``key`` without its spaces, in the dialect's spelling (as
    ``console.db.models.compact_key_sql``; a migration keeps its own copy)."""
    if dialect == "postgresql":
        return f"replace(({key})::text, ' '::text, ''::text)"
    return f"replace({key}, ' ', '')\n"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    postgresql = dialect == "postgresql"
    for name, key in _COLUMNS.items():
        # PostgreSQL stores a generated column; SQLite computes it on reading (a column
        # added to a table there cannot be stored) and the index keeps the values.
        column_type = sa.String(length=100, collation="C") if postgresql else sa.String(100)
        op.add_column(
            "member",
            sa.Column(name, column_type, sa.Computed(_expression(key, dialect)), nullable=False),
        )
    for index, columns in _INDEXES.items():
        op.create_index(index, "member", columns)
    if postgresql:
        # Statistics for the new columns now, not at the next automatic analyse.
        op.execute("ANALYZE member")


def downgrade() -> None:
    for index in _INDEXES:
        op.drop_index(index, table_name="member")
    for name in _COLUMNS:
        op.drop_column("member", name)
