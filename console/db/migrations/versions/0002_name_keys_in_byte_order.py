"""Name search keys in byte order on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

The member search keys take the "C" collation on PostgreSQL, and their indexes become
plain b-trees: one index then serves ``LIKE 'prefix%'`` and ``ORDER BY``, so a name
search reads its first rows in order instead of sorting every match. SQLite already
compares bytes; nothing changes there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_member_last_name_key")
    op.execute("DROP INDEX ix_member_first_name_key")
    op.execute('ALTER TABLE member ALTER COLUMN first_name_key TYPE VARCHAR(100) COLLATE "C"')
    op.execute('ALTER TABLE member ALTER COLUMN last_name_key TYPE VARCHAR(100) COLLATE "C"')
    op.execute("CREATE INDEX ix_member_last_name_key ON member (last_name_key, first_name_key)")
    op.execute("CREATE INDEX ix_member_first_name_key ON member (first_name_key)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_member_last_name_key")
    op.execute("DROP INDEX ix_member_first_name_key")
    op.execute("ALTER TABLE member ALTER COLUMN first_name_key TYPE VARCHAR(100)")
    op.execute("ALTER TABLE member ALTER COLUMN last_name_key TYPE VARCHAR(100)")
    op.execute(
        "CREATE INDEX ix_member_last_name_key ON member "
        "(last_name_key text_pattern_ops, first_name_key text_pattern_ops)"
    )
    op.execute("CREATE INDEX ix_member_first_name_key ON member (first_name_key text_pattern_ops)")
