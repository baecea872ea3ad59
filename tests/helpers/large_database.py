"""A large registration database written with bulk inserts: thousands of households with
their members, carts, registrations, waitlists, emails and call notes.

Used where the size matters (the GUI-thread stall test); ``console.db.seed`` builds the
realistic demo data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

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
    Registration,
    Season,
    Staff,
    WaitlistEntry,
)
from console.domain.names import search_key

LAST_NAMES = (  # noqa: SIM905 (a list of words reads better as words)
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier "
    "Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre Nadeau Martin "
    "Landry Martel Bédard Grenier Lessard Bernier Richard Michaud Hébert Desjardins Couture"
).split()
FIRST_NAMES = (  # noqa: SIM905
    "Marie Jean Hélène Luc Sophie Marc Julie Pierre Isabelle François Nathalie Éric Chantal "
    "Martin Catherine Louis Geneviève Simon Émilie Olivier Zoé Léa Noah William Florence Alice"
).split()
KINDS = (
    "Natation",
    "Poterie",
    "Soccer",
    "Danse créative",
    "Patinage",
    "Yoga",
    "Karaté",
    "Camp de jour",
)
LEVELS = ("débutant", "intermédiaire", "avancé", "parents-enfants", "adultes")
REASONS = [f"F{n}" for n in range(1, 15)] + ["other"]
# Passwords, confirmation emails, full courses and cart timers are most of the calls.
REASON_WEIGHTS = [9, 7, 2, 1, 2, 6, 3, 6, 3, 2, 4, 1, 1, 2, 3]


@dataclass(frozen=True)
class LargeDatabase:
    households: int
    members: int
    busiest_household_id: int  # the household with the most history
    busiest_last_name: str


def fill_large(db: Database, households: int, now: datetime, seed: int = 7) -> LargeDatabase:
    rng = random.Random(seed)
    rows: dict[type, list[dict[str, Any]]] = {}

    def add(model: type, **values: Any) -> int:
        table = rows.setdefault(model, [])
        values.setdefault("id", len(table) + 1)
        table.append(values)
        return int(values["id"])

    for n, name in enumerate(("La Cité-Limoilou", "Les Rivières", "Sainte-Foy", "Beauport"), 1):
        add(Borough, code=f"B{n}", name=name)
    for code, starts in (("H26", date(2026, 1, 5)), ("P26", date(2026, 4, 6))):
        add(Season, code=code, name=code, starts_on=starts, ends_on=starts + timedelta(days=84))
    activities = 240
    capacity: dict[int, int] = {}
    for n in range(1, activities + 1):
        title = f"{rng.choice(KINDS)} — {rng.choice(LEVELS)} ({n})"
        capacity[n] = rng.choice((8, 10, 12, 15, 20))
        add(
            Activity,
            code=f"A-{n:04d}",
            title=title,
            title_key=search_key(title),
            season_id=1 + n % 2,
            borough_id=1 + n % 4,
            capacity=capacity[n],
            price_cents=rng.choice((4500, 6000, 7500)),
            schedule="Samedi 9 h",
            location="",
            is_childcare=n % 9 == 0,
        )
    for n in range(1, 21):
        add(
            Staff,
            username=f"agent{n}",
            display_name=f"Agent {n}",
            role="supervisor" if n == 1 else "agent",
            borough_id=None,
            active=True,
        )

    busiest = 1
    registered: set[tuple[int, int]] = set()
    waiting: set[tuple[int, int]] = set()
    taken: dict[int, int] = {}
    for h in range(1, households + 1):
        last = LAST_NAMES[h % len(LAST_NAMES)]
        created = now - timedelta(days=rng.randint(30, 900))
        account = add(
            Account,
            email=f"{search_key(last).replace(' ', '')}.{h}@exemple.ca",
            created_at=created,
            confirmed_at=created,
            failed_login_count=0,
            language="fr",
        )
        household = add(
            Household,
            number=100000 + h,
            account_id=account,
            borough_id=1 + h % 4,
            postal_code="G1R 2B5",
            address=f"{h} rue des Érables",
            created_at=created,
            version=1,
        )
        members = []
        for m, relationship in enumerate(("responsible", "spouse", "child", "child")[: 2 + h % 3]):
            first = FIRST_NAMES[(h * 7 + m) % len(FIRST_NAMES)]
            members.append(
                add(
                    Member,
                    household_id=household,
                    first_name=first,
                    last_name=last,
                    first_name_key=search_key(first),
                    last_name_key=search_key(last),
                    birth_date=date(1980 + (h + m * 9) % 40, 1 + h % 12, 1 + m),
                    relationship=relationship,
                    phone=f"+1418555{h:04d}" if m == 0 and h < 10000 else None,
                )
            )
        history = 12 if h == busiest else rng.randint(0, 3)
        for _ in range(history):
            at = now - timedelta(days=rng.randint(1, 200))
            cart = add(
                Cart,
                number=5000000 + len(rows.get(Cart, [])) + 1,
                owner_number=100000 + h,
                household_id=household,
                state="paid",
                created_at=at,
                updated_at=at,
                hold_expires_at=at + timedelta(minutes=20),
                extension_used=False,
                channel="web",
            )
            member = rng.choice(members)
            activity = rng.randint(1, activities)
            add(
                CartItem,
                cart_id=cart,
                member_id=member,
                activity_id=activity,
                price_cents=6000,
                state="registered",
                added_at=at,
            )
            if (member, activity) in registered:
                pass
            elif taken.get(activity, 0) >= capacity[activity]:
                if (member, activity) not in waiting:
                    waiting.add((member, activity))
                    add(
                        WaitlistEntry,
                        activity_id=activity,
                        member_id=member,
                        household_id=household,
                        position=float(len(rows.get(WaitlistEntry, [])) + 1),
                        state="waiting",
                        created_at=at,
                    )
            else:
                registered.add((member, activity))
                taken[activity] = taken.get(activity, 0) + 1
                add(
                    Registration,
                    member_id=member,
                    activity_id=activity,
                    cart_id=cart,
                    state="confirmed",
                    created_at=at,
                )
            failed = rng.random() < 0.03
            add(
                OutboxMessage,
                message_id=f"<r{cart}@large>",
                account_id=account,
                to_address=f"{h}@exemple.ca",
                kind="receipt",
                subject="Reçu",
                body="…",
                state="failed" if failed else "sent",
                last_error="550 5.1.1 boîte aux lettres inconnue" if failed else None,
                attempts=1,
                created_at=at,
                next_attempt_at=at,
                sent_at=at,
            )
        if h % 97 == 0:  # a family whose browser closed at checkout (F11)
            add(
                Cart,
                number=5000000 + len(rows.get(Cart, [])) + 1,
                owner_number=100000 + h,
                household_id=household,
                state="checkout",
                created_at=now - timedelta(minutes=10),
                updated_at=now - timedelta(minutes=10),
                hold_expires_at=now + timedelta(minutes=10),
                extension_used=False,
                checkout_locked_until=now + timedelta(minutes=rng.randint(1, 20)),
                channel="web",
            )
        for _ in range(8 if h == busiest else int(rng.random() < 0.5)):
            at = now - timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 600))
            add(
                CallNote,
                staff_id=rng.randint(1, 20),
                household_id=household,
                reason=rng.choices(REASONS, REASON_WEIGHTS)[0],
                started_at=at,
                ended_at=at + timedelta(minutes=5),
                actions="",
                note="Appel de suivi.",
            )

    with db.write() as session:
        for model in (
            Borough,
            Season,
            Activity,
            Staff,
            Account,
            Household,
            Member,
            Cart,
            CartItem,
            Registration,
            WaitlistEntry,
            OutboxMessage,
            CallNote,
        ):
            if rows.get(model):
                session.execute(insert(model), rows[model])
    return LargeDatabase(
        households=households,
        members=len(rows[Member]),
        busiest_household_id=busiest,
        busiest_last_name=LAST_NAMES[busiest % len(LAST_NAMES)],
    )
