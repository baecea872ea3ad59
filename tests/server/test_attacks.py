"""The attack list, run against a real server: an agent holding only a session token.

A console that held the database credentials and the SIN key could unlock any account,
set a family's password hash, read a queued reset link and take the account over, decrypt
every social insurance number, confirm 15 registrations for 14 places, mark a payment
approved and write a supervisor's journal entry, at whatever time its clock said. Each
test first does the harm with the owner's credentials (``Site.sql``: it works, the
database alone does not stop it), then tries the same through the server as an agent,
with httpx and with ``RemoteApi``: refused, and the database is exactly as it was.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from console.client.remote import RemoteApi
from console.db.models import Base
from console.db.outbox_key import OutboxCipher
from console.domain.api import ConsoleApi, operations
from console.domain.cards import CardEntry
from console.domain.errors import Busy, Forbidden, Refused, VerificationRequired
from console.domain.views.audit import AuditFilters
from console.domain.views.verification import CallerAnswers
from console.domain.vocabulary import PaymentStatus, Role
from console.services.outbox import SECRET_MARK
from console.services.password_reset import (
    hash_password,
)
from tests.helpers.builders import (
    BuiltHousehold,
    make_activity,
    make_payment,
    make_waitlist_entry,
    verify_call,
)
from tests.helpers.secrets import TEST_OUTBOX_KEY, TEST_SIN_KEY
from tests.server.conftest import Site, Staffer, bearer, open_session

APPROVED_CARD = CardEntry("4242 4242 4242 4242", 12, 2031, "123")
DECLINED_CARD = CardEntry("4000 0000 0000 0002", 12, 2031, "123")
FUTURE_SEASON_END = datetime.now(UTC).date() + timedelta(days=120)
T = TypeVar("T")


# --- Helpers --------------------------------------------------------------------------


def snapshot(site: Site) -> dict[str, str]:
    """Every table's content as one digest (sessions aside: a request refreshes its own)."""
    digests = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "staff_session":
            continue
        ((digest,),) = site.sql(
            f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
            f' FROM "{table.name}" t'
        )
        digests[table.name] = digest
    return digests


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before if before[name] != after[name])


def post(http: httpx.Client, token: str, name: str, body: Any = None) -> httpx.Response:
    return http.post(
        f"/api/v1/{name}", json=body if body is not None else {}, headers=bearer(token)
    )


def status_and_code(answer: httpx.Response) -> tuple[int, str]:
    return answer.status_code, answer.json().get("code", "")


def database_now(site: Site) -> datetime:
    ((now,),) = site.sql("SELECT clock_timestamp()")
    assert isinstance(now, datetime)
    return now


def verified_by(api: ConsoleApi, built: BuiltHousehold) -> None:
    result = api.verify_caller(
        built.household_id,
        CallerAnswers(birth_date=built.responsible_birth_date, postal_code=built.postal_code),
    )
    assert result.passed


def account_row(site: Site, built: BuiltHousehold) -> tuple[Any, ...]:
    (row,) = site.sql(
        "SELECT locked_at, failed_login_count, password_hash FROM account WHERE id = :id",
        id=built.account_id,
    )
    return tuple(row)


def retried(work: Callable[[], T]) -> T:
    """A use case retried while the server says Busy (a lock wait ran out), as the
    desktop's task runner does."""
    for _attempt in range(20):
        try:
            return work()
        except Busy:
            time.sleep(0.05)
    return work()


# --- Claims in the request ------------------------------------------------------------


def test_a_request_naming_another_actor_role_or_time_is_refused_and_changes_nothing(
    site: Site, http: httpx.Client
) -> None:
    supervisor = site.staff(Role.SUPERVISOR)
    agent = site.staff(Role.AGENT)
    built = site.household(locked=True)
    token = open_session(http, agent.username)
    verified_by(site.remote(agent), built)
    before = snapshot(site)

    honest = {"household_id": built.household_id, "reason": "appel"}
    claims: list[dict[str, Any]] = [
        {"actor": {"staff_id": supervisor.actor.staff_id, "role": "supervisor"}},
        {"staff_id": supervisor.actor.staff_id},
        {"role": "supervisor"},
        {"username": supervisor.username},
        {"at": (datetime.now(UTC) + timedelta(minutes=21)).isoformat()},
        {"now": (datetime.now(UTC) - timedelta(days=1)).isoformat()},
        {"verified": True},
    ]
    for claim in claims:
        answer = post(http, token, "unlock_account", honest | claim)
        assert status_and_code(answer) == (400, "request_malformed"), claim
        assert "supervisor" not in answer.text
    # Headers are no place for an actor either: the agent stays an agent.
    for headers in (
        {"X-Staff-Id": str(supervisor.actor.staff_id)},
        {"X-Role": "supervisor"},
        {"X-Forwarded-User": supervisor.username},
    ):
        answer = http.post(
            "/api/v1/list_audit", json={"filters": {}}, headers=bearer(token) | headers
        )
        assert status_and_code(answer) == (403, "role_forbidden")
    assert changed(before, snapshot(site)) == []
    assert account_row(site, built)[0] is not None  # still locked

    # The same request without the claims is the agent's own, journaled as the agent.
    assert post(http, token, "unlock_account", honest).status_code == 200
    rows = site.sql("SELECT staff_id FROM audit_entry WHERE action = 'account_unlocked'")
    assert rows == [(agent.actor.staff_id,)]


def test_answers_that_claim_a_passed_verification_verify_nothing(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    built = site.household(locked=True)
    token = open_session(http, agent.username)
    wrong = {"birth_date": "1999-01-01", "postal_code": "H0H 0H0"}
    for claim in ({"passed": True}, {"verified_until": "2030-01-01T00:00:00+00:00"}):
        answer = post(
            http,
            token,
            "verify_caller",
            {"household_id": built.household_id, "answers": wrong | claim},
        )
        assert answer.status_code in (200, 400)
        if answer.status_code == 200:
            assert answer.json()["passed"] is False
    status = post(http, token, "verification_status", {"household_id": built.household_id})
    assert status.json()["verified_until"] is None
    answer = post(http, token, "unlock_account", {"household_id": built.household_id})
    assert status_and_code(answer) == (403, "caller_not_verified")


# --- Roles and caller verification ----------------------------------------------------


def test_an_agent_is_refused_every_supervisor_use_case_and_nothing_moves(
    site: Site, http: httpx.Client
) -> None:
    built = site.household()
    assert built.child_id is not None
    with site.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=0)
        first = make_waitlist_entry(session, built, built.child_id, activity)
        second = make_waitlist_entry(session, built, built.responsible_id, activity)
    agent_staff = site.staff(Role.AGENT)
    agent = site.remote(agent_staff)
    token = open_session(http, agent_staff.username)
    supervisor = site.remote(Role.SUPERVISOR)
    # The use cases answer a supervisor: the refusal below is the role, nothing else.
    assert [e.entry_id for e in supervisor.waitlist_review(activity.activity_id).entries] == [
        first,
        second,
    ]
    supervisor.list_audit(AuditFilters())
    before = snapshot(site)

    attempts: dict[str, Callable[[], object]] = {
        "list_audit": lambda: agent.list_audit(AuditFilters()),
        "audit_actions": agent.audit_actions,
        "move_entry": lambda: agent.move_entry(second, 1, "passe-droit"),
        "send_offer": lambda: agent.send_offer(second, "passe-droit"),
        "waitlist_review": lambda: agent.waitlist_review(activity.activity_id),
        "dashboard_figures": lambda: agent.dashboard_figures(None, None, 14),
        "filter_options": agent.filter_options,
        "file_accesses": lambda: agent.file_accesses(built.household_id),
        "count_failed_emails": agent.count_failed_emails,
        "requeue_failed_batch": agent.requeue_failed_batch,
    }
    for name, attempt in attempts.items():
        with pytest.raises(Forbidden) as refused:
            attempt()
        assert refused.value.code == "role_forbidden", name
        assert refused.value.params["role"] == "agent", name
    for name, body in (
        ("list_audit", {"filters": {}}),
        ("move_entry", {"entry_id": second, "new_rank": 1, "reason": "passe-droit"}),
        ("send_offer", {"entry_id": second, "reason": "passe-droit"}),
        ("dashboard_figures", {"borough_id": None, "season_id": None, "days": 14}),
    ):
        assert status_and_code(post(http, token, name, body)) == (403, "role_forbidden"), name
    assert changed(before, snapshot(site)) == []
    assert [e.entry_id for e in supervisor.waitlist_review(activity.activity_id).entries] == [
        first,
        second,
    ]


def test_unlock_without_caller_verification_is_refused_and_the_account_stays_locked(
    site: Site, http: httpx.Client
) -> None:
    target, elsewhere = site.household(locked=True), site.household(locked=True)
    # With the database's credentials, nothing asks who is calling.
    assert (
        site.sql(
            "UPDATE account SET locked_at = NULL, failed_login_count = 0 WHERE id = :id",
            id=elsewhere.account_id,
        )
        == 1
    )
    assert account_row(site, elsewhere)[0] is None

    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    token = open_session(http, agent.username)
    before = snapshot(site)
    with pytest.raises(VerificationRequired) as refused:
        api.unlock_account(target.household_id, "la cliente insiste")
    assert refused.value.code == "caller_not_verified"
    answer = post(http, token, "unlock_account", {"household_id": target.household_id})
    assert status_and_code(answer) == (403, "caller_not_verified")
    assert changed(before, snapshot(site)) == []
    locked_at, failures, _hash = account_row(site, target)
    assert locked_at is not None and failures == 5


# --- What no route offers -------------------------------------------------------------

# Words no route name may hold: raw access, secrets, and states only the services set.
FORBIDDEN_ROUTE_WORDS = {
    "sql", "execute", "exec", "raw", "query", "hash", "token", "sin", "key", "decrypt",
    "cipher", "secret", "insert", "update", "approve", "approved", "registration", "register",
    "journal", "record", "sweep", "lease", "relay", "outbox", "body", "link", "disable",
    "grant", "admin",
}  # fmt: skip
# The use cases that do open a secret, each for one record, behind a role, a verified
# caller and a journaled reason (proven refused to an agent below).
GUARDED_SECRET_ROUTES = {"reveal_sin": {"household_id": 0, "member_id": 0, "reason": "x"}}
# Fields no request or answer may carry.
FORBIDDEN_FIELDS = {
    "password", "password_hash", "token", "token_hash", "reset_token", "jeton", "link",
    "body", "sin", "sin_encrypted", "sin_key", "key", "ciphertext", "database_url", "dsn",
    "actor", "smtp_password",
}  # fmt: skip
GENERIC_ROUTES = (
    "/api/v1/execute", "/api/v1/sql", "/api/v1/query", "/api/v1/raw", "/api/v1/rpc",
    "/api/v1/graphql", "/api/v1/admin", "/api/v1/set_password", "/api/v1/account",
    "/api/v1/accounts/1", "/api/v1/password_hash", "/api/v1/reset_token",
    "/api/v1/outbox", "/api/v1/outbox_message", "/api/v1/decrypt_sin", "/api/v1/sin_key",
    "/api/v1/registration", "/api/v1/registrations", "/api/v1/payment",
    "/api/v1/payments/1/approve", "/api/v1/audit_entry", "/api/v1/record_audit",
    "/api/v1/sweep", "/api/v1/staff", "/api/v1/add_staff", "/api/v1/InProcessApi",
    "/api/v1/../health", "/api/v2/execute", "/docs", "/redoc", "/admin", "/sql",
)  # fmt: skip


def _property_names(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            found |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            found |= _property_names(value)
    return found


def test_no_route_serves_a_secret_or_writes_a_state_directly(
    site: Site, http: httpx.Client
) -> None:
    # With the database's credentials, another family's password is one statement away.
    family = site.household()
    chosen = hash_password("Choisi-par-un-autre-2026")
    assert (
        site.sql(
            "UPDATE account SET password_hash = :h WHERE id = :id", h=chosen, id=family.account_id
        )
        == 1
    )
    assert account_row(site, family)[2] == chosen

    document = http.get("/openapi.json").json()
    routes = {path.removeprefix("/api/v1/") for path in document["paths"]} - {
        "/health",
        "session",
    }
    assert routes == set(operations())
    for route in routes - set(GUARDED_SECRET_ROUTES):
        words = set(route.split("_"))
        assert not words & FORBIDDEN_ROUTE_WORDS, route
    fields = _property_names(document)
    assert fields, "the document describes its bodies"
    assert not fields & FORBIDDEN_FIELDS
    assert not {f for f in fields if re.search(r"hash|cipher|secret|jeton", f)}

    token = open_session(http, site.staff(Role.AGENT).username)
    before = snapshot(site)
    for path in GENERIC_ROUTES:
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            for headers in ({}, bearer(token)):
                answer = http.request(method, path, json={"sql": "SELECT 1"}, headers=headers)
                assert answer.status_code in (401, 404, 405), (method, path, answer.status_code)
    assert changed(before, snapshot(site)) == []


def test_the_desktops_side_holds_no_database_credentials_and_no_key(site: Site) -> None:
    api = site.remote(Role.AGENT)
    held = " ".join(repr(value) for value in vars(api).values())
    url = site.ctx.db.engine.url
    for secret in (TEST_SIN_KEY, url.render_as_string(hide_password=False), str(url.database)):
        assert secret not in held
    info = api.service_info()
    assert TEST_SIN_KEY not in repr(info) and str(url.database) not in repr(info)


def test_a_queued_reset_link_is_never_served_to_the_desktop(site: Site, http: httpx.Client) -> None:
    built = site.household()
    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    verified_by(site.remote(agent), built)

    served = [post(http, token, "send_password_reset", {"household_id": built.household_id})]
    assert served[0].status_code == 200
    for name in ("account_summary", "household_view", "family_file"):
        served.append(post(http, token, name, {"household_id": built.household_id}))
    served.append(post(http, token, "search_callers", {"query": built.email}))
    assert all(answer.status_code == 200 for answer in served)

    for answer in served:
        assert "jeton" not in answer.text
    ((outbox_id, body),) = site.sql(
        "SELECT id, body FROM outbox_message WHERE kind = 'password_reset' AND state = 'queued'"
    )
    # With the database's credentials alone the queued body holds no link at all: the
    # token waits sealed with the server's outbox key, beside a placeholder.
    assert re.search(r"jeton=([A-Za-z0-9_-]{20,})", body) is None
    assert SECRET_MARK in body
    # The live token (opened here with the server's key, as its relay would) was never
    # served to the desktop either.
    (sealed,) = site.sql("SELECT sealed_secret FROM outbox_message WHERE id = :id", id=outbox_id)
    link_token = OutboxCipher(TEST_OUTBOX_KEY).open(bytes(sealed[0]))
    assert len(link_token) >= 20
    for answer in served:
        assert link_token not in answer.text


def test_no_answer_carries_a_social_insurance_number_its_ciphertext_or_the_key(
    site: Site, http: httpx.Client
) -> None:
    built = site.household()
    sin = "046454286"
    encrypted = site.ctx.sin_cipher.encrypt(sin)
    site.sql(
        "UPDATE member SET sin_encrypted = :sin WHERE id = :id",
        sin=encrypted,
        id=built.responsible_id,
    )
    # With the key and the database, every number is one call away.
    ((stored,),) = site.sql(
        "SELECT sin_encrypted FROM member WHERE id = :id", id=built.responsible_id
    )
    assert site.ctx.sin_cipher.decrypt(bytes(stored)) == sin

    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    verified_by(site.remote(agent), built)
    served = [
        post(http, token, name, {"household_id": built.household_id})
        for name in ("household_view", "family_file", "account_summary")
    ]
    served.append(post(http, token, "search_callers", {"query": "Tremblay"}))
    served.append(post(http, token, "service_info"))
    assert all(answer.status_code == 200 for answer in served)
    view = served[0].json()
    assert any(m["has_sin"] for m in view["members"])  # the server knows there is one
    text = " ".join(answer.text for answer in served)
    for leak in (sin, "046 454 286", "046-454-286", encrypted.decode(), TEST_SIN_KEY):
        assert leak not in text
    # The one use case that opens a number is not the agent's.
    for name in GUARDED_SECRET_ROUTES:
        body = {"household_id": built.household_id, "member_id": built.responsible_id}
        answer = post(http, token, name, body | {"reason": "confirmer le relevé"})
        assert answer.status_code == (403 if name in operations() else 404), answer.text
        assert sin not in answer.text


# --- Places and payments --------------------------------------------------------------

CAPACITY = 14
RACERS = 15


def test_fifteen_agents_paying_for_fourteen_places_confirm_fourteen(site: Site) -> None:
    agents = [site.staff(Role.AGENT) for _ in range(RACERS)]
    families = [site.household(spouse=False) for _ in range(RACERS)]
    with site.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=CAPACITY)
        elsewhere = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=CAPACITY)
    for staffer, family in zip(agents, families, strict=True):
        verify_call(site.ctx, staffer.actor, family)

    # With the database's credentials, no service counts the places; the database does
    # (migration 0010): the fifteenth confirmed registration is refused at its commit.
    confirm_sql = (
        "INSERT INTO registration (member_id, activity_id, state, created_at)"
        " VALUES (:member, :activity, 'confirmed', now())"
    )
    for family in families[:CAPACITY]:
        site.sql(confirm_sql, member=family.responsible_id, activity=elsewhere.activity_id)
    with pytest.raises(IntegrityError, match="over capacity"):
        site.sql(
            confirm_sql, member=families[CAPACITY].responsible_id, activity=elsewhere.activity_id
        )
    confirmed_sql = (
        "SELECT count(*) FROM registration WHERE activity_id = :a AND state = 'confirmed'"
    )
    assert site.sql(confirmed_sql, a=elsewhere.activity_id) == [(CAPACITY,)]

    apis = [site.remote(staffer) for staffer in agents]
    start = threading.Barrier(RACERS)
    outcomes: dict[int, str] = {}
    failures: list[BaseException] = []

    def race(index: int, api: RemoteApi, family: BuiltHousehold) -> None:
        try:
            assert family.child_id is not None
            start.wait(timeout=30)
            added = retried(
                lambda: api.add_to_cart(
                    family.household_id, family.child_id or 0, activity.activity_id, None
                )
            )
            if added.cart is None:
                outcomes[index] = "waitlisted"
                return
            payer = api.payer_options(added.cart.cart_id).payers[0].member_id
            paid = retried(lambda: api.pay(added.cart.cart_id, APPROVED_CARD, payer))  # type: ignore[union-attr]
            outcomes[index] = paid.status.value
        except BaseException as error:  # reported below, with the thread's traceback
            failures.append(error)

    threads = [
        threading.Thread(target=race, args=(i, api, family))
        for i, (api, family) in enumerate(zip(apis, families, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if failures:
        raise failures[0]
    assert sorted(outcomes.values()).count("approved") == CAPACITY
    assert list(outcomes.values()).count("waitlisted") == RACERS - CAPACITY
    assert site.sql(confirmed_sql, a=activity.activity_id) == [(CAPACITY,)]
    ((waiting,),) = site.sql(
        "SELECT count(*) FROM waitlist_entry WHERE activity_id = :a AND state = 'waiting'",
        a=activity.activity_id,
    )
    assert waiting == RACERS - CAPACITY


def test_a_payment_cannot_be_marked_approved_from_the_desktop(
    site: Site, http: httpx.Client
) -> None:
    built, elsewhere = site.household(), site.household()
    with site.ctx.db.write() as session:
        activity = make_activity(session, season_ends_on=FUTURE_SEASON_END, capacity=3)
        other_payment = make_payment(session, elsewhere, status="refused")
    # With the database's credentials, a refused charge becomes an approved one.
    assert site.sql("UPDATE payment SET status = 'approved' WHERE id = :id", id=other_payment) == 1

    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    token = open_session(http, agent.username)
    verified_by(api, built)
    assert built.child_id is not None
    cart = api.add_to_cart(built.household_id, built.child_id, activity.activity_id, None).cart
    assert cart is not None
    payer = api.payer_options(cart.cart_id).payers[0].member_id
    refused = api.pay(cart.cart_id, DECLINED_CARD, payer)
    assert refused.status is PaymentStatus.REFUSED and not refused.registered

    before = snapshot(site)
    card = {"number": "4000000000000002", "exp_month": 12, "exp_year": 2031, "cvv": "123"}
    pay = {"cart_id": cart.cart_id, "card": card, "payer_member_id": payer}
    for claim in (
        {"status": "approved"},
        {"approved": True},
        {"authorization_code": "OK1234"},
        {"transaction_number": refused.transaction_number},
    ):
        assert status_and_code(post(http, token, "pay", pay | claim)) == (400, "request_malformed")
    assert changed(before, snapshot(site)) == []
    statuses = site.sql("SELECT status FROM payment WHERE cart_id = :c", c=cart.cart_id)
    assert statuses == [("refused",)]
    assert site.sql("SELECT count(*) FROM registration WHERE cart_id = :c", c=cart.cart_id) == [
        (0,)
    ]


# --- The journal and the clock --------------------------------------------------------


def test_a_journal_entry_names_the_session_staff_at_the_servers_time(
    site: Site, http: httpx.Client
) -> None:
    supervisor = site.staff(Role.SUPERVISOR)
    agent: Staffer = site.staff(Role.AGENT)
    built = site.household(locked=True)
    # With the database's credentials: a supervisor's entry, 21 minutes in the future.
    site.sql(
        "INSERT INTO audit_entry (at, staff_id, action, household_id, target, reason, details)"
        " VALUES (now() + interval '21 minutes', :staff, 'account_unlocked', :household,"
        " '', 'forgé', '{}')",
        staff=supervisor.actor.staff_id,
        household=built.household_id,
    )
    ((forged,),) = site.sql("SELECT max(id) FROM audit_entry")  # it worked; ours follow

    api = site.remote(agent)
    token = open_session(http, agent.username)
    fast = datetime.now(UTC) + timedelta(minutes=21)  # a console whose clock is 21 min fast
    call = api.start_call(built.household_id)
    verified_by(api, built)
    answer = http.post(
        "/api/v1/unlock_account",
        json={"household_id": built.household_id, "reason": "appel"},
        headers=bearer(token) | {"Date": fast.strftime("%a, %d %b %Y %H:%M:%S GMT")},
    )
    assert answer.status_code == 200
    note = api.end_call(built.household_id, "F1", fast, "Compte débloqué.")
    now = database_now(site)

    entries = site.sql(
        "SELECT staff_id, action, at FROM audit_entry WHERE id > :forged ORDER BY id",
        forged=forged,
    )
    assert {action for _s, action, _a in entries} >= {"account_unlocked", "call_ended"}
    for staff_id, action, at in entries:
        assert staff_id == agent.actor.staff_id, action
        assert abs((now - at).total_seconds()) < 2, (action, at, now)
    # The fast clock's start of the call is not taken: nothing is dated in the future.
    assert call.started_at <= note.started_at <= note.ended_at
    assert abs((note.ended_at - now).total_seconds()) < 2
    ((latest,),) = site.sql("SELECT max(at) FROM audit_entry WHERE id > :forged", forged=forged)
    assert latest <= database_now(site)


# --- Malformed requests ---------------------------------------------------------------


def test_input_the_services_cannot_take_is_refused_and_the_connection_keeps_serving(
    site: Site,
) -> None:
    """A time without a zone, an id beyond the database's integers, a NUL in a note: each
    is refused (a 4xx the desktop can word, not ``server_error``), and the next call is
    served (before the fix each was a 500, and the kept-alive connection was dropped)."""
    built = site.household()
    api = site.remote(Role.AGENT)
    naive = datetime.now(UTC).replace(tzinfo=None)
    attempts: list[tuple[Callable[[], object], set[str]]] = [
        (lambda: api.end_call(None, "F1", naive, ""), {"request_malformed"}),
        (lambda: api.household_view(2**40), {"request_malformed"}),
        (lambda: api.activity_places(-(2**63)), {"request_malformed"}),
        # The services may refuse it themselves, in their own words; the server does else.
        (
            lambda: api.end_call(None, "F1", datetime.now(UTC), "note\x00cachée"),
            {"request_malformed", "text_invalid"},
        ),
    ]
    for attempt, codes in attempts:
        with pytest.raises(Refused) as refused:
            attempt()
        assert refused.value.code in codes
        assert api.household_view(built.household_id).household_id == built.household_id
    assert site.sql("SELECT count(*) FROM call_note") == [(0,)]
