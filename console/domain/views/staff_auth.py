"""What staff sign-in and the file-access log return: a session, an account as the
administrator lists it, and one look at a family file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from console.domain.views.staff import Actor
from console.domain.vocabulary import Role


@dataclass(frozen=True)
class StaffSession:
    """A signed-in staff member. ``token`` is the only copy of the session's secret: the
    server keeps its SHA-256, the desktop sends it with every request."""

    token: str = field(repr=False)
    actor: Actor
    # The absolute end of the session, however active it is.
    expires_at: datetime
    # The session also ends after this many minutes without a request.
    idle_minutes: int


@dataclass(frozen=True)
class StaffAccount:
    """A staff member's account, for ``console staff list``."""

    username: str
    display_name: str
    role: Role
    borough_code: str | None
    borough_name: str | None
    active: bool
    has_password: bool
    # Set only while sign-in is refused after too many failures.
    locked_until: datetime | None
    last_sign_in_at: datetime | None


@dataclass(frozen=True)
class FileAccessView:
    """One opening of a family file: who, in which role, when."""

    at: datetime
    staff_id: int
    username: str
    staff_name: str
    role: Role
