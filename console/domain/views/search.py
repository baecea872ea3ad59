"""Caller search results: the households a query found, and why each matched."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.identifiers import QueryKind, classify_query


class MatchedOn(StrEnum):
    EMAIL = "email"
    EMAIL_PREFIX = "email_prefix"
    PHONE = "phone"
    HOUSEHOLD_NUMBER = "household_number"
    CART_NUMBER = "cart_number"
    RECEIPT_NUMBER = "receipt_number"
    TRANSACTION_NUMBER = "transaction_number"
    NAME = "name"  # the whole name matched exactly
    NAME_PREFIX = "name_prefix"


_EXACT = {
    MatchedOn.EMAIL,
    MatchedOn.HOUSEHOLD_NUMBER,
    MatchedOn.CART_NUMBER,
    MatchedOn.RECEIPT_NUMBER,
    MatchedOn.TRANSACTION_NUMBER,
}


@dataclass(frozen=True)
class SearchHit:
    household_id: int
    household_number: int
    responsible_name: str
    email: str
    borough: str
    postal_code: str
    account_locked: bool
    matched_on: MatchedOn
    # What matched, to show beside the hit ("Zoé Côté", "+14185550199", "panier 5000123").
    matched_text: str


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    # More households may match than the hits shown (the list stops at its limit): the
    # agent narrows the search rather than reading the list as everyone.
    more: bool = False

    @property
    def kind(self) -> QueryKind:
        """What the query was read as (an address here is validated, not just shaped)."""
        return classify_query(self.query)

    @property
    def exact(self) -> SearchHit | None:
        """The household an exact identifier points to, when there is exactly one."""
        exact = [h for h in self.hits if h.matched_on in _EXACT]
        households = {h.household_id for h in exact}
        return exact[0] if len(households) == 1 else None
