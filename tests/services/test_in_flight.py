"""No double charge, ever: a charge still in flight is never settled as "not started".

Found by running two consoles. A charge is still in flight when the cart's checkout lock
runs out; the other process's sweep asks the payment site, hears "no record", settles the
payment as never started and reopens the cart; the family pays again; then the first
charge answers "approved". End state: two approved payments, one registration, two
receipts. The sweep (and a release by hand) now leave a pending payment alone until no
charge of it can still be in flight (``charge_in_flight_until``).

The race is proven both ways on PostgreSQL, each side on its own connection: with the
guard switched off (``checkout.settle_in_flight_guard = False``) the double charge
happens; with it on, never. The sandbox holds the first charge in flight
(``SandboxGateway.before_charge``) while the other side sweeps and pays again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.db.engine import Database
from console.db.models import AuditEntry, Payment, Receipt, Registration
from console.db.sin import SinCipher
from console.domain.cards import CardEntry
from console.domain.clock import FixedClock, SystemClock
from console.domain.errors import Refused
from console.domain.vocabulary import CartState, PaymentStatus
from console.services import checkout
from console.services.cart_release import ReleaseKind, release_locked_cart
from console.services.carts import add_to_cart, cart_summary
from console.services.checkout import PaymentResult, pay, start_checkout
from console.services.context import ServiceContext
from console.services.gateway import IN_FLIGHT, PORT_NAME
from console.services.sandbox_gateway import Fault, SandboxGateway
from console.services.sweep import sweep
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.place_data import make_activity, make_family, make_staff

SECOND = timedelta(seconds=1)


def _card() -> CardEntry:
    return CardEntry("4242424242424242", 12, 2030, "123")


def _counts(ctx: ServiceContext, cart_id: int) -> tuple[int, int, int]:
    """(approved payments, registrations, receipts) of the cart."""
    with ctx.db.read() as s:
        approved = s.scalar(
            select(func.count())
            .select_from(Payment)
            .where(Payment.cart_id == cart_id, Payment.status == PaymentStatus.APPROVED.value)
        )
        registrations = s.scalar(
            select(func.count()).select_from(Registration).where(Registration.cart_id == cart_id)
        )
        receipts = s.scalar(
            select(func.count()).select_from(Receipt).where(Receipt.cart_id == cart_id)
        )
        return int(approved or 0), int(registrations or 0), int(receipts or 0)


# --- the rule, on both dialects -------------------------------------------------------


@pytest.fixture
def gateway(ctx: ServiceContext) -> SandboxGateway:
    gateway = SandboxGateway()
    ctx.ports[PORT_NAME] = gateway
    return gateway


def _timed_out_at_the_lock_end(ctx, clock, gateway) -> tuple[int, object]:
    """A web family's cart whose charge timed out (not charged) in the lock's last second."""
    family = make_family(ctx, children=1)
    out = add_to_cart(ctx, None, family.household_id, family.child_ids[0], make_activity(ctx))
    assert out.cart is not None
    lock_until = start_checkout(ctx, None, out.cart.cart_id, family.parent_id)
    clock.set(lock_until - SECOND)
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    assert pay(ctx, None, out.cart.cart_id, _card(), family.parent_id).status.value == "pending"
    return out.cart.cart_id, lock_until


def test_the_sweep_waits_until_no_charge_can_be_in_flight(ctx, clock, gateway):
    cart_id, lock_until = _timed_out_at_the_lock_end(ctx, clock, gateway)
    clock.set(lock_until + SECOND)
    report = sweep(ctx)
    assert (report.checkouts_settled, report.checkouts_unsettled) == (0, 1)
    assert cart_summary(ctx, cart_id).state is CartState.CHECKOUT  # places still held
    clock.set(lock_until - 2 * SECOND + IN_FLIGHT)  # a second before no charge can land
    assert sweep(ctx).checkouts_settled == 0
    clock.advance(SECOND)
    assert sweep(ctx).checkouts_settled == 1
    assert cart_summary(ctx, cart_id).state is CartState.OPEN
    with ctx.db.read() as s:
        payment = s.scalars(select(Payment).where(Payment.cart_id == cart_id)).one()
        assert (payment.status, payment.refusal_reason) == ("refused", "not_started")


def test_a_retried_charge_starts_the_wait_again(ctx, clock, gateway):
    family = make_family(ctx, children=1)
    out = add_to_cart(ctx, None, family.household_id, family.child_ids[0], make_activity(ctx))
    assert out.cart is not None
    cart_id = out.cart.cart_id
    lock_until = start_checkout(ctx, None, cart_id, family.parent_id)
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE, Fault.TIMEOUT_BEFORE_CHARGE)
    pay(ctx, None, cart_id, _card(), family.parent_id)  # the payment is made at the start
    clock.set(lock_until - SECOND)
    pay(ctx, None, cart_id, _card(), family.parent_id)  # retried in the lock's last second
    clock.set(lock_until + 2 * IN_FLIGHT / 3)  # long after the first charge, not the retry
    assert sweep(ctx).checkouts_unsettled == 1
    clock.set(lock_until - SECOND + IN_FLIGHT)  # the retry can no longer land
    assert sweep(ctx).checkouts_settled == 1


def test_an_answer_in_flight_is_still_recorded_at_once(ctx, clock, gateway):
    cart_id, lock_until = _timed_out_at_the_lock_end(ctx, clock, gateway)
    with ctx.db.read() as s:
        key = s.scalars(select(Payment.idempotency_key).where(Payment.cart_id == cart_id)).one()
    gateway.charge(key, 5500, _card(), "the payment site finished the charge")
    clock.set(lock_until + SECOND)
    assert sweep(ctx).checkouts_settled == 1  # an answer is an answer: no need to wait
    assert _counts(ctx, cart_id) == (1, 1, 1)


def test_release_by_hand_refuses_while_a_charge_may_be_in_flight(ctx, clock, gateway):
    agent = make_staff(ctx)
    family = make_family(ctx, children=1, verified_by=agent)
    out = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], make_activity(ctx))
    assert out.cart is not None
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    pay(ctx, agent, out.cart.cart_id, _card(), family.parent_id)
    with pytest.raises(Refused) as refused:
        release_locked_cart(ctx, agent, out.cart.cart_id, "le navigateur s'est fermé")
    assert refused.value.code == "payment_in_flight"
    assert refused.value.params["retry_at"] == clock.now() + IN_FLIGHT
    assert cart_summary(ctx, out.cart.cart_id).state is CartState.CHECKOUT
    with ctx.db.read() as s:
        journal = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("cart.release%"))
        ).all()
        assert journal == ["cart.release_refused"]  # the refusal is journaled too
        assert s.scalars(select(Payment.status)).one() == "pending"
    clock.advance(IN_FLIGHT)
    outcome = release_locked_cart(ctx, agent, out.cart.cart_id, "le navigateur s'est fermé")
    assert (outcome.kind, outcome.gateway_answer) == (ReleaseKind.UNLOCKED, "not_started")


# --- the race, on PostgreSQL ------------------------------------------------------------


@pytest.fixture
def pg_ctx(_postgres_run: PostgresRun | None) -> Iterator[ServiceContext]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run the concurrency proof")
    db = _postgres_run.fresh()
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    ctx.ports[PORT_NAME] = SandboxGateway()
    yield ctx
    db.dispose()


@dataclass(frozen=True)
class InFlightRace:
    first: object  # the in-flight pay's result
    again: object  # the family's second pay, after the sweep
    settled: int  # what the sweep settled while the charge was in flight
    charges: int  # how many times the sandbox moved money
    approved: int
    registrations: int
    receipts: int
    cart_state: str


def _in_flight_race(
    ctx: ServiceContext, *, guard: bool, monkeypatch: pytest.MonkeyPatch
) -> InFlightRace:
    """Console A pays in the lock's last second and its charge stays in flight; console B,
    its clock past the lock, sweeps; the family then pays again on B; A's charge lands."""
    monkeypatch.setattr(checkout, "settle_in_flight_guard", guard)
    family = make_family(ctx, children=1)
    out = add_to_cart(ctx, None, family.household_id, family.child_ids[0], make_activity(ctx))
    assert out.cart is not None
    cart_id = out.cart.cart_id
    lock_until = start_checkout(ctx, None, cart_id, family.parent_id)
    gateway = ctx.ports[PORT_NAME]
    assert isinstance(gateway, SandboxGateway)
    charging, land = threading.Event(), threading.Event()
    held: list[str] = []

    def first_charge_in_flight(key: str) -> None:
        if not held:  # only the first charge waits; the family's second one goes through
            held.append(key)
            charging.set()
            land.wait(30)

    gateway.before_charge = first_charge_in_flight
    console_a, console_b = (Database(ctx.db.url, lock_timeout_ms=5000) for _ in range(2))
    own_a = replace(ctx, db=console_a, clock=FixedClock(lock_until - SECOND))
    own_b = replace(ctx, db=console_b, clock=FixedClock(lock_until + SECOND))
    results: dict[str, object] = {}

    def pay_on_a() -> None:
        try:
            results["first"] = pay(own_a, None, cart_id, _card(), family.parent_id)
        except BaseException as exc:  # reported by the assertions
            results["first"] = exc

    paying = threading.Thread(target=pay_on_a)
    paying.start()
    try:
        assert charging.wait(10), "the first charge never started"
        settled = sweep(own_b).checkouts_settled
        try:
            results["again"] = pay(own_b, None, cart_id, _card(), family.parent_id)
        except Refused as exc:
            results["again"] = exc
    finally:
        land.set()
        paying.join(30)
    later = replace(own_b, clock=FixedClock(lock_until + IN_FLIGHT + 10 * SECOND))
    sweep(later)  # the next sweeps: whatever is left is settled now
    console_a.dispose()
    console_b.dispose()
    approved, registrations, receipts = _counts(ctx, cart_id)
    return InFlightRace(
        results["first"],
        results["again"],
        settled,
        sum(gateway.charges.values()),
        approved,
        registrations,
        receipts,
        cart_summary(ctx, cart_id).state.value,
    )


def test_a_charge_in_flight_as_the_lock_runs_out_is_charged_once(pg_ctx, monkeypatch):
    race = _in_flight_race(pg_ctx, guard=True, monkeypatch=monkeypatch)
    assert race.settled == 0  # the sweep left the pending payment alone
    assert isinstance(race.first, PaymentResult) and race.first.registered
    # The family's second try found the payment pending and did not charge again.
    assert isinstance(race.again, PaymentResult) and race.again.refusal_reason == "not_charged"
    assert race.again.transaction_number == race.first.transaction_number
    assert (race.charges, race.approved, race.registrations, race.receipts) == (1, 1, 1, 1)
    assert race.cart_state == "paid"


def test_without_the_guard_a_charge_in_flight_is_charged_twice(pg_ctx, monkeypatch):
    race = _in_flight_race(pg_ctx, guard=False, monkeypatch=monkeypatch)
    # The sweep settled the payment as never started and reopened the cart; the family
    # paid again; then the first charge landed: the end state.
    assert race.settled == 1
    assert (race.charges, race.approved, race.registrations, race.receipts) == (2, 2, 1, 2)
