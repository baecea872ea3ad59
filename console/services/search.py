"""Caller search: one box finds a household by email, phone, name or any number it quotes.

An exact identifier (email, household, cart, receipt or transaction number) sets
``exact`` so the screen jumps straight to the household. Every hit says why it matched.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BindParameter,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from console.db.models import Account, Borough, Cart, Household, Member, Payment, Receipt
from console.domain.identifiers import NumberKind, SearchTerms, number_kind, read_query
from console.domain.names import prefix_upper_bound, search_key
from console.domain.phones import NANP_DIGITS, split_extension
from console.domain.text import QUERY_MAX, clean_text
from console.domain.views.search import MatchedOn as MatchedOn
from console.domain.views.search import SearchHit as SearchHit
from console.domain.views.search import SearchResult as SearchResult
from console.services.context import ServiceContext

MAX_HITS = 50
MIN_NAME_CHARS = 2
# How many places a many-word name is split at between first and last name (all at once).
MAX_NAME_SPLITS = 3


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
_MATCHED_ON = {m.value: m for m in MatchedOn}


def search_callers(ctx: ServiceContext, query: str, *, limit: int = MAX_HITS) -> SearchResult:
    """Refused ``text_invalid`` / ``text_too_long`` (field ``query``) for text the
    console does not take (``console.domain.text``)."""
    text = clean_text(query, field="query", max_length=QUERY_MAX)
    with_extension = split_extension(text) if _may_have_extension(text) else None
    # "418 641-6018 poste 234": the number is searched; the file keeps no extension.
    terms = (
        SearchTerms(text.strip(), phone=with_extension[0]) if with_extension else read_query(text)
    )
    rows: list[tuple[Any, ...]] = []
    # Each plan is one statement; a later plan runs only when the earlier found nothing
    # (a full address that exists needs no prefix scan). A name is one plan, whatever
    # the number of its words: no reading of it hides another.
    for parts, params in _plans(terms):
        rows = ctx.db.fetch(_statement(parts, limit), params)
        if rows:
            break
    # The best match of each household, ranked by how it matched, then by the
    # responsible's name as the database keeps its search key ("first last"), then by
    # household number; hits are built for the ones shown only.
    best: dict[int, tuple[int, str, int, tuple[Any, ...]]] = {}
    for row in rows:
        rank = _RANK[_MATCHED_ON[row[2]]]
        current = best.get(row[0])
        if current is None or rank < current[0]:
            first_key, last_key = row[-3:-1]
            name_key = f"{first_key or ''} {last_key or ''}".strip()
            best[row[0]] = (rank, name_key, row[3], row)
    ranked = sorted(best.values(), key=lambda found: found[:3])
    hits = tuple(_hit(*row) for *_, row in ranked[:limit])
    # Each part reads one row past the limit: a part cut there, or more households than
    # are shown, and the list says that others may match.
    per_part = Counter(row[-1] for row in rows)
    more = len(ranked) > limit or any(count > limit for count in per_part.values())
    return SearchResult(query=terms.text, hits=hits, more=more)


def _hit(
    household_id: int,
    matched_text: str,
    why: str,
    number: int,
    postal_code: str,
    email: str,
    locked: bool,
    borough: str,
    first: str | None,
    last: str | None,
    *_keys_and_part: str | int | None,
) -> SearchHit:
    return SearchHit(
        household_id=household_id,
        household_number=number,
        responsible_name=f"{first or ''} {last or ''}".strip(),
        email=email,
        borough=borough,
        postal_code=postal_code,
        account_locked=bool(locked),
        matched_on=_MATCHED_ON[why],
        matched_text=matched_text,
    )


Plan = tuple[tuple[str, ...], dict[str, Any]]


def _plans(terms: SearchTerms) -> list[Plan]:
    """The statements to try in turn: names of statement parts and their parameters."""
    text = terms.text
    if terms.email is not None:
        email = terms.email
        prefix: Plan = (("email_prefix",), {"email": email, **_starting("email", email)})
        return [(("email",), {"email": email}), prefix] if terms.whole_address else [prefix]
    if terms.phone is not None:
        return [(("phone",), {"phone": terms.phone})]
    if terms.number is not None:
        params: dict[str, Any] = {"number": terms.number, "number_text": str(terms.number)}
        phone: tuple[str, ...] = ()
        if terms.local_phone is not None:
            phone = ("phone",)
            params["phone"] = terms.local_phone
        every: Plan = ((*_NUMBER_PARTS.values(), *phone), params)
        likely = number_kind(str(terms.number))
        if likely is None:
            return [every]
        # Each kind of number has its own range (numbers.py): ask the likely table first,
        # and every table only when that finds nothing.
        return [((_NUMBER_PARTS[likely], *phone), params), every]
    plans: list[Plan] = []
    if _could_be_email_start(text):
        # "m.gagnon", "zoe_2016": the start of an address first; as a name only when no
        # address starts so ("j.tremblay" for J. Tremblay).
        email = text.lower()
        plans.append((("email_prefix",), {"email": email, **_starting("email", email)}))
    key = search_key(text)
    if len(key.replace(" ", "")) >= MIN_NAME_CHARS:
        words = key.split(" ")
        params = _name_params(key)
        if len(words) == 1:
            plans.append((("name_one",), params))
        else:
            # Where the first name ends is not known ("marie eve o brien"): every split,
            # after the first word and after each later one, in the same statement. A
            # split that finds someone does not make a later one wrong: "Saint-Pierre
            # Jérôme" is Pierre-Jérôme Saint-Amand after its first word and Jérôme
            # Saint-Pierre after its second, and the caller may be either. Two words
            # split once; every longer name has one shape, so PostgreSQL keeps one plan
            # for them all (a rare shape would be planned again on each connection): a
            # split past the last word reads the empty range.
            splits = 1 if len(words) == 2 else MAX_NAME_SPLITS
            for at in range(1, splits + 1):
                if at < len(words):
                    params |= _starting(f"first{at}", "".join(words[:at]))
                    params |= _starting(f"rest{at}", "".join(words[at:]))
                else:
                    params |= _nothing(f"first{at}") | _nothing(f"rest{at}")
            parts = ("name_whole", *(f"name_split{at}" for at in range(1, splits + 1)))
            plans.append((parts, params))
    return plans


def _name_params(key: str) -> dict[str, Any]:
    """A name's parameters: the whole query without its spaces, as the compact keys are
    (migration 0009), and its bounds."""
    compact = key.replace(" ", "")
    return {"name_compact": compact, **_starting("name", compact)}


def _may_have_extension(text: str) -> bool:
    """A cheap first look: a number's ten digits, an extension's, and a word or "#"."""
    return (
        "@" not in text
        and not text.strip().isdigit()
        and sum(c.isdigit() for c in text) > NANP_DIGITS
    )


def _could_be_email_start(text: str) -> bool:
    """ "m.gagnon", "zoe_2016": the start of an address rather than a name."""
    return " " not in text and len(text) >= 3 and any(c in text for c in "._+0123456789")


@functools.cache
def _statement(parts: tuple[str, ...], limit: int) -> Select[Any]:
    """One round trip: every way the query can match, joined to what a hit shows.

    Built once per shape with bound parameters, so a search costs no statement building.
    """
    limit += 1  # one row past the limit says that a part was cut
    builders: dict[str, Callable[[], list[Select[Any]]]] = {
        "email": lambda: [_email_exact()],
        "email_prefix": lambda: [_email_prefix(limit)],
        "phone": lambda: [_phone(limit)],
        **{part: _number_builder(kind) for kind, part in _NUMBER_PARTS.items()},
        "name_one": lambda: _name_one(limit),
        "name_whole": lambda: [_name_whole(limit)],
        **{
            f"name_split{at}": _name_split_builder(limit, at)
            for at in range(1, MAX_NAME_SPLITS + 1)
        },
    }
    selects: list[Select[Any]] = []
    for part in parts:
        selects += [_part(s, len(selects) + i) for i, s in enumerate(builders[part]())]
    matches = union_all(*selects).subquery("matches")
    responsible = aliased(Member)
    return (
        select(
            matches.c.household_id,
            matches.c.matched_text,
            matches.c.why,
            Household.number,
            Household.postal_code,
            Account.email,
            Account.locked_at.is_not(None).label("locked"),
            Borough.name,
            responsible.first_name,
            responsible.last_name,
            responsible.first_name_key,
            responsible.last_name_key,
            matches.c.part,
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


def _part(statement: Select[Any], index: int) -> Select[Any]:
    sub = statement.subquery()
    part = literal_column(str(index), Integer).label("part")
    return select(sub.c.household_id, sub.c.matched_text, sub.c.why, part)


def _email_exact() -> Select[Any]:
    return (
        select(
            Household.id.label("household_id"),
            Account.email.label("matched_text"),
            literal(MatchedOn.EMAIL.value).label("why"),
        )
        .join(Account, Household.account_id == Account.id)
        .where(Account.email == bindparam("email"))
    )


def _email_prefix(limit: int) -> Select[Any]:
    return (
        select(
            Household.id.label("household_id"),
            Account.email.label("matched_text"),
            literal(MatchedOn.EMAIL_PREFIX.value).label("why"),
        )
        .join(Account, Household.account_id == Account.id)
        .where(
            *_starts("email", Account.email),
            Account.email != bindparam("email"),
        )
        .order_by(Account.email)
        .limit(limit)
    )


def _phone(limit: int) -> Select[Any]:
    return (
        select(
            Member.household_id.label("household_id"),
            (Member.first_name + " " + Member.last_name).label("matched_text"),
            literal(MatchedOn.PHONE.value).label("why"),
        )
        .where(Member.phone == bindparam("phone"), Member.removed_at.is_(None))
        .order_by(Member.household_id)
        .limit(limit)
    )


_NUMBER_PARTS = {
    NumberKind.HOUSEHOLD: "household_number",
    NumberKind.CART: "cart_number",
    NumberKind.RECEIPT: "receipt_number",
    NumberKind.TRANSACTION: "transaction_number",
}


def _number_builder(kind: NumberKind) -> Callable[[], list[Select[Any]]]:
    return lambda: [_number(kind)]


def _number(kind: NumberKind) -> Select[Any]:
    number: BindParameter[int] = bindparam("number")
    columns = (
        bindparam("number_text", type_=String).label("matched_text"),
        literal(MatchedOn(_NUMBER_PARTS[kind]).value).label("why"),
    )
    if kind is NumberKind.HOUSEHOLD:
        return select(Household.id.label("household_id"), *columns).where(
            Household.number == number
        )
    statement = select(Cart.household_id.label("household_id"), *columns)
    if kind is NumberKind.CART:
        return statement.where(Cart.number == number)
    if kind is NumberKind.RECEIPT:
        return statement.join(Receipt, Receipt.cart_id == Cart.id).where(Receipt.number == number)
    return statement.join(Payment, Payment.cart_id == Cart.id).where(
        Payment.transaction_number == number
    )


def _name_columns() -> tuple[Any, ...]:
    """What a name match selects; "why" says whether the whole name matched.

    The compact keys (migration 0009) are the name keys without their spaces, so a name
    is found as a caller spells it aloud: "OBrien", "O Brien" and "O'Brien" are all
    "obrien", and "Le Blanc" finds "LeBlanc".
    """
    compact: BindParameter[str] = bindparam("name_compact")
    first_key, last_key = Member.first_name_compact, Member.last_name_compact
    whole = or_(
        last_key == compact,
        first_key == compact,
        first_key + last_key == compact,
        last_key + first_key == compact,
    )
    return (
        Member.household_id.label("household_id"),
        (Member.first_name + " " + Member.last_name).label("matched_text"),
        case((whole, MatchedOn.NAME.value), else_=MatchedOn.NAME_PREFIX.value).label("why"),
    )


# Every name part is read in index order and cut at its limit. Keys compare as bytes, so
# the whole last name ("gagnon") comes before its longer neighbours ("gagnonville") and
# exact names are never cut off.
_CURRENT = Member.removed_at.is_(None)
_BY_LAST = (Member.last_name_compact, Member.first_name_compact)


def _name_whole(limit: int) -> Select[Any]:
    """The last name starts with the whole query."""
    return (
        select(*_name_columns())
        .where(*_starts("name", Member.last_name_compact), _CURRENT)
        .order_by(*_BY_LAST)
        .limit(limit)
    )


def _name_one(limit: int) -> list[Select[Any]]:
    """One word: the start of the last name or of the first name."""
    by_first = select(*_name_columns()).where(*_starts("name", Member.first_name_compact), _CURRENT)
    return [
        _name_whole(limit),
        by_first.order_by(Member.first_name_compact, Member.last_name_compact).limit(limit),
    ]


def _name_split_builder(limit: int, at: int) -> Callable[[], list[Select[Any]]]:
    return lambda: _name_split(limit, at)


def _name_split(limit: int, at: int) -> list[Select[Any]]:
    """The query split after its word ``at``: first name then last, or last then first."""
    first_key, last_key = Member.first_name_compact, Member.last_name_compact
    words, rest = f"first{at}", f"rest{at}"
    return [
        select(*_name_columns())
        .where(*_starts(rest, last_key), *_starts(words, first_key), _CURRENT)
        .order_by(*_BY_LAST)
        .limit(limit),
        select(*_name_columns())
        .where(*_starts(words, last_key), *_starts(rest, first_key), _CURRENT)
        .order_by(*_BY_LAST)
        .limit(limit),
    ]


def _starts(name: str, column: Any) -> tuple[Any, Any]:
    """``column`` starts with the text bound as ``name``: a byte range, not ``LIKE``.

    The columns compare bytes on both dialects (0002, 0003), so ``[text, next)`` is
    exactly the strings that start with ``text``. With bound bounds, unlike with a
    bound ``LIKE`` pattern, PostgreSQL can plan the statement once and keep the plan,
    instead of planning it again — a couple of milliseconds — on every keystroke.
    """
    return column >= bindparam(f"{name}_from"), column < bindparam(f"{name}_to")


def _nothing(name: str) -> dict[str, str]:
    """Bounds for ``_starts(name, …)`` that no string lies between."""
    return {f"{name}_from": "", f"{name}_to": ""}


def _starting(name: str, text: str) -> dict[str, str]:
    """The bounds ``_starts(name, …)`` needs for strings starting with ``text``."""
    return {f"{name}_from": text, f"{name}_to": prefix_upper_bound(text)}
