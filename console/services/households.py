"""The whole family file at a glance: members, account, carts, registrations, waitlist,
payments, messages and earlier call notes — one read, plain frozen values."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from console.db.models import (
    Account,
    Activity,
    CallNote,
    Cart,
    CartItem,
    Household,
    Member,
    OutboxMessage,
    Payment,
    Registration,
    WaitlistEntry,
)
from console.domain.cart_timer import CartHold
from console.domain.errors import NotFound
from console.domain.payers import PayerCandidate, eligible_payers
from console.domain.phones import format_phone
from console.domain.sin import mask_last_digits
from console.domain.views.households import AccountView as AccountView
from console.domain.views.households import CallNoteView as CallNoteView
from console.domain.views.households import CartItemView as CartItemView
from console.domain.views.households import CartView as CartView
from console.domain.views.households import HouseholdView as HouseholdView
from console.domain.views.households import MemberView as MemberView
from console.domain.views.households import MessageView as MessageView
from console.domain.views.households import PaymentView as PaymentView
from console.domain.views.households import RegistrationView as RegistrationView
from console.domain.views.households import WaitlistView as WaitlistView
from console.domain.vocabulary import CartState, Relationship
from console.services.context import ServiceContext
from console.services.places import OPEN_WAITLIST
from console.services.quebec_time import local_date

RECENT_MESSAGES = 30
RECENT_NOTES = 20


def household_view(ctx: ServiceContext, household_id: int) -> HouseholdView:
    now = ctx.clock.now()
    with ctx.db.read() as session:
        household = session.get(Household, household_id)
        if household is None:
            raise NotFound("household_not_found", household_id=household_id)
        members = _members(household, local_date(now))
        names = {m.member_id: m.name for m in members}
        return HouseholdView(
            household_id=household.id,
            number=household.number,
            version=household.version,
            borough_id=household.borough_id,
            borough=household.borough.name,
            postal_code=household.postal_code,
            address=household.address,
            account=_account(household.account),
            members=members,
            carts=_carts(session, household.id, names, now),
            registrations=_registrations(session, household.id, names),
            waitlist=_waitlist(session, household.id, names),
            payments=_payments(session, household.id, names),
            messages=_messages(session, household.account_id),
            call_notes=call_note_views(session, household.id),
            as_of=now,
        )


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _members(household: Household, today: date) -> tuple[MemberView, ...]:
    candidates = [
        PayerCandidate(
            member_id=m.id,
            name=f"{m.first_name} {m.last_name}",
            relationship=Relationship(m.relationship),
            removed=m.removed_at is not None,
        )
        for m in household.members
    ]
    payers = {c.member_id for c in eligible_payers(candidates)}
    order = list(Relationship)
    ordered = sorted(
        household.members,
        key=lambda m: (
            m.removed_at is not None,
            order.index(Relationship(m.relationship)),
            m.birth_date,
        ),
    )
    return tuple(
        MemberView(
            member_id=m.id,
            first_name=m.first_name,
            last_name=m.last_name,
            relationship=Relationship(m.relationship),
            birth_date=m.birth_date,
            age=_age(m.birth_date, today),
            phone=format_phone(m.phone) if m.phone else None,
            may_pay=m.id in payers,
            has_sin=m.sin_encrypted is not None,
            sin_masked=mask_last_digits(m.sin_last3) if m.sin_encrypted is not None else None,
            removed=m.removed_at is not None,
        )
        for m in ordered
    )


def _account(account: Account) -> AccountView:
    return AccountView(
        account_id=account.id,
        email=account.email,
        confirmed=account.confirmed_at is not None,
        confirmed_at=account.confirmed_at,
        locked=account.locked_at is not None,
        locked_at=account.locked_at,
        failed_login_count=account.failed_login_count,
        last_failed_login_at=account.last_failed_login_at,
        language=account.language,
    )


def _carts(
    session: Session, household_id: int, names: dict[int, str], now: datetime
) -> tuple[CartView, ...]:
    carts = session.scalars(
        select(Cart)
        .where(Cart.household_id == household_id)
        .options(selectinload(Cart.items).selectinload(CartItem.activity))
        .order_by(Cart.created_at.desc())
    )
    views = []
    for cart in carts:
        hold = CartHold(
            state=CartState(cart.state),
            deadline=cart.hold_expires_at,
            extension_used=cart.extension_used,
            checkout_locked_until=cart.checkout_locked_until,
        )
        views.append(
            CartView(
                cart_id=cart.id,
                number=cart.number,
                owner_number=cart.owner_number,
                state=CartState(cart.state),
                hold_expires_at=cart.hold_expires_at,
                extension_used=cart.extension_used,
                checkout_locked_until=cart.checkout_locked_until,
                live=hold.is_live(now),
                channel=cart.channel,
                items=tuple(
                    CartItemView(
                        item_id=i.id,
                        member_name=names.get(i.member_id, "?"),
                        activity_id=i.activity_id,
                        activity_code=i.activity.code,
                        activity_title=i.activity.title,
                        price_cents=i.price_cents,
                        state=i.state,
                    )
                    for i in cart.items
                ),
            )
        )
    return tuple(views)


def _registrations(
    session: Session, household_id: int, names: dict[int, str]
) -> tuple[RegistrationView, ...]:
    rows = session.execute(
        select(Registration, Activity, Cart.number)
        .join(Member, Registration.member_id == Member.id)
        .join(Activity, Registration.activity_id == Activity.id)
        .outerjoin(Cart, Registration.cart_id == Cart.id)
        .where(Member.household_id == household_id)
        .options(selectinload(Registration.activity).selectinload(Activity.season))
        .order_by(Registration.created_at.desc())
    )
    return tuple(
        RegistrationView(
            registration_id=r.id,
            member_name=names.get(r.member_id, "?"),
            activity_code=a.code,
            activity_title=a.title,
            season=a.season.name,
            schedule=a.schedule,
            state=r.state,
            cart_number=cart_number,
            created_at=r.created_at,
        )
        for r, a, cart_number in rows
    )


def _waitlist(
    session: Session, household_id: int, names: dict[int, str]
) -> tuple[WaitlistView, ...]:
    # One grouped self-join rather than a count per entry: each of the household's entries
    # meets the open entries of its activity that stand strictly ahead of it (equal
    # positions share a rank). A closed entry keeps the rank it would have among the open
    # ones, as the count per entry gave it; a window over the open entries would drop it.
    ahead = aliased(WaitlistEntry)
    rows = session.execute(
        select(WaitlistEntry, Activity.code, Activity.title, func.count(ahead.id))
        .join(Activity, WaitlistEntry.activity_id == Activity.id)
        .outerjoin(
            ahead,
            and_(
                ahead.activity_id == WaitlistEntry.activity_id,
                ahead.state.in_(OPEN_WAITLIST),
                ahead.position < WaitlistEntry.position,
            ),
        )
        .where(WaitlistEntry.household_id == household_id)
        .group_by(WaitlistEntry.id, Activity.id)
        .order_by(WaitlistEntry.created_at.desc(), WaitlistEntry.id.desc())
    )
    return tuple(
        WaitlistView(
            entry_id=e.id,
            member_name=names.get(e.member_id, "?"),
            activity_id=e.activity_id,
            activity_code=code,
            activity_title=title,
            state=e.state,
            position=int(count_ahead) + 1,
            offer_expires_at=e.offer_expires_at,
            created_at=e.created_at,
        )
        for e, code, title, count_ahead in rows
    )


def _payments(
    session: Session, household_id: int, names: dict[int, str]
) -> tuple[PaymentView, ...]:
    rows = session.execute(
        select(Payment, Cart.number)
        .join(Cart, Payment.cart_id == Cart.id)
        .where(Cart.household_id == household_id)
        .order_by(Payment.created_at.desc())
    )
    return tuple(
        PaymentView(
            payment_id=p.id,
            transaction_number=p.transaction_number,
            cart_number=cart_number,
            payer_name=names.get(p.payer_member_id, "?"),
            amount_cents=p.amount_cents,
            status=p.status,
            card_brand=p.card_brand,
            card_last4=p.card_last4,
            authorization_code=p.authorization_code,
            refusal_reason=p.refusal_reason,
            created_at=p.created_at,
        )
        for p, cart_number in rows
    )


def _messages(session: Session, account_id: int) -> tuple[MessageView, ...]:
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.account_id == account_id)
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(RECENT_MESSAGES)
    )
    return tuple(
        MessageView(
            message_id=m.id,
            kind=m.kind,
            subject=m.subject,
            to_address=m.to_address,
            state=m.state,
            attempts=m.attempts,
            created_at=m.created_at,
            sent_at=m.sent_at,
            last_error=m.last_error,
        )
        for m in rows
    )


def call_note_views(
    session: Session, household_id: int, limit: int = RECENT_NOTES
) -> tuple[CallNoteView, ...]:
    """The household's call notes, newest first (also used by the call services)."""
    rows = session.scalars(
        select(CallNote)
        .where(CallNote.household_id == household_id)
        .options(selectinload(CallNote.staff))
        .order_by(CallNote.started_at.desc(), CallNote.id.desc())
        .limit(max(1, limit))
    )
    return tuple(
        CallNoteView(
            note_id=n.id,
            staff_name=n.staff.display_name,
            reason=n.reason,
            started_at=n.started_at,
            ended_at=n.ended_at,
            actions=n.actions,
            note=n.note,
        )
        for n in rows
    )
