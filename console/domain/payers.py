"""Who may pay for a cart (F12) and who must for childcare activities (F13)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.errors import Reason
from console.domain.vocabulary import Relationship

PAYER_NOT_MEMBER = "payer_not_member"
PAYER_REMOVED = "payer_removed"
PAYER_IS_CHILD = "payer_is_child"
CHILDCARE_REQUIRES_RESPONSIBLE = "childcare_requires_responsible"
HOUSEHOLD_HAS_NO_RESPONSIBLE = "household_has_no_responsible"
NO_SIN_NO_RELEVE24 = "no_sin_no_releve24"

PAYER_RELATIONSHIPS: frozenset[Relationship] = frozenset(Relationship) - {Relationship.CHILD}
"""F12: every relationship but "Enfant" appears in the payer list."""


@dataclass(frozen=True)
class PayerCandidate:
    """A member of the Dossier loisir as the payer rules see it."""

    member_id: int
    name: str
    relationship: Relationship
    removed: bool = False


@dataclass(frozen=True)
class PayerCheck:
    """Blocking reasons refuse the payer; warnings are read to the caller but allow paying."""

    blocking: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing blocks the payment (warnings may remain)."""
        return not self.blocking

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Blocking reasons first, then warnings."""
        return self.blocking + self.warnings


def eligible_payers(members: Iterable[PayerCandidate]) -> tuple[PayerCandidate, ...]:
    """The payer list (F12): current members whose relationship is not CHILD, in order."""
    return tuple(m for m in members if not m.removed and m.relationship in PAYER_RELATIONSHIPS)


def responsible_of(members: Iterable[PayerCandidate]) -> PayerCandidate | None:
    """The responsible of the Dossier loisir among current members, if any."""
    return next(
        (m for m in members if not m.removed and m.relationship is Relationship.RESPONSIBLE),
        None,
    )


def check_payer(
    payer: PayerCandidate,
    members: Iterable[PayerCandidate],
    cart_has_childcare: bool,
    responsible_has_sin: bool,
) -> PayerCheck:
    """Whether ``payer`` may pay this cart, and what to tell the caller.

    Blocking:
    - ``payer_not_member`` {member_id} — not a member of this Dossier loisir
    - ``payer_removed`` {member_id, name} — removed by the borough office
    - ``payer_is_child`` {member_id, name} — F12
    - ``household_has_no_responsible`` {} — childcare cart and no responsible on file
    - ``childcare_requires_responsible`` {payer_name, responsible_name} — F13
    Warning (childcare cart only):
    - ``no_sin_no_releve24`` {responsible_name} — no SIN on file, so no Relevé 24 (F13)
    """
    current = tuple(members)
    # Trust the household's own record of the member over the one passed in.
    known = next((m for m in current if m.member_id == payer.member_id), None)
    if known is None:
        return PayerCheck(blocking=(Reason(PAYER_NOT_MEMBER, {"member_id": payer.member_id}),))
    if known.removed:
        return PayerCheck(
            blocking=(Reason(PAYER_REMOVED, {"member_id": known.member_id, "name": known.name}),)
        )
    blocking: list[Reason] = []
    warnings: list[Reason] = []
    if known.relationship is Relationship.CHILD:
        blocking.append(Reason(PAYER_IS_CHILD, {"member_id": known.member_id, "name": known.name}))
    if cart_has_childcare:
        responsible = responsible_of(current)
        if responsible is None:
            blocking.append(Reason(HOUSEHOLD_HAS_NO_RESPONSIBLE))
        else:
            if known.member_id != responsible.member_id:
                blocking.append(
                    Reason(
                        CHILDCARE_REQUIRES_RESPONSIBLE,
                        {"payer_name": known.name, "responsible_name": responsible.name},
                    )
                )
            if not responsible_has_sin:
                warnings.append(Reason(NO_SIN_NO_RELEVE24, {"responsible_name": responsible.name}))
    return PayerCheck(blocking=tuple(blocking), warnings=tuple(warnings))
