"""How many places an activity really has left, and the one way to lock it before taking one.

Real remaining = capacity − confirmed − live holds (open carts before their deadline and
carts locked at checkout) − open waitlist offers (DESIGN.md §4). A cart at checkout whose
lock ran out still holds its places while it has a PENDING payment: the payment site may
yet approve it, so the places are given away only once the payment is settled. The public site shows
capacity − confirmed. :func:`place_counts` is the single query behind both figures; the
activity view, the cart service, the waitlist, the sweep and the simulator all use it.

Locking follows pretix: lock once per transaction, as late as possible — just before
counting — and, when several activities are involved, in id order so two transactions
never wait on each other in a circle. Freeing a place needs no lock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, exists, func, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from console.db.engine import Database
from console.db.models import (
    Activity,
    Cart,
    CartItem,
    Household,
    Member,
    Payment,
    Registration,
    Season,
    WaitlistEntry,
)
from console.domain.errors import Busy, NotFound, Reason
from console.domain.names import search_key
from console.domain.places import PlaceCount, earliest_release
from console.domain.text import QUERY_MAX, clean_text
from console.domain.views.places import ActivityPlaces as ActivityPlaces
from console.domain.views.places import ActivitySummary as ActivitySummary
from console.domain.views.places import HoldLine as HoldLine
from console.domain.views.places import OfferLine as OfferLine
from console.domain.vocabulary import (
    CartItemState,
    CartState,
    PaymentStatus,
    RegistrationState,
    WaitlistState,
)
from console.services.context import ServiceContext

OPEN_WAITLIST = (WaitlistState.WAITING.value, WaitlistState.OFFERED.value)
# Why a held item was given back when its cart no longer held places.
HOLD_LAPSED = "hold_lapsed"
LOCK_LAPSED = "checkout_lock_lapsed"

# Test-only hook: called between counting and taking a place (or, for a waitlist move,
# between reading the line and moving in it). The concurrency proof sets it to a short
# sleep so that, with row locking off, the race shows every time.
after_count: Callable[[], None] | None = None


def lock_activities(session: Session, db: Database, activity_ids: Iterable[int]) -> None:
    """Lock the activities' rows for the rest of the transaction, in id order.

    PostgreSQL: ``SELECT … FOR UPDATE`` under the write transaction's ``lock_timeout``
    (a wait past it becomes ``Busy``). SQLite: the write transaction already began with
    ``BEGIN IMMEDIATE``, so it is the only writer and nothing more is needed.
    """
    ids = sorted(set(activity_ids))
    if not ids or not db.locks_rows:
        return
    session.execute(
        select(Activity.id).where(Activity.id.in_(ids)).order_by(Activity.id).with_for_update()
    ).all()


def _count(*where: object) -> Select[tuple[int]]:
    return select(func.count()).where(*where)  # type: ignore[arg-type]


def _pending_payment(cart_id: Any) -> Any:
    """A PENDING payment of the cart: the payment site may still approve it."""
    return exists().where(Payment.cart_id == cart_id, Payment.status == PaymentStatus.PENDING.value)


def cart_holds_places(now: datetime) -> ColumnElement[bool]:
    """Whether a ``Cart`` row holds its items' places at ``now`` — the one rule behind
    every count: an open cart before its deadline; a cart at checkout before its lock runs
    out, or after, while a payment is pending (it may still be approved)."""
    is_open = (Cart.state == CartState.OPEN.value) & (Cart.hold_expires_at > now)
    locked = (Cart.checkout_locked_until > now) | _pending_payment(Cart.id)
    holds: ColumnElement[bool] = is_open | (Cart.state == CartState.CHECKOUT.value) & locked
    return holds


def _held(activity_id: Any, state: CartState, until: Any, now: datetime) -> Any:
    """Held items of the activity in carts of ``state`` that hold places at ``now``
    (see :func:`cart_holds_places`).

    Each item's cart is read by primary key in a scalar subquery: held items are at most
    the capacity, and this plan does not depend on the planner's statistics (a fresh or
    unanalysed table once turned a join here into a scan of every open cart per item).
    """
    # Only the primary key in the WHERE clause, so the cart is always found by its key.
    deadline = (
        select(case((Cart.state == state.value, until)))
        .where(Cart.id == CartItem.cart_id)
        .correlate(CartItem)
        .scalar_subquery()
    )
    holding: Any = deadline > now
    if state is CartState.CHECKOUT:
        in_checkout = (
            select(Cart.state)
            .where(Cart.id == CartItem.cart_id)
            .correlate(CartItem)
            .scalar_subquery()
        ) == state.value
        holding = holding | (in_checkout & _pending_payment(CartItem.cart_id))
    return (
        select(func.count())
        .select_from(CartItem)
        .where(
            CartItem.activity_id == activity_id,
            CartItem.state == CartItemState.HELD.value,
            holding,
        )
        .correlate(Activity)
        .scalar_subquery()
    )


def _counts_query(now: Any, waiting: Any = None) -> Select[Any]:
    """The columns behind an activity's places at ``now`` (a value or a bind parameter);
    ``waiting``: another expression for the waitlist's length (see :data:`_WAITING`)."""
    return select(
        Activity.id,
        Activity.capacity,
        _count(
            Registration.activity_id == Activity.id,
            Registration.state == RegistrationState.CONFIRMED.value,
        ).scalar_subquery(),
        _held(Activity.id, CartState.OPEN, Cart.hold_expires_at, now),
        _held(Activity.id, CartState.CHECKOUT, Cart.checkout_locked_until, now),
        _count(
            WaitlistEntry.activity_id == Activity.id,
            WaitlistEntry.state == WaitlistState.OFFERED.value,
            WaitlistEntry.offer_expires_at > now,
        ).scalar_subquery(),
        waiting
        if waiting is not None
        else _count(
            WaitlistEntry.activity_id == Activity.id,
            WaitlistEntry.state == WaitlistState.WAITING.value,
        ).scalar_subquery(),
    )


def _place_count_of(row: Any) -> PlaceCount:
    return PlaceCount(
        capacity=row[1],
        confirmed=row[2],
        live_holds=row[3],
        checkout_holds=row[4],
        open_offers=row[5],
        waitlist_length=row[6],
    )


# Built once: building this expression costs more Python than the database spends on it.
_COUNTS = _counts_query(bindparam("now")).where(Activity.id.in_(bindparam("ids", expanding=True)))


def place_counts(
    session: Session, activity_ids: Iterable[int], now: datetime
) -> dict[int, PlaceCount]:
    """The counts behind each activity's places at ``now``, in one query."""
    ids = sorted(set(activity_ids))
    if not ids:
        return {}
    rows = session.execute(_COUNTS, {"now": now, "ids": ids})
    return {row[0]: _place_count_of(row) for row in rows}


def place_count(session: Session, activity_id: int, now: datetime) -> PlaceCount:
    counts = place_counts(session, [activity_id], now)
    if activity_id not in counts:
        raise NotFound("activity_not_found", activity_id=activity_id)
    return counts[activity_id]


def _holding_columns(member_id: Any, activity_id: Any, now: Any) -> tuple[Any, Any, Any]:
    """What holds the member on the activity: a confirmed registration (exists), the
    number of a cart holding an item (or NULL), an open waitlist entry (exists)."""
    registered = select(Registration.id).where(
        Registration.member_id == member_id,
        Registration.activity_id == activity_id,
        Registration.state == RegistrationState.CONFIRMED.value,
    )
    # Driven from the member's items (their index), each item's cart read by its primary
    # key in a scalar subquery, as in :func:`_held`: a join here let a planner with stale
    # statistics scan every cart for every item, under the activity's lock (4 ms of 6).
    holding_cart = _holding_cart(now)
    in_cart = (
        select(holding_cart)
        .where(
            CartItem.member_id == member_id,
            CartItem.activity_id == activity_id,
            CartItem.state == CartItemState.HELD.value,
            holding_cart.is_not(None),
        )
        .limit(1)
    )
    waiting = select(WaitlistEntry.id).where(
        WaitlistEntry.member_id == member_id,
        WaitlistEntry.activity_id == activity_id,
        WaitlistEntry.state.in_(OPEN_WAITLIST),
    )
    return registered.exists(), in_cart.scalar_subquery(), waiting.exists()


def _holding_cart(now: Any) -> Any:
    """The number of the cart of a ``CartItem`` row if that cart holds places at ``now``
    (else NULL): the cart read by its primary key in a scalar subquery."""
    return (
        select(Cart.number)
        .where(Cart.id == CartItem.cart_id, cart_holds_places(now))
        .correlate(CartItem)
        .scalar_subquery()
    )


def _room_columns(member_id: Any, activity_id: Any, now: Any) -> tuple[Any, Any]:
    """What the database's own bounds (migration 0010) see: whether the member has a
    dead held item on the activity (its cart no longer holds places, not yet swept), and
    how many held items, live or dead, the activity has."""
    member_dead = (
        select(CartItem.id)
        .where(
            CartItem.member_id == member_id,
            CartItem.activity_id == activity_id,
            CartItem.state == CartItemState.HELD.value,
            _holding_cart(now).is_(None),
        )
        .exists()
    )
    held_rows = _count(
        CartItem.activity_id == activity_id, CartItem.state == CartItemState.HELD.value
    ).scalar_subquery()
    return member_dead, held_rows


@dataclass(frozen=True)
class Room:
    """The database's view of an activity before a hold is added (see :func:`make_room`)."""

    member_dead: bool  # the member has a held item whose cart no longer holds places
    held_rows: int  # held items of the activity, live or dead


def make_room(
    session: Session,
    db: Database,
    count: PlaceCount,
    room: Room,
    member_id: int,
    activity_id: int,
    now: datetime,
) -> None:
    """Before one more held item, under the activity's lock: give back for good the dead
    items the database's bounds would still count (migration 0010).

    The database counts every ``held`` item against the capacity and allows one per
    member and activity; the rule counts only items whose cart still holds places. Where
    the two differ — holds that ran out, not yet swept — the dead items are released
    here, so what the rule allows the database accepts. Nothing else changes: those
    places were already free by the rule.

    A dead item's cart is taken only if no other transaction holds it (``SKIP LOCKED``,
    as the sweep does): a family paying or extending in its hold's last second read it
    live, and its item is not taken from under it. When that leaves no room, the answer
    is "busy": the place is in another family's hands for a moment, and the next try
    sees how it ended.
    """
    if count.confirmed + room.held_rows + 1 > count.capacity:
        released = _release_dead(session, db, now, CartItem.activity_id == activity_id)
        if count.confirmed + room.held_rows - released + 1 > count.capacity:
            raise Busy("database_busy")
    if room.member_dead and _has_held_item(session, member_id, activity_id):
        mine = (CartItem.activity_id == activity_id, CartItem.member_id == member_id)
        if not _release_dead(session, db, now, *mine):
            raise Busy("database_busy")


def _has_held_item(session: Session, member_id: int, activity_id: int) -> bool:
    """Whether the member still has a held item on the activity (live or dead)."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    CartItem.member_id == member_id,
                    CartItem.activity_id == activity_id,
                    CartItem.state == CartItemState.HELD.value,
                )
            )
        )
    )


_ROOM = select(
    Activity.capacity,
    _count(
        Registration.activity_id == Activity.id,
        Registration.state == RegistrationState.CONFIRMED.value,
    ).scalar_subquery(),
    *_room_columns(bindparam("member_id"), Activity.id, bindparam("now")),
).where(Activity.id == bindparam("activity_id"))


def make_room_for(
    session: Session, db: Database, member_id: int, activity_id: int, now: datetime
) -> None:
    """:func:`make_room` where the counts were not read already (accepting an offer)."""
    row = session.execute(
        _ROOM, {"member_id": member_id, "activity_id": activity_id, "now": now}
    ).one()
    make_room(
        session,
        db,
        PlaceCount(capacity=row[0], confirmed=row[1]),
        Room(member_dead=bool(row[2]), held_rows=row[3]),
        member_id,
        activity_id,
        now,
    )


def _release_dead(session: Session, db: Database, now: datetime, *where: Any) -> int:
    """Release the dead held items ``where`` says, in carts no other transaction holds;
    how many were released."""
    dead = (*where, CartItem.state == CartItemState.HELD.value, _holding_cart(now).is_(None))
    if db.locks_rows:
        # Lock order: the activity (held already), then the carts. Each cart is read
        # again once locked: the statement below sees what committed before the lock.
        locked = session.scalars(
            select(Cart.id)
            .where(Cart.id.in_(select(CartItem.cart_id).where(*dead)))
            .order_by(Cart.id)
            .with_for_update(skip_locked=True)
        ).all()
        if not locked:
            return 0
        dead = (*dead, CartItem.cart_id.in_(locked))
    cart_state = (
        select(Cart.state).where(Cart.id == CartItem.cart_id).correlate(CartItem).scalar_subquery()
    )
    result = session.execute(
        update(CartItem)
        .where(*dead)
        .values(
            state=CartItemState.RELEASED.value,
            released_at=now,
            release_reason=case(
                (cart_state == CartState.CHECKOUT.value, LOCK_LAPSED), else_=HOLD_LAPSED
            ),
        )
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _holding_reason(found: Any, member_id: int, activity_id: int) -> Reason | None:
    params = {"member_id": member_id, "activity_id": activity_id}
    if found[0]:
        return Reason("already_registered", params)
    if found[1] is not None:
        return Reason("already_in_cart", {**params, "cart_number": found[1]})
    if found[2]:
        return Reason("already_waitlisted", params)
    return None


_MEMBER: BindParameter[Any] = bindparam("member_id")
_ACTIVITY: BindParameter[Any] = bindparam("activity_id")
_NOW: BindParameter[Any] = bindparam("now")
_HOLDING = select(*_holding_columns(_MEMBER, _ACTIVITY, _NOW))
# The seat-taking statement: what holds the member and the activity's counts, in one read
# (the one statement a place-taking transaction runs under the activity's lock).
# Under the lock, the waitlist is counted only as far as the decision needs: a newcomer
# gets a place when the real remaining places outnumber the people waiting, and those are
# at most the capacity, so counting to capacity + 1 decides as exactly as counting all —
# and costs the same whether 30 or 7 000 wait (a whole count once held the lock 10 times
# longer at registration opening, the line thousands long).
_WAITING = (
    select(func.count())
    .select_from(
        select(WaitlistEntry.id)
        .where(
            WaitlistEntry.activity_id == _ACTIVITY,
            WaitlistEntry.state == WaitlistState.WAITING.value,
        )
        .limit(bindparam("waiting_bound"))
        .subquery()
    )
    .scalar_subquery()
)
_HOLDING_AND_COUNT = _counts_query(_NOW, _WAITING).add_columns(
    *_holding_columns(_MEMBER, _ACTIVITY, _NOW), *_room_columns(_MEMBER, _ACTIVITY, _NOW)
)
_HOLDING_AND_COUNT = _HOLDING_AND_COUNT.where(Activity.id == _ACTIVITY)


def plpgsql_text(statement: Select[Any], variables: dict[str, str]) -> str:
    """``statement`` as PostgreSQL text to embed in a function: every table qualified
    with its schema (``public``), each parameter named in ``variables`` replaced by the
    variable (or expression) given, every other parameter by its value, on one line.

    Migration 0011's ``console_take_place`` embeds :data:`_HOLDING_AND_COUNT` this way:
    a test compares the function's text with this, so the function counts as this module
    does, or the test says which changed (the benchmark's pgbench script uses it too).
    """
    # The plain PostgreSQL dialect: psycopg's renders casts after parameters. Untyped in
    # SQLAlchemy, hence the ignore.
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    compiled = statement.compile(dialect=dialect, schema_translate_map={None: "public"})
    sql = str(compiled).replace("__[SCHEMA__none].", "public.")
    for name, value in compiled.params.items():
        if name in variables:
            replacement = variables[name]
        elif isinstance(value, (list, tuple)):
            replacement = ", ".join(_literal(v) for v in value)
            sql = sql.replace(f"__[POSTCOMPILE_{name}]", replacement)
            continue
        else:
            replacement = _literal(value)
        sql = re.sub(rf"%\({re.escape(name)}\)s(::[A-Z ]+)?", _verbatim(replacement), sql)
    if "%(" in sql or "POSTCOMPILE" in sql or "__[" in sql:
        raise ValueError(f"a parameter is left unbound:\n{sql}")
    return " ".join(sql.split())


def _verbatim(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for :func:`re.sub` that puts ``text`` in as it is."""

    def replace(_match: re.Match[str]) -> str:
        return text

    return replace


def _literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"no literal for {value!r}")
    return str(value)


# The names :data:`_HOLDING_AND_COUNT`'s parameters take in migration 0011's function.
TAKE_PLACE_VARIABLES = {
    "member_id": "p_member",
    "activity_id": "p_activity",
    "now": "v_now",  # the call's moment moved on by its wait for the lock
    "waiting_bound": "v_bound",
}


def already_holding(
    session: Session, member_id: int, activity_id: int, now: datetime
) -> Reason | None:
    """What already holds this member on this activity, if anything (F7) — one query."""
    found = session.execute(
        _HOLDING, {"member_id": member_id, "activity_id": activity_id, "now": now}
    ).one()
    return _holding_reason(found, member_id, activity_id)


def holding_and_count(
    session: Session, member_id: int, activity_id: int, now: datetime, capacity: int
) -> tuple[Reason | None, PlaceCount, Room]:
    """:func:`already_holding`, :func:`place_count` and the :class:`Room` the database
    sees, in one statement (one round trip under the activity's lock).

    ``capacity``: the activity's, as read before the lock. The count's ``waitlist_length``
    stops at capacity + 1 (enough to decide, see :data:`_WAITING`); were the capacity
    raised meanwhile, the statement runs again with the new bound.
    """
    bound = capacity + 1
    while True:
        row = session.execute(
            _HOLDING_AND_COUNT,
            {
                "member_id": member_id,
                "activity_id": activity_id,
                "now": now,
                "waiting_bound": bound,
            },
        ).one_or_none()
        if row is None:
            raise NotFound("activity_not_found", activity_id=activity_id)
        if row[1] + 1 <= bound:
            break
        bound = row[1] + 1
    room = Room(member_dead=bool(row[10]), held_rows=row[11])
    return _holding_reason(row[7:10], member_id, activity_id), _place_count_of(row), room


def free_for_newcomers(count: PlaceCount) -> int:
    """Places a new cart may take: the waiting list is served before newcomers."""
    return max(0, count.real_remaining - count.waitlist_length)


def activity_places(ctx: ServiceContext, activity_id: int) -> ActivityPlaces:
    """The places panel of one activity: counts, each hold and offer, and why they differ."""
    now = ctx.clock.now()
    with ctx.db.read() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("activity_not_found", activity_id=activity_id)
        count = place_count(session, activity_id, now)
        holds = _hold_lines(session, activity_id, now)
        offers = _offer_lines(session, activity_id, now)
        next_release = earliest_release(
            [h.lapses_at for h in holds] + [o.expires_at for o in offers]
        )
        return ActivityPlaces(
            activity_id=activity.id,
            code=activity.code,
            title=activity.title,
            schedule=activity.schedule,
            price_cents=activity.price_cents,
            count=count,
            holds=holds,
            offers=offers,
            next_release=next_release,
            explanation=count.explanation(next_release),
            as_of=now,
        )


def _hold_lines(session: Session, activity_id: int, now: datetime) -> tuple[HoldLine, ...]:
    rows = session.execute(
        select(Cart, Household.number, func.count(CartItem.id))
        .join(CartItem, CartItem.cart_id == Cart.id)
        .join(Household, Household.id == Cart.household_id)
        .where(
            CartItem.activity_id == activity_id,
            CartItem.state == CartItemState.HELD.value,
            cart_holds_places(now),
        )
        .group_by(Cart.id, Household.number)
    ).all()
    lines = [
        HoldLine(
            cart_number=cart.number,
            household_number=household_number,
            state=CartState(cart.state),
            places=places,
            lapses_at=(
                cart.checkout_locked_until
                if cart.state == CartState.CHECKOUT.value and cart.checkout_locked_until
                else cart.hold_expires_at
            ),
            channel=cart.channel,
        )
        for cart, household_number, places in rows
    ]
    return tuple(sorted(lines, key=lambda line: line.lapses_at))


def _offer_lines(session: Session, activity_id: int, now: datetime) -> tuple[OfferLine, ...]:
    rows = session.execute(
        select(WaitlistEntry, Member.first_name, Member.last_name)
        .join(Member, Member.id == WaitlistEntry.member_id)
        .where(
            WaitlistEntry.activity_id == activity_id,
            WaitlistEntry.state == WaitlistState.OFFERED.value,
            WaitlistEntry.offer_expires_at > now,
        )
        .order_by(WaitlistEntry.offer_expires_at)
    ).all()
    return tuple(
        OfferLine(entry.id, f"{first} {last}", entry.offer_expires_at)
        for entry, first, last in rows
    )


def find_activities(
    ctx: ServiceContext, text: str = "", *, limit: int = 50
) -> list[ActivitySummary]:
    """Activities whose code or title starts with / contains ``text``, with their places."""
    key = search_key(clean_text(text, field="activity_query", max_length=QUERY_MAX))
    now = ctx.clock.now()
    with ctx.db.read() as session:
        query = select(Activity, Season.name).join(Season, Season.id == Activity.season_id)
        if key:
            query = query.where(
                Activity.title_key.contains(key, autoescape=True)
                | func.lower(Activity.code).startswith(key.replace(" ", "-"), autoescape=True)
            )
        rows = session.execute(query.order_by(Activity.title_key, Activity.code).limit(limit)).all()
        counts = place_counts(session, [a.id for a, _ in rows], now)
        return [
            ActivitySummary(
                activity_id=a.id,
                code=a.code,
                title=a.title,
                schedule=a.schedule,
                season=season,
                price_cents=a.price_cents,
                is_childcare=a.is_childcare,
                real_remaining=counts[a.id].real_remaining,
                site_remaining=counts[a.id].site_remaining,
                waitlist_length=counts[a.id].waitlist_length,
                age_min=a.age_min,
                age_max=a.age_max,
            )
            for a, season in rows
        ]
