from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.errors import Reason
from console.domain.payers import (
    CHILDCARE_REQUIRES_RESPONSIBLE,
    HOUSEHOLD_HAS_NO_RESPONSIBLE,
    NO_SIN_NO_RELEVE24,
    PAYER_IS_CHILD,
    PAYER_NOT_MEMBER,
    PAYER_RELATIONSHIPS,
    PAYER_REMOVED,
    PayerCandidate,
    PayerCheck,
    check_payer,
    eligible_payers,
    responsible_of,
)
from console.domain.vocabulary import Relationship

R = Relationship
MARIE = PayerCandidate(1, "Marie Côté", R.RESPONSIBLE)
LUC = PayerCandidate(2, "Luc Tremblay", R.SPOUSE_AND_PARENT)
ANNE = PayerCandidate(3, "Anne Côté", R.CHILD)
PAUL = PayerCandidate(4, "Paul Côté", R.PARENT_OF_RESPONSIBLE)
SOPHIE = PayerCandidate(5, "Sophie Roy", R.SPOUSE)
JEAN = PayerCandidate(6, "Jean Roy", R.OTHER)
GONE = PayerCandidate(7, "Éric Gagnon", R.SPOUSE, removed=True)
FAMILY = (MARIE, LUC, ANNE, PAUL, SOPHIE, JEAN, GONE)


def test_payer_list_is_every_current_member_but_the_children_in_order() -> None:
    assert eligible_payers(FAMILY) == (MARIE, LUC, PAUL, SOPHIE, JEAN)


def test_payer_relationships_are_all_but_child() -> None:
    assert {
        R.RESPONSIBLE,
        R.SPOUSE_AND_PARENT,
        R.SPOUSE,
        R.PARENT_OF_RESPONSIBLE,
        R.OTHER,
    } == PAYER_RELATIONSHIPS


def test_responsible_is_found_among_current_members() -> None:
    assert responsible_of(FAMILY) == MARIE
    assert responsible_of([LUC, PayerCandidate(9, "Ex", R.RESPONSIBLE, removed=True)]) is None


@pytest.mark.parametrize("payer", [MARIE, LUC, PAUL, SOPHIE, JEAN])
def test_any_adult_may_pay_an_ordinary_cart(payer: PayerCandidate) -> None:
    check = check_payer(payer, FAMILY, cart_has_childcare=False, responsible_has_sin=False)
    assert check == PayerCheck() and check.ok and check.reasons == ()


def test_a_child_cannot_pay() -> None:
    check = check_payer(ANNE, FAMILY, cart_has_childcare=False, responsible_has_sin=True)
    assert check.blocking == (Reason(PAYER_IS_CHILD, {"member_id": 3, "name": "Anne Côté"}),)
    assert not check.ok


def test_a_removed_member_cannot_pay() -> None:
    check = check_payer(GONE, FAMILY, cart_has_childcare=False, responsible_has_sin=True)
    assert check.blocking == (Reason(PAYER_REMOVED, {"member_id": 7, "name": "Éric Gagnon"}),)


def test_a_stranger_to_the_household_cannot_pay() -> None:
    stranger = PayerCandidate(99, "Inconnu", R.RESPONSIBLE)
    check = check_payer(stranger, FAMILY, cart_has_childcare=False, responsible_has_sin=True)
    assert check.blocking == (Reason(PAYER_NOT_MEMBER, {"member_id": 99}),)


def test_the_household_record_wins_over_a_stale_payer_value() -> None:
    stale = PayerCandidate(3, "Anne Côté", R.OTHER)  # the file says Anne is a child
    check = check_payer(stale, FAMILY, cart_has_childcare=False, responsible_has_sin=True)
    assert [r.code for r in check.blocking] == [PAYER_IS_CHILD]


def test_childcare_cart_is_paid_by_the_responsible() -> None:
    check = check_payer(MARIE, FAMILY, cart_has_childcare=True, responsible_has_sin=True)
    assert check == PayerCheck()


@pytest.mark.parametrize("payer", [LUC, PAUL, SOPHIE, JEAN])
def test_childcare_cart_refuses_any_other_adult(payer: PayerCandidate) -> None:
    check = check_payer(payer, FAMILY, cart_has_childcare=True, responsible_has_sin=True)
    assert check.blocking == (
        Reason(
            CHILDCARE_REQUIRES_RESPONSIBLE,
            {"payer_name": payer.name, "responsible_name": "Marie Côté"},
        ),
    )


def test_child_paying_for_childcare_gets_both_reasons() -> None:
    check = check_payer(ANNE, FAMILY, cart_has_childcare=True, responsible_has_sin=True)
    assert [r.code for r in check.blocking] == [PAYER_IS_CHILD, CHILDCARE_REQUIRES_RESPONSIBLE]


def test_missing_sin_is_a_warning_that_does_not_block() -> None:
    check = check_payer(MARIE, FAMILY, cart_has_childcare=True, responsible_has_sin=False)
    assert check.ok
    assert check.warnings == (Reason(NO_SIN_NO_RELEVE24, {"responsible_name": "Marie Côté"}),)
    assert check.reasons == check.warnings


def test_missing_sin_matters_only_for_childcare() -> None:
    check = check_payer(MARIE, FAMILY, cart_has_childcare=False, responsible_has_sin=False)
    assert check.warnings == ()


def test_blocking_reasons_come_before_warnings() -> None:
    check = check_payer(LUC, FAMILY, cart_has_childcare=True, responsible_has_sin=False)
    assert [r.code for r in check.reasons] == [CHILDCARE_REQUIRES_RESPONSIBLE, NO_SIN_NO_RELEVE24]


def test_childcare_without_a_responsible_on_file_is_blocked() -> None:
    check = check_payer(LUC, [LUC, ANNE], cart_has_childcare=True, responsible_has_sin=True)
    assert check.blocking == (Reason(HOUSEHOLD_HAS_NO_RESPONSIBLE),)


members = st.lists(
    st.builds(
        PayerCandidate,
        member_id=st.integers(1, 30),
        name=st.text(max_size=5),
        relationship=st.sampled_from(Relationship),
        removed=st.booleans(),
    ),
    max_size=10,
    unique_by=lambda m: m.member_id,
)


@given(members)
def test_eligible_payers_are_exactly_current_non_children(family: list[PayerCandidate]) -> None:
    payers = eligible_payers(family)
    assert all(p.relationship is not R.CHILD and not p.removed for p in payers)
    assert len(payers) == sum(1 for m in family if m.relationship is not R.CHILD and not m.removed)


@given(members, st.booleans(), st.booleans())
def test_without_childcare_a_member_may_pay_iff_listed_as_payer(
    family: list[PayerCandidate], childcare: bool, has_sin: bool
) -> None:
    for member in family:
        check = check_payer(member, family, cart_has_childcare=False, responsible_has_sin=has_sin)
        assert check.ok == (member in eligible_payers(family))
        assert check.warnings == ()


@given(members, st.booleans())
def test_with_childcare_only_the_responsible_may_pay(
    family: list[PayerCandidate], has_sin: bool
) -> None:
    for member in family:
        check = check_payer(member, family, cart_has_childcare=True, responsible_has_sin=has_sin)
        assert check.ok == (member == responsible_of(family))
