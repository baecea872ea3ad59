"""The public site's side of a reset link: the family follows it and chooses a password.

The console never calls this for an agent; the public-site simulator and the tests do.
The password is checked against the site's rule (F1) and only its scrypt hash is kept.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from sqlalchemy import select, update

from console.db.models import Account, Household, PasswordResetToken
from console.domain.errors import Refused
from console.domain.password import check_password
from console.domain.text import SECRET_MAX, clean_text, text_problem
from console.services import audit
from console.services.accounts import hash_token
from console.services.context import ServiceContext

# scrypt cost: 2**14 work factor, about 16 MiB of memory, as OWASP suggests at least.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` with a random 16-byte salt (base64, unpadded)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return "$".join(
        ("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    )


def password_matches(password: str, stored: str) -> bool:
    scheme, n, r, p, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return False
    computed = hashlib.scrypt(
        password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return secrets.compare_digest(computed, _unb64(digest))


def consume_reset_token(ctx: ServiceContext, token: str, new_password: str) -> None:
    """Set a new password through a reset link.

    Refused ``reset_token_invalid`` (unknown, used, revoked or expired — the site does not
    say which, to tell an attacker nothing) or ``password_rejected`` with the F1 reasons;
    a rejected password leaves the link usable. Refused ``text_invalid`` /
    ``text_too_long`` (field ``password``) for text no password may hold.
    """
    if text_problem(token, max_length=SECRET_MAX) is not None:
        raise Refused("reset_token_invalid")
    clean_text(new_password, field="password", max_length=SECRET_MAX)
    now = ctx.clock.now()
    with ctx.db.write() as session:
        row = session.scalar(
            select(PasswordResetToken)
            .where(PasswordResetToken.token_hash == hash_token(token))
            .with_for_update()
        )
        if (
            row is None
            or row.used_at is not None
            or row.revoked_at is not None
            or row.expires_at <= now
        ):
            raise Refused("reset_token_invalid")
        problems = check_password(new_password)
        if problems:
            raise Refused("password_rejected", reasons=problems)
        row.used_at = now
        account = session.get_one(Account, row.account_id)
        account.password_hash = hash_password(new_password)
        # Any other link still outstanding dies with this one.
        session.execute(
            update(PasswordResetToken)
            .where(
                PasswordResetToken.account_id == account.id,
                PasswordResetToken.id != row.id,
                PasswordResetToken.used_at.is_(None),
                PasswordResetToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        audit.record(
            session,
            ctx,
            None,
            "password_reset_completed",
            household_id=session.scalar(
                select(Household.id).where(Household.account_id == account.id)
            ),
            account_id=account.id,
            target=account.email,
        )


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
