"""Every service entry point that takes text: a clear answer, never a driver exception.

Hypothesis types anything into each text field — NUL, lone surrogates, control
characters, quotes and wildcards, five thousand characters — on SQLite and PostgreSQL.
Each call either succeeds or raises a :class:`ConsoleError`; a refusal of the text
itself (``text_invalid``, ``text_too_long``) writes nothing, and no refusal writes a
journal entry or a call note (the failed sign-in, journaled by design, aside).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher, profiles
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from console.db.models import (
    Account,
    AuditEntry,
    CallNote,
    Household,
    OutboxMessage,
    PasswordResetToken,
    Staff,
)
from console.domain.errors import ConsoleError, Refused, Unauthenticated
from console.domain.text import (
    NOTE_MAX,
    QUERY_MAX,
    REASON_MAX,
    clean_text,
    printable,
)
from console.domain.views.audit import AuditFilters
from console.domain.views.holds import HoldKind
from console.domain.views.verification import CallerAnswers
from console.domain.vocabulary import Relationship, Role
from console.services import (
    accounts,
    audit,
    calls,
    cart_release,
    carts,
    checkout,
    family,
    holds,
    password_reset,
    places,
    search,
    staff,
    staff_auth,
    verification,
    waitlist_admin,
)
from console.services.context import ServiceContext
from console.services.gateway import PORT_NAME
from console.services.sandbox_gateway import SandboxGateway
from console.services.staff import Actor
from tests.helpers.place_data import Family, make_activity, make_family, make_staff, verify

PASSWORD = "Mot-de-passe-2026!"  # a staff password the rules accept
RESET_TOKEN = "jeton-de-reinitialisation-connu"

# What a person (or a script) could type: Hypothesis's own mix of text, text built from
# the characters that break drivers, and text around the length limits.
NASTY = st.sampled_from(
    [
        "\x00",
        "\ud800",
        "\udfff",
        "\x01",
        "\x08",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9f",
        "\r",
        "\n",
        "\t",
        "\u2028",
        "\ufeff",
        "\U0001f600",
        "é",
        "'",
        '"',
        "%",
        "_",
        "\\",
        ";",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(NASTY, st.text(max_size=6)), max_size=12).map("".join),
    st.sampled_from([QUERY_MAX, REASON_MAX, NOTE_MAX]).flatmap(
        lambda limit: st.integers(limit - 1, limit + 2).map(lambda n: "é" * n)
    ),
    st.just("x" * 5000),
)
TEXT_REFUSALS = {"text_invalid", "text_too_long"}


@dataclass
class World:
    ctx: ServiceContext
    agent: Actor
    clerk: Actor
    supervisor: Actor
    family: Family
    cart_id: int  # locked at checkout
    item_cart_id: int  # open, one held item
    waiting: tuple[int, int]  # two waitlist entries


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    ctx.ports[PORT_NAME] = SandboxGateway()
    ctx.ports[staff_auth.HASHER_PORT] = PasswordHasher.from_parameters(profiles.CHEAPEST)
    agent, clerk, supervisor = (
        make_staff(ctx, r) for r in (Role.AGENT, Role.CLERK, Role.SUPERVISOR)
    )
    fam = make_family(ctx, children=3, verified_by=agent)
    for who in (clerk, supervisor):
        verify(ctx, who, fam.household_id)
    staff_auth.set_password(ctx, agent.username, PASSWORD)
    activity = make_activity(ctx, capacity=3)
    locked = carts.add_to_cart(ctx, agent, fam.household_id, fam.child_ids[0], activity)
    assert locked.cart is not None
    checkout.start_checkout(ctx, agent, locked.cart.cart_id, fam.parent_id)
    other = make_family(ctx, children=1, verified_by=agent)
    held = carts.add_to_cart(ctx, agent, other.household_id, other.child_ids[0], activity)
    assert held.cart is not None
    full = make_activity(ctx, capacity=0)
    waiting = tuple(
        carts.add_to_cart(ctx, agent, fam.household_id, child, full).waitlist_entry_id
        for child in fam.child_ids[1:]
    )
    now = ctx.clock.now()
    with ctx.db.write() as s:
        account = s.scalars(
            select(Account).join(Household).where(Household.id == fam.household_id)
        ).one()
        account.locked_at = now
        s.add(
            PasswordResetToken(
                account_id=account.id,
                token_hash=hashlib.sha256(RESET_TOKEN.encode()).hexdigest(),
                created_at=now,
                expires_at=now + timedelta(hours=1),
            )
        )
    assert all(isinstance(e, int) for e in waiting)
    return World(
        ctx, agent, clerk, supervisor, fam, locked.cart.cart_id, held.cart.cart_id, waiting
    )  # type: ignore[arg-type]


def _version(w: World) -> int:
    with w.ctx.db.read() as s:
        return int(s.scalar(select(Household.version).where(Household.id == w.family.household_id)))


def _held_item(w: World) -> int:
    summary = carts.cart_summary(w.ctx, w.item_cart_id)
    return summary.items[0].item_id


# One call per text field of every entry point; each takes the world and the text.
ENTRY_POINTS: dict[str, Callable[[World, str], Any]] = {
    "search_callers": lambda w, t: search.search_callers(w.ctx, t),
    "find_activities": lambda w, t: places.find_activities(w.ctx, t),
    "check_address": lambda w, t: accounts.check_address(w.ctx, w.agent, t),
    "unlock_account": lambda w, t: accounts.unlock_account(
        w.ctx, w.agent, w.family.household_id, reason=t
    ),
    "send_password_reset": lambda w, t: accounts.send_password_reset(
        w.ctx, w.agent, w.family.household_id, reason=t
    ),
    "resend_confirmation": lambda w, t: accounts.resend_confirmation(
        w.ctx, w.agent, w.family.household_id, reason=t
    ),
    "change_relationship": lambda w, t: family.change_relationship(
        w.ctx,
        w.agent,
        w.family.household_id,
        w.family.child_ids[0],
        Relationship.OTHER,
        reason=t,
        seen_version=_version(w),
    ),
    "remove_member": lambda w, t: family.remove_member(
        w.ctx,
        w.clerk,
        w.family.household_id,
        w.family.child_ids[0],
        reason=t,
        seen_version=_version(w),
    ),
    "end_call.note": lambda w, t: calls.end_call(
        w.ctx, w.agent, w.family.household_id, "F1", w.ctx.clock.now(), t
    ),
    "end_call.reason": lambda w, t: calls.end_call(
        w.ctx, w.agent, w.family.household_id, t, w.ctx.clock.now(), ""
    ),
    "release_stale_hold": lambda w, t: holds.release_stale_hold(
        w.ctx, w.agent, HoldKind.CART_ITEM, _held_item(w), t
    ),
    "release_locked_cart": lambda w, t: cart_release.release_locked_cart(
        w.ctx, w.agent, w.cart_id, t
    ),
    "move_entry": lambda w, t: waitlist_admin.move_entry(w.ctx, w.supervisor, w.waiting[1], 1, t),
    "send_offer": lambda w, t: waitlist_admin.send_offer(w.ctx, w.supervisor, w.waiting[0], t),
    "verify_caller.postal_code": lambda w, t: verification.verify_caller(
        w.ctx,
        w.agent,
        w.family.household_id,
        CallerAnswers(birth_date=date(1985, 5, 1), postal_code=t),
    ),
    "verify_caller.household_number": lambda w, t: verification.verify_caller(
        w.ctx,
        w.agent,
        w.family.household_id,
        CallerAnswers(birth_date=date(1985, 5, 1), household_number=t),
    ),
    "list_audit": lambda w, t: audit.list_audit(w.ctx, w.supervisor, AuditFilters(action=t)),
    "actor_for_username": lambda w, t: staff.actor_for_username(w.ctx, t),
    "sign_in.username": lambda w, t: staff_auth.sign_in(w.ctx, t, PASSWORD),
    "sign_in.password": lambda w, t: staff_auth.sign_in(w.ctx, w.agent.username, t),
    "resolve_session": lambda w, t: staff_auth.resolve_session(w.ctx, t),
    "sign_out": lambda w, t: staff_auth.sign_out(w.ctx, t),
    "add_staff.username": lambda w, t: staff_auth.add_staff(w.ctx, t, "agent", "Nom", PASSWORD),
    "add_staff.role": lambda w, t: staff_auth.add_staff(w.ctx, "nouveau", t, "Nom", PASSWORD),
    "add_staff.display_name": lambda w, t: staff_auth.add_staff(
        w.ctx, f"agent-{len(t)}-{abs(hash(t)) % 10**6}", "agent", t, PASSWORD
    ),
    "add_staff.password": lambda w, t: staff_auth.add_staff(
        w.ctx, f"agent-p{abs(hash(t)) % 10**6}", "agent", "Nom", t
    ),
    "add_staff.borough": lambda w, t: staff_auth.add_staff(
        w.ctx, f"commis-{abs(hash(t)) % 10**6}", "clerk", "Nom", PASSWORD, t
    ),
    "disable_staff": lambda w, t: staff_auth.disable_staff(w.ctx, t),
    "set_password.username": lambda w, t: staff_auth.set_password(w.ctx, t, PASSWORD),
    "set_password.password": lambda w, t: staff_auth.set_password(w.ctx, w.clerk.username, t),
    "consume_reset_token.token": lambda w, t: password_reset.consume_reset_token(
        w.ctx, t, "Nouveau-2026"
    ),
    "consume_reset_token.password": lambda w, t: password_reset.consume_reset_token(
        w.ctx, RESET_TOKEN, t
    ),
}
# Their refusals are journaled on purpose: a failed sign-in, a refused release.
JOURNALED_REFUSALS = {"sign_in.username", "sign_in.password"}


def _written(ctx: ServiceContext) -> tuple[int, ...]:
    with ctx.db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(table)) or 0)
            for table in (AuditEntry, CallNote, OutboxMessage, Staff)
        )


@pytest.mark.parametrize("entry_point", sorted(ENTRY_POINTS))
def test_any_text_gets_a_clear_answer_and_a_refusal_writes_nothing(world, entry_point):
    call = ENTRY_POINTS[entry_point]

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(text=TEXT)
    @example(text="a\x00b")  # first, before any success changes the world
    @example(text="demi\ud800")
    @example(text="\x1b[31mrouge")
    @example(text="é" * 5000)
    def attempt(text: str) -> None:
        before = _written(world.ctx)
        try:
            call(world, text)
        except ConsoleError as error:
            after = _written(world.ctx)
            if error.code in TEXT_REFUSALS:
                assert after == before, f"{error.code} wrote something"
            elif entry_point not in JOURNALED_REFUSALS:
                assert after[:2] == before[:2], f"{error.code} wrote a journal entry or note"
        # Anything else (a driver error, UnicodeEncodeError, …) fails the test.

    attempt()


def test_the_refused_text_is_the_issue_s_five_million_character_reason(world):
    with pytest.raises(Refused) as refused:
        cart_release.release_locked_cart(world.ctx, world.agent, world.cart_id, "x" * 5_000_000)
    assert (refused.value.code, refused.value.params) == (
        "text_too_long",
        {"field": "reason", "max": REASON_MAX},
    )


@pytest.mark.parametrize(
    ("value", "multiline", "code"),
    [
        ("Tremblay", False, None),
        ("ligne 1\nligne 2\tfin", True, None),
        ("ligne 1\nligne 2", False, "text_invalid"),
        ("nul\x00", True, "text_invalid"),
        ("demi\ud800", True, "text_invalid"),
        ("retour\r\n", True, "text_invalid"),
        ("échap\x1b[31m", True, "text_invalid"),
        ("c1\x85", True, "text_invalid"),
        ("del\x7f", True, "text_invalid"),
        ("émoji 😀 et espace insécable\u00a0", False, None),
        ("x" * 11, False, "text_too_long"),
    ],
)
def test_clean_text_rules(value, multiline, code):
    limit = 10 if code == "text_too_long" else 99
    if code is None:
        assert clean_text(value, field="f", max_length=limit, multiline=multiline) == value
        return
    with pytest.raises(Refused) as refused:
        clean_text(value, field="f", max_length=limit, multiline=multiline)
    assert refused.value.code == code and refused.value.params["field"] == "f"


def test_printable_keeps_what_can_be_stored():
    assert printable("a\x00b\ud800c\n", 10) == "a\ufffdb\ufffdc\ufffd"
    assert printable("x" * 100, 5) == "xxxxx"


def test_a_failed_sign_in_with_a_nul_is_journaled_legibly(world):
    with pytest.raises(Unauthenticated):
        staff_auth.sign_in(world.ctx, "admin\x00", PASSWORD)
    with world.ctx.db.read() as s:
        target = s.scalars(
            select(AuditEntry.target).where(AuditEntry.action == "staff.sign_in_failed")
        ).all()[-1]
    assert target == "admin\ufffd"
