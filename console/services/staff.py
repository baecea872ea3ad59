"""Who is acting: staff members, their roles, and the role checks every service makes."""

from __future__ import annotations

from sqlalchemy import select

from console.db.models import Staff
from console.domain.errors import Forbidden, NotFound
from console.domain.text import USERNAME_MAX, clean_text
from console.domain.views.staff import Actor as Actor
from console.domain.vocabulary import Role
from console.services.context import ServiceContext


def require_role(actor: Actor, *roles: Role, action: str) -> None:
    if actor.role not in roles:
        raise Forbidden("role_forbidden", action=action, role=actor.role.value)


def actor_of(staff: Staff) -> Actor:
    """The staff member as the services see them, as the staff row says now."""
    return Actor(
        staff_id=staff.id,
        username=staff.username,
        display_name=staff.display_name,
        role=Role(staff.role),
        borough_id=staff.borough_id,
        borough_name=staff.borough.name if staff.borough else None,
    )


def list_staff(ctx: ServiceContext) -> list[Actor]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(Staff).where(Staff.active).order_by(Staff.role, Staff.username)
        )
        return [actor_of(s) for s in rows]


def actor_for_username(ctx: ServiceContext, username: str) -> Actor:
    clean_text(username, field="username", max_length=USERNAME_MAX)
    with ctx.db.read() as session:
        staff = session.scalar(select(Staff).where(Staff.username == username, Staff.active))
        if staff is None:
            raise NotFound("staff_not_found", username=username)
        return actor_of(staff)
