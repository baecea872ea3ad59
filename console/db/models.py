"""The shared registration database: the public site and the console write to it.

The schema is owned by the Alembic migrations in ``console/db/migrations``; these
models describe it. Constraints live in the database itself so that other writers
(the public site) cannot break them either.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm import relationship as orm_relationship
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator, TypeEngine

from console.domain.vocabulary import (
    CartItemState,
    CartState,
    OutboxState,
    PaymentStatus,
    RegistrationState,
    Relationship,
    Role,
    WaitlistState,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: type) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"  # type: ignore[attr-defined]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every dialect (SQLite would otherwise return naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use the clock")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


TS = UtcDateTime()


def SearchKey(length: int) -> TypeEngine[str]:
    """A search key column: byte order ("C") on PostgreSQL, so one plain b-tree index
    serves both ``LIKE 'prefix%'`` and ``ORDER BY`` and a name search stops after its
    first rows instead of sorting every match. Keys are ASCII (see domain.names)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class CompactKey(ColumnElement[str]):
    """A name key without its spaces: a compact key's expression (migration 0009),
    written in each database's own spelling so that the schema read back from it
    compares equal to the model's."""

    inherit_cache = True
    type = String()

    def __init__(self, column: str) -> None:
        self.column = column


def compact_key_sql(key: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"replace(({key})::text, ' '::text, ''::text)"  # as PostgreSQL prints it
    # The line ends before SQLite's closing parenthesis: SQLAlchemy reads a generated
    # column's text from the table's SQL up to the last parenthesis on its line.
    return f"replace({key}, ' ', '')\n"


@compiles(CompactKey)
def _compile_compact_key(element: CompactKey, compiler: SQLCompiler, **kw: Any) -> str:
    return compact_key_sql(element.column, compiler.dialect.name)


class Borough(Base):
    __tablename__ = "borough"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Account(Base):
    """Compte utilisateur: the email is the identity and never changes (F3)."""

    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("failed_login_count >= 0", name="failed_login_count"),
        CheckConstraint("email = lower(email)", name="email_lowercase"),
        CheckConstraint("language IN ('fr', 'en')", name="language"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Byte order (migration 0003): the unique index also serves a partly typed address
    # ("gagnon.m") as a byte range, in order.
    email: Mapped[str] = mapped_column(SearchKey(254), unique=True)
    created_at: Mapped[datetime] = mapped_column(TS)
    confirmed_at: Mapped[datetime | None] = mapped_column(TS)
    failed_login_count: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_login_at: Mapped[datetime | None] = mapped_column(TS)
    locked_at: Mapped[datetime | None] = mapped_column(TS)
    language: Mapped[str] = mapped_column(String(2), default="fr")
    # Written by the public site when the family sets a password; the console never reads it.
    password_hash: Mapped[str | None] = mapped_column(String(255))


class Household(Base):
    """Dossier loisir. ``number`` is the household number the family quotes."""

    __tablename__ = "household"
    __table_args__ = (CheckConstraint("version >= 1", name="version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), unique=True)
    borough_id: Mapped[int] = mapped_column(ForeignKey("borough.id"), index=True)
    postal_code: Mapped[str] = mapped_column(String(7))
    address: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(TS)
    # Optimistic concurrency: a change made on a stale view is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)

    account: Mapped[Account] = orm_relationship()
    borough: Mapped[Borough] = orm_relationship()
    members: Mapped[list[Member]] = orm_relationship(
        back_populates="household", order_by="Member.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Member(Base):
    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint(_in("relationship", Relationship), name="relationship"),
        Index(
            "uq_member_one_responsible",
            "household_id",
            unique=True,
            sqlite_where=text("relationship = 'responsible' AND removed_at IS NULL"),
            postgresql_where=text("relationship = 'responsible' AND removed_at IS NULL"),
        ),
        Index(
            "ix_member_last_name_key",
            "last_name_key",
            "first_name_key",
        ),
        Index(
            "ix_member_first_name_key",
            "first_name_key",
        ),
        Index("ix_member_last_name_compact", "last_name_compact", "first_name_compact"),
        Index("ix_member_first_name_compact", "first_name_compact"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Lower-case, accent-free forms for search ("cote" finds "Côté").
    first_name_key: Mapped[str] = mapped_column(SearchKey(100))
    last_name_key: Mapped[str] = mapped_column(SearchKey(100))
    # The keys without their spaces, as a caller spells a name aloud ("OBrien" finds
    # "O'Brien", "Le Blanc" finds "LeBlanc"). Computed by the database (migration 0009),
    # so every writer — the public site too — keeps them right.
    first_name_compact: Mapped[str] = mapped_column(
        SearchKey(100), Computed(CompactKey("first_name_key")), nullable=False
    )
    last_name_compact: Mapped[str] = mapped_column(
        SearchKey(100), Computed(CompactKey("last_name_key")), nullable=False
    )
    birth_date: Mapped[date] = mapped_column(Date)
    relationship: Mapped[str] = mapped_column(String(24))
    # E.164 ("+14185550199"); indexed for caller search.
    phone: Mapped[str | None] = mapped_column(String(16), index=True)
    # Social insurance number, encrypted at rest (Fernet); never stored in clear. The id of
    # the key that sealed it (NULL: "k1", sealed before key ids) and its last three digits,
    # the only ones ever shown unasked ("*** *** 123"), go beside it (console.db.sin).
    sin_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    sin_key_id: Mapped[str | None] = mapped_column(String(16), index=True)
    sin_last3: Mapped[str | None] = mapped_column(String(3))
    # Removal keeps history: receipts and past registrations still show the member.
    removed_at: Mapped[datetime | None] = mapped_column(TS)

    household: Mapped[Household] = orm_relationship(back_populates="members")


class Season(Base):
    __tablename__ = "season"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("capacity >= 0", name="capacity"),
        CheckConstraint("price_cents >= 0", name="price"),
        CheckConstraint("age_min IS NULL OR age_max IS NULL OR age_min <= age_max", name="ages"),
        Index(
            "ix_activity_title_key", "title_key", postgresql_ops={"title_key": "text_pattern_ops"}
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    title_key: Mapped[str] = mapped_column(String(200))
    season_id: Mapped[int] = mapped_column(ForeignKey("season.id"), index=True)
    borough_id: Mapped[int] = mapped_column(ForeignKey("borough.id"), index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    price_cents: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    # Programme Vacances-Été, semaine de relâche, ateliers préscolaires: Relevé 24 (F13).
    is_childcare: Mapped[bool] = mapped_column(Boolean, default=False)
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)

    season: Mapped[Season] = orm_relationship()
    borough: Mapped[Borough] = orm_relationship()


class Cart(Base):
    __tablename__ = "cart"
    __table_args__ = (
        CheckConstraint(_in("state", CartState), name="state"),
        CheckConstraint(
            "state <> 'checkout' OR checkout_locked_until IS NOT NULL", name="checkout_lock"
        ),
        Index("ix_cart_state_hold", "state", "hold_expires_at"),
        Index("ix_cart_owner", "owner_number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, unique=True)
    # Numéro du propriétaire du panier (F14): the household number of the owner.
    owner_number: Mapped[int] = mapped_column(Integer)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), default=CartState.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(TS)
    updated_at: Mapped[datetime] = mapped_column(TS)
    hold_expires_at: Mapped[datetime] = mapped_column(TS)
    extension_used: Mapped[bool] = mapped_column(Boolean, default=False)
    checkout_locked_until: Mapped[datetime | None] = mapped_column(TS)
    # "web" for the public site, or the staff username for a phone registration.
    channel: Mapped[str] = mapped_column(String(64), default="web")

    household: Mapped[Household] = orm_relationship()
    items: Mapped[list[CartItem]] = orm_relationship(back_populates="cart", order_by="CartItem.id")


class CartItem(Base):
    """Réservation dans le panier: a hold on one place for one member."""

    __tablename__ = "cart_item"
    __table_args__ = (
        CheckConstraint(_in("state", CartItemState), name="state"),
        CheckConstraint("price_cents >= 0", name="price"),
        Index("ix_cart_item_activity_state", "activity_id", "state"),
        Index("ix_cart_item_member_activity", "member_id", "activity_id"),
        # One held item per member and activity, whoever writes (migration 0010).
        Index(
            "uq_cart_item_member_activity_held",
            "activity_id",  # first: it serves the activity's counts too (migration 0011)
            "member_id",
            unique=True,
            sqlite_where=text("state = 'held'"),
            postgresql_where=text("state = 'held'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("cart.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"))
    price_cents: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default=CartItemState.HELD.value)
    added_at: Mapped[datetime] = mapped_column(TS)
    released_at: Mapped[datetime | None] = mapped_column(TS)
    release_reason: Mapped[str | None] = mapped_column(String(200))
    # Set when the item was created by accepting a waitlist offer.
    waitlist_entry_id: Mapped[int | None] = mapped_column(ForeignKey("waitlist_entry.id"))

    cart: Mapped[Cart] = orm_relationship(back_populates="items")
    member: Mapped[Member] = orm_relationship()
    activity: Mapped[Activity] = orm_relationship()


class Payment(Base):
    """A transaction. Card numbers and CVVs are never stored: brand and last four only."""

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint(_in("status", PaymentStatus), name="status"),
        CheckConstraint("amount_cents >= 0", name="amount"),
        CheckConstraint("card_brand IS NULL OR card_brand IN ('visa', 'mastercard')", name="brand"),
        CheckConstraint("card_last4 IS NULL OR length(card_last4) = 4", name="last4"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transaction_number: Mapped[int] = mapped_column(BigInteger, unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("cart.id"), index=True)
    payer_member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))
    card_brand: Mapped[str | None] = mapped_column(String(12))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    authorization_code: Mapped[str | None] = mapped_column(String(32))
    refusal_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TS)
    decided_at: Mapped[datetime | None] = mapped_column(TS)
    channel: Mapped[str] = mapped_column(String(64), default="web")

    cart: Mapped[Cart] = orm_relationship()
    payer: Mapped[Member] = orm_relationship()


class Registration(Base):
    """Inscription: exists only after an approved payment (F9)."""

    __tablename__ = "registration"
    __table_args__ = (
        CheckConstraint(_in("state", RegistrationState), name="state"),
        Index(
            "uq_registration_member_activity_confirmed",
            "activity_id",  # first: it serves the activity's counts too (migration 0011)
            "member_id",
            unique=True,
            sqlite_where=text("state = 'confirmed'"),
            postgresql_where=text("state = 'confirmed'"),
        ),
        Index("ix_registration_activity_state", "activity_id", "state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"))
    cart_id: Mapped[int | None] = mapped_column(ForeignKey("cart.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), default=RegistrationState.CONFIRMED.value)
    created_at: Mapped[datetime] = mapped_column(TS)
    cancelled_at: Mapped[datetime | None] = mapped_column(TS)

    member: Mapped[Member] = orm_relationship()
    activity: Mapped[Activity] = orm_relationship()


class WaitlistEntry(Base):
    __tablename__ = "waitlist_entry"
    __table_args__ = (
        CheckConstraint(_in("state", WaitlistState), name="state"),
        CheckConstraint(
            "state <> 'offered' OR offer_expires_at IS NOT NULL", name="offer_deadline"
        ),
        Index(
            "uq_waitlist_member_activity_open",
            "member_id",
            "activity_id",
            unique=True,
            sqlite_where=text("state IN ('waiting', 'offered')"),
            postgresql_where=text("state IN ('waiting', 'offered')"),
        ),
        Index("ix_waitlist_activity_state_position", "activity_id", "state", "position"),
        # The end of the line, read under the activity's lock (migration 0010).
        Index("ix_waitlist_activity_position", "activity_id", "position"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    # Arrival order; a supervisor may move an entry (with a reason, audited).
    # Float positions let a supervisor move an entry between two others without renumbering.
    position: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(12), default=WaitlistState.WAITING.value)
    created_at: Mapped[datetime] = mapped_column(TS)
    offered_at: Mapped[datetime | None] = mapped_column(TS)
    offer_expires_at: Mapped[datetime | None] = mapped_column(TS)
    closed_at: Mapped[datetime | None] = mapped_column(TS)

    member: Mapped[Member] = orm_relationship()
    activity: Mapped[Activity] = orm_relationship()


class Receipt(Base):
    __tablename__ = "receipt"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, unique=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("cart.id"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), unique=True)
    payer_member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    issued_at: Mapped[datetime] = mapped_column(TS)
    language: Mapped[str] = mapped_column(String(2), default="fr")

    cart: Mapped[Cart] = orm_relationship()
    payment: Mapped[Payment] = orm_relationship()


class OutboxMessage(Base):
    """Courriel envoyé: written with the action that caused it, delivered by the relay."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        CheckConstraint(_in("state", OutboxState), name="state"),
        CheckConstraint("attempts >= 0", name="attempts"),
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), index=True)
    to_address: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary)
    attachment_name: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12), default=OutboxState.QUEUED.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(TS)
    next_attempt_at: Mapped[datetime] = mapped_column(TS)
    sent_at: Mapped[datetime | None] = mapped_column(TS)
    last_error: Mapped[str | None] = mapped_column(String(500))
    # A secret the body waits for, encrypted with the server's outbox key (the reset
    # link's token; the body holds a placeholder): cleared when the message leaves the
    # queue (console.db.outbox_key).
    sealed_secret: Mapped[bytes | None] = mapped_column(LargeBinary)


class PasswordResetToken(Base):
    """Only the SHA-256 of the token is kept; the token itself goes out in the email."""

    __tablename__ = "password_reset_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(TS)
    expires_at: Mapped[datetime] = mapped_column(TS)
    used_at: Mapped[datetime | None] = mapped_column(TS)
    revoked_at: Mapped[datetime | None] = mapped_column(TS)


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (
        CheckConstraint(_in("role", Role), name="role"),
        CheckConstraint("role <> 'clerk' OR borough_id IS NOT NULL", name="clerk_borough"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(12))
    borough_id: Mapped[int | None] = mapped_column(ForeignKey("borough.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Sign-in to the console server (migration 0004): an argon2id hash, never the password.
    # No hash: the member cannot sign in until `console staff set-password`.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Consecutive failed sign-ins; at the limit, sign-in is refused until ``locked_until``.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(TS)
    password_changed_at: Mapped[datetime | None] = mapped_column(TS)

    borough: Mapped[Borough | None] = orm_relationship()


class StaffSession(Base):
    """A signed-in staff member on the console server. Only the SHA-256 of the session
    token is kept; the token itself lives in the desktop's memory."""

    __tablename__ = "staff_session"
    __table_args__ = (
        CheckConstraint("(ended_at IS NULL) = (end_reason IS NULL)", name="ended"),
        CheckConstraint("expires_at >= created_at", name="lifetime"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(TS)
    # Refreshed as requests come (at most every few seconds): the idle timeout counts from it.
    last_seen_at: Mapped[datetime] = mapped_column(TS)
    # The absolute end, however active the session.
    expires_at: Mapped[datetime] = mapped_column(TS)
    ended_at: Mapped[datetime | None] = mapped_column(TS)
    # "signed_out", "staff_disabled", "password_changed", …
    end_reason: Mapped[str | None] = mapped_column(String(32))

    staff: Mapped[Staff] = orm_relationship()


class FileAccess(Base):
    """Each family file a staff member opened (Québec Access Act): a supervisor can say
    who looked at a file, and when."""

    __tablename__ = "file_access"
    __table_args__ = (
        Index("ix_file_access_household_at", "household_id", "at"),
        Index("ix_file_access_staff_at", "staff_id", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    at: Mapped[datetime] = mapped_column(TS)

    staff: Mapped[Staff] = orm_relationship()


class CallVerification(Base):
    """How a caller proved who they are, before any sensitive action."""

    __tablename__ = "call_verification"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    at: Mapped[datetime] = mapped_column(TS)
    # Comma-separated names of the factors that matched (never the values the caller gave).
    matched: Mapped[str] = mapped_column(String(200))
    passed: Mapped[bool] = mapped_column(Boolean)


class AuditEntry(Base):
    """Journal: who did what to whom, when and why."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_at", "at"),
        Index("ix_audit_staff_at", "staff_id", "at"),
        Index("ix_audit_household_at", "household_id", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(TS)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(64), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    target: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")

    staff: Mapped[Staff | None] = orm_relationship()


class AuditSeal(Base):
    """One sealed Québec day of an append-only log (the journal, the file-access log):
    the SHA-256 of each entry, in id order, and a digest over them chained to the previous
    seal, so ``console audit verify`` names an entry changed, removed or slipped in later,
    whoever did it (migration 0006). Append-only like the logs it seals."""

    __tablename__ = "audit_seal"
    __table_args__ = (
        UniqueConstraint("log", "period_start"),
        CheckConstraint("log IN ('audit_entry', 'file_access')", name="log"),
        CheckConstraint("period_end > period_start", name="period"),
        CheckConstraint("entry_count >= 0", name="entry_count"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    log: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[datetime] = mapped_column(TS)
    period_end: Mapped[datetime] = mapped_column(TS)
    first_entry_id: Mapped[int | None] = mapped_column(Integer)
    last_entry_id: Mapped[int | None] = mapped_column(Integer)
    entry_count: Mapped[int] = mapped_column(Integer)
    # Per entry, in id order: the id (8 bytes, big-endian) then the SHA-256 of its
    # canonical form (32 bytes).
    entry_hashes: Mapped[bytes] = mapped_column(LargeBinary)
    previous_digest: Mapped[str | None] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(TS)
    sealed_by: Mapped[str] = mapped_column(String(120))


class CallNote(Base):
    __tablename__ = "call_note"
    __table_args__ = (Index("ix_call_note_started", "started_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    reason: Mapped[str] = mapped_column(String(16))  # "F1".."F14" or "other"
    started_at: Mapped[datetime] = mapped_column(TS)
    ended_at: Mapped[datetime] = mapped_column(TS)
    actions: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    staff: Mapped[Staff] = orm_relationship()


class HouseholdPresence(Base):
    """Which staff member has which household open, so two agents see each other."""

    __tablename__ = "household_presence"
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    seen_at: Mapped[datetime] = mapped_column(TS)


class JobLease(Base):
    """Which server process runs a job (the sweep, the mail relay) until ``expires_at``."""

    __tablename__ = "job_lease"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    acquired_at: Mapped[datetime] = mapped_column(TS)
    expires_at: Mapped[datetime] = mapped_column(TS)
