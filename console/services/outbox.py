"""The email outbox: messages are rows written in the transaction of the action that
caused them; the relay (``mail_relay``) delivers them later, so nothing is lost while
the mail server is down.

Secrets in a body: a password-reset link carries its raw token (``?jeton=…``), the only
copy outside the recipient's mailbox (the token table keeps a hash). It never rests in
clear in the database: the queued body holds :data:`SECRET_MARK` where the token goes,
and the token waits beside it encrypted with the server's outbox key
(``outbox_message.sealed_secret``, :mod:`console.db.outbox_key`). The relay opens it when
it builds the email, and in the transaction that records the message sent or failed (or
settles an abandoned claim) it clears the sealed token and calls :func:`redact_secrets`,
so no delivered or abandoned message keeps even an encrypted link. Listings
(:class:`OutboxView`, the household view) never show a body at all.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import Account, OutboxMessage
from console.domain.views.outbox import OutboxView as OutboxView
from console.domain.vocabulary import EmailKind, OutboxState
from console.services.context import ServiceContext
from console.services.email_templates import render

MESSAGE_ID_DOMAIN = "console.loisirs.example.ca"
# Query parameters of links whose value is a secret (the reset token).
SECRET_PARAMETERS = ("jeton",)
REDACTED = "[retiré après l'envoi]"
# Where a queued body's secret goes; the relay puts the opened secret in its place.
SECRET_MARK = "[jeton-chiffré]"
_SECRET = re.compile(r"([?&](?:" + "|".join(SECRET_PARAMETERS) + r")=)[^&#\s]+")


def redact_secrets(body: str) -> str:
    """``body`` with the value of every secret link parameter replaced by a mark."""
    return _SECRET.sub(lambda m: m.group(1) + REDACTED, body)


def fill_secret(body: str, secret: str) -> str:
    """The body as it is sent: the opened secret in place of :data:`SECRET_MARK`."""
    return body.replace(SECRET_MARK, secret)


def new_message_id() -> str:
    """A globally unique RFC 5322 Message-ID, also the row's deduplication key."""
    return f"<{uuid.uuid4().hex}@{MESSAGE_ID_DOMAIN}>"


def enqueue(
    session: Session,
    ctx: ServiceContext,
    *,
    to_address: str,
    kind: str,
    subject: str,
    body: str,
    account_id: int | None = None,
    attachment: bytes | None = None,
    attachment_name: str | None = None,
    secret: str | None = None,
) -> OutboxMessage:
    """Add a queued message to the caller's transaction; the relay sends it when due.

    A ``secret`` (a reset link's token) is kept encrypted with the server's outbox key;
    ``body`` says where it goes with :data:`SECRET_MARK` and must not hold it."""
    sealed = None
    if secret is not None:
        if SECRET_MARK not in body or secret in body:
            raise ValueError("a body with a secret holds its mark, never the secret itself")
        sealed = ctx.outbox_cipher.seal(secret)
    now = ctx.clock.now()
    message = OutboxMessage(
        message_id=new_message_id(),
        account_id=account_id,
        to_address=to_address,
        kind=kind,
        subject=subject,
        body=body,
        attachment=attachment,
        attachment_name=attachment_name,
        state=OutboxState.QUEUED.value,
        attempts=0,
        created_at=now,
        next_attempt_at=now,
        sealed_secret=sealed,
    )
    session.add(message)
    session.flush()
    return message


def enqueue_for_account(
    session: Session,
    ctx: ServiceContext,
    account: Account,
    kind: EmailKind,
    *,
    secret: str | None = None,
    **params: object,
) -> OutboxMessage:
    """A templated message to the address on file, in the account's language (with a
    ``secret``, the parameters place :data:`SECRET_MARK` where it goes)."""
    email = render(kind, account.language, email=account.email, **params)
    return enqueue(
        session,
        ctx,
        to_address=account.email,
        kind=kind.value,
        subject=email.subject,
        body=email.body,
        account_id=account.id,
        secret=secret,
    )


def messages_for_account(session: Session, account_id: int) -> tuple[OutboxView, ...]:
    """Every message written for the account, newest first (F2: show delivery state)."""
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.account_id == account_id)
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    )
    return tuple(to_view(m) for m in rows)


def to_view(message: OutboxMessage) -> OutboxView:
    return OutboxView(
        outbox_id=message.id,
        kind=message.kind,
        subject=message.subject,
        to_address=message.to_address,
        state=OutboxState(message.state),
        attempts=message.attempts,
        created_at=message.created_at,
        next_attempt_at=message.next_attempt_at,
        sent_at=message.sent_at,
        last_error=message.last_error,
        attachment_name=message.attachment_name,
    )
