"""Caller search: one box finds a household by email, phone, name or any number it quotes.

An exact identifier (email, household, cart, receipt or transaction number) sets
``exact`` so the screen jumps straight to the household. Every hit says why it matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

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
    with ctx.db.read() as session:
        found: list[tuple[int, str, MatchedOn]] = []  # (household_id, matched_text, why)
        if kind is QueryKind.EMAIL or (kind is QueryKind.NAME and "@" in text):
            found += _by_email(session, text.lower(), limit)
        elif kind is QueryKind.PHONE:
            found += _by_phone(session, normalize_phone(text), limit)
        elif kind is QueryKind.NUMBER:
            found += _by_number(session, int(text))
            candidate = phone_candidate(text)
            if candidate:
                found += _by_phone(session, candidate, limit)
        elif len(search_key(text).replace(" ", "")) >= MIN_NAME_CHARS:
            found += _by_name(session, search_key(text), limit)
        hits = _hits(session, found, limit)
    return SearchResult(query=text, kind=kind, hits=hits)


def _by_email(session: Session, email: str, limit: int) -> list[tuple[int, str, MatchedOn]]:
    exact = session.execute(
        select(Household.id, Account.email)
        .join(Account, Household.account_id == Account.id)
        .where(Account.email == email)
    ).first()
    if exact is not None:
        return [(exact[0], exact[1], MatchedOn.EMAIL)]
    rows = session.execute(
        select(Household.id, Account.email)
        .join(Account, Household.account_id == Account.id)
        .where(Account.email.like(_prefix(email), escape="\\"))
        .order_by(Account.email)
        .limit(limit)
    )
    return [(hid, mail, MatchedOn.EMAIL_PREFIX) for hid, mail in rows]


def _by_phone(session: Session, e164: str | None, limit: int) -> list[tuple[int, str, MatchedOn]]:
    if e164 is None:
        return []
    rows = session.execute(
        select(Member.household_id, Member.first_name, Member.last_name)
        .where(Member.phone == e164, Member.removed_at.is_(None))
        .order_by(Member.household_id)
        .limit(limit)
    )
    return [(hid, f"{first} {last}", MatchedOn.PHONE) for hid, first, last in rows]


def _by_number(session: Session, number: int) -> list[tuple[int, str, MatchedOn]]:
    found: list[tuple[int, str, MatchedOn]] = []
    lookups: list[tuple[Select[tuple[int]], MatchedOn]] = [
        (select(Household.id).where(Household.number == number), MatchedOn.HOUSEHOLD_NUMBER),
        (select(Cart.household_id).where(Cart.number == number), MatchedOn.CART_NUMBER),
        (
            select(Cart.household_id)
            .join(Receipt, Receipt.cart_id == Cart.id)
            .where(Receipt.number == number),
            MatchedOn.RECEIPT_NUMBER,
        ),
        (
            select(Cart.household_id)
            .join(Payment, Payment.cart_id == Cart.id)
            .where(Payment.transaction_number == number),
            MatchedOn.TRANSACTION_NUMBER,
        ),
    ]
    for statement, why in lookups:
        household_id = session.execute(statement).scalar()
        if household_id is not None:
            found.append((household_id, str(number), why))
    return found


def _by_name(session: Session, key: str, limit: int) -> list[tuple[int, str, MatchedOn]]:
    tokens = key.split()
    first, rest = tokens[0], " ".join(tokens[1:])
    conditions = [Member.last_name_key.like(_prefix(key), escape="\\")]
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
    rows = session.execute(
        select(
            Member.household_id,
            Member.first_name,
            Member.last_name,
            Member.first_name_key,
            Member.last_name_key,
        )
        .where(or_(*conditions), Member.removed_at.is_(None))
        .order_by(Member.last_name_key, Member.first_name_key, Member.household_id)
        .limit(limit * 4)
    )
    found = []
    for hid, first_name, last_name, first_key, last_key in rows:
        whole = {f"{first_key} {last_key}", f"{last_key} {first_key}", last_key, first_key}
        why = MatchedOn.NAME if key in whole else MatchedOn.NAME_PREFIX
        found.append((hid, f"{first_name} {last_name}", why))
    return found


def _hits(
    session: Session, found: list[tuple[int, str, MatchedOn]], limit: int
) -> tuple[SearchHit, ...]:
    best: dict[int, tuple[str, MatchedOn]] = {}
    for household_id, matched_text, why in found:
        current = best.get(household_id)
        if current is None or _RANK[why] < _RANK[current[1]]:
            best[household_id] = (matched_text, why)
    if not best:
        return ()
    ids = list(best)
    rows = session.execute(
        select(
            Household.id,
            Household.number,
            Household.postal_code,
            Account.email,
            Account.locked_at,
            Borough.name,
            Member.first_name,
            Member.last_name,
        )
        .join(Account, Household.account_id == Account.id)
        .join(Borough, Household.borough_id == Borough.id)
        .outerjoin(
            Member,
            and_(
                Member.household_id == Household.id,
                Member.relationship == "responsible",
                Member.removed_at.is_(None),
            ),
        )
        .where(Household.id.in_(ids))
    )
    hits = [
        SearchHit(
            household_id=hid,
            household_number=number,
            responsible_name=f"{first or ''} {last or ''}".strip(),
            email=email,
            borough=borough,
            postal_code=postal,
            account_locked=locked_at is not None,
            matched_on=best[hid][1],
            matched_text=best[hid][0],
        )
        for hid, number, postal, email, locked_at, borough, first, last in rows
    ]
    hits.sort(
        key=lambda h: (_RANK[h.matched_on], search_key(h.responsible_name), h.household_number)
    )
    return tuple(hits[:limit])


def _prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"
