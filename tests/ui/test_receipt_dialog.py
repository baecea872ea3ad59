"""Reprint screen (F14): numbers in, preview, email; clear messages for bad numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from console.domain.errors import NotFound, VerificationRequired
from console.domain.vocabulary import CardBrand, Language, PaymentStatus
from console.services.receipt_pdf import ReceiptData, ReceiptLine, render_receipt_pdf
from console.services.receipts import EmailedReceipt, ReceiptDocument
from console.ui.kit import pdf_output
from console.ui.kit.tasks import TaskRunner
from console.ui.payments.receipt_dialog import ReceiptDialog

DATA = ReceiptData(
    receipt_number=20_000_001,
    cart_number=5_000_001,
    owner_number=100_001,
    transaction_number=300_000_001,
    payer_name="Hélène Bérubé",
    lines=(ReceiptLine("Zoé Bérubé", "Natation", "NAT-1", "Hiver 2026 · Samedi 9 h", 8_500),),
    total_cents=8_500,
    status=PaymentStatus.APPROVED,
    card_brand=CardBrand.VISA,
    card_last4="4242",
    authorization_code="AUTH01",
    issued_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
    language=Language.FR,
)
DOC = ReceiptDocument(DATA, render_receipt_pdf(DATA), 3, "recu-5000001-20000001.pdf")


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle()


def _fetch(cart: int, owner: int) -> ReceiptDocument:
    if (cart, owner) == (5_000_001, 100_001):
        return DOC
    if cart == 5_000_009:
        raise VerificationRequired("caller_not_verified", household_id=3)
    raise NotFound("receipt_not_found", cart_number=cart, owner_number=owner)


def _email(cart: int, owner: int) -> EmailedReceipt:
    return EmailedReceipt(20_000_001, "famille@exemple.ca", 12)


def test_numbers_given_load_and_preview_the_receipt(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = ReceiptDialog(tasks, _fetch, _email, cart_number=5_000_001, owner_number=100_001)
    qtbot.add_widget(dialog)
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=5000)
    preview = dialog.preview.toPlainText()
    assert "Paiement effectué avec succès – Confirmation de paiement" in preview
    assert "Hélène Bérubé" in preview and "VISA •••• 4242" in preview
    assert dialog.print_button.isEnabled() and dialog.email_button.isEnabled()


def test_wrong_owner_number_is_explained(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = ReceiptDialog(tasks, _fetch, _email)
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.cart_number, "5000001")
    qtbot.keyClicks(dialog.owner_number, "999")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: "Aucun panier" in dialog.message.text(), timeout=5000)
    assert "no 5000001" in dialog.message.text() and "no 999" in dialog.message.text()
    assert dialog.document is None and not dialog.print_button.isEnabled()


def test_unverified_caller_is_explained(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = ReceiptDialog(tasks, _fetch, _email, cart_number=5_000_009, owner_number=1)
    qtbot.add_widget(dialog)
    qtbot.waitUntil(lambda: "identité" in dialog.message.text(), timeout=5000)


def test_missing_numbers_are_asked_for(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = ReceiptDialog(tasks, _fetch, _email)
    qtbot.add_widget(dialog)
    dialog.show_button.click()
    assert "numéro de panier" in dialog.message.text()


def test_email_goes_to_the_address_on_file(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = ReceiptDialog(tasks, _fetch, _email, cart_number=5_000_001, owner_number=100_001)
    qtbot.add_widget(dialog)
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=5000)
    with qtbot.wait_signal(dialog.emailed, timeout=5000) as sent:
        dialog.email_button.click()
    assert sent.args[0].to_address == "famille@exemple.ca"
    assert "famille@exemple.ca" in dialog.message.text()


def test_print_to_file_writes_the_receipt_pdf(tmp_path: Path, qtbot: QtBot) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert pdf_output.print_pdf(DOC.pdf, DOC.file_name, printer)
    assert target.read_bytes() == DOC.pdf


def test_temp_copy_for_the_viewer_is_private(qtbot: QtBot) -> None:
    path = pdf_output.write_temp(DOC.pdf, "../../escape.pdf")
    assert path.name == "escape.pdf"
    assert path.parent.stat().st_mode & 0o077 == 0
    assert path.read_bytes() == DOC.pdf
