"""Who else has this household open: two agents on the same family see each other, so
they do not act twice on the same problem.

Each staff member has one row (the household they have open, and when the console last
said so); the console touches it every few seconds, so a row older than ``within`` is a
console that closed or lost its connection.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.db.models import HouseholdPresence, Staff
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.staff import Actor, require_role

PRESENCE_WINDOW = timedelta(minutes=2)
PRESENCE_ROLES = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def upsert_presence(
    session: Session, dialect: str, staff_id: int, household_id: int, at: datetime
) -> None:
    """One statement, safe when two consoles of the same agent touch at once."""
    values = {"staff_id": staff_id, "household_id": household_id, "seen_at": at}
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(HouseholdPresence).values(**values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[HouseholdPresence.staff_id],
            set_={"household_id": household_id, "seen_at": at},
        )
    )


def touch_presence(ctx: ServiceContext, actor: Actor, household_id: int | None) -> None:
    """The agent has ``household_id`` open now; ``None`` when they closed it."""
    require_role(actor, *PRESENCE_ROLES, action="touch_presence")
    with ctx.db.write() as session:
        if household_id is None:
            session.execute(
                delete(HouseholdPresence).where(HouseholdPresence.staff_id == actor.staff_id)
            )
        else:
            upsert_presence(session, ctx.dialect, actor.staff_id, household_id, ctx.clock.now())


def others_present(
    ctx: ServiceContext,
    actor: Actor,
    household_id: int,
    within: timedelta = PRESENCE_WINDOW,
) -> tuple[str, ...]:
    """The names of the other staff members who had the household open lately."""
    since = ctx.clock.now() - within
    with ctx.db.read() as session:
        return tuple(
            session.scalars(
                select(Staff.display_name)
                .join(HouseholdPresence, HouseholdPresence.staff_id == Staff.id)
                .where(
                    HouseholdPresence.household_id == household_id,
                    HouseholdPresence.staff_id != actor.staff_id,
                    HouseholdPresence.seen_at >= since,
                )
                .order_by(Staff.display_name)
            )
        )


def poll_presence(ctx: ServiceContext, actor: Actor, household_id: int) -> tuple[str, ...]:
    """What the household screen asks every few seconds: touch, then who else is there."""
    require_role(actor, *PRESENCE_ROLES, action="poll_presence")
    touch_presence(ctx, actor, household_id)
    return others_present(ctx, actor, household_id)
