"""The supervisors' dashboard: what the phones were about, where the waitlists are long,
which carts sit locked at checkout and which emails did not go out.

Every figure narrows to one borough and, for the activities, one season. Days are
Québec calendar days.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from console.db.models import (
    Account,
    Activity,
    Borough,
    CallNote,
    Cart,
    Household,
    OutboxMessage,
    Registration,
    Season,
    WaitlistEntry,
)
from console.domain.errors import Refused
from console.domain.views.dashboard import ActivityFill as ActivityFill
from console.domain.views.dashboard import DashboardFigures as DashboardFigures
from console.domain.views.dashboard import FailedEmails as FailedEmails
from console.domain.views.dashboard import FilterOption as FilterOption
from console.domain.views.dashboard import FilterOptions as FilterOptions
from console.domain.views.dashboard import LockedCart as LockedCart
from console.domain.views.dashboard import ReasonCount as ReasonCount
from console.domain.vocabulary import CartState, OutboxState, RegistrationState, Role, WaitlistState
from console.services.context import ServiceContext
from console.services.quebec_time import local_date, start_of_day
from console.services.staff import Actor, require_role

TOP_ACTIVITIES = 12
OPEN_WAITLIST = (WaitlistState.WAITING.value, WaitlistState.OFFERED.value)


def _reason_order(reason: str) -> tuple[int, str]:
    if reason[:1].upper() == "F" and reason[1:].isdigit():
        return (int(reason[1:]), reason)
    return (1000, reason)


def filter_options(ctx: ServiceContext, actor: Actor) -> FilterOptions:
    require_role(actor, Role.SUPERVISOR, action="dashboard")
    with ctx.db.read() as session:
        boroughs = session.execute(select(Borough.id, Borough.name).order_by(Borough.name))
        seasons = session.execute(
            select(Season.id, Season.name).order_by(Season.starts_on.desc(), Season.id)
        )
        return FilterOptions(
            boroughs=tuple(FilterOption(i, n) for i, n in boroughs),
            seasons=tuple(FilterOption(i, n) for i, n in seasons),
        )


MAX_DAYS = 366


def dashboard_figures(
    ctx: ServiceContext,
    actor: Actor,
    borough_id: int | None = None,
    season_id: int | None = None,
    days: int = 14,
) -> DashboardFigures:
    """The figures of the last ``days`` days (today included, 1 to 366); supervisors only."""
    require_role(actor, Role.SUPERVISOR, action="dashboard")
    if not 1 <= days <= MAX_DAYS:  # the screen offers a few periods; anything else is forged
        raise Refused("request_malformed")
    now = ctx.clock.now()
    today = local_date(now)
    day_list = tuple(today - timedelta(days=n) for n in range(max(days, 1) - 1, -1, -1))
    since = start_of_day(day_list[0])
    with ctx.db.read() as session:
        # Calls: grouped by Québec day in Python, so both dialects agree on the day.
        notes = select(CallNote.started_at, CallNote.reason).where(CallNote.started_at >= since)
        if borough_id is not None:
            notes = notes.join(Household, Household.id == CallNote.household_id).where(
                Household.borough_id == borough_id
            )
        counted = Counter(
            (local_date(started), reason) for started, reason in session.execute(notes)
        )
        calls = tuple(
            ReasonCount(day, reason, n)
            for (day, reason), n in sorted(
                counted.items(), key=lambda kv: (kv[0][0], _reason_order(kv[0][1]))
            )
        )
        reasons = tuple(sorted({r for _d, r in counted}, key=_reason_order))

        activities = _activities(session, borough_id, season_id)

        carts = (
            select(Cart.number, Cart.owner_number, Cart.household_id, Borough.name)
            .add_columns(Cart.checkout_locked_until)
            .join(Household, Household.id == Cart.household_id)
            .join(Borough, Borough.id == Household.borough_id)
            .where(Cart.state == CartState.CHECKOUT.value, Cart.checkout_locked_until > now)
            .order_by(Cart.checkout_locked_until, Cart.number)
        )
        if borough_id is not None:
            carts = carts.where(Household.borough_id == borough_id)
        locked = tuple(
            LockedCart(
                cart_number=number,
                owner_number=owner,
                household_id=household,
                borough=borough,
                locked_until=until,
                minutes_left=math.ceil((until - now).total_seconds() / 60),
            )
            for number, owner, household, borough, until in session.execute(carts)
        )

        failed = _failed_emails(session, borough_id, since)

    return DashboardFigures(
        as_of=now,
        borough_id=borough_id,
        season_id=season_id,
        days=day_list,
        reasons=reasons,
        calls=calls,
        activities=activities,
        locked_carts=locked,
        failed_emails=failed,
    )


def _activities(
    session: Session, borough_id: int | None, season_id: int | None
) -> tuple[ActivityFill, ...]:
    confirmed = (
        select(func.count(Registration.id))
        .where(
            Registration.activity_id == Activity.id,
            Registration.state == RegistrationState.CONFIRMED.value,
        )
        .correlate(Activity)
        .scalar_subquery()
    )
    waiting = (
        select(func.count(WaitlistEntry.id))
        .where(WaitlistEntry.activity_id == Activity.id, WaitlistEntry.state.in_(OPEN_WAITLIST))
        .correlate(Activity)
        .scalar_subquery()
    )
    fill = func.coalesce(confirmed * 1.0 / func.nullif(Activity.capacity, 0), 0)
    query: Select[tuple[int, str, str, str, int, int, int]] = (
        select(
            Activity.id,
            Activity.code,
            Activity.title,
            Borough.name,
            Activity.capacity,
            confirmed.label("confirmed"),
            waiting.label("waiting"),
        )
        .join(Borough, Borough.id == Activity.borough_id)
        .order_by(waiting.desc(), fill.desc(), Activity.code)
        .limit(TOP_ACTIVITIES)
    )
    if borough_id is not None:
        query = query.where(Activity.borough_id == borough_id)
    if season_id is not None:
        query = query.where(Activity.season_id == season_id)
    return tuple(ActivityFill(*row) for row in session.execute(query))


def _failed_emails(
    session: Session, borough_id: int | None, since: datetime
) -> tuple[FailedEmails, ...]:
    query = (
        select(OutboxMessage.kind, OutboxMessage.created_at, OutboxMessage.last_error)
        .where(OutboxMessage.state == OutboxState.FAILED.value, OutboxMessage.created_at >= since)
        .order_by(OutboxMessage.created_at)
    )
    if borough_id is not None:
        query = query.join(Account, Account.id == OutboxMessage.account_id).join(
            Household, and_(Household.account_id == Account.id, Household.borough_id == borough_id)
        )
    by_kind: dict[str, tuple[int, datetime, str]] = {}
    for kind, at, error in session.execute(query):
        count = by_kind.get(kind, (0, at, ""))[0]
        by_kind[kind] = (count + 1, at, error or "")
    return tuple(
        FailedEmails(kind, count, at, error)
        for kind, (count, at, error) in sorted(by_kind.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )
