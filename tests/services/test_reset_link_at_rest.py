"""A reset link never sits in clear in the database: a ``pg_dump`` taken while the mail
server is down, the message waiting for its retry, holds no live token in any form;
once the mail server is back the email carries a link that works."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import urllib.parse
from datetime import timedelta

import pytest
from sqlalchemy import select

from console.config import SmtpSettings
from console.db.engine import Database
from console.db.models import Account, OutboxMessage, PasswordResetToken
from console.domain.clock import FixedClock
from console.domain.vocabulary import Role
from console.services.accounts import hash_token, send_password_reset
from console.services.context import ServiceContext
from console.services.mail_relay import SmtpTransport, deliver_due
from console.services.password_reset import consume_reset_token, password_matches
from tests.helpers.builders import make_household, make_staff, verify_call
from tests.helpers.outbox import queued_token
from tests.helpers.smtp_server import RecordingHandler, free_port, smtp_server

pytestmark = pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump not installed")
SENDER = "relais@exemple.ca"


def pg_dump(db: Database) -> str:
    """The whole database as plain SQL, as an operator (or a thief of backups) gets it."""
    url = db.engine.url
    env = os.environ | ({"PGPASSWORD": url.password} if url.password else {})
    done = subprocess.run(
        [
            "pg_dump",
            "-h",
            url.host or "127.0.0.1",
            "-p",
            str(url.port or 5432),
            "-U",
            url.username or "postgres",
            "--no-owner",
            str(url.database),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return done.stdout


def forms(token: str) -> dict[str, str]:
    """Every way the token could be written down: as sent, percent-encoded, in standard
    base64 letters, as its bytes in hex (a bytea column) and in its link."""
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    return {
        "as sent (URL-safe)": token,
        "percent-encoded": urllib.parse.quote(token, safe=""),
        "standard base64": base64.b64encode(raw).decode().rstrip("="),
        "its bytes in hex": raw.hex(),
        "its text in hex": token.encode().hex(),
        "the link": f"reinitialiser?jeton={token}",
    }


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_dump_taken_while_smtp_is_down_holds_no_live_token(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    with ctx.db.write() as session:
        family = make_household(session)
        agent = make_staff(session, Role.AGENT)
    verify_call(ctx, agent, family)
    outcome = send_password_reset(ctx, agent, family.household_id)
    token = queued_token(ctx, outcome.outbox_id)  # what only the relay's key opens

    # The mail server is down: the relay tries, fails, and the message waits to retry.
    down = SmtpTransport(SmtpSettings(host="127.0.0.1", port=free_port()), timeout=5)
    assert deliver_due(ctx, down, sender=SENDER).retrying == 1
    with ctx.db.read() as session:
        waiting = session.get_one(OutboxMessage, outcome.outbox_id)
        assert (waiting.state, waiting.attempts) == ("queued", 1)
        assert waiting.last_error is not None and waiting.last_error.startswith("connect")
        sealed = waiting.sealed_secret
        assert sealed is not None
        token_hash = session.scalars(select(PasswordResetToken.token_hash)).one()

    dump = pg_dump(ctx.db)
    # The dump is this database's, complete: the waiting message, its sealed token and the
    # token's hash are all in it…
    assert "reinitialiser?jeton=[jeton-chiffré]" in dump
    assert bytes(sealed).hex() in dump and token_hash in dump
    # …and the live token in none of its forms.
    for name, form in forms(token).items():
        assert form not in dump, name
        assert form.lower() not in dump.lower(), name

    # The mail server is back: at the retry, the email carries a link that works.
    clock.advance(timedelta(minutes=2))
    port = free_port()
    up = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port), timeout=5)
    with smtp_server(port, RecordingHandler()) as server:
        assert deliver_due(ctx, up, sender=SENDER).sent == 1
    [received] = server.received
    body = received.get_body()
    assert body is not None
    emailed = body.get_content().split("reinitialiser?jeton=")[1].split()[0]
    assert emailed == token and hash_token(emailed) == token_hash
    consume_reset_token(ctx, emailed, "Une-phrase-de-passe-2026")
    with ctx.db.read() as session:
        sent = session.get_one(OutboxMessage, outcome.outbox_id)
        assert (sent.state, sent.sealed_secret) == ("sent", None)
        assert "[jeton-chiffré]" not in sent.body and "[retiré après l'envoi]" in sent.body
        stored = session.get_one(Account, family.account_id).password_hash
        assert stored is not None and password_matches("Une-phrase-de-passe-2026", stored)

    # Delivered: not even the sealed token is left.
    after = pg_dump(ctx.db)
    assert bytes(sealed).hex() not in after
    for name, form in forms(token).items():
        assert form not in after, name


def test_a_message_sealed_with_another_servers_key_fails_at_once_with_the_reason(
    ctx: ServiceContext,
) -> None:
    """A relay that cannot open the link never sends a broken one: the message fails,
    an agent sees why and sends a new link."""
    with ctx.db.write() as session:
        family = make_household(session)
        agent = make_staff(session, Role.AGENT)
    verify_call(ctx, agent, family)
    outcome = send_password_reset(ctx, agent, family.household_id)
    other = ServiceContext(db=ctx.db, sin_cipher=ctx.sin_cipher, clock=ctx.clock)  # own key
    port = free_port()
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port), timeout=5)
    with smtp_server(port, RecordingHandler()) as server:
        report = deliver_due(other, transport, sender=SENDER)
    assert (report.sent, report.failed) == (0, 1)
    assert server.received == []
    with ctx.db.read() as session:
        message = session.get_one(OutboxMessage, outcome.outbox_id)
        assert message.state == "failed" and message.sealed_secret is None
        assert message.last_error is not None and "another outbox key" in message.last_error
