"""Staff sign in to the console server: passwords, lockout, sessions, administration."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import select, update

from console.config import Settings
from console.db.models import AuditEntry, Borough, Staff
from console.db.models import StaffSession as SessionRow
from console.domain.clock import FixedClock
from console.domain.errors import NotFound, Refused, Unauthenticated
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.staff_auth import (
    HASHER_PORT,
    add_staff,
    disable_staff,
    list_staff_accounts,
    resolve_session,
    set_password,
    sign_in,
    sign_out,
)
from tests.helpers.builders import make_staff

PASSWORD = "correct horse battery"
OTHER = "another long passphrase"


class CountingHasher(PasswordHasher):
    """The cheapest argon2id, counting verifications."""

    def __init__(self, **parameters: Any) -> None:
        cheap = dataclasses.asdict(profiles.CHEAPEST) | parameters
        super().__init__(
            time_cost=cheap["time_cost"],
            memory_cost=cheap["memory_cost"],
            parallelism=cheap["parallelism"],
            hash_len=cheap["hash_len"],
            salt_len=cheap["salt_len"],
            type=cheap["type"],
        )
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher(ctx: ServiceContext) -> CountingHasher:
    counting = CountingHasher()
    ctx.ports[HASHER_PORT] = counting
    return counting


@pytest.fixture
def agent(ctx: ServiceContext, hasher: CountingHasher) -> Actor:
    return add_staff(ctx, "mroy", Role.AGENT, "Mélanie Roy", PASSWORD)


def _settings(**changes: Any) -> Settings:
    return dataclasses.replace(Settings(database_url="sqlite://", embedded=True), **changes)


def _refusal(ctx: ServiceContext, username: str, password: str) -> tuple[str, dict[str, Any]]:
    with pytest.raises(Unauthenticated) as raised:
        sign_in(ctx, username, password)
    return raised.value.code, dict(raised.value.params)


def _journal(
    ctx: ServiceContext, prefix: str = "staff."
) -> list[tuple[str, int | None, dict[str, Any]]]:
    with ctx.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action.startswith(prefix)).order_by(AuditEntry.id)
        )
        return [(e.action, e.staff_id, json.loads(e.details)) for e in entries]


def _staff(ctx: ServiceContext, username: str) -> Staff:
    with ctx.db.read() as session:
        staff = session.scalars(select(Staff).where(Staff.username == username)).one()
        session.expunge(staff)
        return staff


def _sessions(ctx: ServiceContext) -> list[SessionRow]:
    with ctx.db.read() as session:
        rows = list(session.scalars(select(SessionRow).order_by(SessionRow.id)))
        session.expunge_all()
        return rows


# --- Passwords -------------------------------------------------------------------------


def test_the_right_password_opens_a_session_for_the_staff_member(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    opened = sign_in(ctx, "  MRoy ", PASSWORD)
    assert opened.actor == agent
    assert len(opened.token) >= 43  # 32 random bytes, URL-safe base64
    assert opened.expires_at == clock.now() + timedelta(hours=12)
    assert opened.idle_minutes == 30
    assert opened.token not in repr(opened)
    assert resolve_session(ctx, opened.token) == agent
    assert sign_in(ctx, "mroy", PASSWORD).token != opened.token
    action, staff_id, details = _journal(ctx)[-1]
    assert (action, staff_id) == ("staff.sign_in", agent.staff_id)
    assert PASSWORD not in json.dumps(details) and opened.token not in json.dumps(details)


def test_wrong_password_unknown_name_disabled_and_passwordless_get_one_refusal(
    ctx: ServiceContext, agent: Actor, hasher: CountingHasher
) -> None:
    with ctx.db.write() as session:
        make_staff(session, Role.AGENT, username="nopassword")
    add_staff(ctx, "gone", Role.AGENT, "Gilles Tremblay", PASSWORD)
    disable_staff(ctx, "gone")
    refusals = {
        "wrong password": _refusal(ctx, "mroy", "not the password"),
        "unknown name": _refusal(ctx, "nobody", PASSWORD),
        "not a name at all": _refusal(ctx, "' OR 1=1 --", PASSWORD),
        "no password": _refusal(ctx, "nopassword", PASSWORD),
        "disabled": _refusal(ctx, "gone", PASSWORD),
    }
    assert {name: refusal for name, refusal in refusals.items()} == dict.fromkeys(
        refusals, ("sign_in_refused", {})
    )
    failures = [entry for entry in _journal(ctx) if entry[0] == "staff.sign_in_failed"]
    assert [(f[1], f[2]["reason"]) for f in failures] == [
        (agent.staff_id, "wrong_password"),
        (None, "unknown_username"),
        (None, "unknown_username"),
        (_staff(ctx, "nopassword").id, "no_password"),
        (_staff(ctx, "gone").id, "disabled"),
    ]
    with ctx.db.read() as session:
        targets = session.scalars(
            select(AuditEntry.target).where(AuditEntry.action == "staff.sign_in_failed")
        ).all()
    assert "nobody" in targets
    assert PASSWORD not in json.dumps([f[2] for f in failures])


def test_an_unknown_name_costs_a_hash_verification_too(
    ctx: ServiceContext, agent: Actor, hasher: CountingHasher
) -> None:
    for username in ("mroy", "nobody"):
        hasher.verified = 0
        _refusal(ctx, username, "not the password")
        assert hasher.verified == 1, username


def test_a_hash_made_with_older_parameters_is_renewed_at_sign_in(
    ctx: ServiceContext, agent: Actor
) -> None:
    before = _staff(ctx, "mroy").password_hash
    assert before is not None and "t=1," in before
    ctx.ports[HASHER_PORT] = CountingHasher(time_cost=2)
    sign_in(ctx, "mroy", PASSWORD)
    after = _staff(ctx, "mroy").password_hash
    assert after is not None and "t=2," in after
    assert sign_in(ctx, "mroy", PASSWORD).actor == agent


# --- Lockout ---------------------------------------------------------------------------


def test_consecutive_failures_lock_the_account_for_a_while(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    ctx.settings = _settings(sign_in_max_failures=3, sign_in_lockout_minutes=15)
    assert _refusal(ctx, "mroy", "wrong 1")[0] == "sign_in_refused"
    assert _refusal(ctx, "mroy", "wrong 2")[0] == "sign_in_refused"
    until = clock.now() + timedelta(minutes=15)
    assert _refusal(ctx, "mroy", "wrong 3") == ("sign_in_locked", {"until": until})
    # Locked: even the right password is refused, and the refusal says until when.
    clock.advance(timedelta(minutes=14, seconds=59))
    assert _refusal(ctx, "mroy", PASSWORD) == ("sign_in_locked", {"until": until})
    assert list_staff_accounts(ctx)[0].locked_until == until
    clock.advance(timedelta(seconds=1))
    assert list_staff_accounts(ctx)[0].locked_until is None
    assert sign_in(ctx, "mroy", PASSWORD).actor == agent
    staff = _staff(ctx, "mroy")
    assert (staff.failed_sign_ins, staff.locked_until) == (0, None)
    actions = [action for action, _, _ in _journal(ctx)]
    assert actions.count("staff.locked") == 1
    assert actions[-3:] == ["staff.locked", "staff.sign_in_failed", "staff.sign_in"]
    locked = next(d for a, _, d in _journal(ctx) if a == "staff.locked")
    assert locked["locked_until"] == until.isoformat()


def test_a_success_starts_the_count_of_failures_again(ctx: ServiceContext, agent: Actor) -> None:
    ctx.settings = _settings(sign_in_max_failures=3)
    for _ in range(2):
        _refusal(ctx, "mroy", "wrong")
    sign_in(ctx, "mroy", PASSWORD)
    for _ in range(2):
        assert _refusal(ctx, "mroy", "wrong")[0] == "sign_in_refused"
    assert _staff(ctx, "mroy").failed_sign_ins == 2


def test_an_unknown_name_is_never_locked(ctx: ServiceContext, hasher: CountingHasher) -> None:
    ctx.settings = _settings(sign_in_max_failures=2)
    for _ in range(4):
        assert _refusal(ctx, "nobody", "wrong") == ("sign_in_refused", {})


# --- Sessions --------------------------------------------------------------------------


def test_a_session_ends_after_the_idle_timeout(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    token = sign_in(ctx, "mroy", PASSWORD).token
    for _ in range(3):  # each request pushes the idle deadline back
        clock.advance(timedelta(minutes=29))
        assert resolve_session(ctx, token) == agent
    clock.advance(timedelta(minutes=30))
    with pytest.raises(Unauthenticated, match="session_expired"):
        resolve_session(ctx, token)
    (row,) = _sessions(ctx)
    assert (row.ended_at, row.end_reason) == (clock.now(), "idle")
    with pytest.raises(Unauthenticated, match="session_invalid"):
        resolve_session(ctx, token)


def test_requests_close_together_write_the_last_request_once(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    token = sign_in(ctx, "mroy", PASSWORD).token
    opened_at = clock.now()
    clock.advance(timedelta(seconds=10))
    resolve_session(ctx, token)
    assert _sessions(ctx)[0].last_seen_at == opened_at
    clock.advance(timedelta(seconds=10))
    resolve_session(ctx, token)
    assert _sessions(ctx)[0].last_seen_at == clock.now()


def test_a_session_ends_at_its_lifetime_however_active(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    ctx.settings = _settings(session_lifetime_hours=2, session_idle_minutes=30)
    opened = sign_in(ctx, "mroy", PASSWORD)
    assert (opened.expires_at, opened.idle_minutes) == (clock.now() + timedelta(hours=2), 30)
    for _ in range(7):
        clock.advance(timedelta(minutes=17))
        resolve_session(ctx, opened.token)
    clock.set(opened.expires_at)
    with pytest.raises(Unauthenticated, match="session_expired"):
        resolve_session(ctx, opened.token)
    assert _sessions(ctx)[0].end_reason == "expired"


def test_sign_out_ends_the_session_at_once(ctx: ServiceContext, agent: Actor) -> None:
    first = sign_in(ctx, "mroy", PASSWORD).token
    second = sign_in(ctx, "mroy", PASSWORD).token
    sign_out(ctx, first)
    with pytest.raises(Unauthenticated, match="session_invalid"):
        resolve_session(ctx, first)
    assert resolve_session(ctx, second) == agent  # the other desktop stays signed in
    sign_out(ctx, first)  # twice: nothing more
    sign_out(ctx, "no such token")
    assert [a for a, _, _ in _journal(ctx)].count("staff.sign_out") == 1
    assert _journal(ctx)[-1][:2] == ("staff.sign_out", agent.staff_id)
    assert _sessions(ctx)[0].end_reason == "signed_out"


def test_unknown_and_malformed_tokens_are_invalid(ctx: ServiceContext, agent: Actor) -> None:
    for token in ("", "x" * 1000, "no such token"):
        with pytest.raises(Unauthenticated, match="session_invalid"):
            resolve_session(ctx, token)


def test_the_token_is_stored_only_as_its_hash(ctx: ServiceContext, agent: Actor) -> None:
    token = sign_in(ctx, "mroy", PASSWORD).token
    with ctx.db.read() as session:
        (row,) = session.execute(select(SessionRow.__table__)).all()
        values = [str(value) for value in row]
        assert hashlib.sha256(token.encode()).hexdigest() in values
        assert not any(token in value for value in values)
        journal = " ".join(f"{e.target} {e.details}" for e in session.scalars(select(AuditEntry)))
        assert token not in journal


def test_a_change_of_role_takes_effect_on_the_next_request(
    ctx: ServiceContext, agent: Actor
) -> None:
    token = sign_in(ctx, "mroy", PASSWORD).token
    with ctx.db.write() as session:
        session.execute(update(Staff).where(Staff.id == agent.staff_id).values(role="supervisor"))
    assert resolve_session(ctx, token).role is Role.SUPERVISOR


def test_a_session_of_a_staff_member_disabled_behind_our_back_is_refused(
    ctx: ServiceContext, agent: Actor
) -> None:
    token = sign_in(ctx, "mroy", PASSWORD).token
    with ctx.db.write() as session:
        session.execute(update(Staff).where(Staff.id == agent.staff_id).values(active=False))
    with pytest.raises(Unauthenticated, match="session_invalid"):
        resolve_session(ctx, token)


# --- Administration --------------------------------------------------------------------


def test_disabling_ends_every_session_at_once(ctx: ServiceContext, agent: Actor) -> None:
    tokens = [sign_in(ctx, "mroy", PASSWORD).token for _ in range(3)]
    sign_out(ctx, tokens[0])
    assert disable_staff(ctx, "mroy") == 2
    for token in tokens:
        with pytest.raises(Unauthenticated, match="session_invalid"):
            resolve_session(ctx, token)
    assert _refusal(ctx, "mroy", PASSWORD) == ("sign_in_refused", {})
    assert [r.end_reason for r in _sessions(ctx)] == [
        "signed_out",
        "staff_disabled",
        "staff_disabled",
    ]
    entry = next(e for e in _journal(ctx) if e[0] == "staff.disabled")
    assert entry[1] is None and entry[2]["sessions_ended"] == 2
    assert not _staff(ctx, "mroy").active
    with pytest.raises(NotFound, match="staff_not_found"):
        disable_staff(ctx, "nobody")


def test_a_new_password_ends_the_sessions_and_clears_the_lockout(
    ctx: ServiceContext, agent: Actor, clock: FixedClock
) -> None:
    ctx.settings = _settings(sign_in_max_failures=2)
    token = sign_in(ctx, "mroy", PASSWORD).token
    for _ in range(2):
        _refusal(ctx, "mroy", "wrong")
    clock.advance(timedelta(minutes=1))
    assert set_password(ctx, "MRoy", OTHER) == 1
    with pytest.raises(Unauthenticated, match="session_invalid"):
        resolve_session(ctx, token)
    assert _refusal(ctx, "mroy", PASSWORD)[0] == "sign_in_refused"
    assert sign_in(ctx, "mroy", OTHER).actor == agent
    staff = _staff(ctx, "mroy")
    assert staff.password_changed_at == clock.now()
    assert staff.password_hash is not None and OTHER not in staff.password_hash
    entry = next(e for e in _journal(ctx) if e[0] == "staff.password_set")
    assert entry[1] is None and entry[2]["sessions_ended"] == 1
    with pytest.raises(Refused, match="staff_password_too_short"):
        set_password(ctx, "mroy", "short")
    with pytest.raises(NotFound, match="staff_not_found"):
        set_password(ctx, "nobody", OTHER)


def test_adding_staff_checks_what_it_is_given(ctx: ServiceContext, hasher: CountingHasher) -> None:
    with ctx.db.write() as session:
        session.add(Borough(code="CL", name="La Cité-Limoilou"))
    cases: list[tuple[str, dict[str, Any]]] = [
        ("staff_password_too_short", {"password": "eleven char"}),
        ("staff_password_too_long", {"password": "x" * 1025}),
        ("clerk_needs_borough", {"role": Role.CLERK}),
        ("staff_username_invalid", {"username": "Marie Côté"}),
        ("staff_role_invalid", {"role": "boss"}),
        ("staff_name_required", {"display_name": "   "}),
    ]
    base: dict[str, Any] = {
        "username": "ecote",
        "role": Role.AGENT,
        "display_name": "Éric Côté",
        "password": PASSWORD,
    }
    for code, change in cases:
        with pytest.raises(Refused, match=code):
            add_staff(ctx, **(base | change))
    with pytest.raises(NotFound, match="borough_not_found"):
        add_staff(ctx, **(base | {"role": Role.CLERK, "borough_code": "XX"}))
    clerk = add_staff(ctx, **(base | {"role": "clerk", "borough_code": " cl "}))
    assert (clerk.role, clerk.borough_name) == (Role.CLERK, "La Cité-Limoilou")
    with pytest.raises(Refused, match="staff_username_taken"):
        add_staff(ctx, **(base | {"username": "ECote"}))
    entries = _journal(ctx)
    assert [(a, s) for a, s, _ in entries] == [("staff.added", None)]
    assert entries[0][2]["role"] == "clerk" and PASSWORD not in json.dumps(entries[0][2])


def test_the_list_of_accounts(ctx: ServiceContext, agent: Actor, clock: FixedClock) -> None:
    with ctx.db.write() as session:
        session.add(Borough(code="BE", name="Beauport"))
        make_staff(session, Role.SUPERVISOR, username="sbelanger", display_name="Sophie B.")
    add_staff(ctx, "rgelinas", Role.CLERK, "Robert Gélinas", PASSWORD, "BE")
    disable_staff(ctx, "rgelinas")
    sign_in(ctx, "mroy", PASSWORD)
    clock.advance(timedelta(hours=1))
    sign_in(ctx, "mroy", PASSWORD)
    accounts = {a.username: a for a in list_staff_accounts(ctx)}
    assert list(accounts) == ["mroy", "sbelanger", "rgelinas"]
    mroy, sbelanger, rgelinas = accounts.values()
    assert (mroy.role, mroy.active, mroy.has_password) == (Role.AGENT, True, True)
    assert mroy.last_sign_in_at == clock.now()
    assert mroy.last_sign_in_at is not None and mroy.last_sign_in_at.tzinfo is not None
    assert (sbelanger.has_password, sbelanger.last_sign_in_at) == (False, None)
    assert (rgelinas.active, rgelinas.borough_code, rgelinas.borough_name) == (
        False,
        "BE",
        "Beauport",
    )
