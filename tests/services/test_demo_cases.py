"""The demo's cases (the Aide menu's list): every identifier finds its household in a
freshly built demo, which shows the promised state; and the cases stay playable however
long the demo runs, while the real sweep still lapses every other hold.

Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.db.engine import Database
from console.db.seed import seed_database
from console.db.seed.cases import CASES, DemoCase
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.errors import ConsoleError
from console.domain.views.households import HouseholdView
from console.domain.views.staff import Actor
from console.domain.views.verification import CallerAnswers
from console.domain.vocabulary import CartState, Relationship, Role
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.context import ServiceContext
from console.services.simulator import keep_demo_cases, web_users
from console.services.sweep import sweep
from tests.conftest import TEST_SIN_KEY

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FAQ = ("F1", "F2", "F4", "F6", "F7", "F11", "F12", "F14")


@pytest.fixture
def demo(db: Database) -> tuple[ServiceContext, FixedClock]:
    cipher = SinCipher(TEST_SIN_KEY)
    seed_database(db, cipher, scale="demo", seed=1, now=NOW)
    clock = FixedClock(NOW)
    return ServiceContext(db=db, sin_cipher=cipher, clock=clock), clock


def _actor(ctx: ServiceContext, role: Role, borough_id: int | None = None) -> Actor:
    staff = EmbeddedDemo(ctx).staff()
    return next(
        a for a in staff if a.role is role and (borough_id is None or a.borough_id == borough_id)
    )


def _api(ctx: ServiceContext, role: Role = Role.AGENT) -> InProcessApi:
    return EmbeddedDemo(ctx).api_for(_actor(ctx, role))


def _found(api: InProcessApi, case: DemoCase) -> HouseholdView:
    hits = api.search_callers(case.identifier).hits
    numbers = {h.household_number for h in hits}
    assert case.household_number in numbers, (case.faq, case.identifier, numbers)
    hit = next(h for h in hits if h.household_number == case.household_number)
    return api.household_view(hit.household_id)


def _member(view: HouseholdView, first_name: str) -> int:
    return next(m.member_id for m in view.members if m.first_name == first_name)


def _verify(api: InProcessApi, view: HouseholdView) -> None:
    responsible = view.responsible
    assert responsible is not None
    answers = CallerAnswers(birth_date=responsible.birth_date, postal_code=view.postal_code)
    assert api.verify_caller(view.household_id, answers).passed


def exhibits(api: InProcessApi, case: DemoCase, view: HouseholdView) -> None:
    """The state the case's description promises, read through the services."""
    if case.faq == "F1":
        summary = api.account_summary(view.household_id)
        assert summary.locked and summary.reset_links_left > 0
    elif case.faq == "F2":
        summary = api.account_summary(view.household_id)
        assert not summary.confirmed and summary.confirmations_left > 0
        assert any(m.state == "failed" for m in summary.messages)
    elif case.faq == "F4":
        moussa = next(m for m in view.members if m.first_name == "Moussa")
        assert not moussa.removed
    elif case.faq == "F6":
        zoe = next(w for w in view.waitlist if w.member_name.startswith("Zoé"))
        places = api.activity_places(zoe.activity_id)
        count = places.count
        assert count.capacity > count.confirmed  # the site does not show it full
        assert count.capacity <= count.confirmed + count.live_holds + count.checkout_holds
        assert places.holds  # held in other families' carts
    elif case.faq == "F7":
        registered = {(r.member_name, r.activity_code) for r in view.registrations}
        held = {
            (i.member_name, i.activity_code)
            for c in view.carts
            if c.live
            for i in c.items
            if i.state == "held"
        }
        assert any(name.startswith("Maëlle") for name, _ in registered & held)
    elif case.faq == "F11":
        assert any(c.state is CartState.CHECKOUT and c.live for c in view.carts)
    elif case.faq == "F12":
        eric = next(m for m in view.members if m.first_name == "Eric")
        assert eric.relationship is Relationship.CHILD and eric.age >= 18 and not eric.may_pay
    elif case.faq == "F13":
        assert any(c.live and c.state is CartState.OPEN for c in view.carts)
        assert not any(m.has_sin for m in view.members)
    elif case.faq == "F14":
        assert any(c.state is CartState.PAID for c in view.carts)
        assert any(p.status == "approved" for p in view.payments)
    else:  # pragma: no cover - a case added without its check
        raise AssertionError(f"no check for {case.faq}")


def test_every_faq_call_of_the_desk_has_a_case() -> None:
    assert set(FAQ) <= {c.faq for c in CASES}
    assert all(c.kind in ("email", "phone", "number") for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.faq)
def test_each_case_is_found_and_shows_its_state(
    demo: tuple[ServiceContext, FixedClock], case: DemoCase
) -> None:
    ctx, _clock = demo
    api = _api(ctx)
    exhibits(api, case, _found(api, case))


def test_f4_is_refused_to_an_agent_and_done_by_a_clerk(
    demo: tuple[ServiceContext, FixedClock],
) -> None:
    ctx, _clock = demo
    case = next(c for c in CASES if c.faq == "F4")
    agent = _api(ctx)
    view = _found(agent, case)
    moussa = _member(view, "Moussa")
    with pytest.raises(ConsoleError):
        agent.remove_member(view.household_id, moussa, "Séparation", view.version)
    clerk = EmbeddedDemo(ctx).api_for(_actor(ctx, Role.CLERK, view.borough_id))
    _verify(clerk, view)
    clerk.remove_member(view.household_id, moussa, "Séparation", view.version)
    assert next(
        m for m in clerk.household_view(view.household_id).members if m.member_id == moussa
    ).removed


def _live_cases(ctx: ServiceContext) -> None:
    api = _api(ctx)
    for case in CASES:
        exhibits(api, case, _found(api, case))


def test_the_cases_outlive_their_deadlines_after_the_demo_refresh(
    demo: tuple[ServiceContext, FixedClock],
) -> None:
    ctx, clock = demo
    # A stranger's open cart: the real sweep must still lapse it.
    with ctx.db.read() as session:
        from sqlalchemy import select

        from console.db.models import Cart

        others = session.scalars(
            select(Cart.id).where(Cart.state == "open", Cart.owner_number > 100_010)
        ).all()
    assert others
    for hours in (1, 50, 24 * 9):  # past the holds, the checkout lock, the 48 h offer
        clock.set(NOW + timedelta(hours=hours))
        assert keep_demo_cases(ctx) > 0
        sweep(ctx)
        _live_cases(ctx)
    with ctx.db.read() as session:
        states = set(session.scalars(select(Cart.state).where(Cart.id.in_(others))).all())
    assert states == {"lapsed"}


def test_without_the_refresh_the_sweep_lapses_the_cases(
    demo: tuple[ServiceContext, FixedClock],
) -> None:
    """The refresh is what keeps them: left alone, the cases' carts lapse."""
    ctx, clock = demo
    clock.set(NOW + timedelta(hours=1))
    sweep(ctx)
    case = next(c for c in CASES if c.faq == "F7")
    api = _api(ctx)
    with pytest.raises(AssertionError):
        exhibits(api, case, _found(api, case))


def test_the_refresh_never_undoes_what_the_agent_did(
    demo: tuple[ServiceContext, FixedClock],
) -> None:
    ctx, clock = demo
    case = next(c for c in CASES if c.faq == "F7")
    api = _api(ctx)
    view = _found(api, case)
    cart = next(c for c in view.carts if c.live and c.state is CartState.OPEN)
    _verify(api, view)
    for item in cart.items:
        cart_after = api.remove_from_cart(cart.cart_id, item.item_id)
    assert not cart_after.items or all(i.state != "held" for i in cart_after.items)
    clock.set(NOW + timedelta(hours=1))
    keep_demo_cases(ctx)
    again = api.household_view(view.household_id)
    assert not any(
        i.state == "held" for c in again.carts if c.cart_id == cart.cart_id for i in c.items
    )


def test_the_simulated_site_leaves_the_cases_to_the_agent(
    demo: tuple[ServiceContext, FixedClock],
) -> None:
    ctx, _clock = demo
    with ctx.db.read() as session:
        from sqlalchemy import select

        from console.db.models import Household

        scripted = set(
            session.scalars(select(Household.id).where(Household.number <= 100_010)).all()
        )
    spared = {u.household_id for u in web_users(ctx, 1000, seed=3, spare_cases=True)}
    assert spared and not spared & scripted
    everyone = {u.household_id for u in web_users(ctx, 1000, seed=3)}
    assert everyone & scripted
