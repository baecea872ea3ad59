"""The payer list (F12) and the childcare rule (F13), on both dialects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from console.db.models import Account, Activity, Borough, Cart, CartItem, Household, Member, Season
from console.domain.errors import NotFound, Refused
from console.domain.names import search_key
from console.domain.vocabulary import Relationship
from console.services.context import ServiceContext
from console.services.payers import payer_options, validate_payer

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


@dataclass(frozen=True)
class World:
    household_id: int
    members: dict[str, int]
    plain_cart: int
    childcare_cart: int


def _member(
    h: Household, first: str, rel: Relationship, *, sin: bytes | None = None, removed: bool = False
) -> Member:
    return Member(
        household=h,
        first_name=first,
        last_name="Bérubé",
        first_name_key=search_key(first),
        last_name_key="berube",
        birth_date=date(1980, 1, 1) if rel is not Relationship.CHILD else date(2016, 1, 1),
        relationship=rel.value,
        sin_encrypted=sin,
        removed_at=T0 if removed else None,
    )


def _activity(season: Season, borough: Borough, code: str, title: str, childcare: bool) -> Activity:
    return Activity(
        code=code,
        title=title,
        title_key=search_key(title),
        season=season,
        borough=borough,
        capacity=10,
        price_cents=5000,
        schedule="Lundi au vendredi",
        is_childcare=childcare,
    )


def _world(ctx: ServiceContext, *, responsible_sin: bool) -> World:
    with ctx.db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="E26", name="Été 2026", starts_on=date(2026, 6, 1), ends_on=date(2026, 8, 20)
        )
        swim = _activity(season, borough, "NAT-1", "Natation", False)
        swim_2 = _activity(season, borough, "NAT-2", "Natation", False)
        camp = _activity(season, borough, "PVE-1", "Programme Vacances-Été", True)
        account = Account(email="berube@exemple.ca", created_at=T0, language="fr")
        h = Household(
            number=100_001, account=account, borough=borough, postal_code="G1R 2B5", created_at=T0
        )
        members = {
            "responsible": _member(
                h, "Hélène", Relationship.RESPONSIBLE, sin=b"x" if responsible_sin else None
            ),
            "spouse_parent": _member(h, "Marc", Relationship.SPOUSE_AND_PARENT),
            "spouse": _member(h, "Luc", Relationship.SPOUSE),
            "grandparent": _member(h, "Rita", Relationship.PARENT_OF_RESPONSIBLE),
            "other": _member(h, "Sam", Relationship.OTHER),
            "child": _member(h, "Zoé", Relationship.CHILD),
            "removed": _member(h, "Paul", Relationship.SPOUSE, removed=True),
        }
        s.add_all([swim, swim_2, camp, h, *members.values()])
        s.flush()
        carts = []
        # One held item per child and activity (migration 0010): each cart its own swim.
        for number, activities in ((5_000_001, [swim]), (5_000_002, [swim_2, camp])):
            cart = Cart(
                number=number,
                owner_number=h.number,
                household_id=h.id,
                created_at=T0,
                updated_at=T0,
                hold_expires_at=T0 + timedelta(minutes=20),
            )
            s.add(cart)
            s.flush()
            for a in activities:
                s.add(
                    CartItem(
                        cart_id=cart.id,
                        member_id=members["child"].id,
                        activity_id=a.id,
                        price_cents=a.price_cents,
                        added_at=T0,
                    )
                )
            carts.append(cart.id)
        s.flush()
        return World(h.id, {k: m.id for k, m in members.items()}, carts[0], carts[1])


def test_payer_list_holds_every_current_member_but_children(ctx: ServiceContext) -> None:
    world = _world(ctx, responsible_sin=True)
    options = payer_options(ctx, world.plain_cart)
    expected = {
        world.members[k] for k in ("responsible", "spouse_parent", "spouse", "grandparent", "other")
    }
    assert {p.member_id for p in options.payers} == expected
    assert set(options.allowed_member_ids) == expected
    assert not options.has_childcare and not options.responsible_only
    assert options.reasons == ()
    assert options.amount_cents == 5000
    assert options.default_member_id == world.members["responsible"]
    assert options.cart_number == 5_000_001 and options.owner_number == 100_001


def test_childcare_cart_lets_only_the_responsible_pay_and_says_why(ctx: ServiceContext) -> None:
    world = _world(ctx, responsible_sin=True)
    options = payer_options(ctx, world.childcare_cart)
    assert options.has_childcare and options.responsible_only
    assert options.childcare_activities == ("Programme Vacances-Été",)
    assert options.allowed_member_ids == (world.members["responsible"],)
    assert len(options.payers) == 5  # still listed, greyed out with the reason
    assert [r.code for r in options.reasons] == ["childcare_requires_responsible"]
    assert options.reasons[0].params["responsible_name"] == "Hélène Bérubé"
    assert not options.no_releve24
    assert options.amount_cents == 10_000


def test_no_sin_on_file_warns_that_no_releve24_can_be_issued(ctx: ServiceContext) -> None:
    world = _world(ctx, responsible_sin=False)
    options = payer_options(ctx, world.childcare_cart)
    assert options.no_releve24
    assert [r.code for r in options.reasons] == [
        "childcare_requires_responsible",
        "no_sin_no_releve24",
    ]
    check = validate_payer_in(ctx, world.childcare_cart, world.members["responsible"])
    assert [r.code for r in check] == ["no_sin_no_releve24"]


def validate_payer_in(ctx: ServiceContext, cart_id: int, member_id: int) -> list[object]:
    with ctx.db.read() as s:
        return [r for r in validate_payer(s, cart_id, member_id).warnings]


@pytest.mark.parametrize("who", ["spouse_parent", "other", "child"])
def test_validate_payer_refuses_another_payer_for_childcare(ctx: ServiceContext, who: str) -> None:
    world = _world(ctx, responsible_sin=True)
    with ctx.db.read() as s, pytest.raises(Refused) as refused:
        validate_payer(s, world.childcare_cart, world.members[who])
    codes = [r.code for r in refused.value.reasons]
    assert "childcare_requires_responsible" in codes
    assert refused.value.code == codes[0]


def test_validate_payer_refuses_children_removed_members_and_strangers(ctx: ServiceContext) -> None:
    world = _world(ctx, responsible_sin=True)
    with ctx.db.read() as s:
        validate_payer(s, world.plain_cart, world.members["grandparent"])
        for member, code in (
            (world.members["child"], "payer_is_child"),
            (world.members["removed"], "payer_removed"),
            (999_999, "payer_not_member"),
        ):
            with pytest.raises(Refused) as refused:
                validate_payer(s, world.plain_cart, member)
            assert [r.code for r in refused.value.reasons] == [code]


def test_unknown_cart_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound) as missing:
        payer_options(ctx, 424242)
    assert missing.value.code == "cart_not_found"
