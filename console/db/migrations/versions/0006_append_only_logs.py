"""Append-only journal and file-access log; sealed days

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

``audit_seal`` keeps, per Québec day and log, the SHA-256 of each entry and a digest
chained to the previous seal (``console audit seal``, ``console audit verify``).

On PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE on ``audit_entry``,
``file_access`` and ``audit_seal`` to every role but the table's owner (read from the
catalogue at each refusal, never a name written here). Statement-level, so it costs
nothing on INSERT and refuses even an UPDATE that matches no row. SQLite has no roles:
the embedded demo runs on one person's machine, and ``console audit verify`` still names
any entry changed there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("audit_entry", "file_access", "audit_seal")

FUNCTION = """
CREATE FUNCTION console_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    owner name;
BEGIN
    SELECT pg_get_userbyid(c.relowner) INTO owner FROM pg_class c WHERE c.oid = TG_RELID;
    IF current_user = owner THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused to role %', TG_TABLE_NAME, TG_OP, current_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = format('only the table''s owner (%s) may change or remove entries', owner);
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "audit_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("log", sa.String(length=32), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_entry_id", sa.Integer(), nullable=True),
        sa.Column("last_entry_id", sa.Integer(), nullable=True),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("entry_hashes", sa.LargeBinary(), nullable=False),
        sa.Column("previous_digest", sa.String(length=64), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sealed_by", sa.String(length=120), nullable=False),
        sa.CheckConstraint("log IN ('audit_entry', 'file_access')", name=op.f("ck_audit_seal_log")),
        sa.CheckConstraint("period_end > period_start", name=op.f("ck_audit_seal_period")),
        sa.CheckConstraint("entry_count >= 0", name=op.f("ck_audit_seal_entry_count")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_seal")),
        sa.UniqueConstraint("digest", name=op.f("uq_audit_seal_digest")),
        sa.UniqueConstraint("log", "period_start", name=op.f("uq_audit_seal_log")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION console_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION console_append_only()")
    op.drop_table("audit_seal")
