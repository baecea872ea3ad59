"""A few families written straight into a test database, for the UI tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from console.db.engine import Database
from console.db.models import (
    Account,
    Activity,
    Borough,
    CallNote,
    Cart,
    CartItem,
    Household,
    Member,
    OutboxMessage,
    Payment,
    Registration,
    Season,
    Staff,
    WaitlistEntry,
)
from console.domain.names import search_key

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Families:
    cote: int  # locked account, live cart, full history
    gagnon: int  # unconfirmed account, a removed member
    tremblay: int
    # Staff: mlavoie (agent), sboucher (supervisor), cgirard (clerk, La Cité-Limoilou),
    # pbeaulieu (clerk, Beauport).
    cote_number: int = 100001
    gagnon_number: int = 100002
    tremblay_number: int = 100003
    live_cart_number: int = 5000001


def _member(
    household: Household,
    first: str,
    last: str,
    relationship: str,
    born: date,
    phone: str | None = None,
    removed_at: datetime | None = None,
) -> Member:
    return Member(
        household=household,
        first_name=first,
        last_name=last,
        first_name_key=search_key(first),
        last_name_key=search_key(last),
        birth_date=born,
        relationship=relationship,
        phone=phone,
        removed_at=removed_at,
    )


def _household(
    session: object, borough: Borough, number: int, email: str, **account: object
) -> Household:
    acc = Account(email=email, created_at=T0 - timedelta(days=400), **account)
    return Household(
        number=number,
        account=acc,
        borough=borough,
        postal_code="G1R 2B5",
        address="12, rue des Érables",
        created_at=T0 - timedelta(days=400),
    )


def insert_families(db: Database) -> Families:
    with db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        beauport = Borough(code="BE", name="Beauport")
        season = Season(
            code="H26", name="Hiver 2026", starts_on=date(2026, 1, 5), ends_on=date(2026, 3, 29)
        )
        swim = Activity(
            code="NAT-101",
            title="Natation — Débutant",
            title_key=search_key("Natation — Débutant"),
            season=season,
            borough=borough,
            capacity=10,
            price_cents=5500,
            schedule="Samedi 9 h",
        )
        pottery = Activity(
            code="ART-210",
            title="Poterie pour enfants",
            title_key=search_key("Poterie pour enfants"),
            season=season,
            borough=borough,
            capacity=8,
            price_cents=7250,
            schedule="Mercredi 18 h 30",
        )
        s.add_all(
            [
                borough,
                season,
                swim,
                pottery,
                Staff(username="mlavoie", display_name="Martine Lavoie", role="agent"),
                Staff(username="sboucher", display_name="Sylvie Boucher", role="supervisor"),
                Staff(
                    username="cgirard", display_name="Claude Girard", role="clerk", borough=borough
                ),
                Staff(
                    username="pbeaulieu",
                    display_name="Pierre Beaulieu",
                    role="clerk",
                    borough=beauport,
                ),
            ]
        )

        cote = _household(
            s,
            borough,
            100001,
            "helene.cote@example.ca",
            confirmed_at=T0 - timedelta(days=399),
            locked_at=T0 - timedelta(hours=2),
            failed_login_count=5,
            last_failed_login_at=T0 - timedelta(hours=2),
        )
        helene = _member(cote, "Hélène", "Côté", "responsible", date(1985, 4, 1), "+14185550199")
        _member(cote, "Jean", "Côté", "spouse_and_parent", date(1983, 7, 9))
        zoe = _member(cote, "Zoé", "Côté", "child", date(2016, 5, 20))
        gagnon = _household(s, borough, 100002, "m.gagnon@example.ca")
        _member(gagnon, "Marc", "Gagnon", "responsible", date(1979, 1, 2), "+15815550123")
        _member(
            gagnon, "Luc", "Gagnon", "other", date(1990, 2, 3), removed_at=T0 - timedelta(days=3)
        )
        tremblay = _household(
            s, borough, 100003, "h.tremblay@example.ca", confirmed_at=T0 - timedelta(days=10)
        )
        _member(tremblay, "Helene", "Tremblay", "responsible", date(1990, 6, 6))
        s.add_all([cote, gagnon, tremblay])
        s.flush()

        live = Cart(
            number=5000001,
            owner_number=100001,
            household=cote,
            state="open",
            created_at=T0 - timedelta(minutes=8),
            updated_at=T0 - timedelta(minutes=8),
            hold_expires_at=T0 + timedelta(minutes=12),
        )
        live.items.append(
            CartItem(
                member=zoe, activity=pottery, price_cents=7250, added_at=T0 - timedelta(minutes=8)
            )
        )
        paid = Cart(
            number=5000000,
            owner_number=100001,
            household=cote,
            state="paid",
            created_at=T0 - timedelta(days=30),
            updated_at=T0 - timedelta(days=30),
            hold_expires_at=T0 - timedelta(days=30),
        )
        paid.items.append(
            CartItem(
                member=zoe,
                activity=swim,
                price_cents=5500,
                state="registered",
                added_at=T0 - timedelta(days=30),
            )
        )
        s.add_all([live, paid])
        s.flush()
        payment = Payment(
            transaction_number=9000001,
            idempotency_key="t-1",
            cart_id=paid.id,
            payer_member_id=helene.id,
            amount_cents=5500,
            status="approved",
            card_brand="visa",
            card_last4="4242",
            authorization_code="A1B2C3",
            created_at=T0 - timedelta(days=30),
        )
        s.add(payment)
        s.flush()
        staff_id = s.scalar(Staff.__table__.select().with_only_columns(Staff.id).limit(1))
        s.add_all(
            [
                Registration(
                    member_id=zoe.id,
                    activity_id=swim.id,
                    cart_id=paid.id,
                    payment_id=payment.id,
                    created_at=T0 - timedelta(days=30),
                ),
                WaitlistEntry(
                    activity_id=swim.id,
                    member_id=helene.id,
                    household_id=cote.id,
                    position=1.0,
                    created_at=T0 - timedelta(days=2),
                ),
                OutboxMessage(
                    message_id="<m1@test>",
                    account_id=cote.account_id,
                    to_address="helene.cote@example.ca",
                    kind="receipt",
                    subject="Votre reçu d'inscription",
                    body="…",
                    state="sent",
                    attempts=1,
                    created_at=T0 - timedelta(days=30),
                    next_attempt_at=T0 - timedelta(days=30),
                    sent_at=T0 - timedelta(days=30),
                ),
                CallNote(
                    staff_id=staff_id,
                    household_id=cote.id,
                    reason="F1",
                    started_at=T0 - timedelta(days=1),
                    ended_at=T0 - timedelta(days=1) + timedelta(minutes=4),
                    actions="Lien de réinitialisation envoyé",
                    note="Appelante ne reçoit pas le courriel.",
                ),
            ]
        )
        return Families(cote=cote.id, gagnon=gagnon.id, tremblay=tremblay.id)
