"""The mail relay: delivers the outbox over SMTP, retrying with back-off.

Delivery is **at most once**. A message is claimed in its own committed transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two relays never take the same one; the
attempt is counted and a lease set) before the SMTP conversation starts. A failure the
server reports before accepting the message (down, 4xx) is retried after 1, 2, 4 …
minutes; a 5xx refusal, or the last attempt, marks it failed with the reason. When the
outcome is unknown — the connection dropped after the message data was sent, or the
relay died mid-send — the message is marked failed rather than sent again: a missing
email can be resent by an agent (F2), a doubled reset link cannot be unsent. The
``Message-ID`` header equals the row's ``message_id``, so should a copy ever go out
twice (an operator requeues it), mail servers and clients deduplicate it.

A queued reset message holds no usable link: its body has a placeholder and the token
waits beside it encrypted with the server's outbox key. The relay opens it when it builds
the email, in memory only (a message sealed with another key fails at once, with the
reason: an agent sends a new link). A message that leaves the queue (sent, failed, or
its claim abandoned) loses the sealed token and has its link redacted in the same
transaction (:func:`console.services.outbox.redact_secrets`): once delivered, the
database holds only the token's hash.
"""

from __future__ import annotations

import mimetypes
import os
import smtplib
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from console.config import SmtpSettings
from console.db.models import OutboxMessage
from console.db.outbox_key import SecretUnreadable
from console.domain.vocabulary import OutboxState
from console.services.context import ServiceContext
from console.services.outbox import fill_secret, redact_secrets

KEYRING_SERVICE = "console-loisirs-smtp"
IN_FLIGHT = "in flight"
OUTCOME_UNKNOWN = "outcome unknown (connection lost during sending); not resent"
SECRET_UNREADABLE = (
    "the link was sealed with another outbox key than this server's; not sent: send a new one"
)


@dataclass(frozen=True)
class RelayPolicy:
    max_attempts: int = 6
    first_delay: timedelta = timedelta(minutes=1)
    max_delay: timedelta = timedelta(hours=1)
    # How long a claimed message is kept from other relays; past it, the outcome is unknown.
    claim_lease: timedelta = timedelta(minutes=10)
    batch: int = 100

    def delay_after(self, attempts: int) -> timedelta:
        """1, 2, 4 … minutes after the first, second, third … failed attempt."""
        delay: timedelta = self.first_delay * (2 ** max(0, attempts - 1))
        return min(delay, self.max_delay)


class DeliveryError(Exception):
    """Why a message was not delivered; ``permanent`` ones are not retried."""

    def __init__(self, reason: str, *, permanent: bool = False, unknown: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason[:450]
        self.permanent = permanent
        self.unknown = unknown


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Deliver or raise :class:`DeliveryError`."""
        ...


@dataclass(frozen=True)
class Outgoing:
    """A claimed message, detached from its session."""

    outbox_id: int
    message_id: str
    to_address: str
    subject: str
    body: str
    created_at: datetime
    attempts: int
    attachment: bytes | None
    attachment_name: str | None
    unreadable: bool = False  # its secret cannot be opened with this server's key


@dataclass(frozen=True)
class RelayReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


class SmtpTransport:
    """SMTP with the settings' host, port, TLS and credentials (password from the keyring)."""

    def __init__(
        self, settings: SmtpSettings, password: str | None = None, timeout: float = 30.0
    ) -> None:
        self.settings = settings
        self.password = password
        self.timeout = timeout

    def send(self, message: EmailMessage) -> None:
        s = self.settings
        try:
            if s.use_ssl:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
        except smtplib.SMTPResponseException as exc:
            raise _refusal("connect", exc.smtp_code, exc.smtp_error) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"connect {s.host}:{s.port}: {exc}") from exc
        with smtp:
            self._envelope(smtp, message)
            try:
                code, reply = smtp.data(message.as_bytes(policy=SMTP_POLICY))
            except smtplib.SMTPResponseException as exc:  # DATA itself refused: not sent
                raise _refusal("data", exc.smtp_code, exc.smtp_error) from exc
            except (OSError, smtplib.SMTPException) as exc:
                raise DeliveryError(f"{OUTCOME_UNKNOWN}: {exc}", unknown=True) from exc
            if code != 250:
                raise _refusal("data", code, reply)

    def _envelope(self, smtp: smtplib.SMTP, message: EmailMessage) -> None:
        s = self.settings
        try:
            smtp.ehlo()
            if s.starttls and not s.use_ssl:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if s.username:
                smtp.login(s.username, self.password or "")
            code, reply = smtp.mail(parseaddr(str(message["From"]))[1])
            if code != 250:
                raise _refusal("mail from", code, reply)
            code, reply = smtp.rcpt(str(message["To"]))
            if code not in (250, 251):
                raise _refusal("rcpt to", code, reply)
        except smtplib.SMTPResponseException as exc:
            raise _refusal("session", exc.smtp_code, exc.smtp_error) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"session: {exc}") from exc


SMTP_CREDENTIAL = "smtp-password"


def smtp_password(settings: SmtpSettings, environ: Mapping[str, str] | None = None) -> str | None:
    """The SMTP password: the systemd credential ``smtp-password`` when the server runs as
    the packaged service (``LoadCredential=``, a file only the service can read, never an
    environment variable), else the keyring (service "console-loisirs-smtp"), if any."""
    if not settings.username:
        return None
    env = os.environ if environ is None else environ
    credentials = env.get("CREDENTIALS_DIRECTORY")
    if credentials:
        path = Path(credentials) / SMTP_CREDENTIAL
        if path.is_file():
            return path.read_text(encoding="utf-8").strip("\r\n")
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, settings.username)
    except Exception:  # no keyring backend: the server may not need a password
        return None


def build_email(outgoing: Outgoing, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = outgoing.to_address
    message["Subject"] = outgoing.subject
    message["Date"] = format_datetime(outgoing.created_at)
    message["Message-ID"] = outgoing.message_id
    message.set_content(outgoing.body, cte="quoted-printable")
    if outgoing.attachment is not None:
        name = outgoing.attachment_name or "piece-jointe.bin"
        maintype, _, subtype = (
            mimetypes.guess_type(name)[0] or "application/octet-stream"
        ).partition("/")
        message.add_attachment(
            outgoing.attachment, maintype=maintype, subtype=subtype, filename=name
        )
    return message


def deliver_due(
    ctx: ServiceContext,
    transport: Transport,
    *,
    sender: str,
    policy: RelayPolicy | None = None,
) -> RelayReport:
    """One pass: settle abandoned claims, then send every message due now."""
    policy = policy or RelayPolicy()
    failed = _settle_abandoned(ctx)
    sent = retrying = 0
    for _ in range(policy.batch):
        outgoing = _claim(ctx, policy)
        if outgoing is None:
            break
        try:
            if outgoing.unreadable:
                raise DeliveryError(SECRET_UNREADABLE, permanent=True)
            transport.send(build_email(outgoing, sender))
        except DeliveryError as exc:
            if _record_failure(ctx, outgoing, exc, policy):
                retrying += 1
            else:
                failed += 1
        else:
            _record_sent(ctx, outgoing)
            sent += 1
    return RelayReport(sent=sent, retrying=retrying, failed=failed)


def run_relay(
    ctx: ServiceContext,
    transport: Transport,
    *,
    sender: str,
    policy: RelayPolicy | None = None,
    interval_s: float = 30.0,
    stop: threading.Event | None = None,
) -> None:
    """Pass after pass until ``stop`` is set."""
    stop = stop or threading.Event()
    while not stop.is_set():
        deliver_due(ctx, transport, sender=sender, policy=policy)
        stop.wait(interval_s)


def _claim(ctx: ServiceContext, policy: RelayPolicy) -> Outgoing | None:
    now = ctx.clock.now()
    with ctx.db.write() as session:
        row = session.scalar(
            select(OutboxMessage)
            .where(
                OutboxMessage.state == OutboxState.QUEUED.value,
                OutboxMessage.next_attempt_at <= now,
                # A claim whose lease ran out has an unknown outcome: never re-claimed,
                # the next pass's _settle_abandoned marks it failed.
                OutboxMessage.last_error.is_distinct_from(IN_FLIGHT),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if row is None:
            return None
        row.attempts += 1
        row.next_attempt_at = now + policy.claim_lease
        row.last_error = IN_FLIGHT
        body, unreadable = row.body, False
        if row.sealed_secret is not None:
            try:
                body = fill_secret(row.body, ctx.outbox_cipher.open(row.sealed_secret))
            except SecretUnreadable:
                unreadable = True
        return Outgoing(
            outbox_id=row.id,
            message_id=row.message_id,
            to_address=row.to_address,
            subject=row.subject,
            body=body,
            created_at=row.created_at,
            attempts=row.attempts,
            attachment=row.attachment,
            attachment_name=row.attachment_name,
            unreadable=unreadable,
        )


def _record_sent(ctx: ServiceContext, outgoing: Outgoing) -> None:
    with ctx.db.write() as session:
        row = session.get_one(OutboxMessage, outgoing.outbox_id)
        row.state = OutboxState.SENT.value
        row.sent_at = ctx.clock.now()
        row.last_error = None
        _forget_secret(row)


def _record_failure(
    ctx: ServiceContext, outgoing: Outgoing, error: DeliveryError, policy: RelayPolicy
) -> bool:
    """Store the reason; True when the message will be tried again."""
    with ctx.db.write() as session:
        row = session.get_one(OutboxMessage, outgoing.outbox_id)
        row.last_error = error.reason
        if error.permanent or error.unknown or row.attempts >= policy.max_attempts:
            row.state = OutboxState.FAILED.value
            _forget_secret(row)
            return False
        row.next_attempt_at = ctx.clock.now() + policy.delay_after(row.attempts)
        return True


def _settle_abandoned(ctx: ServiceContext) -> int:
    """Claims whose lease ran out: the relay died mid-send, so the outcome is unknown."""
    with ctx.db.write() as session:
        rows = session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.state == OutboxState.QUEUED.value,
                OutboxMessage.last_error == IN_FLIGHT,
                OutboxMessage.next_attempt_at <= ctx.clock.now(),
            )
            .with_for_update(skip_locked=True)
        ).all()
        for row in rows:
            row.state = OutboxState.FAILED.value
            row.last_error = OUTCOME_UNKNOWN
            _forget_secret(row)
        return len(rows)


def _forget_secret(row: OutboxMessage) -> None:
    """The message leaves the queue: no token, not even sealed, stays with it."""
    row.sealed_secret = None
    row.body = redact_secrets(row.body)


def _refusal(stage: str, code: int, reply: bytes | str) -> DeliveryError:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
    return DeliveryError(f"{stage}: {code} {text}", permanent=500 <= code < 600)
