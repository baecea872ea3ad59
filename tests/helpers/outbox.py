"""What a queued message waits with, opened as the relay opens it."""

from __future__ import annotations

from console.db.models import OutboxMessage
from console.services.context import ServiceContext
from console.services.outbox import SECRET_MARK


def queued_token(ctx: ServiceContext, outbox_id: int) -> str:
    """The reset token of a queued message: its sealed secret, opened with the context's
    outbox key (the body holds only the mark)."""
    with ctx.db.read() as session:
        message = session.get_one(OutboxMessage, outbox_id)
        assert SECRET_MARK in message.body and message.sealed_secret is not None
        return ctx.outbox_cipher.open(message.sealed_secret)
