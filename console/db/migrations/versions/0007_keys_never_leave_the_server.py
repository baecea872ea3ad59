"""SIN key ids and last digits; outbox secrets sealed with the server's key

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

``member.sin_key_id`` names the key of the ring that sealed the number (``console keys
rotate`` moves every number to the current key) and ``member.sin_last3`` keeps the three
digits shown masked, so that reading a family file opens no number. The numbers already
stored were sealed with the one key of earlier releases, id ``k1``; their last digits are
filled by the next ``console keys rotate`` (a migration holds no key).

``outbox_message.sealed_secret`` keeps a queued message's secret (a reset link's token)
encrypted with the server's outbox key; the body holds a placeholder. A reset message
still queued at the upgrade holds its link in clear: it is withdrawn (marked failed, the
token cut from its body), and the family asks for a new link.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOKEN = re.compile(r"([?&]jeton=)[^&#\s]+")
WITHDRAWN = "link withdrawn at the upgrade (links now wait encrypted): send a new one"


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sin_key_id", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("sin_last3", sa.String(length=3), nullable=True))
        batch_op.create_index(batch_op.f("ix_member_sin_key_id"), ["sin_key_id"], unique=False)
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed_secret", sa.LargeBinary(), nullable=True))
    op.execute("UPDATE member SET sin_key_id = 'k1' WHERE sin_encrypted IS NOT NULL")

    bind = op.get_bind()
    queued = bind.execute(
        sa.text(
            "SELECT id, body FROM outbox_message WHERE state = 'queued' AND kind = 'password_reset'"
        )
    ).all()
    for message_id, body in queued:
        bind.execute(
            sa.text(
                "UPDATE outbox_message SET state = 'failed', last_error = :error, body = :body"
                " WHERE id = :id"
            ),
            {"id": message_id, "error": WITHDRAWN, "body": _TOKEN.sub(r"\1[retiré]", body)},
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("sealed_secret")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_sin_key_id"))
        batch_op.drop_column("sin_last3")
        batch_op.drop_column("sin_key_id")
