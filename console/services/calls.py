"""The call itself (DESIGN.md §1): it starts when the agent opens a household or picks up,
and ends with a note — the reason (an FAQ topic F1–F14 or "other"), what was done and how
long it took.

What was done is not typed: it is every audit entry the agent wrote for the household
between the start and the end of the call, one action code a line.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from console.db.models import AuditEntry, CallNote, Household, Staff
from console.domain.audit_actions import AuditAction
from console.domain.errors import NotFound, Refused
from console.domain.text import CODE_MAX, NOTE_MAX, clean_text, printable
from console.domain.views.calls import CALL_REASONS as CALL_REASONS
from console.domain.views.calls import FAQ_REASONS as FAQ_REASONS
from console.domain.views.calls import OTHER_REASON as OTHER_REASON
from console.domain.views.calls import ActiveCall as ActiveCall
from console.domain.vocabulary import Role
from console.services import audit
from console.services.context import ServiceContext
from console.services.households import CallNoteView, call_note_views
from console.services.presence import upsert_presence
from console.services.staff import Actor, require_role

MAX_NOTE_CHARS = NOTE_MAX
CALL_ENDED = AuditAction.CALL_ENDED.value
LONGEST_CALL = timedelta(hours=4)
ANY_STAFF = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def start_call(ctx: ServiceContext, actor: Actor, household_id: int | None) -> ActiveCall:
    """A call begins now; with a household, the agent is also marked present on it."""
    require_role(actor, *ANY_STAFF, action="start_call")
    now = ctx.clock.now()
    if household_id is not None:
        with ctx.db.write() as session:
            if session.get(Household, household_id) is None:
                raise NotFound("household_not_found", household_id=household_id)
            upsert_presence(session, ctx.dialect, actor.staff_id, household_id, now)
    return ActiveCall(actor.staff_id, household_id, now)


def end_call(
    ctx: ServiceContext,
    actor: Actor,
    household_id: int | None,
    reason: str,
    started_at: datetime,
    note: str,
) -> CallNoteView:
    """Save the call's note, with the actions the agent took on the household meanwhile.

    Refused ``call_reason_unknown`` {reason}, ``call_note_too_long`` {max} or
    ``text_invalid`` {field: note} (``console.domain.text``); nothing is written then, so
    the screen keeps what the agent typed.
    """
    require_role(actor, *ANY_STAFF, action="end_call")
    if reason not in CALL_REASONS:
        raise Refused("call_reason_unknown", reason=printable(reason, CODE_MAX))
    text = note.strip()
    if len(text) > MAX_NOTE_CHARS:
        raise Refused("call_note_too_long", max=MAX_NOTE_CHARS)
    clean_text(text, field="note", max_length=MAX_NOTE_CHARS, multiline=True)
    now = ctx.clock.now()
    # The start is the desktop's timer: kept within what a call can be (the server's
    # clock decides), so a note can neither start in the future nor gather days of actions.
    started_at = max(min(started_at, now), now - LONGEST_CALL)
    with ctx.db.write() as session:
        number: int | None = None
        actions: list[str] = []
        if household_id is not None:
            household = session.get(Household, household_id)
            if household is None:
                raise NotFound("household_not_found", household_id=household_id)
            number = household.number
            actions = list(
                session.scalars(
                    select(AuditEntry.action)
                    .where(
                        AuditEntry.staff_id == actor.staff_id,
                        AuditEntry.household_id == household_id,
                        AuditEntry.at >= started_at,
                        AuditEntry.at <= now,
                        AuditEntry.action != CALL_ENDED,
                    )
                    .order_by(AuditEntry.at, AuditEntry.id)
                )
            )
        call = CallNote(
            staff_id=actor.staff_id,
            household_id=household_id,
            reason=reason,
            started_at=started_at,
            ended_at=now,
            actions="\n".join(actions),
            note=text,
        )
        session.add(call)
        session.flush()
        audit.record(
            session,
            ctx,
            actor,
            CALL_ENDED,
            household_id=household_id,
            target=str(number) if number is not None else "",
            reason=reason,
            details={
                "call_note_id": call.id,
                "seconds": int((now - started_at).total_seconds()),
                "actions": len(actions),
            },
        )
        staff = session.get(Staff, actor.staff_id)
        return CallNoteView(
            note_id=call.id,
            staff_name=staff.display_name if staff else actor.display_name,
            reason=reason,
            started_at=started_at,
            ended_at=now,
            actions=call.actions,
            note=text,
        )


def list_calls(
    ctx: ServiceContext, actor: Actor, household_id: int, *, limit: int = 50
) -> tuple[CallNoteView, ...]:
    """The household's earlier call notes, newest first."""
    require_role(actor, *ANY_STAFF, action="list_calls")
    with ctx.db.read() as session:
        return call_note_views(session, household_id, limit)
