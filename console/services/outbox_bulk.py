"""Bulk work on the outbox for supervisors: send again every email that failed (after the
mail server was down for a while), with progress and cancellation.

The work goes in chunks, each its own transaction with its own audit entry, so a cancel
between chunks leaves every chunk either wholly requeued or untouched. Password-reset
emails are never requeued: their link was redacted after the failure (outbox.py), and a
family that still needs one gets a fresh link from an agent.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from console.db.models import OutboxMessage
from console.domain.views.outbox_bulk import RequeueReport as RequeueReport
from console.domain.vocabulary import EmailKind, OutboxState, Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.staff import Actor, require_role

CHUNK = 200


def _failed() -> list[object]:
    return [
        OutboxMessage.state == OutboxState.FAILED.value,
        OutboxMessage.kind != EmailKind.PASSWORD_RESET.value,
    ]


def count_failed(ctx: ServiceContext, actor: Actor) -> int:
    require_role(actor, Role.SUPERVISOR, action="outbox_requeue")
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).where(*_failed())) or 0)  # type: ignore[arg-type]


def requeue_failed(
    ctx: ServiceContext,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = CHUNK,
) -> RequeueReport:
    """Put every failed email back in the queue for the relay, ``chunk`` at a time."""
    require_role(actor, Role.SUPERVISOR, action="outbox_requeue")
    total = count_failed(ctx, actor)
    done = 0
    while True:
        if cancelled is not None and cancelled():
            return RequeueReport(done, total, cancelled=True)
        requeued = _requeue_next(ctx, actor, chunk)
        if not requeued:
            break
        done += requeued
        if progress is not None:
            progress(done, max(total, done))
    return RequeueReport(done, max(total, done), cancelled=False)


def requeue_batch(ctx: ServiceContext, actor: Actor, *, chunk: int = CHUNK) -> RequeueReport:
    """One batch of ``requeue_failed`` in its own transaction (a remote console drives the
    batches and shows the progress); ``requeued`` 0 means nothing is left."""
    require_role(actor, Role.SUPERVISOR, action="outbox_requeue")
    left = count_failed(ctx, actor)
    return RequeueReport(_requeue_next(ctx, actor, chunk), left, cancelled=False)


def _requeue_next(ctx: ServiceContext, actor: Actor, chunk: int) -> int:
    """The next ``chunk`` failed emails back in the queue, journaled, in one transaction;
    how many (0: none was left)."""
    with ctx.db.write() as session:
        batch = session.scalars(
            select(OutboxMessage).where(*_failed()).order_by(OutboxMessage.id).limit(chunk)  # type: ignore[arg-type]
        ).all()
        if not batch:
            return 0
        now = ctx.clock.now()
        for message in batch:
            message.state = OutboxState.QUEUED.value
            message.attempts = 0
            message.next_attempt_at = now
            message.last_error = None
        audit.record(
            session,
            ctx,
            actor,
            "outbox.requeued",
            target=f"{len(batch)} courriels",
            details={"first_id": batch[0].id, "last_id": batch[-1].id, "count": len(batch)},
        )
        return len(batch)
