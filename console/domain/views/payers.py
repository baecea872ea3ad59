"""The payer list of a cart (F12, F13)."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.errors import Reason
from console.domain.vocabulary import Relationship


@dataclass(frozen=True)
class PayerOption:
    """One entry of the payer list."""

    member_id: int
    name: str
    relationship: Relationship
    is_responsible: bool
    # False when the cart holds a childcare activity and this is not the responsible (F13).
    allowed: bool


@dataclass(frozen=True)
class PayerOptions:
    """The payer list of one cart and what the agent must tell the caller about it."""

    cart_id: int
    cart_number: int
    owner_number: int
    household_id: int
    amount_cents: int
    payers: tuple[PayerOption, ...]  # F12: every current member who is not "Enfant"
    childcare_activities: tuple[str, ...]  # titles of the Relevé 24 activities in the cart
    responsible_member_id: int | None
    responsible_name: str | None
    responsible_has_sin: bool
    # Why only the responsible may pay (F13), and warnings such as "no Relevé 24".
    reasons: tuple[Reason, ...]

    @property
    def has_childcare(self) -> bool:
        return bool(self.childcare_activities)

    @property
    def responsible_only(self) -> bool:
        return self.has_childcare

    @property
    def no_releve24(self) -> bool:
        """Childcare cart and no SIN on file: no Relevé 24 can be issued (F13)."""
        return self.has_childcare and not self.responsible_has_sin

    @property
    def allowed_member_ids(self) -> tuple[int, ...]:
        return tuple(p.member_id for p in self.payers if p.allowed)

    @property
    def default_member_id(self) -> int | None:
        allowed = self.allowed_member_ids
        if self.responsible_member_id in allowed:
            return self.responsible_member_id
        return allowed[0] if allowed else None
