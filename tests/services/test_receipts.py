"""Receipts (F9, F14): reprint by cart and owner numbers, email through the outbox; both
dialects. The PDF is read back with pypdf and every field checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.db.models import (
    Account,
    Activity,
    AuditEntry,
    Borough,
    CallVerification,
    Cart,
    CartItem,
    Household,
    Member,
    OutboxMessage,
    Payment,
    Receipt,
    Registration,
    Season,
    Staff,
)
from console.domain.clock import FixedClock
from console.domain.errors import Forbidden, NotFound, VerificationRequired
from console.domain.names import search_key
from console.domain.vocabulary import Language, Role
from console.services import receipts as receipts_service
from console.services.context import ServiceContext
from console.services.receipt_pdf import ReceiptData
from console.services.receipts import email_receipt, receipt_document
from console.services.staff import Actor

PAID_AT = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)  # 9 h 05 in Québec
APPROVED = "Paiement effectué avec succès – Confirmation de paiement"


@dataclass(frozen=True)
class World:
    actor: Actor
    household_id: int
    owner_number: int
    paid_cart: int
    refused_cart: int
    open_cart: int


def _text(pdf: bytes) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))


def _member(h: Household, first: str, rel: str, born: date) -> Member:
    return Member(
        household=h,
        first_name=first,
        last_name="Gagnon",
        first_name_key=search_key(first),
        last_name_key="gagnon",
        birth_date=born,
        relationship=rel,
    )


def _cart(s, h: Household, number: int, state: str) -> Cart:  # type: ignore[no-untyped-def]
    cart = Cart(
        number=number,
        owner_number=h.number,
        household=h,
        state=state,
        created_at=PAID_AT,
        updated_at=PAID_AT,
        hold_expires_at=PAID_AT + timedelta(minutes=20),
    )
    s.add(cart)
    s.flush()
    return cart


def _world(ctx: ServiceContext, *, language: str = "fr", verified: bool = True) -> World:
    with ctx.db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="H26", name="Hiver 2026", starts_on=date(2026, 1, 5), ends_on=date(2026, 3, 29)
        )
        swim = Activity(
            code="NAT-J3",
            title="Natation junior",
            title_key="natation junior",
            season=season,
            borough=borough,
            capacity=10,
            price_cents=8_500,
            schedule="Samedi 9 h",
        )
        camp = Activity(
            code="REL-26",
            title="Semaine de relâche",
            title_key="semaine de relache",
            season=season,
            borough=borough,
            capacity=10,
            price_cents=12_000,
            schedule="2 au 6 mars",
            is_childcare=True,
        )
        account = Account(email="gagnon@exemple.ca", created_at=PAID_AT, language=language)
        h = Household(
            number=100_077,
            account=account,
            borough=borough,
            postal_code="G1R 2B5",
            created_at=PAID_AT,
        )
        mom = _member(h, "Émilie", "responsible", date(1985, 5, 5))
        dad = _member(h, "Rémi", "spouse_and_parent", date(1983, 3, 3))
        zoe = _member(h, "Zoé", "child", date(2016, 6, 6))
        staff = Staff(username="agent1", display_name="Agent Un", role="agent")
        s.add_all([swim, camp, h, mom, dad, zoe, staff])
        s.flush()

        paid = _cart(s, h, 5_000_050, "paid")
        payment = Payment(
            transaction_number=300_000_500,
            idempotency_key="k-paid",
            cart_id=paid.id,
            payer_member_id=dad.id,
            amount_cents=20_500,
            status="approved",
            card_brand="mastercard",
            card_last4="4444",
            authorization_code="AUTH77",
            created_at=PAID_AT,
            decided_at=PAID_AT,
        )
        s.add(payment)
        s.flush()
        for activity, member in ((swim, zoe), (camp, mom)):
            s.add(
                CartItem(
                    cart_id=paid.id,
                    member_id=member.id,
                    activity_id=activity.id,
                    price_cents=activity.price_cents,
                    state="registered",
                    added_at=PAID_AT,
                )
            )
            s.add(
                Registration(
                    member_id=member.id,
                    activity_id=activity.id,
                    cart_id=paid.id,
                    payment_id=payment.id,
                    created_at=PAID_AT,
                )
            )
        s.add(
            Receipt(
                number=20_000_500,
                cart_id=paid.id,
                payment_id=payment.id,
                payer_member_id=dad.id,
                issued_at=PAID_AT,
                language=language,
            )
        )

        refused = _cart(s, h, 5_000_051, "open")
        s.add(
            CartItem(
                cart_id=refused.id,
                member_id=zoe.id,
                activity_id=swim.id,
                price_cents=8_500,
                state="held",
                added_at=PAID_AT,
            )
        )
        no = Payment(
            transaction_number=300_000_501,
            idempotency_key="k-refused",
            cart_id=refused.id,
            payer_member_id=mom.id,
            amount_cents=8_500,
            status="refused",
            card_brand="visa",
            card_last4="0002",
            refusal_reason="card_declined",
            created_at=PAID_AT,
            decided_at=PAID_AT,
        )
        s.add(no)
        s.flush()
        s.add(
            Receipt(
                number=20_000_501,
                cart_id=refused.id,
                payment_id=no.id,
                payer_member_id=mom.id,
                issued_at=PAID_AT,
                language=language,
            )
        )
        open_cart = _cart(s, h, 5_000_052, "open")
        if verified:
            s.add(
                CallVerification(
                    staff_id=staff.id,
                    household_id=h.id,
                    at=PAID_AT,
                    matched="birth_date,postal_code",
                    passed=True,
                )
            )
        s.flush()
        actor = Actor(staff.id, staff.username, staff.display_name, Role.AGENT)
        return World(actor, h.id, h.number, paid.id, refused.id, open_cart.id)


@pytest.fixture
def later(clock: FixedClock) -> FixedClock:
    clock.set(PAID_AT + timedelta(minutes=10))
    return clock


def _count(ctx: ServiceContext, model: type) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_reprint_shows_every_field_in_the_payers_name(
    ctx: ServiceContext, later: FixedClock
) -> None:
    world = _world(ctx)
    doc = receipt_document(ctx, world.actor, 5_000_050, world.owner_number)
    assert doc.receipt_number == 20_000_500
    assert doc.file_name == "recu-5000050-20000500.pdf"
    assert doc.household_id == world.household_id
    text = _text(doc.pdf)
    for expected in (
        "Ville de Québec — Mes loisirs en ligne",
        "Numéro de reçu 20000500",
        "Numéro de panier 5000050",
        "Numéro du propriétaire du panier 100077",
        "Numéro de transaction 300000500",
        "Personne qui paie Rémi Gagnon",  # the payer, not the responsible (F12)
        "Zoé Gagnon Natation junior NAT-J3 Hiver 2026 · Samedi 9 h 85,00 $",
        "Émilie Gagnon Semaine de relâche REL-26 Hiver 2026 · 2 au 6 mars 120,00 $",
        "Total 205,00 $",
        APPROVED,
        "Mastercard •••• 4444",
        "Code d’autorisation AUTH77",
        "2 mars 2026, 9 h 05",
        "Réimpression du 2 mars 2026, 9 h 15",
    ):
        assert expected in text, expected


def test_reprint_is_audited(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx)
    receipt_document(ctx, world.actor, 5_000_050, world.owner_number)
    with ctx.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "receipt.reprint")).one()
        assert entry.staff_id == world.actor.staff_id
        assert entry.household_id == world.household_id
        assert entry.target == "cart 5000050"
        assert "20000500" in entry.details


def test_english_household_gets_an_english_receipt(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx, language="en")
    text = _text(receipt_document(ctx, world.actor, 5_000_050, world.owner_number).pdf)
    assert "Registration receipt" in text and "Total $205.00" in text
    assert "Payment completed successfully – Payment confirmation" in text


def test_an_english_receipt_reads_the_schedule_and_season_in_english(
    ctx: ServiceContext, later: FixedClock
) -> None:
    world = _world(ctx, language="en")
    text = _text(receipt_document(ctx, world.actor, 5_000_050, world.owner_number).pdf)
    assert "Winter 2026 · Saturday 9 a.m." in text
    assert "Winter 2026 · March 2 to 6" in text
    assert "Samedi" not in text and "Hiver" not in text and "mars" not in text


def test_a_french_receipt_keeps_the_citys_schedule(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx)
    text = _text(receipt_document(ctx, world.actor, 5_000_050, world.owner_number).pdf)
    assert "Hiver 2026 · Samedi 9 h" in text and "Hiver 2026 · 2 au 6 mars" in text


def test_agent_may_print_in_the_other_language(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx)
    doc = receipt_document(ctx, world.actor, 5_000_050, world.owner_number, language=Language.EN)
    assert doc.file_name.startswith("receipt-")
    assert "Cart owner number 100077" in _text(doc.pdf)


def test_refused_payment_receipt_says_paiement_refuse(
    ctx: ServiceContext, later: FixedClock
) -> None:
    world = _world(ctx)
    text = _text(receipt_document(ctx, world.actor, 5_000_051, world.owner_number).pdf)
    assert "Paiement refusé" in text
    assert APPROVED not in text
    assert "VISA •••• 0002" in text
    assert "Motif du refus : Carte refusée par l’institution financière" in text
    assert "Zoé Gagnon Natation junior" in text


@pytest.mark.parametrize(
    ("cart", "owner", "code"),
    [
        (9_999_999, 100_077, "receipt_not_found"),
        (5_000_050, 100_078, "receipt_not_found"),  # wrong owner number
        (5_000_052, 100_077, "receipt_not_issued"),  # not paid yet
    ],
)
def test_unknown_cart_or_wrong_owner_is_not_found_and_writes_nothing(
    ctx: ServiceContext, later: FixedClock, cart: int, owner: int, code: str
) -> None:
    world = _world(ctx)
    audits = _count(ctx, AuditEntry)
    with pytest.raises(NotFound) as missing:
        receipt_document(ctx, world.actor, cart, owner)
    assert missing.value.code == code
    with pytest.raises(NotFound):
        email_receipt(ctx, world.actor, cart, owner)
    assert _count(ctx, AuditEntry) == audits
    assert _count(ctx, OutboxMessage) == 0


def test_receipt_needs_a_verified_caller(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx, verified=False)
    with pytest.raises(VerificationRequired):
        receipt_document(ctx, world.actor, 5_000_050, world.owner_number)
    with pytest.raises(VerificationRequired):
        email_receipt(ctx, world.actor, 5_000_050, world.owner_number)
    assert _count(ctx, AuditEntry) == 0
    assert _count(ctx, OutboxMessage) == 0


def test_email_queues_the_pdf_to_the_address_on_file(
    ctx: ServiceContext, later: FixedClock
) -> None:
    world = _world(ctx)
    sent = email_receipt(ctx, world.actor, 5_000_050, world.owner_number)
    assert sent.to_address == "gagnon@exemple.ca"
    assert sent.receipt_number == 20_000_500
    with ctx.db.read() as s:
        message = s.get(OutboxMessage, sent.outbox_id)
        assert message is not None
        assert message.to_address == "gagnon@exemple.ca"
        assert message.kind == "receipt"
        assert message.state == "queued"
        assert "5000050" in message.subject
        assert message.attachment_name == "recu-5000050-20000500.pdf"
        assert message.attachment is not None
        assert "Personne qui paie Rémi Gagnon" in _text(message.attachment)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "receipt.email")).one()
        assert entry.account_id is not None and entry.household_id == world.household_id


def test_an_unverified_agent_cannot_tell_an_unpaid_cart_from_a_paid_one(
    ctx: ServiceContext, later: FixedClock
) -> None:
    world = _world(ctx, verified=False)
    for cart in (5_000_050, 5_000_052):  # paid; not paid yet
        with pytest.raises(VerificationRequired):
            receipt_document(ctx, world.actor, cart, world.owner_number)
        with pytest.raises(VerificationRequired):
            email_receipt(ctx, world.actor, cart, world.owner_number)


class _Outsider(StrEnum):
    AUDITOR = "auditor"  # a role the console may grow; receipts stay with support


def test_a_role_outside_support_gets_no_receipt(ctx: ServiceContext, later: FixedClock) -> None:
    world = _world(ctx)
    stranger = replace(world.actor, role=_Outsider.AUDITOR)
    for action in (receipt_document, email_receipt):
        with pytest.raises(Forbidden):
            action(ctx, stranger, 5_000_050, world.owner_number)
    assert _count(ctx, AuditEntry) == 0
    assert _count(ctx, OutboxMessage) == 0


def test_the_emailed_pdf_is_rendered_outside_the_write_transaction(
    ctx: ServiceContext, later: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = _world(ctx)
    writing: list[bool] = []
    real_write, real_render = ctx.db.write, receipts_service.render_receipt_pdf

    @contextmanager
    def write() -> Iterator[Session]:
        writing.append(True)
        try:
            with real_write() as session:
                yield session
        finally:
            writing.pop()

    def render(data: ReceiptData) -> bytes:
        assert not writing, "the PDF was rendered inside a write transaction"
        return real_render(data)

    monkeypatch.setattr(ctx.db, "write", write)
    monkeypatch.setattr(receipts_service, "render_receipt_pdf", render)
    sent = email_receipt(ctx, world.actor, 5_000_050, world.owner_number)
    assert sent.receipt_number == 20_000_500
