"""Who may pay for a cart (F12) and who must for childcare activities (F13).

``payer_options`` feeds the payer list of the payment screen; ``validate_payer`` is the
same rule inside the payment transaction, so a stale screen cannot slip a wrong payer in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.db.models import Cart, CartItem, Member
from console.domain.errors import NotFound, Reason, Refused
from console.domain.payers import (
    CHILDCARE_REQUIRES_RESPONSIBLE,
    HOUSEHOLD_HAS_NO_RESPONSIBLE,
    NO_SIN_NO_RELEVE24,
    PayerCandidate,
    PayerCheck,
    check_payer,
    eligible_payers,
    responsible_of,
)
from console.domain.views.payers import PayerOption as PayerOption
from console.domain.views.payers import PayerOptions as PayerOptions
from console.domain.vocabulary import CartItemState, Relationship
from console.services.context import ServiceContext


@dataclass(frozen=True)
class _CartFacts:
    cart: Cart
    members: tuple[PayerCandidate, ...]
    childcare: tuple[str, ...]
    responsible_has_sin: bool
    amount_cents: int


def _facts(session: Session, cart_id: int) -> _CartFacts:
    cart = session.scalar(
        select(Cart)
        .where(Cart.id == cart_id)
        .options(selectinload(Cart.items).selectinload(CartItem.activity))
    )
    if cart is None:
        raise NotFound("cart_not_found", cart_id=cart_id)
    rows = session.scalars(
        select(Member).where(Member.household_id == cart.household_id).order_by(Member.id)
    ).all()
    members = tuple(
        PayerCandidate(
            member_id=m.id,
            name=f"{m.first_name} {m.last_name}",
            relationship=Relationship(m.relationship),
            removed=m.removed_at is not None,
        )
        for m in rows
    )
    responsible = responsible_of(members)
    has_sin = (
        any(m.id == responsible.member_id and m.sin_encrypted for m in rows)
        if (responsible is not None)
        else False
    )
    live = [i for i in cart.items if i.state != CartItemState.RELEASED.value]
    childcare = tuple(dict.fromkeys(i.activity.title for i in live if i.activity.is_childcare))
    return _CartFacts(
        cart=cart,
        members=members,
        childcare=childcare,
        responsible_has_sin=has_sin,
        amount_cents=sum(i.price_cents for i in live),
    )


def _why(facts: _CartFacts) -> tuple[Reason, ...]:
    """The F13 explanation for the screen, independent of who is picked."""
    if not facts.childcare:
        return ()
    responsible = responsible_of(facts.members)
    activities = ", ".join(facts.childcare)
    if responsible is None:
        return (Reason(HOUSEHOLD_HAS_NO_RESPONSIBLE, {"activities": activities}),)
    reasons = [
        Reason(
            CHILDCARE_REQUIRES_RESPONSIBLE,
            {"responsible_name": responsible.name, "activities": activities},
        )
    ]
    if not facts.responsible_has_sin:
        reasons.append(Reason(NO_SIN_NO_RELEVE24, {"responsible_name": responsible.name}))
    return tuple(reasons)


def payer_options(ctx: ServiceContext, cart_id: int) -> PayerOptions:
    """The payer list of a cart (F12) with the childcare rule applied (F13)."""
    with ctx.db.read() as session:
        facts = _facts(session, cart_id)
        responsible = responsible_of(facts.members)
        payers = tuple(
            PayerOption(
                member_id=c.member_id,
                name=c.name,
                relationship=c.relationship,
                is_responsible=responsible is not None and c.member_id == responsible.member_id,
                allowed=check_payer(
                    c, facts.members, bool(facts.childcare), facts.responsible_has_sin
                ).ok,
            )
            for c in eligible_payers(facts.members)
        )
        return PayerOptions(
            cart_id=facts.cart.id,
            cart_number=facts.cart.number,
            owner_number=facts.cart.owner_number,
            household_id=facts.cart.household_id,
            amount_cents=facts.amount_cents,
            payers=payers,
            childcare_activities=facts.childcare,
            responsible_member_id=responsible.member_id if responsible else None,
            responsible_name=responsible.name if responsible else None,
            responsible_has_sin=facts.responsible_has_sin,
            reasons=_why(facts),
        )


def validate_payer(session: Session, cart_id: int, payer_member_id: int) -> PayerCheck:
    """Inside the payment transaction: refuse a payer F12/F13 forbid.

    Raises ``Refused`` whose code is the first blocking reason's (e.g.
    ``childcare_requires_responsible``) and whose ``reasons`` are all of them; returns the
    check (whose warnings, e.g. ``no_sin_no_releve24``, the caller may record).
    """
    facts = _facts(session, cart_id)
    candidate = next(
        (m for m in facts.members if m.member_id == payer_member_id),
        PayerCandidate(member_id=payer_member_id, name="", relationship=Relationship.OTHER),
    )
    check = check_payer(candidate, facts.members, bool(facts.childcare), facts.responsible_has_sin)
    if not check.ok:
        raise Refused(
            check.blocking[0].code, reasons=check.blocking, payer_member_id=payer_member_id
        )
    return check
