from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from console.config import SmtpSettings
from console.db.models import OutboxMessage
from console.domain.clock import FixedClock
from console.domain.vocabulary import OutboxState
from console.services.context import ServiceContext
from console.services.mail_relay import (
    IN_FLIGHT,
    RelayPolicy,
    SmtpTransport,
    _claim,
    deliver_due,
)
from console.services.outbox import enqueue
from tests.helpers.smtp_server import RecordingHandler, free_port, smtp_server

SENDER = "Mes loisirs en ligne <ne-pas-repondre@loisirs.example.ca>"


@pytest.fixture
def port() -> int:
    return free_port()


def _transport(port: int) -> SmtpTransport:
    return SmtpTransport(SmtpSettings(host="127.0.0.1", port=port), timeout=5)


def _queue(ctx: ServiceContext, **extra: object) -> int:
    with ctx.db.write() as session:
        message = enqueue(
            session,
            ctx,
            to_address="marie@exemple.ca",
            kind="password_reset",
            subject="Réinitialisation de votre mot de passe",
            body="Bonjour Marie,\nVoici votre lien.\n",
            **extra,  # type: ignore[arg-type]
        )
        return message.id


def _row(ctx: ServiceContext, outbox_id: int) -> OutboxMessage:
    with ctx.db.read() as session:
        row = session.get_one(OutboxMessage, outbox_id)
        session.expunge(row)  # keep its loaded values past the read's rollback
        return row


def test_a_queued_message_is_delivered_once_with_its_message_id(
    ctx: ServiceContext, port: int, clock: FixedClock
) -> None:
    outbox_id = _queue(ctx)
    with smtp_server(port, RecordingHandler()) as server:
        report = deliver_due(ctx, _transport(port), sender=SENDER)
        again = deliver_due(ctx, _transport(port), sender=SENDER)
    assert (report.sent, again.sent) == (1, 0)
    row = _row(ctx, outbox_id)
    assert (row.state, row.attempts, row.sent_at, row.last_error) == (
        "sent",
        1,
        clock.now(),
        None,
    )
    [received] = server.received
    assert received["Message-ID"] == row.message_id
    assert received["Subject"] == "Réinitialisation de votre mot de passe"
    assert received["To"] == "marie@exemple.ca"
    body = received.get_body()
    assert body is not None and "Voici votre lien." in body.get_content()


def test_a_down_server_leaves_the_message_queued_until_a_later_pass(
    ctx: ServiceContext, port: int, clock: FixedClock
) -> None:
    outbox_id = _queue(ctx)
    report = deliver_due(ctx, _transport(port), sender=SENDER)  # nothing listens yet
    assert report.retrying == 1
    row = _row(ctx, outbox_id)
    assert row.state == "queued" and row.attempts == 1
    assert row.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert row.last_error and "connect" in row.last_error
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 0  # not due yet
        clock.advance(timedelta(minutes=1))
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 1
    assert len(server.received) == 1
    assert _row(ctx, outbox_id).state == "sent"


def test_retries_back_off_then_fail_with_the_reason(
    ctx: ServiceContext, port: int, clock: FixedClock
) -> None:
    outbox_id = _queue(ctx)
    policy = RelayPolicy(max_attempts=3)
    delays = []
    for _ in range(3):
        before = clock.now()
        deliver_due(ctx, _transport(port), sender=SENDER, policy=policy)
        row = _row(ctx, outbox_id)
        delays.append(row.next_attempt_at - before)
        clock.set(row.next_attempt_at)
    assert delays[:2] == [timedelta(minutes=1), timedelta(minutes=2)]
    row = _row(ctx, outbox_id)
    assert (row.state, row.attempts) == ("failed", 3)
    assert row.last_error and "connect" in row.last_error


def test_a_permanent_refusal_fails_at_once(ctx: ServiceContext, port: int) -> None:
    outbox_id = _queue(ctx)
    with smtp_server(port, RecordingHandler(refuse="550 5.1.1 No such user")) as server:
        report = deliver_due(ctx, _transport(port), sender=SENDER)
    assert report.failed == 1 and server.received == []
    row = _row(ctx, outbox_id)
    assert row.state == "failed" and row.last_error and "550" in row.last_error


def test_a_temporary_refusal_is_retried(ctx: ServiceContext, port: int, clock: FixedClock) -> None:
    outbox_id = _queue(ctx)
    handler = RecordingHandler(refuse="451 4.3.0 Try again later")
    with smtp_server(port, handler):
        assert deliver_due(ctx, _transport(port), sender=SENDER).retrying == 1
        assert _row(ctx, outbox_id).state == "queued"
        handler.refuse = None
        clock.advance(timedelta(minutes=1))
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 1
    assert len(handler.received) == 1


def test_an_attachment_is_delivered(ctx: ServiceContext, port: int) -> None:
    pdf = b"%PDF-1.4\n% receipt\n"
    _queue(ctx, attachment=pdf, attachment_name="recu-20000001.pdf")
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 1
    [received] = server.received
    [part] = list(received.iter_attachments())
    assert part.get_filename() == "recu-20000001.pdf"
    assert part.get_content_type() == "application/pdf"
    assert part.get_content() == pdf


def test_a_claim_abandoned_mid_send_is_never_sent_again(
    ctx: ServiceContext, port: int, clock: FixedClock
) -> None:
    outbox_id = _queue(ctx)
    # A relay claimed the message and died before recording the outcome.
    with ctx.db.write() as session:
        row = session.get_one(OutboxMessage, outbox_id)
        row.attempts, row.last_error = 1, IN_FLIGHT
        row.next_attempt_at = clock.now() + timedelta(minutes=10)
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 0
        clock.advance(timedelta(minutes=10))
        report = deliver_due(ctx, _transport(port), sender=SENDER)
    assert (report.sent, report.failed) == (0, 1)
    assert server.received == []
    row = _row(ctx, outbox_id)
    assert row.state == OutboxState.FAILED.value and "unknown" in (row.last_error or "")


def test_every_due_message_goes_in_one_pass(ctx: ServiceContext, port: int) -> None:
    for _ in range(5):
        _queue(ctx)
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, _transport(port), sender=SENDER).sent == 5
    ids = {m["Message-ID"] for m in server.received}
    assert len(ids) == 5
    with ctx.db.read() as session:
        assert set(session.scalars(select(OutboxMessage.state))) == {"sent"}


def test_a_message_claimed_by_another_relay_is_skipped(ctx: ServiceContext, port: int) -> None:
    if ctx.dialect != "postgresql":
        pytest.skip("SQLite runs one writer at a time: no row lock to skip")
    outbox_id = _queue(ctx)
    with ctx.db.write() as other_relay:
        other_relay.execute(
            select(OutboxMessage).where(OutboxMessage.id == outbox_id).with_for_update()
        )
        with smtp_server(port, RecordingHandler()) as server:
            report = deliver_due(ctx, _transport(port), sender=SENDER)
    assert report.sent == 0 and server.received == []
    assert _row(ctx, outbox_id).attempts == 0


class _SlowTransport:
    """Delivers, but the clock moves on while it does (a slow SMTP conversation)."""

    def __init__(self, inner: SmtpTransport, clock: FixedClock, by: timedelta) -> None:
        self.inner, self.clock, self.by = inner, clock, by

    def send(self, message: EmailMessage) -> None:
        self.clock.advance(self.by)
        self.inner.send(message)


def test_a_second_relay_never_reclaims_a_message_whose_lease_ran_out(
    ctx: ServiceContext, port: int, clock: FixedClock
) -> None:
    policy = RelayPolicy()
    stuck = _queue(ctx)
    # Relay A claims the first message and hangs mid-send: its outcome is unknown.
    claimed = _claim(ctx, policy)
    assert claimed is not None and claimed.outbox_id == stuck
    other = _queue(ctx)
    # Relay B starts its pass before A's lease runs out; its own sending outlasts the lease.
    with smtp_server(port, RecordingHandler()) as server:
        slow = _SlowTransport(_transport(port), clock, policy.claim_lease)
        report = deliver_due(ctx, slow, sender=SENDER, policy=policy)
        assert report.sent == 1
        assert [m["Message-ID"] for m in server.received] == [_row(ctx, other).message_id]
        report = deliver_due(ctx, _transport(port), sender=SENDER, policy=policy)
    assert (report.sent, report.failed) == (0, 1)
    assert len(server.received) == 1
    row = _row(ctx, stuck)
    assert row.state == OutboxState.FAILED.value and "unknown" in (row.last_error or "")
