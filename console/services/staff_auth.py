"""Staff sign in to the one trusted server (DESIGN.md §4): passwords, lockout, sessions.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's low-memory
profile). Every refusal to sign in reads the same, ``sign_in_refused``, whether the name is
unknown, the account disabled or without a password, or the password wrong; an unknown
name still costs one hash verification, so the time taken does not tell either. After
``sign_in_max_failures`` consecutive failures the account is locked for
``sign_in_lockout_minutes`` (``sign_in_locked``), even to the right password.

A session is a random token (256 bits) the desktop sends with each request; the database
keeps only its SHA-256. It ends on sign-out, after ``session_idle_minutes`` without a
request, after ``session_lifetime_hours`` in any case, and at once when the staff member is
disabled or given a new password. The acting staff member is read afresh from the staff
row on every request, so a change of role takes effect at once.

The administration use cases (``add_staff``, ``disable_staff``, ``set_password``,
``list_staff_accounts``) are run by ``console staff`` on the server machine: their journal
entries name no staff member (the system).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import DateTime, bindparam, func, select, type_coerce, update
from sqlalchemy.orm import Session

from console.config import Settings
from console.db.models import Borough, Staff
from console.db.models import StaffSession as SessionRow
from console.domain.audit_actions import AuditAction
from console.domain.errors import NotFound, Refused, Unauthenticated
from console.domain.text import (
    CODE_MAX,
    NAME_MAX,
    USERNAME_MAX,
    clean_optional,
    clean_text,
    printable,
    text_problem,
)
from console.domain.views.staff import Actor
from console.domain.views.staff_auth import StaffAccount, StaffSession
from console.domain.vocabulary import Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.staff import actor_of

# ``ctx.ports[HASHER_PORT]`` may hold a PasswordHasher (tests lower its cost); otherwise
# CONSOLE_ARGON2_FAST=1 in the environment picks the cheapest parameters (tests run in a
# subprocess only), and production uses the library's defaults.
HASHER_PORT = "password_hasher"
ARGON2_FAST_ENV = "CONSOLE_ARGON2_FAST"
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
TOKEN_BYTES = 32
# last_seen_at is written at most this often: requests close together cost no write. The
# idle timeout is therefore exact to within this interval.
TOUCH_INTERVAL = timedelta(seconds=15)
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class EndReason:
    SIGNED_OUT = "signed_out"
    IDLE = "idle"
    EXPIRED = "expired"
    STAFF_DISABLED = "staff_disabled"
    PASSWORD_CHANGED = "password_changed"


@dataclass(frozen=True)
class _Policy:
    idle: timedelta
    lifetime: timedelta
    max_failures: int
    lockout: timedelta

    @property
    def idle_minutes(self) -> int:
        return int(self.idle.total_seconds() // 60)


# Without settings (tests, the demo), the defaults of Settings.
_DEFAULT_SETTINGS = Settings(database_url="", embedded=True)


def _policy(ctx: ServiceContext) -> _Policy:
    settings = ctx.settings or _DEFAULT_SETTINGS
    return _Policy(
        idle=timedelta(minutes=settings.session_idle_minutes),
        lifetime=timedelta(hours=settings.session_lifetime_hours),
        max_failures=max(1, settings.sign_in_max_failures),
        lockout=timedelta(minutes=settings.sign_in_lockout_minutes),
    )


@cache
def _default_hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _fast_hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(profiles.CHEAPEST)


def password_hasher(ctx: ServiceContext | None = None) -> PasswordHasher:
    """The argon2id hasher: ``ctx.ports["password_hasher"]``, else the cheapest one when
    ``CONSOLE_ARGON2_FAST=1`` (tests), else the library's defaults."""
    if ctx is not None:
        port = ctx.ports.get(HASHER_PORT)
        if isinstance(port, PasswordHasher):
            return port
    if os.environ.get(ARGON2_FAST_ENV) == "1":
        return _fast_hasher()
    return _default_hasher()


_dummy_hashes: dict[tuple[int, int, int, int, int], str] = {}


def _dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of nothing anyone knows, made with the same parameters as real ones: an
    unknown name costs the same verification as a wrong password."""
    key = (
        hasher.time_cost,
        hasher.memory_cost,
        hasher.parallelism,
        hasher.hash_len,
        hasher.salt_len,
    )
    found = _dummy_hashes.get(key)
    if found is None:
        found = _dummy_hashes[key] = hasher.hash(secrets.token_urlsafe(32))
    return found


def _verify(hasher: PasswordHasher, stored: str | None, password: str) -> bool:
    try:
        return hasher.verify(stored or _dummy_hash(hasher), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _unusable(secret: str) -> bool:
    """A password or token no rule allows: too long to be one, or not encodable text."""
    return text_problem(secret, max_length=MAX_PASSWORD_LENGTH, multiline=True) is not None


def token_digest(token: str) -> str:
    """The SHA-256 (hex) of a session token: all the database ever holds of it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalize_username(username: str) -> str:
    return username.strip().lower()


def _staff_by_name(session: Session, ctx: ServiceContext, username: str) -> Staff | None:
    """The staff row, locked on PostgreSQL: concurrent attempts count each other's failures."""
    statement = select(Staff).where(Staff.username == username)
    if ctx.db.locks_rows:
        statement = statement.with_for_update()
    return session.scalar(statement)


# --- Sign in, sessions, sign out ------------------------------------------------------


def sign_in(ctx: ServiceContext, username: str, password: str) -> StaffSession:
    """Check the password and open a session; one refusal for every kind of failure.

    Raises ``Unauthenticated("sign_in_refused")``, or ``Unauthenticated("sign_in_locked",
    until=…)`` once the failures reach the limit and until the lockout lapses. Every
    attempt is journaled (a failure with the reason, which the caller is not told).
    """
    policy = _policy(ctx)
    hasher = password_hasher(ctx)
    name = normalize_username(username) if text_problem(username, max_length=256) is None else ""
    if _unusable(password):
        password = ""  # no password the rules allow: checked (and failed) as a wrong one
    now = ctx.clock.now()
    with ctx.db.write() as session:
        staff = _staff_by_name(session, ctx, name) if USERNAME.fullmatch(name) else None
        if staff is None:
            _verify(hasher, None, password)
            target = printable(username, USERNAME_MAX).strip()
            # One entry a minute per unknown name: guesses at names cannot flood the
            # append-only journal (the server also slows each address down).
            if not _unknown_name_journaled(session, target, now):
                audit.record(
                    session,
                    ctx,
                    None,
                    AuditAction.STAFF_SIGN_IN_FAILED.value,
                    target=target,
                    details={"reason": "unknown_username"},
                )
            refusal = Unauthenticated("sign_in_refused")
        else:
            actor = actor_of(staff)
            checked = _check_password(session, ctx, policy, hasher, staff, actor, password, now)
            if checked is None:
                return _open_session(session, ctx, policy, hasher, staff, actor, password, now)
            refusal = checked
    # Raised once the transaction has committed: the failure, its count and its journal
    # entry are kept.
    raise refusal


def _unknown_name_journaled(session: Session, target: str, now: datetime) -> bool:
    from console.db.models import AuditEntry

    return (
        session.scalar(
            select(AuditEntry.id)
            .where(
                AuditEntry.action == AuditAction.STAFF_SIGN_IN_FAILED.value,
                AuditEntry.staff_id.is_(None),
                AuditEntry.target == target,
                AuditEntry.at >= now - timedelta(minutes=1),
            )
            .limit(1)
        )
        is not None
    )


def _check_password(
    session: Session,
    ctx: ServiceContext,
    policy: _Policy,
    hasher: PasswordHasher,
    staff: Staff,
    actor: Actor,
    password: str,
    now: datetime,
) -> Unauthenticated | None:
    """None when the password opens the account now; otherwise the refusal, journaled."""

    def failed(reason: str, **details: object) -> None:
        audit.record(
            session,
            ctx,
            actor,
            AuditAction.STAFF_SIGN_IN_FAILED.value,
            target=staff.username,
            details={"reason": reason, **details},
        )

    if staff.locked_until is not None and now < staff.locked_until:
        failed("locked", locked_until=staff.locked_until.isoformat())
        return Unauthenticated("sign_in_locked", until=staff.locked_until)
    if not staff.active or staff.password_hash is None:
        _verify(hasher, None, password)
        failed("disabled" if not staff.active else "no_password")
        return Unauthenticated("sign_in_refused")
    if _verify(hasher, staff.password_hash, password):
        return None
    staff.failed_sign_ins = (staff.failed_sign_ins or 0) + 1
    failed("wrong_password", failures=staff.failed_sign_ins)
    if staff.failed_sign_ins < policy.max_failures:
        return Unauthenticated("sign_in_refused")
    # The limit is reached: locked for a while, then a fresh count of attempts.
    staff.locked_until = now + policy.lockout
    staff.failed_sign_ins = 0
    audit.record(
        session,
        ctx,
        actor,
        AuditAction.STAFF_LOCKED.value,
        target=staff.username,
        details={"locked_until": staff.locked_until.isoformat(), "failures": policy.max_failures},
    )
    return Unauthenticated("sign_in_locked", until=staff.locked_until)


def _open_session(
    session: Session,
    ctx: ServiceContext,
    policy: _Policy,
    hasher: PasswordHasher,
    staff: Staff,
    actor: Actor,
    password: str,
    now: datetime,
) -> StaffSession:
    staff.failed_sign_ins = 0
    staff.locked_until = None
    assert staff.password_hash is not None
    if hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = hasher.hash(password)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = SessionRow(
        token_hash=token_digest(token),
        staff_id=staff.id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + policy.lifetime,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        ctx,
        actor,
        AuditAction.STAFF_SIGN_IN.value,
        target=staff.username,
        details={"session": row.id, "expires_at": row.expires_at.isoformat()},
    )
    return StaffSession(
        token=token, actor=actor, expires_at=row.expires_at, idle_minutes=policy.idle_minutes
    )


_SESSION_LOOKUP = (
    select(
        SessionRow.id,
        # As the driver gives them (fetch converts nothing); _aware makes SQLite's UTC.
        type_coerce(SessionRow.ended_at, DateTime(timezone=True)),
        type_coerce(SessionRow.expires_at, DateTime(timezone=True)),
        type_coerce(SessionRow.last_seen_at, DateTime(timezone=True)),
        Staff.id,
        Staff.username,
        Staff.display_name,
        Staff.role,
        Staff.borough_id,
        Borough.name,
        Staff.active,
    )
    .join(Staff, SessionRow.staff_id == Staff.id)
    .outerjoin(Borough, Staff.borough_id == Borough.id)
    .where(SessionRow.token_hash == bindparam("digest"))
)


def _aware(moment: datetime) -> datetime:
    """The driver's value of a stored time: aware on PostgreSQL; SQLite's are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def resolve_session(ctx: ServiceContext, token: str) -> Actor:
    """The staff member behind a session token, as the staff row says now.

    Raises ``Unauthenticated("session_invalid")`` for an unknown or ended session or a
    disabled staff member, ``Unauthenticated("session_expired")`` past the idle timeout or
    the lifetime (the session then ends). Refreshes the session's last request, at most
    every 15 seconds.
    """
    if not token or len(token) > 256 or _unusable(token):
        raise Unauthenticated("session_invalid")
    policy = _policy(ctx)
    now = ctx.clock.now()
    digest = token_digest(token)
    # One statement, one round trip: every request of every console asks this first.
    rows = ctx.db.fetch(_SESSION_LOOKUP, {"digest": digest})
    if not rows:
        raise Unauthenticated("session_invalid")
    (session_id, ended_at, expires_at, last_seen, *staff_columns, active) = rows[0]
    if ended_at is not None or not active:
        raise Unauthenticated("session_invalid")
    expires_at, last_seen = _aware(expires_at), _aware(last_seen)
    ending = (
        EndReason.EXPIRED
        if now >= expires_at
        else EndReason.IDLE
        if now - last_seen >= policy.idle
        else None
    )
    staff_id, username, display_name, role, borough_id, borough_name = staff_columns
    actor = Actor(
        staff_id=staff_id,
        username=username,
        display_name=display_name,
        role=Role(role),
        borough_id=borough_id,
        borough_name=borough_name,
    )
    if ending is not None:
        with ctx.db.write() as session:
            session.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id, SessionRow.ended_at.is_(None))
                .values(ended_at=now, end_reason=ending)
            )
        raise Unauthenticated("session_expired")
    if now - last_seen >= TOUCH_INTERVAL:
        with ctx.db.write() as session:
            session.execute(
                update(SessionRow)
                .where(
                    SessionRow.id == session_id,
                    SessionRow.ended_at.is_(None),
                    SessionRow.last_seen_at < now,
                )
                .values(last_seen_at=now)
            )
    return actor


def sign_out(ctx: ServiceContext, token: str) -> None:
    """End the session (journaled). An unknown or already ended session: nothing to do."""
    if not token or len(token) > 256 or _unusable(token):
        return
    now = ctx.clock.now()
    with ctx.db.write() as session:
        row = session.scalar(
            select(SessionRow).where(
                SessionRow.token_hash == token_digest(token), SessionRow.ended_at.is_(None)
            )
        )
        if row is None:
            return
        row.ended_at = now
        row.end_reason = EndReason.SIGNED_OUT
        staff = session.get_one(Staff, row.staff_id)
        audit.record(
            session,
            ctx,
            actor_of(staff),
            AuditAction.STAFF_SIGN_OUT.value,
            target=staff.username,
            details={"session": row.id},
        )


def _end_sessions(session: Session, staff_id: int, now: datetime, reason: str) -> int:
    """End every live session of a staff member; how many there were."""
    rows = session.scalars(
        select(SessionRow).where(SessionRow.staff_id == staff_id, SessionRow.ended_at.is_(None))
    ).all()
    for row in rows:
        row.ended_at = now
        row.end_reason = reason
    return len(rows)


# --- Administration (console staff, on the server machine) -----------------------------


def check_staff_password(password: str) -> None:
    """Refused ``staff_password_too_short`` (``minimum``) or ``staff_password_too_long``
    (``maximum``). Length is the rule (NIST SP 800-63B), not composition."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Refused("staff_password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise Refused("staff_password_too_long", maximum=MAX_PASSWORD_LENGTH)
    clean_text(password, field="password", max_length=MAX_PASSWORD_LENGTH)


def add_staff(
    ctx: ServiceContext,
    username: str,
    role: Role | str,
    display_name: str,
    password: str,
    borough_code: str | None = None,
) -> Actor:
    """A new staff member who can sign in with ``password``.

    Refused: ``staff_username_invalid`` (lower-case letters, digits, ``.``, ``_``, ``-``;
    at most 64), ``staff_username_taken``, ``staff_role_invalid``, ``staff_name_required``,
    ``clerk_needs_borough``, the password rules of :func:`check_staff_password`;
    NotFound ``borough_not_found``.
    """
    clean_text(username, field="username", max_length=USERNAME_MAX)
    name = normalize_username(username)
    if not USERNAME.fullmatch(name):
        raise Refused("staff_username_invalid", username=username)
    try:
        staff_role = Role(role)
    except ValueError:
        raise Refused("staff_role_invalid", role=printable(role, CODE_MAX)) from None
    shown = " ".join(clean_text(display_name, field="display_name", max_length=NAME_MAX).split())
    if not shown or len(shown) > 120:
        raise Refused("staff_name_required")
    clean_optional(borough_code, field="borough", max_length=CODE_MAX)
    code = (borough_code or "").strip().upper() or None
    if staff_role is Role.CLERK and code is None:
        raise Refused("clerk_needs_borough")
    check_staff_password(password)
    password_hash = password_hasher(ctx).hash(password)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        borough: Borough | None = None
        if code is not None:
            borough = session.scalar(select(Borough).where(Borough.code == code))
            if borough is None:
                raise NotFound("borough_not_found", borough=code)
        if session.scalar(select(Staff.id).where(Staff.username == name)) is not None:
            raise Refused("staff_username_taken", username=name)
        staff = Staff(
            username=name,
            display_name=shown,
            role=staff_role.value,
            borough_id=borough.id if borough else None,
            active=True,
            password_hash=password_hash,
            failed_sign_ins=0,
            password_changed_at=now,
        )
        session.add(staff)
        session.flush()
        audit.record(
            session,
            ctx,
            None,
            AuditAction.STAFF_ADDED.value,
            target=name,
            details={
                "staff_id": staff.id,
                "role": staff_role.value,
                "borough": code,
                "display_name": shown,
            },
        )
        return actor_of(staff)


def _staff_for_admin(session: Session, ctx: ServiceContext, username: str) -> Staff:
    name = normalize_username(username)
    staff = _staff_by_name(session, ctx, name)
    if staff is None:
        raise NotFound("staff_not_found", username=name)
    return staff


def disable_staff(ctx: ServiceContext, username: str) -> int:
    """Disable a staff member and end every one of their sessions, in one transaction;
    returns how many sessions ended. NotFound ``staff_not_found``."""
    clean_text(username, field="username", max_length=USERNAME_MAX)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        staff = _staff_for_admin(session, ctx, username)
        was_active = staff.active
        staff.active = False
        ended = _end_sessions(session, staff.id, now, EndReason.STAFF_DISABLED)
        audit.record(
            session,
            ctx,
            None,
            AuditAction.STAFF_DISABLED.value,
            target=staff.username,
            details={"staff_id": staff.id, "sessions_ended": ended, "was_active": was_active},
        )
        return ended


def set_password(ctx: ServiceContext, username: str, password: str) -> int:
    """Give a staff member a new password: their sessions end, their lockout and count of
    failures are cleared. Returns how many sessions ended. NotFound ``staff_not_found``;
    the password rules of :func:`check_staff_password`."""
    clean_text(username, field="username", max_length=USERNAME_MAX)
    check_staff_password(password)
    password_hash = password_hasher(ctx).hash(password)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        staff = _staff_for_admin(session, ctx, username)
        staff.password_hash = password_hash
        staff.password_changed_at = now
        staff.failed_sign_ins = 0
        staff.locked_until = None
        ended = _end_sessions(session, staff.id, now, EndReason.PASSWORD_CHANGED)
        audit.record(
            session,
            ctx,
            None,
            AuditAction.STAFF_PASSWORD_SET.value,
            target=staff.username,
            details={"staff_id": staff.id, "sessions_ended": ended},
        )
        return ended


def list_staff_accounts(ctx: ServiceContext) -> tuple[StaffAccount, ...]:
    """Every staff account, active ones first, by role and name."""
    now = ctx.clock.now()
    last_sign_in = (
        select(SessionRow.staff_id, func.max(SessionRow.created_at).label("at"))
        .group_by(SessionRow.staff_id)
        .subquery()
    )
    with ctx.db.read() as session:
        rows = session.execute(
            select(Staff, Borough.code, Borough.name, last_sign_in.c.at)
            .outerjoin(Borough, Staff.borough_id == Borough.id)
            .outerjoin(last_sign_in, last_sign_in.c.staff_id == Staff.id)
            .order_by(Staff.active.desc(), Staff.role, Staff.username)
        ).all()
        return tuple(
            StaffAccount(
                username=staff.username,
                display_name=staff.display_name,
                role=Role(staff.role),
                borough_code=code,
                borough_name=borough_name,
                active=staff.active,
                has_password=staff.password_hash is not None,
                locked_until=(
                    staff.locked_until
                    if staff.locked_until is not None and now < staff.locked_until
                    else None
                ),
                last_sign_in_at=at,
            )
            for staff, code, borough_name, at in rows
        )
