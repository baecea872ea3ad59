"""Supervisors send failed emails again in bulk, chunk by chunk, and can stop midway."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from console.db.models import AuditEntry, OutboxMessage
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden
from console.domain.vocabulary import EmailKind, OutboxState, Role
from console.services.context import ServiceContext
from console.services.outbox_bulk import count_failed, requeue_failed
from tests.helpers.builders import T0, make_staff


def _messages(ctx: ServiceContext, failed: int, resets: int = 0, sent: int = 0) -> None:
    with ctx.db.write() as s:
        rows = [(EmailKind.CONFIRMATION, OutboxState.FAILED)] * failed
        rows += [(EmailKind.PASSWORD_RESET, OutboxState.FAILED)] * resets
        rows += [(EmailKind.ACCOUNT_UNLOCKED, OutboxState.SENT)] * sent
        for i, (kind, state) in enumerate(rows):
            s.add(
                OutboxMessage(
                    message_id=f"<m{i}@test>",
                    to_address=f"f{i}@example.ca",
                    kind=kind.value,
                    subject="s",
                    body="b",
                    state=state.value,
                    attempts=6,
                    created_at=T0,
                    next_attempt_at=T0,
                    last_error="550 mailbox unavailable" if state is OutboxState.FAILED else None,
                )
            )


def _states(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.read() as s:
        rows = s.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state))
        return {state: count for state, count in rows}


def test_every_failed_email_goes_back_to_the_queue_except_reset_links(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(T0)
    with ctx.db.write() as s:
        supervisor = make_staff(s, Role.SUPERVISOR)
    _messages(ctx, failed=45, resets=3, sent=2)
    seen: list[tuple[int, int]] = []
    report = requeue_failed(ctx, supervisor, progress=lambda d, t: seen.append((d, t)), chunk=20)
    assert (report.requeued, report.total, report.cancelled) == (45, 45, False)
    assert seen == [(20, 45), (40, 45), (45, 45)]
    assert _states(ctx) == {"queued": 45, "failed": 3, "sent": 2}
    with ctx.db.read() as s:
        queued = s.scalars(select(OutboxMessage).where(OutboxMessage.state == "queued")).all()
        assert {(m.attempts, m.last_error) for m in queued} == {(0, None)}
        assert (
            len(s.scalars(select(AuditEntry).where(AuditEntry.action == "outbox.requeued")).all())
            == 3
        )


def test_cancel_stops_between_chunks_and_keeps_what_was_done(ctx: ServiceContext) -> None:
    with ctx.db.write() as s:
        supervisor = make_staff(s, Role.SUPERVISOR)
    _messages(ctx, failed=50)
    chunks: list[int] = []
    report = requeue_failed(
        ctx,
        supervisor,
        progress=lambda d, t: chunks.append(d),
        cancelled=lambda: len(chunks) >= 2,
        chunk=10,
    )
    assert (report.requeued, report.cancelled) == (20, True)
    assert _states(ctx) == {"queued": 20, "failed": 30}
    assert count_failed(ctx, supervisor) == 30


@pytest.mark.parametrize("role", [Role.AGENT, Role.CLERK])
def test_only_a_supervisor_requeues_and_nothing_changes_otherwise(
    ctx: ServiceContext, role: Role
) -> None:
    with ctx.db.write() as s:
        someone = make_staff(s, role)
    _messages(ctx, failed=5)
    with pytest.raises(Forbidden):
        requeue_failed(ctx, someone)
    assert _states(ctx) == {"failed": 5}
    with ctx.db.read() as s:
        assert s.scalars(select(AuditEntry)).all() == []
