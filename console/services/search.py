"""Caller search: one box finds a household by email, phone, name or any number it quotes.

An exact identifier (email, household, cart, receipt or transaction number) sets
``exact`` so the screen jumps straight to the household. Every hit says why it matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from console.db.models import Account, Borough, Cart, Household, Member, Payment, Receipt
from console.domain.identifiers import QueryKind, classify_query, phone_candidate
from console.domain.names import search_key
from console.domain.phones import normalize_phone
from console.services.context import ServiceContext

MAX_HITS = 50
MIN_NAME_CHARS = 2


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


# Lower ranks first: exact identifiers, then exact names, then prefixes.
_RANK = {
    MatchedOn.EMAIL: 0,
    MatchedOn.HOUSEHOLD_NUMBER: 0,
    MatchedOn.CART_NUMBER: 0,
    MatchedOn.RECEIPT_NUMBER: 0,
    MatchedOn.TRANSACTION_NUMBER: 0,
    MatchedOn.PHONE: 1,
    MatchedOn.NAME: 2,
    MatchedOn.EMAIL_PREFIX: 3,
    MatchedOn.NAME_PREFIX: 4,
}
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
    kind: QueryKind
    hits: tuple[SearchHit, ...]

    @property
    def exact(self) -> SearchHit | None:
        """The household an exact identifier points to, when there is exactly one."""
        exact = [h for h in self.hits if h.matched_on in _EXACT]
        households = {h.household_id for h in exact}
        return exact[0] if len(households) == 1 else None


def search_callers(ctx: ServiceContext, query: str, *, limit: int = MAX_HITS) -> SearchResult:
    text = query.strip()
    kind = classify_query(text)
    parts = _match_parts(kind, text, limit)
    if not parts:
        return SearchResult(query=text, kind=kind, hits=())
    # One round trip: every way the query can match, joined to what a hit shows.
    matches = union_all(*parts).subquery("matches")
    responsible = aliased(Member)
    statement = (
        select(
            matches.c.household_id,
            matches.c.matched_text,
            matches.c.why,
            Household.number,
            Household.postal_code,
            Account.email,
            Account.locked_at,
            Borough.name,
            responsible.first_name,
            responsible.last_name,
        )
        .join(Household, Household.id == matches.c.household_id)
        .join(Account, Household.account_id == Account.id)
        .join(Borough, Household.borough_id == Borough.id)
        .outerjoin(
            responsible,
            and_(
                responsible.household_id == Household.id,
                responsible.relationship == "responsible",
                responsible.removed_at.is_(None),
            ),
        )
    )
    with ctx.db.read() as session:
        rows = session.execute(statement).all()
    best: dict[int, SearchHit] = {}
    for hid, matched_text, why, number, postal, email, locked_at, borough, first, last in rows:
        why = MatchedOn(why)
        current = best.get(hid)
        if current is not None and _RANK[current.matched_on] <= _RANK[why]:
            continue
        best[hid] = SearchHit(
            household_id=hid,
            household_number=number,
            responsible_name=f"{first or ''} {last or ''}".strip(),
            email=email,
            borough=borough,
            postal_code=postal,
            account_locked=locked_at is not None,
            matched_on=why,
            matched_text=matched_text,
        )
    hits = sorted(
        best.values(),
        key=lambda h: (_RANK[h.matched_on], search_key(h.responsible_name), h.household_number),
    )
    return SearchResult(query=text, kind=kind, hits=tuple(hits[:limit]))


def _match_parts(kind: QueryKind, text: str, limit: int) -> list[Select[Any]]:
    """Sub-queries of (household_id, matched_text, why), one per way the text can match."""
    if kind is QueryKind.EMAIL or (kind is QueryKind.NAME and "@" in text):
        return _by_email(text.lower(), limit)
    parts: list[Select[Any]] = []
    if _could_be_email_start(text):
        parts += _by_email(text.lower(), limit)
    if kind is QueryKind.PHONE:
        return _by_phone(normalize_phone(text), limit)
    if kind is QueryKind.NUMBER:
        return _by_number(int(text)) + _by_phone(phone_candidate(text), limit)
    key = search_key(text)
    if len(key.replace(" ", "")) >= MIN_NAME_CHARS:
        parts += _by_name(key, limit)
    return parts


def _could_be_email_start(text: str) -> bool:
    """ "m.gagnon", "zoe_2016": the start of an address rather than a name."""
    return " " not in text and len(text) >= 3 and any(c in text for c in "._+0123456789")


def _part(statement: Select[Any]) -> Select[Any]:
    sub = statement.subquery()
    return select(sub.c.household_id, sub.c.matched_text, sub.c.why)


def _by_email(email: str, limit: int) -> list[Select[Any]]:
    exact = select(
        Household.id.label("household_id"),
        Account.email.label("matched_text"),
        literal(MatchedOn.EMAIL.value).label("why"),
    ).join(Account, Household.account_id == Account.id)
    prefix = (
        exact.where(Account.email.like(_prefix(email), escape="\\"), Account.email != email)
        .with_only_columns(
            Household.id.label("household_id"),
            Account.email.label("matched_text"),
            literal(MatchedOn.EMAIL_PREFIX.value).label("why"),
        )
        .order_by(Account.email)
        .limit(limit)
    )
    return [_part(exact.where(Account.email == email)), _part(prefix)]


def _by_phone(e164: str | None, limit: int) -> list[Select[Any]]:
    if e164 is None:
        return []
    statement = (
        select(
            Member.household_id.label("household_id"),
            (Member.first_name + " " + Member.last_name).label("matched_text"),
            literal(MatchedOn.PHONE.value).label("why"),
        )
        .where(Member.phone == e164, Member.removed_at.is_(None))
        .order_by(Member.household_id)
        .limit(limit)
    )
    return [_part(statement)]


def _by_number(number: int) -> list[Select[Any]]:
    shown = literal(str(number))
    return [
        _part(
            select(
                Household.id.label("household_id"),
                shown.label("matched_text"),
                literal(MatchedOn.HOUSEHOLD_NUMBER.value).label("why"),
            ).where(Household.number == number)
        ),
        _part(
            select(
                Cart.household_id.label("household_id"),
                shown.label("matched_text"),
                literal(MatchedOn.CART_NUMBER.value).label("why"),
            ).where(Cart.number == number)
        ),
        _part(
            select(
                Cart.household_id.label("household_id"),
                shown.label("matched_text"),
                literal(MatchedOn.RECEIPT_NUMBER.value).label("why"),
            )
            .join(Receipt, Receipt.cart_id == Cart.id)
            .where(Receipt.number == number)
        ),
        _part(
            select(
                Cart.household_id.label("household_id"),
                shown.label("matched_text"),
                literal(MatchedOn.TRANSACTION_NUMBER.value).label("why"),
            )
            .join(Payment, Payment.cart_id == Cart.id)
            .where(Payment.transaction_number == number)
        ),
    ]


def _by_name(key: str, limit: int) -> list[Select[Any]]:
    tokens = key.split()
    first, rest = tokens[0], " ".join(tokens[1:])
    conditions: list[ColumnElement[bool]] = [Member.last_name_key.like(_prefix(key), escape="\\")]
    if rest:
        conditions += [
            and_(
                Member.first_name_key.like(_prefix(first), escape="\\"),
                Member.last_name_key.like(_prefix(rest), escape="\\"),
            ),
            and_(
                Member.last_name_key.like(_prefix(first), escape="\\"),
                Member.first_name_key.like(_prefix(rest), escape="\\"),
            ),
        ]
    else:
        conditions.append(Member.first_name_key.like(_prefix(key), escape="\\"))
    whole = or_(
        Member.last_name_key == key,
        Member.first_name_key == key,
        Member.first_name_key + " " + Member.last_name_key == key,
        Member.last_name_key + " " + Member.first_name_key == key,
    )
    statement = (
        select(
            Member.household_id.label("household_id"),
            (Member.first_name + " " + Member.last_name).label("matched_text"),
            case((whole, MatchedOn.NAME.value), else_=MatchedOn.NAME_PREFIX.value).label("why"),
        )
        .where(or_(*conditions), Member.removed_at.is_(None))
        .order_by(
            case((whole, 0), else_=1),
            Member.last_name_key,
            Member.first_name_key,
            Member.household_id,
        )
        .limit(limit * 4)
    )
    return [_part(statement)]


def _prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"
