"""Revealing a social insurance number: clerks of the household's borough office and
supervisors, a verified caller and a reason, journaled without the number; everyone
else sees "*** *** 286", read from the row without opening the number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from console.db.models import AuditEntry, Member
from console.db.sin import SinCipher
from console.domain.errors import Forbidden, NotFound, Refused, VerificationRequired
from console.domain.sin import REVEAL_SECONDS
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.services.households import household_view
from console.services.sin_reveal import reveal_sin
from console.services.staff import Actor
from tests.helpers.builders import BuiltHousehold, make_household, make_staff, verify_call
from tests.helpers.snapshots import snapshot

SIN = "046454286"


@pytest.fixture(autouse=True)
def wiped(ctx: ServiceContext) -> Iterator[None]:
    """Afterwards, no number sealed with a key of this module is left in the run's
    database (a server started on it later checks its keys against what it holds)."""
    yield
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.sin_encrypted.is_not(None))
            .values(sin_encrypted=None, sin_key_id=None, sin_last3=None)
        )


@pytest.fixture
def family(ctx: ServiceContext) -> BuiltHousehold:
    with ctx.db.write() as session:
        built = make_household(session)
    store_sin(ctx, built.responsible_id, SIN)
    return built


def store_sin(ctx: ServiceContext, member_id: int, sin: str) -> None:
    sealed = ctx.sin_cipher.seal(sin)
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.id == member_id)
            .values(
                sin_encrypted=sealed.ciphertext,
                sin_key_id=sealed.key_id,
                sin_last3=sealed.last3,
            )
        )


def staff(ctx: ServiceContext, role: Role, borough: int | None = None) -> Actor:
    with ctx.db.write() as session:
        return make_staff(session, role, borough)


def reveals(ctx: ServiceContext) -> list[AuditEntry]:
    with ctx.db.read() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "sin.reveal")))
        session.expunge_all()
        return entries


def test_the_family_file_shows_the_last_three_digits_without_opening_the_number(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    # A ring that could open nothing: the view never tries.
    blind = ServiceContext(db=ctx.db, sin_cipher=SinCipher(Fernet.generate_key()), clock=ctx.clock)
    view = household_view(blind, family.household_id)
    shown = {m.member_id: (m.has_sin, m.sin_masked) for m in view.members}
    assert shown[family.responsible_id] == (True, "*** *** 286")
    assert family.child_id is not None and shown[family.child_id] == (False, None)
    # A number stored before key ids (or by a program that knows none): no digit shown.
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.id == family.responsible_id)
            .values(sin_key_id=None, sin_last3=None)
        )
    view = household_view(blind, family.household_id)
    assert {m.member_id: m.sin_masked for m in view.members}[family.responsible_id] == (
        "*** *** ***"
    )


def test_a_clerk_of_the_borough_with_a_verified_caller_and_a_reason_sees_it_journaled(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    clerk = staff(ctx, Role.CLERK, family.borough_id)
    verify_call(ctx, clerk, family)
    revealed = reveal_sin(
        ctx, clerk, family.household_id, family.responsible_id, reason="  Relevé 24 à corriger "
    )
    assert revealed.number == "046 454 286"
    assert revealed.member_id == family.responsible_id and revealed.member_name == "Marie Tremblay"
    assert revealed.visible_seconds == REVEAL_SECONDS == 30
    assert revealed.revealed_at == ctx.clock.now()
    [entry] = reveals(ctx)
    assert (entry.staff_id, entry.household_id, entry.member_id) == (
        clerk.staff_id,
        family.household_id,
        family.responsible_id,
    )
    assert entry.reason == "Relevé 24 à corriger"
    assert entry.target == "Marie Tremblay"
    assert entry.at == ctx.clock.now()
    for field in (entry.details, entry.target, entry.reason):
        assert SIN not in field.replace(" ", "") and "286" not in field
    assert '"key_id": "k1"' in entry.details


def test_a_supervisor_of_any_borough_reveals_once_the_caller_is_verified(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    supervisor = staff(ctx, Role.SUPERVISOR)
    before = snapshot(ctx.db)
    with pytest.raises(VerificationRequired) as refused:
        reveal_sin(ctx, supervisor, family.household_id, family.responsible_id, reason="R24")
    assert refused.value.code == "caller_not_verified"
    assert snapshot(ctx.db) == before
    verify_call(ctx, supervisor, family)
    revealed = reveal_sin(ctx, supervisor, family.household_id, family.responsible_id, reason="R24")
    assert revealed.number == "046 454 286"
    assert [e.staff_id for e in reveals(ctx)] == [supervisor.staff_id]


def test_an_agent_never_reveals_and_a_clerk_of_another_borough_neither(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    agent = staff(ctx, Role.AGENT)
    elsewhere = staff(ctx, Role.CLERK)  # a borough of their own
    for actor in (agent, elsewhere):
        verify_call(ctx, actor, family)
    before = snapshot(ctx.db)
    with pytest.raises(Forbidden) as refused:
        reveal_sin(ctx, agent, family.household_id, family.responsible_id, reason="R24")
    assert (refused.value.code, refused.value.params["action"]) == ("role_forbidden", "reveal_sin")
    with pytest.raises(Forbidden) as refused:
        reveal_sin(ctx, elsewhere, family.household_id, family.responsible_id, reason="R24")
    assert refused.value.code == "sin_reveal_other_borough"
    assert snapshot(ctx.db) == before


@pytest.mark.parametrize(
    ("reason", "code"),
    [("", "reason_required"), ("   ", "reason_required"), ("x" * 501, "text_too_long")],
)
def test_a_reveal_without_a_usable_reason_is_refused(
    ctx: ServiceContext, family: BuiltHousehold, reason: str, code: str
) -> None:
    clerk = staff(ctx, Role.CLERK, family.borough_id)
    verify_call(ctx, clerk, family)
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        reveal_sin(ctx, clerk, family.household_id, family.responsible_id, reason=reason)
    assert refused.value.code == code
    assert snapshot(ctx.db) == before


def test_no_number_another_households_member_or_a_missing_key_reveal_nothing(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    clerk = staff(ctx, Role.CLERK, family.borough_id)
    verify_call(ctx, clerk, family)
    with ctx.db.write() as session:
        other = make_household(session, borough=family.borough_id)
    assert family.child_id is not None
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        reveal_sin(ctx, clerk, family.household_id, family.child_id, reason="R24")
    assert refused.value.code == "no_sin_on_file"
    assert refused.value.params == {"member_name": "Léa Tremblay"}
    with pytest.raises(NotFound) as missing:
        reveal_sin(ctx, clerk, family.household_id, other.responsible_id, reason="R24")
    assert missing.value.code == "member_not_found"
    # Sealed with a key this server does not hold: refused, never garbage.
    ring = SinCipher.ring({"k1": Fernet.generate_key(), "k9": Fernet.generate_key()}, "k9")
    sealed = ring.seal("130692544")
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.id == family.responsible_id)
            .values(sin_encrypted=sealed.ciphertext, sin_key_id="k9", sin_last3="544")
        )
    before = snapshot(ctx.db)
    with pytest.raises(Refused) as refused:
        reveal_sin(ctx, clerk, family.household_id, family.responsible_id, reason="R24")
    assert refused.value.code == "sin_unreadable"
    assert snapshot(ctx.db) == before
    assert reveals(ctx) == []


def test_a_number_stored_before_key_ids_is_opened_with_k1(
    ctx: ServiceContext, family: BuiltHousehold
) -> None:
    with ctx.db.write() as session:
        session.execute(
            update(Member)
            .where(Member.id == family.responsible_id)
            .values(sin_encrypted=ctx.sin_cipher.encrypt(SIN), sin_key_id=None, sin_last3=None)
        )
    supervisor = staff(ctx, Role.SUPERVISOR)
    verify_call(ctx, supervisor, family)
    revealed = reveal_sin(ctx, supervisor, family.household_id, family.responsible_id, reason="R24")
    assert revealed.number == "046 454 286"
