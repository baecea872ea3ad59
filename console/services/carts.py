"""Carts (F8): one set of rules for the console and the public-site simulator.

A hold lasts 20 minutes; every change (add, remove) extends it; one extra 20 minutes may
be asked once; a lapsed hold releases its places (the sweep). The timing rules are the
domain's ``CartHold``; this module applies them to the database.

``actor`` is the staff member on the phone, or ``None`` for the public site (the
simulator). Staff actions need a verified caller and are audited; the public site's own
actions are not written to the console's journal — they are the family's, not staff's,
and the site keeps its own logs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NoReturn

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    bindparam,
    cast,
    column,
    func,
    select,
)
from sqlalchemy.orm import Session, selectinload

from console.db import timing
from console.db.models import (
    Activity,
    Cart,
    CartItem,
    Household,
    Member,
    WaitlistEntry,
)
from console.db.numbers import next_number
from console.domain.ages import AGE_OUT_OF_RANGE, age_on, age_refusal
from console.domain.cart_timer import CartHold
from console.domain.errors import NotFound, Reason, Refused
from console.domain.views.carts import AddOutcome as AddOutcome
from console.domain.views.carts import CartLine as CartLine
from console.domain.views.carts import CartSummary as CartSummary
from console.domain.vocabulary import CartItemState, CartState, Role, WaitlistState
from console.services import audit, places
from console.services.context import ServiceContext
from console.services.places import free_for_newcomers, lock_activities
from console.services.quebec_time import local_date
from console.services.staff import Actor, require_role
from console.services.verification import require_verified
from console.services.waitlist import AHEAD_IN_LINE, join_waitlist, offer_free_places, rank

WEB = "web"


def require_caller(
    session: Session, ctx: ServiceContext, actor: Actor | None, household_id: int
) -> None:
    """Staff change a caller's file only after verifying the caller during this call; the
    public site (``actor is None``) has its own sign-in."""
    if actor is not None:
        require_verified(session, ctx, actor, household_id)


def require_staff(actor: Actor | None, action: str) -> None:
    """Agents, clerks and supervisors may all work carts; ``None`` is the public site."""
    if actor is not None:
        require_role(actor, Role.AGENT, Role.CLERK, Role.SUPERVISOR, action=action)


def hold_of(cart: Cart) -> CartHold:
    return CartHold(
        deadline=cart.hold_expires_at,
        extension_used=cart.extension_used,
        state=CartState(cart.state),
        checkout_locked_until=cart.checkout_locked_until,
    )


def apply_hold(cart: Cart, hold: CartHold | Reason, now: datetime) -> None:
    """Write a new hold onto the row, or refuse with the domain's reason."""
    if isinstance(hold, Reason):
        raise Refused(hold.code, **hold.params)  # the reason is the refusal: said once
    cart.hold_expires_at = hold.deadline
    cart.extension_used = hold.extension_used
    cart.state = hold.state.value
    cart.checkout_locked_until = hold.checkout_locked_until
    cart.updated_at = now


def load_cart(session: Session, cart_id: int) -> Cart:
    cart = session.get(Cart, cart_id, options=[selectinload(Cart.items)])
    if cart is None:
        raise NotFound("cart_not_found", cart_id=cart_id)
    return cart


def lock_cart(session: Session, ctx: ServiceContext, cart_id: int) -> Cart:
    """The cart, its row locked for the rest of the transaction and read again: what
    another transaction committed while this one waited (a payment, a lapse) is seen.

    Lock order: a transaction that also locks activities locks them first
    (:func:`~console.services.places.lock_activities`), then the cart. SQLite: the write
    transaction is already the only writer (``BEGIN IMMEDIATE``).
    """
    cart = session.get(
        Cart,
        cart_id,
        with_for_update=ctx.db.locks_rows,
        populate_existing=True,
        options=[selectinload(Cart.items)],
    )
    if cart is None:
        raise NotFound("cart_not_found", cart_id=cart_id)
    return cart


def summarize(session: Session, cart: Cart, now: datetime) -> CartSummary:
    rows = session.execute(
        select(CartItem, Member.first_name, Member.last_name, Activity.code, Activity.title)
        .join(Member, Member.id == CartItem.member_id)
        .join(Activity, Activity.id == CartItem.activity_id)
        .where(CartItem.cart_id == cart.id)
        .order_by(CartItem.id)
    ).all()
    lines = tuple(
        CartLine(
            item_id=i.id,
            member_id=i.member_id,
            member_name=f"{first} {last}",
            activity_id=i.activity_id,
            activity_code=code,
            activity_title=title,
            price_cents=i.price_cents,
            state=CartItemState(i.state),
        )
        for i, first, last, code, title in rows
    )
    return _summary(
        cart.id,
        cart.number,
        cart.owner_number,
        cart.household_id,
        cart.channel,
        hold_of(cart),
        lines,
        now,
    )


def _summary(
    cart_id: int,
    number: int,
    owner_number: int,
    household_id: int,
    channel: str,
    hold: CartHold,
    lines: tuple[CartLine, ...],
    now: datetime,
) -> CartSummary:
    """A cart's summary at ``now``: its hold as the domain reads it, and its lines."""
    return CartSummary(
        cart_id=cart_id,
        number=number,
        owner_number=owner_number,
        household_id=household_id,
        state=hold.state,
        hold_expires_at=hold.deadline,
        extension_used=hold.extension_used,
        checkout_locked_until=hold.checkout_locked_until,
        live=hold.is_live(now),
        minutes_left=hold.minutes_left(now),
        channel=channel,
        items=lines,
        as_of=now,
    )


def cart_summary(ctx: ServiceContext, cart_id: int) -> CartSummary:
    with ctx.db.read() as session:
        return summarize(session, load_cart(session, cart_id), ctx.clock.now())


def _new_cart(session: Session, household: Household, actor: Actor | None, now: datetime) -> Cart:
    hold = CartHold.start(now)
    cart = Cart(
        number=next_number(session, "cart_number_seq"),
        owner_number=household.number,
        household_id=household.id,
        state=CartState.OPEN.value,
        created_at=now,
        updated_at=now,
        hold_expires_at=hold.deadline,
        extension_used=False,
        channel=actor.username if actor else WEB,
    )
    session.add(cart)
    session.flush()
    return cart


def add_item(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    household: Household,
    member: Member,
    activity: Activity,
    cart_id: int | None,
    *,
    waitlist_entry_id: int | None = None,
) -> tuple[Cart, CartItem]:
    """Put one held item in the given (or a new) cart and extend its hold (F8)."""
    now = ctx.clock.now()
    holding = places.already_holding(session, member.id, activity.id, now)
    if holding is not None:  # a live place already theirs: not a second hold
        raise Refused(holding.code, **holding.params)
    if cart_id is None:
        cart = _new_cart(session, household, actor, now)
    else:
        cart = load_cart(session, cart_id)
        if cart.household_id != household.id:
            raise Refused("cart_other_household", cart_number=cart.number)
        apply_hold(cart, hold_of(cart).after_change(now), now)
    places.make_room_for(session, ctx.db, member.id, activity.id, now)  # the database's bounds
    return cart, _make_held_item(session, cart, member, activity, now, waitlist_entry_id)


def _make_held_item(
    session: Session,
    cart: Cart,
    member: Member,
    activity: Activity,
    now: datetime,
    waitlist_entry_id: int | None = None,
) -> CartItem:
    """The held item itself, written (the one place a cart item is made)."""
    item = CartItem(
        cart_id=cart.id,
        member_id=member.id,
        activity_id=activity.id,
        price_cents=activity.price_cents,
        state=CartItemState.HELD.value,
        added_at=now,
        waitlist_entry_id=waitlist_entry_id,
    )
    session.add(item)
    session.flush()
    return item


def _member_of(session: Session, household_id: int, member_id: int) -> tuple[Household, Member]:
    household = session.get(Household, household_id)
    member = session.get(Member, member_id)
    if household is None:
        raise NotFound("household_not_found", household_id=household_id)
    if member is None or member.household_id != household_id or member.removed_at is not None:
        raise NotFound("member_not_found", member_id=member_id)
    return household, member


def _place_taker(
    session: Session, household_id: int, member_id: int, activity_id: int
) -> tuple[Household, Member, Activity]:
    """The household, its current member and the activity, in one read (one round trip
    before the lock); when one is missing, which one, as the separate reads would say."""
    found = session.execute(
        select(Household, Member, Activity)
        .join(Member, Member.household_id == Household.id)
        .join(Activity, Activity.id == activity_id)
        .where(Household.id == household_id, Member.id == member_id, Member.removed_at.is_(None))
    ).one_or_none()
    if found is not None:
        return found[0], found[1], found[2]
    _member_of(session, household_id, member_id)  # raises if the household or member is
    raise NotFound("activity_not_found", activity_id=activity_id)


def open_cart_of(session: Session, household_id: int, now: datetime) -> int | None:
    """The family's open cart whose hold still runs (the newest), where a new item goes."""
    found = session.scalar(
        select(Cart.id)
        .where(
            Cart.household_id == household_id,
            Cart.state == CartState.OPEN.value,
            Cart.hold_expires_at > now,
        )
        .order_by(Cart.created_at.desc(), Cart.id.desc())
        .limit(1)
    )
    return int(found) if found is not None else None


def _live_offer(
    session: Session, member_id: int, activity_id: int, now: datetime
) -> WaitlistEntry | None:
    """The member's open offer of a place on the activity, before its deadline."""
    return session.scalars(
        select(WaitlistEntry).where(
            WaitlistEntry.member_id == member_id,
            WaitlistEntry.activity_id == activity_id,
            WaitlistEntry.state == WaitlistState.OFFERED.value,
            WaitlistEntry.offer_expires_at > now,
        )
    ).first()


def add_to_cart(
    ctx: ServiceContext,
    actor: Actor | None,
    household_id: int,
    member_id: int,
    activity_id: int,
    *,
    cart_id: int | None = None,
) -> AddOutcome:
    """Hold a place for the member, or put them on the waitlist when none is left (F6, F8).

    Lock late, hold briefly (as pretix does): everything that needs no lock — the caller,
    the member, the household, the cart, the activity, the ages, which cart the place goes
    in — is read first; then the activity's row is locked and, under the lock, one
    statement reads what already holds the member and the real remaining places, the hold
    (or the waitlist entry) and its journal entry are written, and the transaction
    commits. The answer (the cart's summary, the rank in line) is built after the commit,
    so the lock is never held for it. The count is made after the lock, so concurrent
    agents and web users never overbook.
    """
    require_staff(actor, "cart_add")
    if actor is None and cart_id is None and ctx.db.locks_rows and places.after_count is None:
        outcome = _take_in_one_call(ctx, household_id, member_id, activity_id)
        if outcome is not None:
            return outcome
    with ctx.db.write() as session:
        require_caller(session, ctx, actor, household_id)
        household, member, activity = _place_taker(session, household_id, member_id, activity_id)
        cart: Cart | None = None
        if cart_id is not None:
            # Before anything is written or shown: another family's cart is none of this
            # call's business (the waitlist answer below would describe it).
            cart = session.get(Cart, cart_id)
            if cart is None:
                raise NotFound("cart_not_found", cart_id=cart_id)
            if cart.household_id != household_id:
                raise Refused("cart_other_household")
        too = age_refusal(
            age_on(member.birth_date, local_date(ctx.clock.now())),
            activity.age_min,
            activity.age_max,
        )
        if too is not None:
            raise Refused(AGE_OUT_OF_RANGE, **too.params)
        if cart is None and actor is not None:
            open_id = open_cart_of(session, household_id, ctx.clock.now())  # one cart per call
            cart = session.get(Cart, open_id) if open_id is not None else None
        # The critical section: lock, count, the writes, the journal, commit. A staff
        # member's first place of the call: the work under the lock in one call
        # (migration 0011), then the journal entry and the commit.
        section: tuple[int | None, int | None, datetime] | None = None
        if cart is None and actor is not None and ctx.db.locks_rows and places.after_count is None:
            section = _take_in_the_transaction(session, ctx, actor, household, member, activity)
        if section is None:
            section = _take_statement_by_statement(
                session, ctx, actor, household, member, activity, cart
            )
        held_cart_id, entry_id, now = section
    # Committed: the lock is released; the answer is read on its own.
    with ctx.db.read() as session:
        held_cart = session.get(Cart, held_cart_id) if held_cart_id else None
        cart_view = summarize(session, held_cart, now) if held_cart else None
        if entry_id is None:
            return AddOutcome(cart=cart_view)
        entry_row = session.get(WaitlistEntry, entry_id)
        assert entry_row is not None
        return AddOutcome(
            cart=cart_view, waitlist_entry_id=entry_id, waitlist_position=rank(session, entry_row)
        )


def _take_statement_by_statement(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    household: Household,
    member: Member,
    activity: Activity,
    cart: Cart | None,
) -> tuple[int | None, int | None, datetime]:
    """:func:`add_to_cart`'s critical section sent statement by statement (SQLite, a
    cart named or open, and every case the one call leaves): the held cart's id or
    ``None``, the waitlist entry's id or ``None``, and the time read after the lock."""
    member_id, activity_id = member.id, activity.id
    lock_activities(session, ctx.db, [activity_id])
    now = ctx.clock.now()  # read after the lock: arrival order is lock order
    if cart is not None and ctx.db.locks_rows:
        # The cart too (activities, then carts), read again: from now on it is live
        # for this transaction, and a place given back beside it (make_room, the
        # sweep) skips it rather than take an item from under this change.
        cart = session.get(Cart, cart.id, with_for_update=True, populate_existing=True)
        assert cart is not None
    refusal, count, room = places.holding_and_count(
        session, member_id, activity_id, now, activity.capacity
    )
    if refusal is not None:
        _refuse(session, refusal, member_id, activity_id, now)
    if places.after_count is not None:
        places.after_count()
    held_cart_id: int | None
    entry_id: int | None
    if free_for_newcomers(count) > 0:
        places.make_room(session, ctx.db, count, room, member_id, activity_id, now)
        cart = _hold_place(session, ctx, actor, household, member, activity, cart, now)
        _audit(session, ctx, actor, "cart.add", cart, member_id, activity.code)
        held_cart_id, entry_id = cart.id, None
    else:
        entry = join_waitlist(session, member, activity_id, now)
        if count.real_remaining > 0:
            offer_free_places(session, ctx, activity_id, now)  # earlier entries first
        _journal_waitlist_join(session, ctx, actor, member, activity.code)
        held_cart_id, entry_id = (cart.id if cart is not None else None), entry.id
    return held_cart_id, entry_id, now


def _take_in_the_transaction(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    household: Household,
    member: Member,
    activity: Activity,
) -> tuple[int | None, int | None, datetime] | None:
    """A staff member's new cart (or the end of the line) in one call of migration
    0011's function inside the call's own transaction, then its journal entry: under the
    lock, two round trips (the entry, the commit) instead of the whole section. ``None``
    when the function took nothing (its uncommon cases): nothing was written."""
    now = ctx.clock.now()
    row = session.execute(
        _TAKE,
        _take_params(
            household.id,
            member.id,
            activity.id,
            household.number,
            activity.price_cents,
            actor.username,
            now,
            CartHold.start(now),
        ),
    ).one()
    taken, cart_id, cart_number, _item, entry_id, _position, _locked_ms = row
    if taken == "other":
        return None
    timing.lock_taken()  # held from the call to the commit
    if taken == "place":
        _journal_cart(
            session, ctx, actor, "cart.add", household.id, cart_number, member.id, activity.code
        )
        return cart_id, None, now
    _journal_waitlist_join(session, ctx, actor, member, activity.code)
    return None, entry_id, now


def _take_params(
    household_id: int,
    member_id: int,
    activity_id: int,
    owner: int,
    price: int,
    channel: str,
    now: datetime,
    hold: CartHold,
) -> dict[str, Any]:
    """The one call's parameters: the new cart's ``hold``, started at ``now``."""
    return {
        "household_id": household_id,
        "member_id": member_id,
        "activity_id": activity_id,
        "owner": owner,
        "price": price,
        "channel": channel,
        "now": now,
        "hold": hold.deadline - now,
    }


# What the site's place taker needs before the lock, in one read of plain values.
_TAKER = (
    select(
        Household.number,
        Member.first_name,
        Member.last_name,
        Member.birth_date,
        Activity.code,
        Activity.title,
        Activity.price_cents,
        Activity.age_min,
        Activity.age_max,
    )
    .join(Member, Member.household_id == Household.id)
    .join(Activity, Activity.id == bindparam("activity_id"))
    .where(
        Household.id == bindparam("household_id"),
        Member.id == bindparam("member_id"),
        Member.removed_at.is_(None),
    )
)
# Migration 0011's function: the work under the activity's lock, in the database.
_TAKE_PLACE = func.console_take_place(
    cast(bindparam("household_id"), Integer),
    cast(bindparam("member_id"), Integer),
    cast(bindparam("activity_id"), Integer),
    cast(bindparam("owner"), Integer),
    cast(bindparam("price"), Integer),
    cast(bindparam("channel"), String),
    bindparam("now"),
    bindparam("hold"),
).table_valued(
    "taken",
    column("new_cart", Integer),
    column("new_cart_number", BigInteger),
    column("new_item", Integer),
    column("new_entry", Integer),
    column("new_position"),
    column("locked_ms"),
)
_TAKE = select(*_TAKE_PLACE.columns)


def _take_in_one_call(
    ctx: ServiceContext, household_id: int, member_id: int, activity_id: int
) -> AddOutcome | None:
    """The public site's common path on PostgreSQL: a new cart holding the place, or the
    end of the line, with the work under the lock done by the database in one call
    (migration 0011's ``console_take_place``, sent alone: the lock is held for the
    server's work and the commit, not for a round trip). ``None`` when the path is not
    the common one — a member or activity not found, a place the member already holds,
    dead holds to give back, places to offer first — and nothing was written: the caller
    then takes the whole transaction statement by statement.

    The rule is the same as :func:`add_to_cart`'s: the function counts with the same
    statement (``places._HOLDING_AND_COUNT``) and decides as it does; every place-taking
    test runs both ways (this path on PostgreSQL, the other on SQLite).
    """
    found = ctx.db.fetch(
        _TAKER, {"household_id": household_id, "member_id": member_id, "activity_id": activity_id}
    )
    if not found:
        return None  # the statement-by-statement path says what is missing
    number, first, last, born, code, title, price, age_min, age_max = found[0]
    now = ctx.clock.now()
    too = age_refusal(age_on(born, local_date(now)), age_min, age_max)
    if too is not None:
        raise Refused(AGE_OUT_OF_RANGE, **too.params)
    hold = CartHold.start(now)
    params = _take_params(household_id, member_id, activity_id, number, price, WEB, now, hold)
    taken, cart_id, cart_number, item_id, entry_id, position, locked_ms = ctx.db.write_one(
        _TAKE, params
    )[0]
    if locked_ms is not None:
        timing.lock_held(locked_ms / 1000)
    if taken == "place":
        line = CartLine(
            item_id=item_id,
            member_id=member_id,
            member_name=f"{first} {last}",
            activity_id=activity_id,
            activity_code=code,
            activity_title=title,
            price_cents=price,
            state=CartItemState.HELD,
        )
        summary = _summary(cart_id, cart_number, number, household_id, WEB, hold, (line,), now)
        return AddOutcome(cart=summary)
    if taken == "waitlist":
        # The rank, as ``waitlist.rank`` reads it, after the commit.
        ahead = ctx.db.fetch(AHEAD_IN_LINE, {"activity_id": activity_id, "position": position})
        return AddOutcome(
            cart=None, waitlist_entry_id=entry_id, waitlist_position=int(ahead[0][0]) + 1
        )
    return None


def _refuse(
    session: Session, refusal: Reason, member_id: int, activity_id: int, now: datetime
) -> NoReturn:
    offer = _live_offer(session, member_id, activity_id, now)
    if offer is not None:  # F6: the place waits for them — accept it, not re-add
        raise Refused(
            "offer_waiting", entry_id=offer.id, member_id=member_id, activity_id=activity_id
        )
    # The reason is the refusal itself: no second copy in ``reasons``.
    raise Refused(refusal.code, **refusal.params)


def _hold_place(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    household: Household,
    member: Member,
    activity: Activity,
    cart: Cart | None,
    now: datetime,
) -> Cart:
    """The held item, in ``cart`` (its hold extended) or a new cart: under the lock."""
    if cart is None:
        cart = _new_cart(session, household, actor, now)
    else:
        apply_hold(cart, hold_of(cart).after_change(now), now)
    _make_held_item(session, cart, member, activity, now)
    return cart


def remove_from_cart(
    ctx: ServiceContext, actor: Actor | None, cart_id: int, item_id: int
) -> CartSummary:
    """Take an item out of an open cart: its place frees, the hold is extended (F8)."""
    require_staff(actor, "cart_remove")
    with ctx.db.write() as session:
        cart = load_cart(session, cart_id)
        require_caller(session, ctx, actor, cart.household_id)
        now = ctx.clock.now()
        item = next((i for i in cart.items if i.id == item_id), None)
        if item is None or item.state != CartItemState.HELD.value:
            raise NotFound("cart_item_not_found", item_id=item_id)
        # One lock order everywhere: the activities (by id), then the cart's rows.
        lock_activities(session, ctx.db, [item.activity_id])
        apply_hold(cart, hold_of(cart).after_change(now), now)
        release_item(item, now, "removed")
        offer_free_places(session, ctx, item.activity_id, now)
        code = session.scalar(select(Activity.code).where(Activity.id == item.activity_id))
        _audit(session, ctx, actor, "cart.remove", cart, item.member_id, code or "")
        return summarize(session, cart, now)


def extend_hold(ctx: ServiceContext, actor: Actor | None, cart_id: int) -> CartSummary:
    """The one extra 20 minutes a cart may ask for (F8)."""
    require_staff(actor, "cart_extend")
    with ctx.db.write() as session:
        # Locked before its hold is read: a place given back beside it skips a cart in use.
        cart = lock_cart(session, ctx, cart_id)
        require_caller(session, ctx, actor, cart.household_id)
        now = ctx.clock.now()
        apply_hold(cart, hold_of(cart).extend(now), now)
        _audit(session, ctx, actor, "cart.extend", cart, None, "")
        return summarize(session, cart, now)


def release_item(item: CartItem, now: datetime, reason: str) -> None:
    """Free an item's place (needs no lock: freeing cannot overbook)."""
    item.state = CartItemState.RELEASED.value
    item.released_at = now
    item.release_reason = reason


def lapse_cart(cart: Cart, now: datetime, reason: str = places.HOLD_LAPSED) -> list[int]:
    """End a cart whose hold ran out; returns the activities whose places came back."""
    freed = []
    for item in cart.items:
        if item.state == CartItemState.HELD.value:
            release_item(item, now, reason)
            freed.append(item.activity_id)
    cart.state = CartState.LAPSED.value
    cart.checkout_locked_until = None
    cart.updated_at = now
    return freed


def _audit(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    cart: Cart,
    member_id: int | None,
    detail: str,
) -> None:
    _journal_cart(session, ctx, actor, action, cart.household_id, cart.number, member_id, detail)


def _journal_cart(
    session: Session,
    ctx: ServiceContext,
    actor: Actor | None,
    action: str,
    household_id: int,
    cart_number: int,
    member_id: int | None,
    detail: str,
) -> None:
    """A staff member's change to a cart, journaled (the site's own are not)."""
    if actor is None:
        return  # the public site's own actions (see the module docstring)
    audit.record(
        session,
        ctx,
        actor,
        action,
        household_id=household_id,
        member_id=member_id,
        target=f"cart {cart_number}",
        details={"activity": detail} if detail else None,
    )


def _journal_waitlist_join(
    session: Session, ctx: ServiceContext, actor: Actor | None, member: Member, code: str
) -> None:
    """A staff member putting the member in the activity's line, journaled."""
    if actor is None:
        return  # the public site's own actions (see the module docstring)
    audit.record(
        session,
        ctx,
        actor,
        "waitlist.join",
        household_id=member.household_id,
        member_id=member.id,
        target=code,
    )
