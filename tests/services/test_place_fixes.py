"""Places held through checkout: pending payments, returning carts, lock order, audits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from console.db.models import AuditEntry, Member
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.errors import Refused, VerificationRequired
from console.domain.vocabulary import CartState, PaymentStatus
from console.services.cart_release import release_locked_cart
from console.services.carts import add_to_cart, cart_summary, remove_from_cart
from console.services.checkout import pay, reconcile_payment, start_checkout
from console.services.context import ServiceContext
from console.services.gateway import PORT_NAME
from console.services.places import activity_places
from console.services.sandbox_gateway import Fault, SandboxGateway
from console.services.sweep import sweep
from console.services.waitlist_admin import accept_offer
from tests.conftest import TEST_SIN_KEY
from tests.helpers.place_data import make_activity, make_family, make_staff
from tests.services.test_checkout import card

MIN = timedelta(minutes=1)


@pytest.fixture
def gateway(ctx: ServiceContext) -> SandboxGateway:
    gateway = SandboxGateway()
    ctx.ports[PORT_NAME] = gateway
    return gateway


def _one_place_cart(ctx, agent):
    family = make_family(ctx, verified_by=agent)
    activity = make_activity(ctx, capacity=1)
    cart = add_to_cart(ctx, agent, family.household_id, family.child_ids[0], activity).cart
    assert cart
    return family, activity, cart.cart_id


def _actions(ctx) -> list[tuple[str, int | None, str]]:
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(r.action, r.staff_id, r.target) for r in rows]


def test_pending_payment_keeps_its_places_after_the_lock_runs_out(ctx, clock, gateway):
    agent = make_staff(ctx)
    family, activity, cart_id = _one_place_cart(ctx, agent)
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    assert pay(ctx, agent, cart_id, card(), family.parent_id).status is PaymentStatus.PENDING
    clock.advance(21 * MIN)
    assert activity_places(ctx, activity).real_remaining == 0
    other = make_family(ctx, verified_by=agent)
    assert not add_to_cart(ctx, agent, other.household_id, other.child_ids[0], activity).held
    assert reconcile_payment(ctx, agent, cart_id).registered  # the late approval fits
    assert activity_places(ctx, activity).count.confirmed == 1


def test_release_after_a_lapsed_lock_drops_places_taken_meanwhile(ctx, clock, gateway):
    agent = make_staff(ctx)
    family, activity, cart_id = _one_place_cart(ctx, agent)
    start_checkout(ctx, agent, cart_id, family.parent_id)
    clock.advance(21 * MIN)
    other = make_family(ctx, verified_by=agent)
    assert add_to_cart(ctx, agent, other.household_id, other.child_ids[0], activity).held
    release_locked_cart(ctx, agent, cart_id, "browser closed")
    summary = cart_summary(ctx, cart_id)
    assert summary.state is CartState.OPEN and not summary.held
    assert activity_places(ctx, activity).real_remaining == 0


def test_release_requires_a_reason(ctx, gateway):
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    start_checkout(ctx, agent, cart_id, family.parent_id)
    with pytest.raises(Refused, match="reason_required"):
        release_locked_cart(ctx, agent, cart_id, "  ")


def test_reconcile_requires_a_verified_caller(ctx, gateway):
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    pay(ctx, agent, cart_id, card(), family.parent_id)
    with pytest.raises(VerificationRequired):
        reconcile_payment(ctx, make_staff(ctx), cart_id)


def test_retry_on_a_lapsed_lock_only_asks_never_charges(ctx, clock, gateway):
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    pay(ctx, agent, cart_id, card(), family.parent_id)
    clock.advance(21 * MIN)
    again = pay(ctx, agent, cart_id, card(), family.parent_id)
    assert again.status is PaymentStatus.PENDING and again.refusal_reason == "not_charged"
    assert sum(gateway.charges.values()) == 0


def test_retry_refuses_a_changed_payer(ctx, gateway):
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    pay(ctx, agent, cart_id, card(), family.parent_id)
    with pytest.raises(Refused, match="payer_changed"):
        pay(ctx, agent, cart_id, card(), family.child_ids[1])
    assert sum(gateway.charges.values()) == 0


def test_payment_start_is_audited_in_its_own_transaction(ctx, gateway):
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    gateway.down = True
    pay(ctx, agent, cart_id, card(), family.parent_id)
    assert "payment.started" in [a for a, _, _ in _actions(ctx)]


def test_card_expiry_is_checked_against_the_quebec_date(db, gateway):
    # 02:00 UTC on 1 January is still 31 December in Québec: a 12/2030 card is valid.
    clock = FixedClock(datetime(2031, 1, 1, 2, tzinfo=UTC))
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=clock)
    ctx.ports[PORT_NAME] = gateway
    agent = make_staff(ctx)
    family, _activity, cart_id = _one_place_cart(ctx, agent)
    assert pay(ctx, agent, cart_id, card(), family.parent_id).registered


def test_sweep_records_its_own_changes(ctx, clock, gateway):
    agent = make_staff(ctx)
    _family, _activity, _cart = _one_place_cart(ctx, agent)
    family, _a, locked = _one_place_cart(ctx, agent)
    start_checkout(ctx, agent, locked, family.parent_id)
    clock.advance(21 * MIN)
    sweep(ctx)
    system = {(a, s) for a, s, _ in _actions(ctx) if a.startswith("system.")}
    assert system == {("system.cart_lapsed", None), ("system.payment_settled", None)}


def test_cart_remove_audit_names_the_activity_code(ctx):
    agent = make_staff(ctx)
    _family, activity, cart_id = _one_place_cart(ctx, agent)
    item = cart_summary(ctx, cart_id).items[0]
    remove_from_cart(ctx, agent, cart_id, item.item_id)
    with ctx.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "cart.remove")).one()
        assert item.activity_code in entry.details and str(activity) != item.activity_code


def test_accept_refused_once_the_member_is_removed(ctx, clock):
    agent = make_staff(ctx)
    _family, activity, cart_id = _one_place_cart(ctx, agent)
    waiting = make_family(ctx, verified_by=agent)
    entry = add_to_cart(ctx, agent, waiting.household_id, waiting.child_ids[0], activity)
    remove_from_cart(ctx, agent, cart_id, cart_summary(ctx, cart_id).items[0].item_id)
    with ctx.db.write() as s:
        member = s.get(Member, waiting.child_ids[0])
        assert member is not None
        member.removed_at = clock.now()
    with pytest.raises(Refused, match="member_removed"):
        accept_offer(ctx, agent, entry.waitlist_entry_id)


def test_remove_locks_the_activity_before_writing_the_cart(ctx):
    if ctx.db.dialect != "postgresql":
        pytest.skip("SQLite takes the whole database at BEGIN IMMEDIATE: no lock order")
    agent = make_staff(ctx)
    _family, _activity, cart_id = _one_place_cart(ctx, agent)
    item = cart_summary(ctx, cart_id).items[0]
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(ctx.db.engine, "before_cursor_execute", listener)
    try:
        remove_from_cart(ctx, agent, cart_id, item.item_id)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", listener)
    first_lock = next(i for i, s in enumerate(statements) if "FOR UPDATE" in s)
    first_write = next(i for i, s in enumerate(statements) if s.startswith("UPDATE"))
    assert first_lock < first_write
