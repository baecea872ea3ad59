"""Small builders for service tests: a household with its family, staff of each role,
activities, carts, registrations, waitlist entries and payments.

Each builder adds rows to the session it is given and flushes, so ids are known; the
caller's ``with db.write() as session:`` block commits them. Builders return frozen
records of ids and the values tests compare against, never live ORM objects.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from console.db.models import (
    Account,
    Activity,
    Borough,
    Cart,
    CartItem,
    Household,
    Member,
    Payment,
    Registration,
    Season,
    Staff,
    WaitlistEntry,
)
from console.db.numbers import next_number
from console.domain.names import search_key
from console.domain.vocabulary import Relationship, Role
from console.services.context import ServiceContext
from console.services.staff import Actor
from console.services.verification import CallerAnswers, verify_caller

_serial = itertools.count(1)
T0 = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class BuiltHousehold:
    household_id: int
    number: int
    account_id: int
    email: str
    borough_id: int
    postal_code: str
    responsible_id: int
    responsible_birth_date: date
    spouse_id: int | None
    child_id: int | None
    version: int = 1


@dataclass(frozen=True)
class BuiltActivity:
    activity_id: int
    code: str
    season_id: int
    borough_id: int


def make_borough(session: Session, code: str | None = None, name: str | None = None) -> int:
    n = next(_serial)
    borough = Borough(code=code or f"B{n}", name=name or f"Arrondissement {n}")
    session.add(borough)
    session.flush()
    return borough.id


def make_staff(
    session: Session,
    role: Role,
    borough: int | None = None,
    *,
    username: str | None = None,
    display_name: str | None = None,
) -> Actor:
    """A staff member as the services see them; a clerk gets a borough if none is given."""
    if role is Role.CLERK and borough is None:
        borough = make_borough(session)
    n = next(_serial)
    staff = Staff(
        username=username or f"{role.value}{n}",
        display_name=display_name or f"{role.value.title()} {n}",
        role=role.value,
        borough_id=borough,
        active=True,
    )
    session.add(staff)
    session.flush()
    return Actor(
        staff_id=staff.id,
        username=staff.username,
        display_name=staff.display_name,
        role=role,
        borough_id=borough,
    )


def make_member(
    session: Session,
    household_id: int,
    first_name: str,
    last_name: str,
    relationship: Relationship,
    birth_date: date,
    *,
    phone: str | None = None,
) -> int:
    member = Member(
        household_id=household_id,
        first_name=first_name,
        last_name=last_name,
        first_name_key=search_key(first_name),
        last_name_key=search_key(last_name),
        birth_date=birth_date,
        relationship=relationship.value,
        phone=phone,
    )
    session.add(member)
    session.flush()
    return member.id


def make_household(
    session: Session,
    *,
    borough: int | None = None,
    email: str | None = None,
    postal_code: str = "G1R 2B5",
    language: str = "fr",
    confirmed: bool = True,
    locked: bool = False,
    failed_logins: int = 0,
    last_name: str = "Tremblay",
    responsible_birth_date: date = date(1984, 6, 12),
    spouse: bool = True,
    child: bool = True,
) -> BuiltHousehold:
    """A Dossier loisir: responsible, spouse (Conjoint) and child, and its account."""
    n = next(_serial)
    borough = borough if borough is not None else make_borough(session)
    email = email or f"famille{n}@exemple.ca"
    account = Account(
        email=email,
        created_at=T0,
        confirmed_at=T0 if confirmed else None,
        failed_login_count=failed_logins or (5 if locked else 0),
        last_failed_login_at=T0 + timedelta(days=1) if (locked or failed_logins) else None,
        locked_at=T0 + timedelta(days=1) if locked else None,
        language=language,
    )
    session.add(account)
    session.flush()
    household = Household(
        number=next_number(session, "household_number_seq"),
        account_id=account.id,
        borough_id=borough,
        postal_code=postal_code,
        address=f"{n} rue des Érables",
        created_at=T0,
    )
    session.add(household)
    session.flush()
    responsible = make_member(
        session, household.id, "Marie", last_name, Relationship.RESPONSIBLE, responsible_birth_date
    )
    spouse_id = (
        make_member(session, household.id, "Jean", last_name, Relationship.SPOUSE, date(1982, 2, 3))
        if spouse
        else None
    )
    child_id = (
        make_member(session, household.id, "Léa", last_name, Relationship.CHILD, date(2016, 9, 1))
        if child
        else None
    )
    return BuiltHousehold(
        household_id=household.id,
        number=household.number,
        account_id=account.id,
        email=email,
        borough_id=borough,
        postal_code=postal_code,
        responsible_id=responsible,
        responsible_birth_date=responsible_birth_date,
        spouse_id=spouse_id,
        child_id=child_id,
        version=household.version,
    )


def make_activity(
    session: Session,
    *,
    borough: int | None = None,
    season_ends_on: date = date(2026, 6, 20),
    capacity: int = 10,
    price_cents: int = 5000,
    title: str = "Natation — débutant",
    is_childcare: bool = False,
) -> BuiltActivity:
    n = next(_serial)
    borough = borough if borough is not None else make_borough(session)
    season = Season(
        code=f"S{n}",
        name=f"Saison {n}",
        starts_on=season_ends_on - timedelta(days=90),
        ends_on=season_ends_on,
    )
    session.add(season)
    session.flush()
    activity = Activity(
        code=f"ACT-{n}",
        title=title,
        title_key=search_key(title),
        season_id=season.id,
        borough_id=borough,
        capacity=capacity,
        price_cents=price_cents,
        schedule="Samedi 9 h",
        is_childcare=is_childcare,
    )
    session.add(activity)
    session.flush()
    return BuiltActivity(activity.id, activity.code, season.id, borough)


def make_cart(
    session: Session,
    household: BuiltHousehold,
    *,
    state: str = "open",
    created_at: datetime = T0,
    hold_expires_at: datetime | None = None,
) -> int:
    cart = Cart(
        number=next_number(session, "cart_number_seq"),
        owner_number=household.number,
        household_id=household.household_id,
        state=state,
        created_at=created_at,
        updated_at=created_at,
        hold_expires_at=hold_expires_at or created_at + timedelta(minutes=20),
    )
    session.add(cart)
    session.flush()
    return cart.id


def make_cart_item(
    session: Session,
    cart_id: int,
    member_id: int,
    activity: BuiltActivity,
    *,
    state: str = "held",
    added_at: datetime = T0,
) -> int:
    item = CartItem(
        cart_id=cart_id,
        member_id=member_id,
        activity_id=activity.activity_id,
        price_cents=5000,
        state=state,
        added_at=added_at,
    )
    session.add(item)
    session.flush()
    return item.id


def make_payment(
    session: Session,
    household: BuiltHousehold,
    *,
    amount_cents: int = 12500,
    at: datetime = T0,
    status: str = "approved",
    payer_id: int | None = None,
) -> int:
    cart_id = make_cart(session, household, state="paid", created_at=at)
    payment = Payment(
        transaction_number=next_number(session, "transaction_number_seq"),
        idempotency_key=f"key-{next(_serial)}",
        cart_id=cart_id,
        payer_member_id=payer_id or household.responsible_id,
        amount_cents=amount_cents,
        status=status,
        card_brand="visa",
        card_last4="4242",
        created_at=at,
        decided_at=at,
    )
    session.add(payment)
    session.flush()
    return payment.id


def make_registration(
    session: Session,
    member_id: int,
    activity: BuiltActivity,
    *,
    state: str = "confirmed",
    at: datetime = T0,
) -> int:
    registration = Registration(
        member_id=member_id, activity_id=activity.activity_id, state=state, created_at=at
    )
    session.add(registration)
    session.flush()
    return registration.id


def make_waitlist_entry(
    session: Session,
    household: BuiltHousehold,
    member_id: int,
    activity: BuiltActivity,
    *,
    state: str = "waiting",
    at: datetime = T0,
    position: float | None = None,
) -> int:
    entry = WaitlistEntry(
        activity_id=activity.activity_id,
        member_id=member_id,
        household_id=household.household_id,
        position=position if position is not None else float(next(_serial)),
        state=state,
        created_at=at,
        offered_at=at if state == "offered" else None,
        offer_expires_at=at + timedelta(hours=48) if state == "offered" else None,
    )
    session.add(entry)
    session.flush()
    return entry.id


def verify_call(ctx: ServiceContext, actor: Actor, household: BuiltHousehold) -> None:
    """Record a passed caller verification, as an agent does at the start of a call."""
    result = verify_caller(
        ctx,
        actor,
        household.household_id,
        CallerAnswers(
            birth_date=household.responsible_birth_date, postal_code=household.postal_code
        ),
    )
    assert result.passed
