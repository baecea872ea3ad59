"""Caller search finds a household by anything the caller can quote, on both dialects."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from console.db.models import (
    Account,
    Activity,
    Borough,
    Cart,
    Household,
    Member,
    Payment,
    Receipt,
    Season,
)
from console.domain.names import search_key
from console.services.context import ServiceContext
from console.services.search import MatchedOn, search_callers

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _member(
    household: Household, first: str, last: str, rel: str, born: date, phone: str | None = None
) -> Member:
    return Member(
        household=household,
        first_name=first,
        last_name=last,
        first_name_key=search_key(first),
        last_name_key=search_key(last),
        birth_date=born,
        relationship=rel,
        phone=phone,
    )


@pytest.fixture
def families(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="H26", name="Hiver 2026", starts_on=date(2026, 1, 5), ends_on=date(2026, 3, 29)
        )
        activity = Activity(
            code="NAT-101",
            title="Natation — Débutant",
            title_key=search_key("Natation — Débutant"),
            season=season,
            borough=borough,
            capacity=10,
            price_cents=5500,
            schedule="Samedi 9 h",
        )
        s.add_all([borough, season, activity])
        ids: dict[str, int] = {}
        specs = [
            ("cote", "helene.cote@example.ca", 100001, "Hélène", "Côté", "+14185550199"),
            ("gagnon", "m.gagnon@example.ca", 100002, "Marc", "Gagnon", "+15815550123"),
            ("helene", "h.tremblay@example.ca", 100003, "Helene", "Tremblay", None),
            ("stpierre", "sp@example.ca", 100004, "Jérôme", "Saint-Pierre", None),
        ]
        for key, email, number, first, last, phone in specs:
            account = Account(email=email, created_at=T0)
            household = Household(
                number=number,
                account=account,
                borough=borough,
                postal_code="G1R 2B5",
                created_at=T0,
            )
            responsible = _member(household, first, last, "responsible", date(1985, 4, 1), phone)
            s.add(household)
            s.flush()
            ids[key] = household.id
            ids[f"{key}-responsible"] = responsible.id
        child = _member(
            s.get(Household, ids["gagnon"]), "Zoé", "Côté-Gagnon", "child", date(2016, 6, 1)
        )
        s.add(child)
        s.flush()
        cart = Cart(
            number=5000123,
            owner_number=100002,
            household_id=ids["gagnon"],
            state="paid",
            created_at=T0,
            updated_at=T0,
            hold_expires_at=T0 + timedelta(minutes=20),
        )
        s.add(cart)
        s.flush()
        payment = Payment(
            transaction_number=300000042,
            idempotency_key="k1",
            cart_id=cart.id,
            payer_member_id=ids["gagnon-responsible"],
            amount_cents=5500,
            status="approved",
            created_at=T0,
        )
        s.add(payment)
        s.flush()
        s.add(
            Receipt(
                number=20000077,
                cart_id=cart.id,
                payment_id=payment.id,
                payer_member_id=ids["gagnon-responsible"],
                issued_at=T0,
            )
        )
    return ids


@pytest.mark.parametrize(
    "query", ["helene.cote@example.ca", "HELENE.COTE@example.ca", "  helene.cote@example.ca "]
)
def test_exact_email_jumps_to_the_household(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    result = search_callers(ctx, query)
    assert result.exact is not None
    assert result.exact.household_id == families["cote"]
    assert result.exact.matched_on is MatchedOn.EMAIL


def test_partial_email_lists_prefix_matches(ctx: ServiceContext, families: dict[str, int]) -> None:
    result = search_callers(ctx, "m.gag")
    assert [h.household_id for h in result.hits] == [families["gagnon"]]
    assert result.hits[0].matched_on is MatchedOn.EMAIL_PREFIX
    assert result.exact is None


@pytest.mark.parametrize(
    "query", ["418 555-0199", "4185550199", "+1 418-555-0199", "(418) 555-0199"]
)
def test_phone_in_any_format_finds_the_household(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    result = search_callers(ctx, query)
    assert [h.household_id for h in result.hits] == [families["cote"]]
    assert result.hits[0].matched_on is MatchedOn.PHONE


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("cote", {"cote", "gagnon"}),
        ("Côté", {"cote", "gagnon"}),
        ("hélène", {"cote", "helene"}),
        ("Helene", {"cote", "helene"}),
        ("saint pierre", {"stpierre"}),
        ("pierre", set()),
        ("jerome saint", {"stpierre"}),
        ("cote helene", {"cote"}),
    ],
)
def test_names_match_without_case_or_accents(
    ctx: ServiceContext, families: dict[str, int], query: str, who: set[str]
) -> None:
    result = search_callers(ctx, query)
    assert {h.household_id for h in result.hits} == {families[k] for k in who}


def test_exact_name_ranks_before_prefix(ctx: ServiceContext, families: dict[str, int]) -> None:
    result = search_callers(ctx, "cote")
    assert result.hits[0].household_id == families["cote"]
    assert result.hits[0].matched_on is MatchedOn.NAME
    assert result.hits[1].matched_on is MatchedOn.NAME_PREFIX
    assert result.hits[1].matched_text == "Zoé Côté-Gagnon"


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("100002", MatchedOn.HOUSEHOLD_NUMBER),
        ("5000123", MatchedOn.CART_NUMBER),
        ("20000077", MatchedOn.RECEIPT_NUMBER),
        ("300000042", MatchedOn.TRANSACTION_NUMBER),
    ],
)
def test_every_quoted_number_jumps_to_its_household(
    ctx: ServiceContext, families: dict[str, int], query: str, why: MatchedOn
) -> None:
    result = search_callers(ctx, query)
    assert result.exact is not None
    assert result.exact.household_id == families["gagnon"]
    assert result.exact.matched_on is why


@pytest.mark.parametrize(
    "query", ["", " ", "x", "%", "_", "zzzz", "999999999", "nobody@example.ca", "Ωμέγα", "李"]
)
def test_queries_that_match_nothing_return_no_hits(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    assert search_callers(ctx, query).hits == ()


def test_hit_carries_what_the_agent_needs(ctx: ServiceContext, families: dict[str, int]) -> None:
    hit = search_callers(ctx, "100001").hits[0]
    assert hit.responsible_name == "Hélène Côté"
    assert hit.email == "helene.cote@example.ca"
    assert hit.borough == "La Cité-Limoilou"
    assert hit.account_locked is False


@pytest.mark.parametrize("query", ["555-0199", "5550199", "555 0199"])
def test_a_local_number_is_searched_as_a_phone_of_our_area_code(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    result = search_callers(ctx, query)
    assert [(h.household_id, h.matched_on) for h in result.hits] == [
        (families["cote"], MatchedOn.PHONE)
    ]


@pytest.mark.parametrize("query", ["m.gagnon@example", "m.gagnon@example.c", "M.Gagnon@Ex"])
def test_an_unfinished_address_lists_the_addresses_it_starts(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    result = search_callers(ctx, query)
    assert [(h.household_id, h.matched_on) for h in result.hits] == [
        (families["gagnon"], MatchedOn.EMAIL_PREFIX)
    ]


def test_hits_of_one_rank_follow_the_responsible_name(
    ctx: ServiceContext, families: dict[str, int]
) -> None:
    # "Hélène Côté" and "Helene Tremblay" both match "helene" whole: folded, C < T.
    hits = search_callers(ctx, "helene").hits
    assert [h.household_id for h in hits] == [families["cote"], families["helene"]]
    assert {h.matched_on for h in hits} == {MatchedOn.NAME}


def test_a_locked_account_is_shown_locked(ctx: ServiceContext, families: dict[str, int]) -> None:
    with ctx.db.write() as s:
        s.get(Household, families["gagnon"]).account.locked_at = T0  # type: ignore[union-attr]
    by_household = {h.household_id: h for h in search_callers(ctx, "cote").hits}
    assert by_household[families["gagnon"]].account_locked is True
    assert by_household[families["cote"]].account_locked is False


@pytest.mark.parametrize(
    "query",
    [
        "418 555-0199 poste 234",
        "418 555-0199 p. 234",
        "418 555-0199 ext. 234",
        "418 555-0199 extension 234",
        "418 555-0199 x234",
        "418 555-0199 #234",
    ],
)
def test_a_phone_read_with_its_extension_finds_the_number(
    ctx: ServiceContext, families: dict[str, int], query: str
) -> None:
    result = search_callers(ctx, query)
    assert [(h.household_id, h.matched_on) for h in result.hits] == [
        (families["cote"], MatchedOn.PHONE)
    ]


def test_a_name_read_two_ways_lists_both_families_the_exact_one_first(
    ctx: ServiceContext, families: dict[str, int]
) -> None:
    """ "Saint-Pierre Jérôme" is Pierre-Jérôme Saint-Amand read after its first word and
    Jérôme Saint-Pierre read after its second: the caller may be either. The search read
    it after the second word only when the first found no one, and hid Jérôme."""
    with ctx.db.write() as s:
        borough = s.get(Household, families["cote"]).borough  # type: ignore[union-attr]
        household = Household(
            number=100005,
            account=Account(email="pj@example.ca", created_at=T0),
            borough=borough,
            postal_code="G1R 2B5",
            created_at=T0,
        )
        _member(household, "Pierre-Jérôme", "Saint-Amand", "responsible", date(1979, 2, 1))
        s.add(household)
        s.flush()
        saint_amand = household.id
    hits = search_callers(ctx, "Saint-Pierre Jérôme").hits
    assert [(h.household_id, h.matched_on) for h in hits] == [
        (families["stpierre"], MatchedOn.NAME),
        (saint_amand, MatchedOn.NAME_PREFIX),
    ]


def _gagnons(ctx: ServiceContext, count: int) -> None:
    with ctx.db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        for i in range(count):
            household = Household(
                number=100100 + i,
                account=Account(email=f"g{i}@example.ca", created_at=T0),
                borough=borough,
                postal_code="G1R 2B5",
                created_at=T0,
            )
            _member(household, f"Anne{i:02}", "Gagnon", "responsible", date(1980, 1, 1))
            s.add(household)


@pytest.mark.parametrize(("households", "more"), [(3, False), (4, True)])
def test_a_list_cut_at_its_limit_says_that_more_may_match(
    ctx: ServiceContext, households: int, more: bool
) -> None:
    _gagnons(ctx, households)
    for query in ("gagnon", "gagnon anne"):
        result = search_callers(ctx, query, limit=3)
        assert (len(result.hits), result.more) == (3, more), query
