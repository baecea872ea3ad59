"""Revealing a SIN, the same in-process and through the server: an agent sees the last three
digits and is refused the reveal; a clerk of the borough, caller verified, gets the number
with its types; the journal names the clerk and the reason."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from console.db.models import Borough, Member
from console.domain.errors import Forbidden, VerificationRequired
from console.domain.views.audit import AuditFilters
from console.domain.views.sin import RevealedSin
from console.domain.vocabulary import Role
from tests.contract.conftest import Backend
from tests.contract.test_contract import household, verified


def test_only_a_verified_clerk_of_the_borough_reveals_and_it_is_journaled(
    backend: Backend,
) -> None:
    built = household(backend)
    sealed = backend.ctx.sin_cipher.seal("046 454 286")
    with backend.ctx.db.write() as session:
        member = session.get_one(Member, built.responsible_id)
        member.sin_encrypted, member.sin_key_id = sealed.ciphertext, sealed.key_id
        member.sin_last3 = sealed.last3
        code = session.scalars(select(Borough.code).where(Borough.id == built.borough_id)).one()

    agent = backend.api_as(Role.AGENT)
    shown = {m.member_id: m.sin_masked for m in agent.household_view(built.household_id).members}
    assert shown[built.responsible_id] == "*** *** 286"
    verified(agent, built)
    with pytest.raises(Forbidden) as refused:
        agent.reveal_sin(built.household_id, built.responsible_id, "confirmer le relevé 24")
    assert refused.value.code == "role_forbidden"

    clerk = backend.api_as(Role.CLERK, borough_code=code)
    with pytest.raises(VerificationRequired):
        clerk.reveal_sin(built.household_id, built.responsible_id, "confirmer le relevé 24")
    verified(clerk, built)
    revealed = clerk.reveal_sin(built.household_id, built.responsible_id, "confirmer le relevé 24")
    assert isinstance(revealed, RevealedSin)
    assert revealed.number == "046 454 286" and revealed.visible_seconds == 30
    assert isinstance(revealed.revealed_at, datetime) and revealed.revealed_at.tzinfo is not None

    supervisor = backend.api_as(Role.SUPERVISOR)
    entries = supervisor.list_audit(
        AuditFilters(household_number=built.number, action="sin.reveal")
    )
    assert [(e.staff_name, e.reason, e.member_id) for e in entries] == [
        (clerk.actor.display_name, "confirmer le relevé 24", built.responsible_id)
    ]
    assert "286" not in entries[0].details
