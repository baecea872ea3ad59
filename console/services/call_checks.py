"""Interim caller check for the cart services, until the accounts branch's
``console.services.verification.require_verified`` lands (same signature, drop-in).

A staff member may change a caller's file only after the caller was verified during the
current call: a passed verification of that household within the last few hours.
The public site (``actor is None``) has its own login and needs none.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.models import CallVerification
from console.domain.errors import VerificationRequired
from console.services.context import ServiceContext
from console.services.staff import Actor

CALL_WINDOW = timedelta(hours=4)


def require_verified(
    session: Session, ctx: ServiceContext, actor: Actor | None, household_id: int
) -> None:
    if actor is None:
        return
    since = ctx.clock.now() - CALL_WINDOW
    found = session.scalar(
        select(CallVerification.id)
        .where(
            CallVerification.household_id == household_id,
            CallVerification.passed,
            CallVerification.at >= since,
        )
        .limit(1)
    )
    if found is None:
        raise VerificationRequired("caller_not_verified", household_id=household_id)
