"""A name typed the way a caller spells it aloud finds the family: with or without its
apostrophe, hyphen or space, on both dialects (compact name keys, migration 0009)."""

from __future__ import annotations

import itertools
import zlib
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from console.db.models import Account, Borough, Household, Member
from console.domain.names import search_key
from console.services.context import ServiceContext
from console.services.search import MatchedOn, search_callers

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SEPARATORS = ("'", "-", " ", "")


def _household(ctx: ServiceContext, number: int, first: str, last: str) -> int:
    with ctx.db.write() as s:
        borough = s.query(Borough).filter_by(code="CL").one_or_none()
        if borough is None:
            borough = Borough(code="CL", name="La Cité-Limoilou")
        household = Household(
            number=number,
            account=Account(email=f"f{number}@example.ca", created_at=T0),
            borough=borough,
            postal_code="G1R 2B5",
            created_at=T0,
        )
        s.add(
            Member(
                household=household,
                first_name=first,
                last_name=last,
                first_name_key=search_key(first),
                last_name_key=search_key(last),
                birth_date=date(1980, 1, 1),
                relationship="responsible",
            )
        )
        s.flush()
        return household.id


def _found(ctx: ServiceContext, query: str) -> set[int]:
    return {h.household_id for h in search_callers(ctx, query).hits}


def _spoken(parts: list[str]) -> set[str]:
    """Every way to join ``parts``: apostrophe, hyphen, space or nothing between each."""
    return {
        "".join(p + s for p, s in zip(parts, (*seps, ""), strict=True))
        for seps in itertools.product(SEPARATORS, repeat=len(parts) - 1)
    }


@pytest.mark.parametrize(
    ("stored", "queries"),
    [
        ("O'Brien", ["OBrien", "O Brien", "O'Brien", "o-brien", "obri"]),
        ("OBrien", ["O'Brien", "O Brien"]),
        ("Saint-Pierre", ["SaintPierre", "Saint Pierre", "saint-pierre", "saintp"]),
        ("Le Blanc", ["LeBlanc", "Le-Blanc", "le blanc"]),
        ("LeBlanc", ["Le Blanc", "Le'Blanc"]),
        ("D'Amours-Côté", ["Damours Cote", "DAmoursCôté", "d amours-cote"]),
    ],
)
def test_a_last_name_is_found_in_each_spoken_form(
    ctx: ServiceContext, stored: str, queries: list[str]
) -> None:
    household = _household(ctx, 100001, "Marie", stored)
    _household(ctx, 100002, "Marc", "Gagnon")
    for query in queries:
        assert _found(ctx, query) == {household}, query


@pytest.mark.parametrize(
    "query", ["Marie OBrien", "Marie O Brien", "marie o'brien", "OBrien Marie", "O Brien, Marie"]
)
def test_a_whole_name_is_found_in_each_spoken_form(ctx: ServiceContext, query: str) -> None:
    household = _household(ctx, 100001, "Marie", "O'Brien")
    _household(ctx, 100002, "Marie", "Gagnon")
    assert _found(ctx, query) == {household}


@pytest.mark.parametrize(
    "query", ["Marie Eve O Brien", "marie-eve obrien", "MarieEve OBrien", "O Brien Marie Eve"]
)
def test_a_first_name_of_many_words_is_found_as_it_is_spoken(
    ctx: ServiceContext, query: str
) -> None:
    household = _household(ctx, 100001, "Marie-Ève", "O'Brien")
    _household(ctx, 100002, "Marie", "Eveline")
    assert _found(ctx, query) == {household}


def test_the_spoken_form_of_a_whole_name_ranks_as_the_name(ctx: ServiceContext) -> None:
    household = _household(ctx, 100001, "Jean-Pierre", "LeBlanc")
    _household(ctx, 100002, "Jean", "Leblancourt")
    hits = search_callers(ctx, "Le Blanc").hits
    assert (hits[0].household_id, hits[0].matched_on) == (household, MatchedOn.NAME)
    assert search_callers(ctx, "jean pierre le blanc").hits[0].matched_on is MatchedOn.NAME


def test_the_compact_keys_are_kept_by_the_database(ctx: ServiceContext) -> None:
    """Filled for a row written by another program (the public site) and kept on rename."""
    household = _household(ctx, 100001, "Anne", "Gagnon")
    with ctx.db.write() as s:
        s.execute(
            text(
                "UPDATE member SET last_name = 'O''Neil', last_name_key = 'o neil'"
                " WHERE household_id = :h"
            ),
            {"h": household},
        )
    assert _found(ctx, "ONeil") == {household}
    assert _found(ctx, "Gagnon") == set()


# Families the property test below left side by side when it failed (hypothesis seeds 21,
# 23 and 25 on SQLite): the caller spells the last name then the first; the other
# family's name matched that query read after its first word, and the search then
# stopped before reading it after the second, where the family spelled is. The last
# rows are the failure seen on PostgreSQL (first "çz", parts "imt", "çz") with a
# neighbour of each kind that hides it the same way.
_HIDDEN_BY_AN_EARLIER_SPLIT = [
    # Another's last name starts with the whole query.
    (("Èwwxmx", "Brand'Brand"), ("Èwwxmx", "Brand'Brand'Èwwxmx"), "Brand'Brand èwwxmx"),
    (("Çz", "Imt'Çz"), ("Çz", "Imt'Çz Çz"), "Imt Çz çz"),
    # Another's last name starts with the words after the first, and the first name
    # with the first word.
    (("Vpéimi", "Vpéimi'To"), ("Vpéimi", "To'Vpéimi'To"), "Vpéimi'To vpéimi"),
    (("Dd", "DdÈô"), ("Dd", "ÈôDd"), "Dd'Èô dd"),
    (("Çz", "Imt'Çz"), ("Imt", "Çz-Çz"), "Imt Çz çz"),
    # Another's last name starts with the first word, and the first name with the rest.
    (("Çz", "Imt'Çz"), ("Çzçz", "Imt"), "Imt Çz çz"),
]


@pytest.mark.parametrize(("spelled", "other", "query"), _HIDDEN_BY_AN_EARLIER_SPLIT)
def test_a_family_spelled_last_name_first_is_found_beside_another_reading(
    ctx: ServiceContext, spelled: tuple[str, str], other: tuple[str, str], query: str
) -> None:
    household = _household(ctx, 100001, *spelled)
    assert _found(ctx, query) == {household}
    neighbour = _household(ctx, 100002, *other)
    assert _found(ctx, query) == {household, neighbour}


_PART = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèôç", min_size=2, max_size=7)


@settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=_PART,
    parts=st.lists(_PART, min_size=1, max_size=3),
    stored_seps=st.lists(st.sampled_from(SEPARATORS), min_size=2, max_size=2),
)
def test_every_name_is_found_in_every_spoken_form(
    ctx: ServiceContext, first: str, parts: list[str], stored_seps: list[str]
) -> None:
    parts = [p.capitalize() for p in parts]
    stored = parts[0] + "".join(s + p for s, p in zip(stored_seps, parts[1:], strict=False))
    number = 100000 + zlib.crc32(f"{first} {stored}".encode()) % 900000
    with ctx.db.write() as s:
        taken = s.query(Household).filter_by(number=number).one_or_none()
    if taken is not None:
        return
    household = _household(ctx, number, first.capitalize(), stored)
    for spoken in _spoken(parts):
        assert household in _found(ctx, spoken), (stored, spoken)
        assert household in _found(ctx, f"{first} {spoken}"), (stored, spoken)
        assert household in _found(ctx, f"{spoken} {first}"), (stored, spoken)
