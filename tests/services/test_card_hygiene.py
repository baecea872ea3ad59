"""Card numbers and CVVs are never written anywhere (DESIGN.md §4, §6; F10).

A whole phone payment — approved and refused — runs through the sandbox gateway with
logging at DEBUG (SQL and its parameters included) into a file; then the whole database
(every column of every table, the SQLite files or a pg_dump) and the log are searched for
the card number, in every way it can be written, and for the CVV.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.engine import make_url

from console.db.models import (
    Account,
    Activity,
    Base,
    Borough,
    CallVerification,
    Household,
    Member,
    Season,
    Staff,
)
from console.domain.cards import CardEntry
from console.domain.clock import FixedClock
from console.domain.names import search_key
from console.domain.vocabulary import PaymentStatus, Role
from console.services.carts import add_to_cart
from console.services.checkout import pay
from console.services.context import ServiceContext
from console.services.receipts import email_receipt, receipt_document
from console.services.staff import Actor

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
APPROVED_CARD = "4242 4242 4242 4242"
REFUSED_CARD = "4000-0000-0000-0002"
CVVS = ("737", "913")


def _spellings(number: str) -> set[str]:
    digits = re.sub(r"\D", "", number)
    groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return {digits, " ".join(groups), "-".join(groups), number}


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "console.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine_logger = logging.getLogger("sqlalchemy.engine")
    engine_logger.setLevel(logging.DEBUG)  # every statement, its parameters and rows
    yield path
    engine_logger.setLevel(logging.WARNING)
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def _world(ctx: ServiceContext) -> tuple[Actor, int, int, int, int]:
    with ctx.db.write() as s:
        borough = Borough(code="CL", name="La Cité-Limoilou")
        season = Season(
            code="H26", name="Hiver 2026", starts_on=date(2026, 1, 5), ends_on=date(2026, 3, 29)
        )
        activity = Activity(
            code="NAT-1",
            title="Natation",
            title_key="natation",
            season=season,
            borough=borough,
            capacity=5,
            price_cents=5_500,
            schedule="Samedi 9 h",
        )
        account = Account(email="cote@exemple.ca", created_at=NOW, language="fr")
        household = Household(
            number=100_500, account=account, borough=borough, postal_code="G1R 2B5", created_at=NOW
        )
        parent = Member(
            household=household,
            first_name="Anne",
            last_name="Côté",
            first_name_key="anne",
            last_name_key=search_key("Côté"),
            birth_date=date(1985, 1, 1),
            relationship="responsible",
        )
        child = Member(
            household=household,
            first_name="Léo",
            last_name="Côté",
            first_name_key="leo",
            last_name_key="cote",
            birth_date=date(2016, 1, 1),
            relationship="child",
        )
        other_child = Member(
            household=household,
            first_name="Mia",
            last_name="Côté",
            first_name_key="mia",
            last_name_key="cote",
            birth_date=date(2018, 1, 1),
            relationship="child",
        )
        staff = Staff(username="agent7", display_name="Agent Sept", role="agent")
        s.add_all([activity, household, parent, child, other_child, staff])
        s.flush()
        s.add(
            CallVerification(
                staff_id=staff.id,
                household_id=household.id,
                at=NOW,
                matched="birth_date,postal_code",
                passed=True,
            )
        )
        actor = Actor(staff.id, staff.username, staff.display_name, Role.AGENT)
        return actor, household.id, parent.id, child.id, other_child.id


def _run_phone_payments(ctx: ServiceContext) -> None:
    actor, household_id, parent, child, other_child = _world(ctx)
    with ctx.db.read() as s:
        activity_id = s.scalars(select(Activity.id)).one()
    refused_cart = add_to_cart(ctx, actor, household_id, other_child, activity_id).cart
    assert refused_cart is not None
    with CardEntry(REFUSED_CARD, 11, 29, CVVS[1]) as card:
        refused = pay(ctx, actor, refused_cart.cart_id, card, parent)
    assert card.cleared
    assert refused.status is PaymentStatus.REFUSED

    cart = add_to_cart(ctx, actor, household_id, child, activity_id).cart
    assert cart is not None
    with CardEntry(APPROVED_CARD, 12, 28, CVVS[0]) as card:
        result = pay(ctx, actor, cart.cart_id, card, parent)
    assert card.cleared
    assert result.status is PaymentStatus.APPROVED
    assert result.card_last4 == "4242"
    receipt_document(ctx, actor, result.cart_number, result.owner_number)
    email_receipt(ctx, actor, result.cart_number, result.owner_number)


def _pdf_text(blob: bytes) -> str:
    try:
        return "\n".join(p.extract_text() for p in PdfReader(BytesIO(blob)).pages)
    except Exception:
        return ""


def _column_dump(ctx: ServiceContext) -> str:
    """Every value of every column of every table, as text (PDF attachments as their text)."""
    parts: list[str] = []
    with ctx.db.read() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        blob = bytes(value)
                        parts.append(blob.decode("latin-1"))
                        if blob.startswith(b"%PDF"):
                            parts.append(_pdf_text(blob))
                    else:
                        parts.append(str(value))
    return "\n".join(parts)


def _raw_dump(ctx: ServiceContext, tmp_path: Path) -> bytes:
    if ctx.dialect == "sqlite":
        database = Path(make_url(ctx.db.url).database or "")
        # The file and its write-ahead log: recent writes may sit in the -wal file.
        return b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return b""
    url = make_url(ctx.db.url)
    out = tmp_path / "dump.sql"
    subprocess.run(
        [
            pg_dump,
            "-h",
            url.host or "127.0.0.1",
            "-p",
            str(url.port or 5432),
            "-U",
            url.username or "postgres",
            "-f",
            str(out),
            url.database or "",
        ],
        check=True,
        capture_output=True,
        timeout=60,
        env={"PGPASSWORD": url.password or "", "PATH": "/usr/bin:/bin"},
    )
    return out.read_bytes()


def test_no_card_number_or_cvv_in_the_database_or_the_logs(
    ctx: ServiceContext, clock: FixedClock, debug_log: Path, tmp_path: Path
) -> None:
    clock.set(NOW)
    _run_phone_payments(ctx)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)

    log_text = debug_log.read_text(encoding="utf-8")
    assert "INSERT INTO payment" in log_text  # the log really holds the SQL and parameters
    columns = _column_dump(ctx)
    assert "Paiement effectué avec succès" in columns  # the emailed PDF was searched too
    raw = _raw_dump(ctx, tmp_path)
    assert "VISA •••• 4242" in columns  # brand and last four are kept (receipt text)

    for number in (APPROVED_CARD, REFUSED_CARD):
        for spelling in _spellings(number):
            assert spelling not in log_text, f"card number in the log ({spelling!r})"
            assert spelling not in columns, f"card number in the database ({spelling!r})"
            assert spelling.encode() not in raw, f"card number in the dump ({spelling!r})"
    for cvv in CVVS:
        for text, where in ((log_text, "log"), (columns, "database")):
            tokens = set(re.findall(r"[A-Za-z0-9]+", text))
            assert cvv not in tokens, f"CVV in the {where}"
        raw_tokens = set(re.findall(rb"[A-Za-z0-9]+", raw)) if ctx.dialect != "sqlite" else set()
        assert cvv.encode() not in raw_tokens, "CVV in the pg_dump"
