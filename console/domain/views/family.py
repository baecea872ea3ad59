"""The family file (Dossier loisir) as the family panel edits it (F4, F12)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from console.domain.errors import Reason
from console.domain.vocabulary import Relationship


@dataclass(frozen=True)
class FamilyMember:
    member_id: int
    first_name: str
    last_name: str
    birth_date: date
    relationship: Relationship
    may_pay: bool  # F12: in the payer list
    removed_at: datetime | None
    # What stops a removal right now (F4); empty when nothing does.
    removal_blockers: tuple[Reason, ...]

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_responsible(self) -> bool:
        return self.relationship is Relationship.RESPONSIBLE


@dataclass(frozen=True)
class FamilyFile:
    household_id: int
    number: int
    version: int
    borough_id: int
    borough: str
    members: tuple[FamilyMember, ...]
    # Whether this actor may remove members of this household (F4).
    actor_may_remove: bool


@dataclass(frozen=True)
class FamilyChange:
    """The outcome of a change: the household's new version, to carry to the next one."""

    household_id: int
    member_id: int
    version: int
