"""The same calls, the same answers, in-process (SQLite, PostgreSQL) and through the server."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from console.db.models import Activity
from console.domain.ages import age_on
from console.domain.cards import CardEntry
from console.domain.errors import Forbidden, NotFound, Refused, StaleData, VerificationRequired
from console.domain.views.audit import AuditFilters
from console.domain.views.households import HouseholdView
from console.domain.views.search import SearchResult
from console.domain.views.verification import CallerAnswers
from console.domain.vocabulary import Language, PaymentStatus, Relationship, Role
from console.services.quebec_time import local_date
from tests.contract.conftest import Backend
from tests.helpers.builders import BuiltHousehold, make_activity, make_household

FUTURE_SEASON_END = date.today() + timedelta(days=120)


def household(backend: Backend, **kwargs: object) -> BuiltHousehold:
    with backend.ctx.db.write() as session:
        return make_household(session, **kwargs)  # type: ignore[arg-type]


def verified(api: object, built: BuiltHousehold) -> None:
    result = api.verify_caller(  # type: ignore[attr-defined]
        built.household_id,
        CallerAnswers(birth_date=built.responsible_birth_date, postal_code=built.postal_code),
    )
    assert result.passed
    assert result.verified_until is not None and result.verified_until.tzinfo is not None


def test_search_then_the_whole_family_file_with_its_types(backend: Backend) -> None:
    built = household(backend, last_name="Lévesque", email="levesque@exemple.ca")
    agent = backend.api_as(Role.AGENT)

    found = agent.search_callers("levesque@exemple.ca")
    assert isinstance(found, SearchResult)
    assert [hit.household_id for hit in found.hits] == [built.household_id]

    view = agent.household_view(built.household_id)
    assert isinstance(view, HouseholdView)
    assert view.household_id == built.household_id
    assert {m.relationship for m in view.members} == {
        Relationship.RESPONSIBLE,
        Relationship.SPOUSE,
        Relationship.CHILD,
    }
    assert all(isinstance(m.birth_date, date) for m in view.members)
    assert view.account.email == "levesque@exemple.ca"


def test_unlock_needs_a_verified_caller_then_is_journaled_as_the_session_staff(
    backend: Backend,
) -> None:
    built = household(backend, locked=True)
    agent = backend.api_as(Role.AGENT)
    with pytest.raises(VerificationRequired) as refused:
        agent.unlock_account(built.household_id, "appel")
    assert refused.value.code == "caller_not_verified"
    assert refused.value.params == {"household_id": built.household_id}

    verified(agent, built)
    queued = agent.unlock_account(built.household_id, "appel")
    assert queued.to_address == built.email
    assert agent.account_summary(built.household_id).locked is False

    supervisor = backend.api_as(Role.SUPERVISOR)
    entries = supervisor.list_audit(AuditFilters(household_number=built.number))
    unlocks = [e for e in entries if e.action == "account_unlocked"]
    assert [e.staff_name for e in unlocks] == [agent.actor.display_name]
    assert unlocks[0].at.tzinfo is not None


def test_an_agent_cannot_remove_a_member_and_gets_the_same_refusal(backend: Backend) -> None:
    built = household(backend)
    agent = backend.api_as(Role.AGENT)
    verified(agent, built)
    assert built.child_id is not None
    with pytest.raises(Forbidden) as refused:
        agent.remove_member(built.household_id, built.child_id, "départ", built.version)
    assert refused.value.code == "role_forbidden"
    assert refused.value.params["role"] == "agent"


def test_a_stale_version_is_refused_as_stale(backend: Backend) -> None:
    built = household(backend)
    agent = backend.api_as(Role.AGENT)
    verified(agent, built)
    assert built.spouse_id is not None
    agent.change_relationship(
        built.household_id, built.spouse_id, Relationship.OTHER, "appel", built.version
    )
    with pytest.raises(StaleData):
        agent.change_relationship(
            built.household_id, built.spouse_id, Relationship.SPOUSE, "appel", built.version
        )


def test_an_unknown_household_is_not_found(backend: Backend) -> None:
    agent = backend.api_as(Role.AGENT)
    with pytest.raises(NotFound) as missing:
        agent.household_view(987_654)
    assert missing.value.code == "household_not_found"


def test_register_pay_by_phone_and_reprint_the_receipt(backend: Backend) -> None:
    built = household(backend)
    with backend.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=3)
    agent = backend.api_as(Role.AGENT)
    verified(agent, built)
    assert built.child_id is not None

    places = agent.activity_places(activity.activity_id)
    assert places.activity_id == activity.activity_id
    added = agent.add_to_cart(built.household_id, built.child_id, activity.activity_id, None)
    cart = added.cart
    assert cart is not None
    assert cart.hold_expires_at is not None and cart.hold_expires_at.tzinfo is not None
    assert agent.activity_places(activity.activity_id).real_remaining == 2

    options = agent.payer_options(cart.cart_id)
    payer = options.payers[0].member_id
    refused = agent.pay(cart.cart_id, CardEntry("4000 0000 0000 0002", 12, 2031, "123"), payer)
    assert refused.status is PaymentStatus.REFUSED
    assert refused.registered is False
    paid = agent.pay(cart.cart_id, CardEntry("4242-4242-4242-4242", 12, 2031, "123"), payer)
    assert paid.status is PaymentStatus.APPROVED
    assert paid.card_last4 == "4242"
    assert paid.receipt_number is not None

    document = agent.receipt_document(cart.number, cart.owner_number, Language.FR)
    assert document.pdf.startswith(b"%PDF-")
    assert document.receipt_number == paid.receipt_number


def test_supervision_is_refused_to_an_agent(backend: Backend) -> None:
    agent = backend.api_as(Role.AGENT)
    with pytest.raises(Forbidden):
        agent.list_audit(AuditFilters())
    with pytest.raises(Forbidden):
        agent.dashboard_figures(None, None, 14)


def test_each_family_file_opened_is_recorded_for_supervisors(backend: Backend) -> None:
    built = household(backend)
    agent = backend.api_as(Role.AGENT)
    agent.household_view(built.household_id)
    supervisor = backend.api_as(Role.SUPERVISOR)
    accesses = supervisor.file_accesses(built.household_id)
    assert [a.staff_name for a in accesses] == [agent.actor.display_name]
    with pytest.raises(Forbidden):
        agent.file_accesses(built.household_id)


def test_a_call_note_carries_the_actions_of_the_call(backend: Backend) -> None:
    built = household(backend, locked=True)
    agent = backend.api_as(Role.AGENT)
    call = agent.start_call(built.household_id)
    assert isinstance(call.started_at, datetime)
    verified(agent, built)
    agent.unlock_account(built.household_id, "")
    note = agent.end_call(built.household_id, "F1", call.started_at, "Compte débloqué.")
    assert note.reason == "F1"
    assert "account_unlocked" in note.actions


def test_a_rule_refusal_keeps_its_reasons(backend: Backend) -> None:
    agent = backend.api_as(Role.AGENT)
    with pytest.raises(Refused) as refused:
        agent.check_address("pas une adresse")
    assert refused.value.code == "email_malformed"


def test_every_read_of_a_family_file_is_recorded_once_per_look(backend: Backend) -> None:
    """Seen in review: only the household view was recorded; reading the family file, its
    account or a cart's payers left no trace."""
    built, other = household(backend), household(backend)
    agent = backend.api_as(Role.AGENT)
    agent.family_file(built.household_id)
    agent.account_summary(built.household_id)
    agent.household_view(built.household_id)  # the same look: no second entry
    assert built.child_id is not None
    with backend.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END)
    agent.what_holds(other.responsible_id, activity.activity_id)
    supervisor = backend.api_as(Role.SUPERVISOR)
    assert [a.staff_name for a in supervisor.file_accesses(built.household_id)] == [
        agent.actor.display_name
    ]
    assert [a.staff_name for a in supervisor.file_accesses(other.household_id)] == [
        agent.actor.display_name
    ]


def _ages(backend: Backend, activity_id: int, age_min: int | None, age_max: int | None) -> None:
    with backend.ctx.db.write() as session:
        row = session.get(Activity, activity_id)
        assert row is not None
        row.age_min, row.age_max = age_min, age_max


def test_a_member_outside_the_ages_is_refused_with_age_and_bounds(backend: Backend) -> None:
    built = household(backend)
    with backend.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=3)
    _ages(backend, activity.activity_id, 3, 5)
    agent = backend.api_as(Role.AGENT)
    verified(agent, built)
    assert built.child_id is not None
    (found,) = [a for a in agent.find_activities(activity.code) if a.code == activity.code]
    assert (found.age_min, found.age_max) == (3, 5)
    with pytest.raises(Refused) as refused:
        agent.add_to_cart(built.household_id, built.child_id, activity.activity_id, None)
    age = age_on(date(2016, 9, 1), local_date(datetime.now().astimezone()))
    assert refused.value.code == "age_out_of_range"
    assert refused.value.params == {"age": age, "min": 3, "max": 5}


def test_one_cart_per_call_and_a_live_offer_accepted_by_phone(backend: Backend) -> None:
    built = household(backend)
    with backend.ctx.db.write() as session:
        full = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=1)
        other = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=3)
    agent = backend.api_as(Role.AGENT)
    verified(agent, built)
    assert built.child_id is not None and built.spouse_id is not None
    cart = agent.add_to_cart(built.household_id, built.child_id, full.activity_id, None).cart
    assert cart is not None
    waiting = agent.add_to_cart(built.household_id, built.spouse_id, full.activity_id, None)
    assert not waiting.held and waiting.waitlist_entry_id is not None
    (line,) = backend.api_as(Role.SUPERVISOR).waitlist_review(full.activity_id).entries
    assert line.relationship is Relationship.SPOUSE and line.household_number == built.number
    again = agent.add_to_cart(built.household_id, built.responsible_id, other.activity_id, None)
    assert again.cart is not None and again.cart.cart_id == cart.cart_id  # the same cart
    agent.remove_from_cart(cart.cart_id, cart.items[0].item_id)  # frees → offered
    with pytest.raises(Refused) as refused:
        agent.add_to_cart(built.household_id, built.spouse_id, full.activity_id, None)
    assert refused.value.code == "offer_waiting"
    assert refused.value.params["entry_id"] == waiting.waitlist_entry_id
    accepted = agent.accept_offer(waiting.waitlist_entry_id, None)
    assert accepted.cart_id == cart.cart_id
    assert {line.activity_id for line in accepted.held} == {full.activity_id, other.activity_id}
