"""A receipt ready to show, print, save or email (F9, F14)."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.views.receipt_pdf import ReceiptData


@dataclass(frozen=True)
class ReceiptDocument:
    """A receipt ready to show, print or save: its data and the PDF bytes."""

    data: ReceiptData
    pdf: bytes
    household_id: int
    file_name: str

    @property
    def receipt_number(self) -> int:
        return self.data.receipt_number


@dataclass(frozen=True)
class EmailedReceipt:
    receipt_number: int
    to_address: str
    outbox_id: int
