"""Who is acting: the signed-in staff member every service is handed."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member, passed to every service."""

    staff_id: int
    username: str
    display_name: str
    role: Role
    borough_id: int | None = None
    borough_name: str | None = None
