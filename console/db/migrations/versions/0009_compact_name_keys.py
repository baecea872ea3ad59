"""Compact name keys: a name found as a caller spells it aloud

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-04

``member.first_last_compact`` and ``member.last_first_compact`` are the name keys without
their spaces (the search key already turns an apostrophe or a hyphen into a space): first
name then last, and last then first. So "OBrien", "O Brien" and "O'Brien" all read
"obrien", and "Le Blanc" finds "LeBlanc". They are generated columns, computed by the
database from the keys for every row, old and new, whoever writes it (the public site
too); each has a plain index, in byte order on PostgreSQL like the keys (0002), so a
prefix is a range read from the index.

(0008 may be taken by another change of the same release: the lead re-chains at merge.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = {
    "first_last_compact": ("first_name_key", "last_name_key"),
    "last_first_compact": ("last_name_key", "first_name_key"),
}


def _expression(first: str, second: str, dialect: str) -> str:
    """The compact key of ``first`` then ``second``, in the dialect's spelling (as
    ``console.db.models.compact_keys_sql``; a migration keeps its own copy)."""
    if dialect == "postgresql":
        return (
            f"replace(({first})::text, ' '::text, ''::text)"
            f" || replace(({second})::text, ' '::text, ''::text)"
        )
    return f"replace({first}, ' ', '') || replace({second}, ' ', '')\n"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    postgresql = dialect == "postgresql"
    for name, keys in _COLUMNS.items():
        # PostgreSQL stores a generated column; SQLite computes it on reading (a column
        # added to a table there cannot be stored) and its index keeps the values.
        column_type = sa.String(length=200, collation="C") if postgresql else sa.String(200)
        op.add_column(
            "member",
            sa.Column(name, column_type, sa.Computed(_expression(*keys, dialect)), nullable=False),
        )
        op.create_index(f"ix_member_{name}", "member", [name])


def downgrade() -> None:
    for name in _COLUMNS:
        op.drop_index(f"ix_member_{name}", table_name="member")
        op.drop_column("member", name)
