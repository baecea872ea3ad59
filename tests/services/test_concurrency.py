"""Proof that concurrent agents and web users never overbook (PostgreSQL).

Thirty attempts, each on its own connection, are released together at an activity with
five places. With row locking on, exactly five hold a place (and five are confirmed once
paid) and the other twenty-five are waitlisted in arrival order. The same race with
locking switched off (``db.row_locking = False``) must overbook — proof that the test can
fail. A short pause between counting and taking a place (a test-only hook) makes the race
window wide enough to show every time.

The supervisors' waitlist actions get the same two-sided proof: two offers sent at once
for one free place (to two entries, or twice to one entry) make one offer, and two moves
to the same rank at once keep a strict order; without locking, two places are held, one
entry gets two offer emails, and two entries share a rank. And an offer accepted in its
last second while the sweep lapses it ends either accepted or lapsed; without locking it
ends lapsed with its place held in a cart.

Payment gets the same proof: one cart paid twice at once (an agent and the family on the
site, or a double click) is charged once; without locking both read "no pending payment"
and the card is charged twice. A cart paid in its hold's last second while the sweep
lapses it ends either paid (the sweep skipped it) or lapsed and refused; without locking
the card is charged for a cart whose places were given back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from console.db.engine import Database
from console.db.models import CartItem, Registration, WaitlistEntry
from console.db.roles import ONE_HELD_INDEX
from console.db.sin import SinCipher
from console.domain.cards import CardEntry
from console.domain.clock import SystemClock
from console.services import places
from console.services.carts import AddOutcome, add_to_cart
from console.services.checkout import pay
from console.services.context import ServiceContext
from console.services.gateway import PORT_NAME
from console.services.sandbox_gateway import SandboxGateway
from console.services.staff import Actor
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun, database_bounds_off
from tests.helpers.place_data import Family, make_activity, make_family, make_staff

CAPACITY = 5
RACERS = 30


@pytest.fixture
def pg_ctx(_postgres_run: PostgresRun | None) -> Iterator[ServiceContext]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run the concurrency proof")
    db = _postgres_run.fresh()
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    ctx.ports[PORT_NAME] = SandboxGateway()
    yield ctx
    db.dispose()


@dataclass
class Racer:
    family: Family
    actor: Actor | None  # None: a web user on the public site
    outcome: AddOutcome | None = None
    error: BaseException | None = None


def _race(
    ctx: ServiceContext,
    *,
    row_locking: bool,
    monkeypatch: pytest.MonkeyPatch,
    refused_by_database: bool = False,
) -> list[Racer]:
    agents = [make_staff(ctx) for _ in range(3)]
    activity = make_activity(ctx, capacity=CAPACITY)
    racers = []
    for i in range(RACERS):
        actor = agents[i % 3] if i % 2 == 0 else None
        racers.append(Racer(make_family(ctx, children=1, verified_by=actor), actor))
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.02))
    barrier = threading.Barrier(RACERS)
    databases = [Database(ctx.db.url, lock_timeout_ms=5000) for _ in racers]

    def attempt(racer: Racer, db: Database) -> None:
        db.row_locking = row_locking
        own = ServiceContext(db=db, sin_cipher=ctx.sin_cipher, clock=ctx.clock, ports=ctx.ports)
        with db.engine.connect():  # open the connection before the start signal
            pass
        barrier.wait()
        try:
            racer.outcome = add_to_cart(
                own, racer.actor, racer.family.household_id, racer.family.child_ids[0], activity
            )
        except BaseException as exc:  # reported by the assertions below
            racer.error = exc

    threads = [
        threading.Thread(target=attempt, args=pair) for pair in zip(racers, databases, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for db in databases:
        db.dispose()
    errors = [r.error for r in racers if r.error]
    if refused_by_database:  # only the database's capacity bound may refuse
        assert all(_over_capacity(e) for e in errors), errors
    else:
        assert errors == []
    return racers


def _over_capacity(error: BaseException) -> bool:
    return isinstance(error, IntegrityError) and "within_capacity" in str(error)


def _pay_all(ctx: ServiceContext, racers: list[Racer]) -> int:
    for racer in racers:
        assert racer.outcome is not None
        if racer.outcome.held and racer.outcome.cart is not None:
            with CardEntry("4242424242424242", 12, 2030, "123") as card:
                pay(ctx, racer.actor, racer.outcome.cart.cart_id, card, racer.family.parent_id)
    with ctx.db.read() as s:
        return len(s.scalars(select(Registration.id)).all())


def test_last_places_never_overbook_and_losers_wait_in_arrival_order(pg_ctx, monkeypatch):
    racers = _race(pg_ctx, row_locking=True, monkeypatch=monkeypatch)
    held = [r for r in racers if r.outcome and r.outcome.held]
    waiting = [r for r in racers if r.outcome and not r.outcome.held]
    assert (len(held), len(waiting)) == (CAPACITY, RACERS - CAPACITY)
    assert {r.actor is None for r in held} | {r.actor is None for r in waiting} == {True, False}
    positions = sorted(r.outcome.waitlist_position for r in waiting if r.outcome)
    assert positions == list(range(1, RACERS - CAPACITY + 1))
    with pg_ctx.db.read() as s:
        last_hold = max(s.scalars(select(CartItem.added_at)))
        entries = s.scalars(select(WaitlistEntry).order_by(WaitlistEntry.position)).all()
        arrivals = [e.created_at for e in entries]
        # Every winner got in before every loser, and the line is in the order they came.
        assert last_hold <= arrivals[0]
        assert arrivals == sorted(arrivals)
        assert len({e.position for e in entries}) == len(entries)
    assert _pay_all(pg_ctx, racers) == CAPACITY


def test_without_row_locking_nor_the_database_bounds_the_same_race_overbooks(pg_ctx, monkeypatch):
    with database_bounds_off(pg_ctx.db):
        racers = _race(pg_ctx, row_locking=False, monkeypatch=monkeypatch)
        held = [r for r in racers if r.outcome and r.outcome.held]
        assert len(held) > CAPACITY
        assert _pay_all(pg_ctx, racers) > CAPACITY


def test_without_row_locking_the_database_alone_refuses_to_overbook(pg_ctx, monkeypatch):
    """The services' lock switched off, the database's capacity bound (migration 0010)
    still refuses each transaction past the capacity at its commit: the same race ends
    with at most the capacity held, the rest refused."""
    racers = _race(pg_ctx, row_locking=False, monkeypatch=monkeypatch, refused_by_database=True)
    held = [r for r in racers if r.outcome and r.outcome.held]
    refused = [r for r in racers if r.error]
    assert refused, "the race did not reach the database's bound: it proves nothing"
    assert len(held) <= CAPACITY
    with pg_ctx.db.read() as s:
        live = s.scalars(select(CartItem.id).where(CartItem.state == "held")).all()
    assert len(live) <= CAPACITY
    assert _pay_all(pg_ctx, [r for r in racers if r.outcome]) <= CAPACITY


def test_a_lock_held_too_long_is_busy_not_a_hang(pg_ctx):
    from console.db.models import Activity
    from console.domain.errors import Busy

    activity = make_activity(pg_ctx, capacity=CAPACITY)
    family = make_family(pg_ctx, children=1)
    quick = Database(pg_ctx.db.url, lock_timeout_ms=200)
    own = ServiceContext(db=quick, sin_cipher=pg_ctx.sin_cipher, clock=pg_ctx.clock)
    try:
        with pg_ctx.db.write() as holder:  # another agent's transaction holds the row
            holder.execute(select(Activity.id).where(Activity.id == activity).with_for_update())
            started = time.monotonic()
            with pytest.raises(Busy):
                add_to_cart(own, None, family.household_id, family.child_ids[0], activity)
            assert time.monotonic() - started < 2
    finally:
        quick.dispose()


def _offered_entry(ctx: ServiceContext, *, offered_at: datetime, expires_at: datetime) -> int:
    """A family's child first in line for a one-place activity, offered its place."""
    from console.domain.vocabulary import WaitlistState

    activity = make_activity(ctx, capacity=1)
    family = make_family(ctx, children=1)
    with ctx.db.write() as s:
        entry = WaitlistEntry(
            activity_id=activity,
            member_id=family.child_ids[0],
            household_id=family.household_id,
            position=1.0,
            state=WaitlistState.OFFERED.value,
            created_at=offered_at,
            offered_at=offered_at,
            offer_expires_at=expires_at,
        )
        s.add(entry)
        s.flush()
        return entry.id


def _accept_race(
    ctx: ServiceContext,
    *,
    row_locking: bool,
    monkeypatch: pytest.MonkeyPatch,
    one_held_index: bool = False,
) -> int:
    """Two accepts of one offer at once (the family on the site, an agent on the phone);
    returns how many held items the single offer became."""
    from datetime import timedelta

    from console.domain.errors import Refused
    from console.services.waitlist_admin import accept_offer

    now = ctx.clock.now()
    entry_id = _offered_entry(ctx, offered_at=now, expires_at=now + timedelta(hours=48))
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))
    barrier = threading.Barrier(2)
    databases = [Database(ctx.db.url, lock_timeout_ms=5000) for _ in range(2)]
    errors: list[BaseException] = []

    def attempt(db: Database) -> None:
        db.row_locking = row_locking
        own = ServiceContext(db=db, sin_cipher=ctx.sin_cipher, clock=ctx.clock, ports=ctx.ports)
        with db.engine.connect():
            pass
        barrier.wait()
        try:
            accept_offer(own, None, entry_id)
        except Refused as exc:
            # The offer already taken, or (read once the other accept committed) its
            # place already in a cart: either way one hold.
            assert exc.code in ("offer_not_open", "already_in_cart")
        except IntegrityError as exc:
            if not one_held_index or ONE_HELD_INDEX not in str(exc):
                errors.append(exc)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(db,)) for db in databases]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for db in databases:
        db.dispose()
    assert errors == []
    with ctx.db.read() as s:
        return len(
            s.scalars(select(CartItem.id).where(CartItem.waitlist_entry_id == entry_id)).all()
        )


def test_one_offer_accepted_twice_at_once_gives_one_place(pg_ctx, monkeypatch):
    assert _accept_race(pg_ctx, row_locking=True, monkeypatch=monkeypatch) == 1


def test_without_row_locking_nor_the_database_bounds_one_offer_becomes_two_holds(
    pg_ctx, monkeypatch
):
    # Nor the services' unlocked check that the place is not in a cart already (it sees
    # the other accept once committed): what the row lock alone prevents.
    # Nor make_room's own look at the database's bound (it would answer "busy").
    monkeypatch.setattr(places, "already_holding", lambda *args: None)
    monkeypatch.setattr(places, "make_room", lambda *args: None)
    with database_bounds_off(pg_ctx.db):
        assert _accept_race(pg_ctx, row_locking=False, monkeypatch=monkeypatch) == 2


def test_without_row_locking_the_database_alone_keeps_one_held_item(pg_ctx, monkeypatch):
    """One held item per member and activity (migration 0010's unique index): the second
    accept of one offer fails on the database, not on the services' lock."""
    assert (
        _accept_race(pg_ctx, row_locking=False, monkeypatch=monkeypatch, one_held_index=True) == 1
    )


def _at_once(
    ctx: ServiceContext,
    *,
    row_locking: bool,
    attempts: list[Callable[[ServiceContext], object]],
) -> list[object]:
    """Run each attempt on its own connection, all released together; returns what each
    returned, or the domain error (Refused, NotFound) it raised."""
    from console.domain.errors import NotFound, Refused

    barrier = threading.Barrier(len(attempts))
    databases = [Database(ctx.db.url, lock_timeout_ms=5000) for _ in attempts]
    outcomes: list[object] = [None] * len(attempts)
    errors: list[BaseException] = []

    def run(i: int, db: Database) -> None:
        db.row_locking = row_locking
        own = ServiceContext(db=db, sin_cipher=ctx.sin_cipher, clock=ctx.clock, ports=ctx.ports)
        with db.engine.connect():  # open the connection before the start signal
            pass
        barrier.wait()
        try:
            outcomes[i] = attempts[i](own)
        except (Refused, NotFound) as exc:
            outcomes[i] = exc
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(databases)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for db in databases:
        db.dispose()
    assert errors == []
    return outcomes


def _waiting_entries(ctx: ServiceContext, activity: int, count: int) -> list[int]:
    """``count`` families waiting on the activity, at positions 1, 2, …"""
    from console.domain.vocabulary import WaitlistState

    families = [make_family(ctx, children=1) for _ in range(count)]
    now = ctx.clock.now()
    with ctx.db.write() as s:
        entries = [
            WaitlistEntry(
                activity_id=activity,
                member_id=family.child_ids[0],
                household_id=family.household_id,
                position=float(i + 1),
                state=WaitlistState.WAITING.value,
                created_at=now,
            )
            for i, family in enumerate(families)
        ]
        s.add_all(entries)
        s.flush()
        return [e.id for e in entries]


@dataclass(frozen=True)
class OfferRace:
    outcomes: list[object]
    open_offers: int
    real_remaining: int
    offer_emails: int
    offer_audits: int


def _offer_race(
    ctx: ServiceContext, *, same_entry: bool, row_locking: bool, monkeypatch: pytest.MonkeyPatch
) -> OfferRace:
    """Two supervisors send a waitlist offer by hand at once, for the activity's one free
    place: to the same entry, or each to a different entry."""
    from console.db.models import AuditEntry, OutboxMessage
    from console.domain.vocabulary import Role
    from console.services.places import place_count
    from console.services.waitlist_admin import send_offer

    activity = make_activity(ctx, capacity=1)
    entries = _waiting_entries(ctx, activity, 2)
    targets = [entries[0], entries[0]] if same_entry else entries
    supervisors = [make_staff(ctx, Role.SUPERVISOR) for _ in targets]
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))
    outcomes = _at_once(
        ctx,
        row_locking=row_locking,
        attempts=[
            lambda own, who=who, entry=entry: send_offer(own, who, entry, "place libérée")
            for who, entry in zip(supervisors, targets, strict=True)
        ],
    )
    with ctx.db.read() as s:
        count = place_count(s, activity, ctx.clock.now())
        emails = s.scalars(
            select(OutboxMessage.id).where(OutboxMessage.kind == "waitlist_offer")
        ).all()
        audits = s.scalars(select(AuditEntry.id).where(AuditEntry.action == "waitlist.offer")).all()
    return OfferRace(outcomes, count.open_offers, count.real_remaining, len(emails), len(audits))


def test_two_offers_for_the_last_place_at_once_hold_one_place(pg_ctx, monkeypatch):
    from console.domain.errors import Refused

    race = _offer_race(pg_ctx, same_entry=False, row_locking=True, monkeypatch=monkeypatch)
    refused = [o for o in race.outcomes if isinstance(o, Refused)]
    assert [r.code for r in refused] == ["no_place_to_offer"]
    assert (race.open_offers, race.real_remaining) == (1, 0)
    assert (race.offer_emails, race.offer_audits) == (1, 1)


def test_without_row_locking_two_offers_hold_two_places_of_one(pg_ctx, monkeypatch):
    race = _offer_race(pg_ctx, same_entry=False, row_locking=False, monkeypatch=monkeypatch)
    assert all(isinstance(o, datetime) for o in race.outcomes)
    assert race.open_offers == 2  # of a capacity of 1


def test_one_entry_offered_twice_at_once_gets_one_offer(pg_ctx, monkeypatch):
    from console.domain.errors import NotFound

    race = _offer_race(pg_ctx, same_entry=True, row_locking=True, monkeypatch=monkeypatch)
    refused = [o for o in race.outcomes if isinstance(o, NotFound)]
    assert [r.code for r in refused] == ["waitlist_entry_not_found"]
    assert (race.open_offers, race.real_remaining) == (1, 0)
    assert (race.offer_emails, race.offer_audits) == (1, 1)


def test_without_row_locking_one_entry_gets_two_offer_emails(pg_ctx, monkeypatch):
    race = _offer_race(pg_ctx, same_entry=True, row_locking=False, monkeypatch=monkeypatch)
    assert all(isinstance(o, datetime) for o in race.outcomes)
    assert (race.offer_emails, race.offer_audits) == (2, 2)


def _move_race(
    ctx: ServiceContext, *, row_locking: bool, monkeypatch: pytest.MonkeyPatch
) -> list[int]:
    """Four entries waiting; two supervisors at once move the third and the fourth to
    second in line. Returns each open entry's rank in line, in line order."""
    from console.domain.vocabulary import Role
    from console.services.waitlist import rank
    from console.services.waitlist_admin import move_entry

    activity = make_activity(ctx, capacity=0)
    entries = _waiting_entries(ctx, activity, 4)
    supervisors = [make_staff(ctx, Role.SUPERVISOR) for _ in range(2)]
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))
    outcomes = _at_once(
        ctx,
        row_locking=row_locking,
        attempts=[
            lambda own, who=who, entry=entry: move_entry(own, who, entry, 2, "priorité")
            for who, entry in zip(supervisors, entries[2:], strict=True)
        ],
    )
    assert outcomes == [None, None]
    with ctx.db.read() as s:
        line = s.scalars(
            select(WaitlistEntry)
            .where(WaitlistEntry.activity_id == activity)
            .order_by(WaitlistEntry.position, WaitlistEntry.id)
        ).all()
        return [rank(s, e) for e in line]


def test_two_moves_to_one_rank_at_once_keep_a_strict_order(pg_ctx, monkeypatch):
    assert _move_race(pg_ctx, row_locking=True, monkeypatch=monkeypatch) == [1, 2, 3, 4]


def test_without_row_locking_two_moved_entries_share_one_rank(pg_ctx, monkeypatch):
    assert _move_race(pg_ctx, row_locking=False, monkeypatch=monkeypatch) == [1, 2, 2, 4]


def _accept_at_the_deadline_race(
    ctx: ServiceContext, *, row_locking: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, int, int]:
    """The family accepts an offer in its last second while the sweep, whose clock has
    passed the deadline, lapses it; returns the entry's state, how many held items it
    became and how many "offer lapsed" audit entries it got."""
    from dataclasses import replace
    from datetime import timedelta

    from console.db.models import AuditEntry
    from console.domain.clock import FixedClock
    from console.services.sweep import sweep
    from console.services.waitlist_admin import accept_offer

    deadline = ctx.clock.now() + timedelta(hours=1)
    entry_id = _offered_entry(ctx, offered_at=deadline - timedelta(hours=48), expires_at=deadline)
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))
    just_before = FixedClock(deadline - timedelta(seconds=1))
    just_after = FixedClock(deadline + timedelta(seconds=1))
    _at_once(
        ctx,
        row_locking=row_locking,
        attempts=[
            lambda own: accept_offer(replace(own, clock=just_before), None, entry_id),
            lambda own: sweep(replace(own, clock=just_after)),
        ],
    )
    with ctx.db.read() as s:
        state = s.get(WaitlistEntry, entry_id).state  # type: ignore[union-attr]
        held = s.scalars(select(CartItem.id).where(CartItem.waitlist_entry_id == entry_id))
        lapsed = s.scalars(
            select(AuditEntry.id).where(
                AuditEntry.action == "system.offer_lapsed",
                AuditEntry.target == f"waitlist {entry_id}",
            )
        )
        return state, len(held.all()), len(lapsed.all())


def test_an_offer_accepted_as_the_sweep_lapses_it_ends_one_way_or_the_other(pg_ctx, monkeypatch):
    state, held, lapsed = _accept_at_the_deadline_race(
        pg_ctx, row_locking=True, monkeypatch=monkeypatch
    )
    assert (state, held, lapsed) in {("accepted", 1, 0), ("lapsed", 0, 1)}


def test_without_row_locking_the_sweep_lapses_an_offer_already_accepted(pg_ctx, monkeypatch):
    _state, held, lapsed = _accept_at_the_deadline_race(
        pg_ctx, row_locking=False, monkeypatch=monkeypatch
    )
    # Both went through: the place is held in a cart and the offer is recorded as lapsed.
    assert held == 1 and lapsed == 1


@dataclass(frozen=True)
class PayRace:
    outcomes: list[object]
    charges: int  # how many times the sandbox gateway moved money
    payments: int
    approved: int
    registrations: int


def _double_pay_race(
    ctx: ServiceContext, *, row_locking: bool, monkeypatch: pytest.MonkeyPatch
) -> PayRace:
    """An agent on the phone and the family on the public site pay one cart at once."""
    from console.db.models import Payment

    agent = make_staff(ctx)
    activity = make_activity(ctx, capacity=2)
    family = make_family(ctx, children=1, verified_by=agent)
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity)
    assert out.cart is not None
    cart_id = out.cart.cart_id
    gateway = ctx.ports[PORT_NAME]
    assert isinstance(gateway, SandboxGateway)
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))

    def paying(who: Actor | None) -> Callable[[ServiceContext], object]:
        def attempt(own: ServiceContext) -> object:
            try:
                with CardEntry("4242424242424242", 12, 2030, "123") as card:
                    return pay(own, who, cart_id, card, family.parent_id)
            except IntegrityError as exc:  # without locking: the second approval's rows clash
                return exc

        return attempt

    outcomes = _at_once(ctx, row_locking=row_locking, attempts=[paying(agent), paying(None)])
    with ctx.db.read() as s:
        statuses = s.scalars(select(Payment.status).where(Payment.cart_id == cart_id)).all()
        registrations = s.scalars(select(Registration.id).where(Registration.cart_id == cart_id))
        return PayRace(
            outcomes,
            sum(gateway.charges.values()),
            len(statuses),
            statuses.count("approved"),
            len(registrations.all()),
        )


def test_one_cart_paid_twice_at_once_is_charged_once(pg_ctx, monkeypatch):
    from console.domain.errors import Refused
    from console.services.checkout import PaymentResult

    race = _double_pay_race(pg_ctx, row_locking=True, monkeypatch=monkeypatch)
    assert (race.charges, race.payments, race.approved, race.registrations) == (1, 1, 1, 1)
    # The second pay found the first one's payment: it reports it, or refuses the paid cart.
    results = [o for o in race.outcomes if isinstance(o, PaymentResult)]
    refused = [o.code for o in race.outcomes if isinstance(o, Refused)]
    assert len(results) + len(refused) == 2 and set(refused) <= {"cart_not_payable"}
    assert all(r.registered for r in results)
    assert len({r.transaction_number for r in results}) == 1


def test_without_row_locking_one_cart_paid_twice_at_once_is_charged_twice(pg_ctx, monkeypatch):
    race = _double_pay_race(pg_ctx, row_locking=False, monkeypatch=monkeypatch)
    # Both read "no pending payment": two payments, and the family's card charged twice.
    assert (race.charges, race.payments) == (2, 2)


@dataclass(frozen=True)
class LapseRace:
    outcomes: list[object]
    cart_state: str
    payments: int
    held_or_registered: int  # the cart's items that still have their place
    lapsed_audits: int


def _pay_at_the_deadline_race(
    ctx: ServiceContext, *, row_locking: bool, monkeypatch: pytest.MonkeyPatch
) -> LapseRace:
    """The family pays in the hold's last second while the sweep, whose clock has passed
    the deadline, lapses the cart."""
    from dataclasses import replace
    from datetime import timedelta

    from console.db.models import AuditEntry, Cart, Payment
    from console.domain.clock import FixedClock
    from console.services.sweep import sweep

    activity = make_activity(ctx, capacity=2)
    family = make_family(ctx, children=1)
    out = add_to_cart(ctx, None, family.household_id, family.child_ids[0], activity)
    assert out.cart is not None
    cart_id, deadline = out.cart.cart_id, out.cart.hold_expires_at
    monkeypatch.setattr(places, "after_count", lambda: time.sleep(0.2))
    just_before = FixedClock(deadline - timedelta(seconds=1))
    just_after = FixedClock(deadline + timedelta(seconds=1))

    def paying(own: ServiceContext) -> object:
        with CardEntry("4242424242424242", 12, 2030, "123") as card:
            return pay(replace(own, clock=just_before), None, cart_id, card, family.parent_id)

    outcomes = _at_once(
        ctx,
        row_locking=row_locking,
        attempts=[paying, lambda own: sweep(replace(own, clock=just_after))],
    )
    with ctx.db.read() as s:
        cart = s.get(Cart, cart_id)
        assert cart is not None
        payments = s.scalars(select(Payment.id).where(Payment.cart_id == cart_id)).all()
        kept = [i for i in cart.items if i.state in ("held", "registered")]
        lapsed = s.scalars(
            select(AuditEntry.id).where(
                AuditEntry.action == "system.cart_lapsed",
                AuditEntry.target == f"cart {cart.number}",
            )
        ).all()
        return LapseRace(outcomes, cart.state, len(payments), len(kept), len(lapsed))


def test_a_cart_paid_as_the_sweep_lapses_it_ends_one_way_or_the_other(pg_ctx, monkeypatch):
    from console.domain.errors import Refused
    from console.services.checkout import PaymentResult

    race = _pay_at_the_deadline_race(pg_ctx, row_locking=True, monkeypatch=monkeypatch)
    paid = race.outcomes[0]
    if isinstance(paid, PaymentResult):  # the payment came first: the sweep skipped the cart
        assert paid.registered and paid.registrations == 1
        assert (race.cart_state, race.payments, race.held_or_registered) == ("paid", 1, 1)
        assert race.lapsed_audits == 0
    else:  # the sweep came first: the lapsed cart is not paid for
        assert isinstance(paid, Refused) and paid.code == "cart_not_payable"
        assert (race.cart_state, race.payments, race.held_or_registered) == ("lapsed", 0, 0)
        assert race.lapsed_audits == 1


def test_without_row_locking_the_sweep_lapses_a_cart_being_paid(pg_ctx, monkeypatch):
    with database_bounds_off(pg_ctx.db):  # what the services' locks alone prevent
        race = _pay_at_the_deadline_race(pg_ctx, row_locking=False, monkeypatch=monkeypatch)
    # Both went through: the card was charged for a cart whose places were given back.
    assert race.payments == 1 and race.lapsed_audits == 1
    assert race.held_or_registered == 0


@dataclass(frozen=True)
class RecordRace:
    outcomes: list[object]
    approved: int
    registrations: int
    receipts: int


def _reconcile_twice_race(ctx: ServiceContext, *, row_locking: bool) -> RecordRace:
    """A payment charged but whose answer was lost is reconciled twice at once (two agents,
    or an agent and the family's retry); both read it pending. Another transaction holds
    the cart's row meanwhile, so both have read before either writes."""
    from console.db.models import Cart, Payment, Receipt
    from console.services.checkout import reconcile_payment

    activity = make_activity(ctx, capacity=2)
    family = make_family(ctx, children=1)
    out = add_to_cart(ctx, None, family.household_id, family.child_ids[0], activity)
    assert out.cart is not None
    cart_id = out.cart.cart_id
    with CardEntry("4000000000000119", 12, 2030, "123") as card:  # charged, answer lost
        first = pay(ctx, None, cart_id, card, family.parent_id)
    assert first.status.value == "pending"
    locked, release = threading.Event(), threading.Event()

    def hold_the_cart() -> None:
        with ctx.db.write() as s:
            s.execute(select(Cart.id).where(Cart.id == cart_id).with_for_update()).all()
            locked.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_cart)
    holder.start()
    locked.wait(10)
    timer = threading.Timer(0.5, release.set)
    timer.start()
    try:
        outcomes = _at_once(
            ctx,
            row_locking=row_locking,
            attempts=[lambda own: _caught(lambda: reconcile_payment(own, None, cart_id))] * 2,
        )
    finally:
        release.set()
        holder.join(10)
        timer.cancel()
    with ctx.db.read() as s:
        statuses = s.scalars(select(Payment.status).where(Payment.cart_id == cart_id)).all()
        registrations = s.scalars(select(Registration.id).where(Registration.cart_id == cart_id))
        receipts = s.scalars(select(Receipt.id).where(Receipt.cart_id == cart_id))
        return RecordRace(
            outcomes, statuses.count("approved"), len(registrations.all()), len(receipts.all())
        )


def _caught(attempt: Callable[[], object]) -> object:
    try:
        return attempt()
    except IntegrityError as exc:  # without locking: the second recording's rows clash
        return exc


def test_one_payment_reconciled_twice_at_once_is_recorded_once(pg_ctx):
    from console.services.checkout import PaymentResult

    race = _reconcile_twice_race(pg_ctx, row_locking=True)
    assert all(isinstance(o, PaymentResult) and o.registered for o in race.outcomes)
    assert (race.approved, race.registrations, race.receipts) == (1, 1, 1)


def test_without_row_locking_one_payment_reconciled_twice_is_recorded_twice(pg_ctx):
    race = _reconcile_twice_race(pg_ctx, row_locking=False)
    # Both recorded the approval: the second one's registration clashes with the first's.
    assert any(isinstance(o, IntegrityError) for o in race.outcomes)
