"""Staff sign in to the console server

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Staff members get an argon2id password hash, a count of consecutive failed sign-ins and a
temporary lockout. ``staff_session`` keeps the server's sessions, by the SHA-256 of their
token only. ``file_access`` records each family file a staff member opened (Québec Access
Act), so a supervisor can say who looked at a file.

The new staff columns are added in place (``ALTER TABLE … ADD COLUMN`` on SQLite too): the
staff table is referenced by most others, and rebuilding it would be needless.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True)
        )

    op.create_table(
        "staff_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "(ended_at IS NULL) = (end_reason IS NULL)", name=op.f("ck_staff_session_ended")
        ),
        sa.CheckConstraint("expires_at >= created_at", name=op.f("ck_staff_session_lifetime")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_session_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_staff_session_token_hash")),
    )
    with op.batch_alter_table("staff_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_session_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "file_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_file_access_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_file_access_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_access")),
    )
    with op.batch_alter_table("file_access", schema=None) as batch_op:
        batch_op.create_index("ix_file_access_household_at", ["household_id", "at"], unique=False)
        batch_op.create_index("ix_file_access_staff_at", ["staff_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("file_access", schema=None) as batch_op:
        batch_op.drop_index("ix_file_access_staff_at")
        batch_op.drop_index("ix_file_access_household_at")
    op.drop_table("file_access")
    with op.batch_alter_table("staff_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_session_staff_id"))
    op.drop_table("staff_session")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_sign_ins")
        batch_op.drop_column("password_hash")
