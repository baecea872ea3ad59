"""The journal's target, reason and details read in the interface's language, from what
the services stored (which stays as it was written)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from console.domain.audit_actions import AuditAction
from console.domain.views.audit import AuditView
from console.ui.kit.resources import TRANSLATIONS
from console.ui.supervision.audit_words import details_text, reason_text, target_text
from console.ui.window.startup import LOCALES


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "console_en.qm"))
    app.installTranslator(translator)
    QLocale.setDefault(LOCALES["en"])
    yield
    app.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])


def entry(action: str, target: str = "", why: str = "", **details: Any) -> AuditView:
    return AuditView(
        entry_id=1,
        at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
        staff_id=2,
        staff_name="Alice Agente",
        action=action,
        household_id=3,
        household_number=100003,
        account_id=None,
        member_id=None,
        member_name="",
        target=target,
        reason=why,
        details=json.dumps(details),
    )


def test_targets_in_english(english: None) -> None:
    assert target_text(entry(AuditAction.CART_ADD, "cart 5000012")) == "Cart 5000012"
    assert target_text(entry(AuditAction.WAITLIST_MOVE, "waitlist 41")) == "Waiting list, entry 41"
    assert target_text(entry(AuditAction.OUTBOX_REQUEUED, "12 courriels")) == "Emails (12)"
    assert target_text(entry(AuditAction.SYSTEM_SIN_KEYS_ROTATED, "3 NAS")) == "SINs (3)"
    # A name or an address is shown as written.
    assert target_text(entry(AuditAction.ACCOUNT_UNLOCKED, "camille@example.ca")) == (
        "camille@example.ca"
    )


def test_targets_in_french() -> None:
    assert target_text(entry(AuditAction.CART_ADD, "cart 5000012")) == "Panier no 5000012"
    assert target_text(entry(AuditAction.OUTBOX_REQUEUED, "12 courriels")) == "Courriels (12)"


def test_a_call_reason_is_its_faq_number(english: None) -> None:
    assert reason_text(entry(AuditAction.CALL_ENDED, why="F10")) == "FAQ 10"
    assert reason_text(entry(AuditAction.CALL_ENDED, why="other")) == "Other reason"
    typed = "Le parent a demandé une correction"
    assert reason_text(entry(AuditAction.MEMBER_REMOVED, why=typed)) == typed


def test_a_refused_payment_reads_its_refusal_not_its_code(english: None) -> None:
    text = details_text(entry(AuditAction.PAYMENT_REFUSED, "cart 5000012", detail="expired_card"))
    assert "expired_card" not in text
    assert text == (
        "Detail: The financial institution says the card has expired. "
        "The caller can try another card."
    )


def test_details_carry_no_code_and_no_internal_id(english: None) -> None:
    text = details_text(
        entry(
            AuditAction.MEMBER_RELATIONSHIP_CHANGED,
            **{"from": "spouse", "to": "other", "outbox_id": 7},
        )
    )
    assert text == "Before: Spouse\nAfter: Other"
    failed = details_text(entry(AuditAction.STAFF_SIGN_IN_FAILED, reason="wrong_password"))
    assert failed == "Reason: wrong password"


def test_details_in_french_follow_the_oqlf() -> None:
    text = details_text(entry(AuditAction.STAFF_SIGN_IN_FAILED, reason="unknown_username"))
    assert text == "Motif\u00a0: identifiant inconnu"
