"""Account emails in byte order on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

The email takes the "C" collation on PostgreSQL, as the name keys did in 0002. Its
unique index then serves the exact address, a prefix read as a byte range
(``email >= 'marie.c' AND email < 'marie.d'``) and ``ORDER BY email`` alike, so the
separate ``text_pattern_ops`` index goes. A range, unlike ``LIKE 'marie.c%'``, lets
PostgreSQL keep one plan for the prepared lookup instead of planning it on every
keystroke. Emails are lower case (a check constraint), so uniqueness is unchanged.
SQLite already compares bytes: there the unique index serves alone too.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_account_email_prefix", table_name="account")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE account ALTER COLUMN email TYPE VARCHAR(254) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE account ALTER COLUMN email TYPE VARCHAR(254)")
    op.create_index(
        "ix_account_email_prefix",
        "account",
        ["email"],
        postgresql_ops={"email": "text_pattern_ops"},
    )
