"""Compte utilisateur (F1–F3): what support may do to an account, and nothing more.

The agent never sees nor sets a password and cannot type an address: the reset link and
the confirmation go to the address on file. There is no way to change an email (F3).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console.db.models import Account, Household, OutboxMessage, PasswordResetToken
from console.domain.errors import NotFound, Refused
from console.domain.text import EMAIL_MAX, REASON_MAX, clean_text
from console.domain.views.accounts import AccountSummary as AccountSummary
from console.domain.views.accounts import AddressCheck as AddressCheck
from console.domain.views.accounts import EmailQueued as EmailQueued
from console.domain.vocabulary import EmailKind, Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.email_templates import DEFAULT_SITE_URL
from console.services.outbox import SECRET_MARK, enqueue_for_account, messages_for_account
from console.services.staff import Actor, require_role
from console.services.verification import require_verified

RESET_VALIDITY = timedelta(minutes=60)
SENDS_PER_HOUR = 3
RATE_WINDOW = timedelta(hours=1)
ANY_STAFF = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def site_url(ctx: ServiceContext) -> str:
    configured = ctx.settings.extra.get("public_site_url") if ctx.settings else None
    return str(configured or DEFAULT_SITE_URL).rstrip("/")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def account_summary(ctx: ServiceContext, actor: Actor, household_id: int) -> AccountSummary:
    require_role(actor, *ANY_STAFF, action="view_account")
    now = ctx.clock.now()
    with ctx.db.read() as session:
        account = _account_of(session, household_id)
        valid_until = session.scalar(
            select(PasswordResetToken.expires_at).where(
                PasswordResetToken.account_id == account.id,
                PasswordResetToken.used_at.is_(None),
                PasswordResetToken.revoked_at.is_(None),
                PasswordResetToken.expires_at > now,
            )
        )
        return AccountSummary(
            household_id=household_id,
            account_id=account.id,
            email=account.email,
            language=account.language,
            confirmed=account.confirmed_at is not None,
            confirmed_at=account.confirmed_at,
            locked=account.locked_at is not None,
            locked_at=account.locked_at,
            failed_login_count=account.failed_login_count,
            last_failed_login_at=account.last_failed_login_at,
            reset_links_left=max(0, SENDS_PER_HOUR - _resets_this_hour(session, account, now)),
            confirmations_left=max(
                0, SENDS_PER_HOUR - _confirmations_this_hour(session, account, now)
            ),
            reset_link_valid_until=valid_until,
            messages=messages_for_account(session, account.id),
        )


def check_address(ctx: ServiceContext, actor: Actor, email: str) -> AddressCheck:
    """F3 helper: the email cannot change, so a family that wants another address creates a
    new Dossier loisir with it — unless that address already has one. Read only.

    Refused ``email_malformed`` {detail} for an address that cannot exist.
    """
    require_role(actor, *ANY_STAFF, action="check_address")
    clean_text(email, field="email", max_length=EMAIL_MAX)
    try:
        normalized = validate_email(email.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise Refused("email_malformed", detail=str(exc)) from exc
    normalized = normalized.lower()
    with ctx.db.read() as session:
        number = session.scalar(
            select(Household.number)
            .join(Account, Household.account_id == Account.id)
            .where(Account.email == normalized)
        )
    return AddressCheck(email=normalized, household_number=number)


def unlock_account(
    ctx: ServiceContext, actor: Actor, household_id: int, *, reason: str = ""
) -> EmailQueued:
    """F1: clear the lock and the failure count; tell the holder support unlocked it."""
    require_role(actor, *ANY_STAFF, action="unlock_account")
    reason = clean_text(reason, field="reason", max_length=REASON_MAX)
    with ctx.db.write() as session:
        account = _account_of(session, household_id, lock=True)
        require_verified(session, ctx, actor, household_id)
        if account.locked_at is None:
            raise Refused("account_not_locked", email=account.email)
        previous = {"locked_at": account.locked_at, "failed": account.failed_login_count}
        account.locked_at = None
        account.failed_login_count = 0
        message = enqueue_for_account(session, ctx, account, EmailKind.ACCOUNT_UNLOCKED)
        audit.record(
            session,
            ctx,
            actor,
            "account_unlocked",
            household_id=household_id,
            account_id=account.id,
            target=account.email,
            reason=reason.strip(),
            details={**previous, "outbox_id": message.id},
        )
        return EmailQueued(message.id, account.email, message.kind)


def send_password_reset(
    ctx: ServiceContext, actor: Actor, household_id: int, *, reason: str = ""
) -> EmailQueued:
    """F1: a single-use 60-minute link to the address on file; earlier links stop working.

    Refused ``reset_rate_limited`` {retry_at} after three links in an hour.
    """
    require_role(actor, *ANY_STAFF, action="send_password_reset")
    reason = clean_text(reason, field="reason", max_length=REASON_MAX)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        account = _account_of(session, household_id, lock=True)
        require_verified(session, ctx, actor, household_id)
        _check_rate(
            session.scalars(
                select(PasswordResetToken.created_at).where(
                    PasswordResetToken.account_id == account.id,
                    PasswordResetToken.created_at > now - RATE_WINDOW,
                )
            ).all(),
            "reset_rate_limited",
        )
        revoked = session.execute(
            update(PasswordResetToken)
            .where(
                PasswordResetToken.account_id == account.id,
                PasswordResetToken.used_at.is_(None),
                PasswordResetToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        ).rowcount  # type: ignore[attr-defined]
        token = secrets.token_urlsafe(32)  # 256 bits
        expires_at = now + RESET_VALIDITY
        session.add(
            PasswordResetToken(
                account_id=account.id,
                token_hash=hash_token(token),
                created_at=now,
                expires_at=expires_at,
            )
        )
        message = enqueue_for_account(
            session,
            ctx,
            account,
            EmailKind.PASSWORD_RESET,
            # The token waits encrypted with the server's outbox key; the relay puts it
            # in the link when it sends the message.
            link=f"{site_url(ctx)}/reinitialiser?jeton={SECRET_MARK}",
            secret=token,
            minutes=int(RESET_VALIDITY.total_seconds() // 60),
        )
        audit.record(
            session,
            ctx,
            actor,
            "password_reset_sent",
            household_id=household_id,
            account_id=account.id,
            target=account.email,
            reason=reason.strip(),
            details={"outbox_id": message.id, "revoked": revoked, "expires_at": expires_at},
        )
        return EmailQueued(message.id, account.email, message.kind, expires_at)


def resend_confirmation(
    ctx: ServiceContext, actor: Actor, household_id: int, *, reason: str = ""
) -> EmailQueued:
    """F2: send the confirmation email again, for an unconfirmed account only.

    The link leads to the public site's sign-in, which confirms the address it was sent
    to; it carries no secret.
    """
    require_role(actor, *ANY_STAFF, action="resend_confirmation")
    reason = clean_text(reason, field="reason", max_length=REASON_MAX)
    with ctx.db.write() as session:
        account = _account_of(session, household_id, lock=True)
        require_verified(session, ctx, actor, household_id)
        if account.confirmed_at is not None:
            raise Refused("account_already_confirmed", email=account.email)
        _check_rate(
            _confirmation_times(session, account, ctx.clock.now()), "confirmation_rate_limited"
        )
        message = enqueue_for_account(
            session,
            ctx,
            account,
            EmailKind.CONFIRMATION,
            link=f"{site_url(ctx)}/confirmer",
        )
        audit.record(
            session,
            ctx,
            actor,
            "confirmation_resent",
            household_id=household_id,
            account_id=account.id,
            target=account.email,
            reason=reason.strip(),
            details={"outbox_id": message.id},
        )
        return EmailQueued(message.id, account.email, message.kind)


def _account_of(session: Session, household_id: int, *, lock: bool = False) -> Account:
    statement = (
        select(Account)
        .join(Household, Household.account_id == Account.id)
        .where(Household.id == household_id)
    )
    if lock:
        # Serialise actions on one account so the hourly limit cannot be raced past.
        statement = statement.with_for_update(of=Account)
    account = session.scalar(statement)
    if account is None:
        raise NotFound("household_not_found", household_id=household_id)
    return account


def _check_rate(times: Iterable[datetime], code: str) -> None:
    moments = sorted(times)
    if len(moments) >= SENDS_PER_HOUR:
        raise Refused(code, retry_at=moments[-SENDS_PER_HOUR] + RATE_WINDOW, limit=SENDS_PER_HOUR)


def _confirmation_times(session: Session, account: Account, now: datetime) -> list[datetime]:
    return list(
        session.scalars(
            select(OutboxMessage.created_at).where(
                OutboxMessage.account_id == account.id,
                OutboxMessage.kind == EmailKind.CONFIRMATION.value,
                OutboxMessage.created_at > now - RATE_WINDOW,
            )
        )
    )


def _resets_this_hour(session: Session, account: Account, now: datetime) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                PasswordResetToken.account_id == account.id,
                PasswordResetToken.created_at > now - RATE_WINDOW,
            )
        )
        or 0
    )


def _confirmations_this_hour(session: Session, account: Account, now: datetime) -> int:
    return len(_confirmation_times(session, account, now))
