"""Receipts (F9, F14): reprint from the cart number and the cart owner's number, or email
the PDF to the address on file.

A receipt shows who paid, for whom and what, so revealing one requires a verified caller
and leaves an audit entry. The two numbers (F14) find the cart; the caller of its household
must then be verified before anything else is told — whether a receipt was issued
included. An unverified agent only learns "no such cart for this owner" or "verify the
caller". The PDF is rendered from frozen data by ``receipt_pdf``, outside any write
transaction (SQLite has a single writer).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.db.models import Activity, Cart, CartItem, Household, Member, Payment, Receipt
from console.domain.errors import NotFound
from console.domain.views.receipts import EmailedReceipt as EmailedReceipt
from console.domain.views.receipts import ReceiptDocument as ReceiptDocument
from console.domain.vocabulary import (
    CardBrand,
    CartItemState,
    EmailKind,
    Language,
    PaymentStatus,
    Role,
)
from console.services import audit, outbox
from console.services.context import ServiceContext
from console.services.receipt_pdf import ReceiptData, ReceiptLine, render_receipt_pdf
from console.services.receipt_words import labels_for, schedule_words, season_words
from console.services.staff import Actor, require_role
from console.services.verification import require_verified

RECEIPT_EMAIL_KIND = EmailKind.RECEIPT.value
RECEIPT_ROLES = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


def _find(
    session: Session, ctx: ServiceContext, actor: Actor, cart_number: int, owner_number: int
) -> tuple[Cart, Receipt]:
    """The cart's receipt, once the caller of the cart's household is verified."""
    cart = session.scalar(
        select(Cart).where(Cart.number == cart_number, Cart.owner_number == owner_number)
    )
    if cart is None:
        # One answer for "no such cart" and "wrong owner number": a cart number alone
        # must not confirm that a cart exists (F14 needs both numbers).
        raise NotFound("receipt_not_found", cart_number=cart_number, owner_number=owner_number)
    # Before telling whether a receipt exists (paid or not is the caller's business).
    require_verified(session, ctx, actor, cart.household_id)
    receipts = session.execute(
        select(Receipt, Payment.status)
        .join(Payment, Receipt.payment_id == Payment.id)
        .where(Receipt.cart_id == cart.id)
        .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
    ).all()
    if not receipts:
        raise NotFound("receipt_not_issued", cart_number=cart_number, owner_number=owner_number)
    # The approval is the proof of registration; a refused attempt only if nothing else.
    approved = [r for r, status in receipts if status == PaymentStatus.APPROVED.value]
    return cart, (approved[0] if approved else receipts[0][0])


def _lines(
    session: Session, cart: Cart, payment: Payment, language: Language
) -> tuple[ReceiptLine, ...]:
    items = session.scalars(
        select(CartItem)
        .where(CartItem.cart_id == cart.id)
        .options(
            selectinload(CartItem.member),
            selectinload(CartItem.activity).selectinload(Activity.season),
        )
        .order_by(CartItem.id)
    ).all()
    if payment.status == PaymentStatus.APPROVED.value:
        chosen = [i for i in items if i.state == CartItemState.REGISTERED.value]
    else:
        # What the cart held when the payment was tried.
        chosen = [
            i
            for i in items
            if i.added_at <= payment.created_at
            and (i.released_at is None or i.released_at >= payment.created_at)
        ]
    return tuple(
        ReceiptLine(
            member_name=f"{i.member.first_name} {i.member.last_name}",
            activity_title=i.activity.title,
            activity_code=i.activity.code,
            session=" · ".join(
                p
                for p in (
                    season_words(i.activity.season.name, language),
                    schedule_words(i.activity.schedule, language),
                )
                if p
            ),
            amount_cents=i.price_cents,
        )
        for i in chosen or items
    )


def receipt_data(
    session: Session,
    receipt: Receipt,
    *,
    language: Language | None = None,
    reprinted_at: datetime | None = None,
) -> ReceiptData:
    """The frozen content of a receipt row (no card number exists to leak: last four only)."""
    payment = receipt.payment
    cart = receipt.cart
    payer = session.get(Member, receipt.payer_member_id)
    assert payer is not None  # a foreign key
    language = language or Language(receipt.language)
    return ReceiptData(
        receipt_number=receipt.number,
        cart_number=cart.number,
        owner_number=cart.owner_number,
        transaction_number=payment.transaction_number,
        payer_name=f"{payer.first_name} {payer.last_name}",
        lines=_lines(session, cart, payment, language),
        total_cents=payment.amount_cents,
        status=PaymentStatus(payment.status),
        card_brand=CardBrand(payment.card_brand) if payment.card_brand else None,
        card_last4=payment.card_last4,
        authorization_code=payment.authorization_code,
        issued_at=receipt.issued_at,
        language=language,
        refusal_reason=payment.refusal_reason,
        reprinted_at=reprinted_at,
    )


def _document(data: ReceiptData, household_id: int) -> ReceiptDocument:
    stem = labels_for(data.language).file_stem
    return ReceiptDocument(
        data=data,
        pdf=render_receipt_pdf(data),
        household_id=household_id,
        file_name=f"{stem}-{data.cart_number}-{data.receipt_number}.pdf",
    )


def receipt_document(
    ctx: ServiceContext,
    actor: Actor,
    cart_number: int,
    owner_number: int,
    *,
    language: Language | None = None,
) -> ReceiptDocument:
    """Reprint (F14): the receipt of the cart, marked as a reprint; verified caller, audited."""
    require_role(actor, *RECEIPT_ROLES, action="receipt_document")
    with ctx.db.write() as session:
        cart, receipt = _find(session, ctx, actor, cart_number, owner_number)
        data = receipt_data(session, receipt, language=language, reprinted_at=ctx.clock.now())
        audit.record(
            session,
            ctx,
            actor,
            "receipt.reprint",
            household_id=cart.household_id,
            member_id=receipt.payer_member_id,
            target=f"cart {cart.number}",
            details={"receipt": receipt.number, "language": data.language.value},
        )
    return _document(data, cart.household_id)


def email_receipt(
    ctx: ServiceContext,
    actor: Actor,
    cart_number: int,
    owner_number: int,
    *,
    language: Language | None = None,
) -> EmailedReceipt:
    """Queue the receipt PDF to the account's address on file (never a typed address).

    The PDF is rendered after a read transaction; a short write then checks the
    verification again, queues the message and records the audit entry.
    """
    require_role(actor, *RECEIPT_ROLES, action="email_receipt")
    with ctx.db.read() as session:
        cart, receipt = _find(session, ctx, actor, cart_number, owner_number)
        household_id, receipt_id = cart.household_id, receipt.id
        household = session.get_one(Household, household_id)
        data = receipt_data(
            session,
            receipt,
            language=language or Language(household.account.language),
            reprinted_at=ctx.clock.now(),
        )
    document = _document(data, household_id)
    words = labels_for(data.language)
    with ctx.db.write() as session:
        require_verified(session, ctx, actor, household_id)
        account = session.get_one(Household, household_id).account
        payer_member_id = session.get_one(Receipt, receipt_id).payer_member_id
        message = outbox.enqueue(
            session,
            ctx,
            to_address=account.email,
            kind=RECEIPT_EMAIL_KIND,
            subject=words.email_subject.format(cart=data.cart_number),
            body=words.email_body.format(
                payer=data.payer_name, cart=data.cart_number, owner=data.owner_number
            ),
            account_id=account.id,
            attachment=document.pdf,
            attachment_name=document.file_name,
        )
        audit.record(
            session,
            ctx,
            actor,
            "receipt.email",
            household_id=household_id,
            account_id=account.id,
            member_id=payer_member_id,
            target=f"cart {data.cart_number}",
            details={"receipt": data.receipt_number, "outbox": message.id},
        )
        return EmailedReceipt(data.receipt_number, account.email, message.id)
