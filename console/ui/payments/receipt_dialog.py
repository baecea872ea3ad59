"""Reprint a receipt (F14) from the cart number and the cart owner's number: preview it,
open it, print it or email it to the address on file."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import NotFound, VerificationRequired
from console.domain.receipt_words import (
    STATUS_WORDS,
    card_label,
    format_datetime,
    format_money,
    labels_for,
)
from console.domain.views.receipts import EmailedReceipt, ReceiptDocument
from console.ui.kit import pdf_output
from console.ui.kit.confirm import no_default_button
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.tasks import TaskRunner

translate = QCoreApplication.translate

Fetch = Callable[[int, int], ReceiptDocument]
Email = Callable[[int, int], EmailedReceipt]


def receipt_html(document: ReceiptDocument) -> str:
    """The receipt's content for the on-screen preview (the PDF is the document)."""
    data = document.data
    words = labels_for(data.language)
    rows = "".join(
        f"<tr><td>{escape(line.member_name)}</td><td>{escape(line.activity_title)}</td>"
        f"<td>{escape(line.session)}</td>"
        f"<td align='right'>{format_money(line.amount_cents, data.language)}</td></tr>"
        for line in data.lines
    )
    facts = [
        (words.receipt_number, str(data.receipt_number)),
        (words.cart_number, str(data.cart_number)),
        (words.owner_number, str(data.owner_number)),
        (words.payer, escape(data.payer_name)),
        (words.date, format_datetime(data.issued_at, data.language)),
        (words.card, card_label(data.card_brand, data.card_last4)),
        (words.authorization, escape(data.authorization_code or "—")),
    ]
    fact_rows = "".join(f"<tr><td><i>{k}</i></td><td><b>{v}</b></td></tr>" for k, v in facts)
    return (
        f"<h3>{escape(words.title)}</h3>"
        f"<p><b>{escape(STATUS_WORDS[data.status])}</b></p>"
        f"<table cellspacing='0' cellpadding='2'>{fact_rows}</table>"
        f"<table width='100%' cellspacing='0' cellpadding='3' border='1'>"
        f"<tr><th align='left'>{words.member}</th><th align='left'>{words.activity}</th>"
        f"<th align='left'>{words.session}</th><th align='right'>{words.amount}</th></tr>"
        f"{rows}<tr><td colspan='3' align='right'><b>{words.total}</b></td>"
        f"<td align='right'><b>{format_money(data.total_cents, data.language)}</b></td></tr>"
        "</table>"
    )


class ReceiptDialog(QDialog):
    emailed = Signal(object)  # EmailedReceipt

    def __init__(
        self,
        tasks: TaskRunner,
        fetch: Fetch,
        email: Email,
        parent: QWidget | None = None,
        *,
        cart_number: int | None = None,
        owner_number: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Réimprimer un reçu"))
        share_of_window(self, 0.5, 0.85, (720, 640))
        self._tasks = tasks
        self._fetch = fetch
        self._email = email
        self.document: ReceiptDocument | None = None

        digits = QRegularExpressionValidator(QRegularExpression(r"\d{1,12}"), self)
        self.cart_number = QLineEdit(self)
        self.cart_number.setObjectName("cart_number")
        self.cart_number.setValidator(digits)
        self.owner_number = QLineEdit(self)
        self.owner_number.setObjectName("owner_number")
        self.owner_number.setValidator(digits)
        self.show_button = QPushButton(self.tr("Afficher le reçu"), self)
        self.show_button.setObjectName("show_receipt")
        self.show_button.clicked.connect(self.load)
        self.owner_number.returnPressed.connect(self.load)

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("receipt_preview")
        self.message = QLabel(self)
        self.message.setObjectName("receipt_message")
        self.message.setWordWrap(True)

        self.open_button = QPushButton(self.tr("Ouvrir le PDF"), self)
        self.print_button = QPushButton(self.tr("Imprimer…"), self)
        self.save_button = QPushButton(self.tr("Enregistrer…"), self)
        self.email_button = QPushButton(self.tr("&Envoyer par courriel"), self)
        for name, button, slot in (
            ("open_pdf", self.open_button, self.open_pdf),
            ("print", self.print_button, self.print_receipt),
            ("save", self.save_button, self.save_pdf),
            ("email", self.email_button, self.email_receipt),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in (self.open_button, self.print_button, self.save_button, self.email_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        form = QFormLayout()
        form.addRow(self.tr("Numéro de panier"), self.cart_number)
        row = QHBoxLayout()
        row.addWidget(self.owner_number, 1)
        row.addWidget(self.show_button)
        form.addRow(self.tr("Numéro du propriétaire du panier"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        no_default_button(self)  # Enter in a number shows the receipt, never emails it

        if cart_number is not None and owner_number is not None:
            self.cart_number.setText(str(cart_number))
            self.owner_number.setText(str(owner_number))
            self.load()

    def _numbers(self) -> tuple[int, int] | None:
        cart, owner = self.cart_number.text().strip(), self.owner_number.text().strip()
        if not cart.isdigit() or not owner.isdigit():
            self._say(
                self.tr("Inscrivez le numéro de panier et le numéro du propriétaire du panier.")
            )
            return None
        return int(cart), int(owner)

    def _say(self, text: str, role: str = "error") -> None:
        self.message.setProperty("role", role)
        self.message.setText(text)

    def _set_document(self, document: ReceiptDocument | None) -> None:
        self.document = document
        for button in (self.open_button, self.print_button, self.save_button, self.email_button):
            button.setEnabled(document is not None)
        if document is None:
            self.preview.clear()
        else:
            self.preview.setHtml(receipt_html(document))

    def load(self) -> None:
        numbers = self._numbers()
        if numbers is None:
            return
        self._set_document(None)
        self._say(self.tr("Recherche du reçu…"), "info")
        self._tasks.run(
            lambda: self._fetch(*numbers), self._loaded, self._failed, key=f"receipt-{id(self)}"
        )

    def _loaded(self, document: ReceiptDocument) -> None:
        self._set_document(document)
        self._say(
            self.tr("Reçu no {number} — consultation inscrite au journal.").format(
                number=document.receipt_number
            ),
            "info",
        )

    def _failed(self, error: BaseException) -> None:
        self._say(receipt_error_text(error))

    def open_pdf(self) -> None:
        if self.document is not None and not pdf_output.open_externally(
            self.document.pdf, self.document.file_name
        ):
            self._say(self.tr("Aucun lecteur PDF n'est installé sur ce poste."))

    def print_receipt(self) -> None:
        if self.document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.file_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = self.document
        self._tasks.run(
            lambda: pdf_output.print_pdf(document.pdf, document.file_name, printer),
            self._printed,
            self._failed,
        )

    def _printed(self, ok: bool) -> None:
        if ok:
            self._say(self.tr("Reçu envoyé à l'imprimante."), "info")
        else:
            self._say(self.tr("L'impression a échoué ; ouvrez le PDF pour l'imprimer."))

    def save_pdf(self) -> None:
        if self.document is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le reçu"), self.document.file_name, "PDF (*.pdf)"
        )
        if path:
            with open(path, "wb") as handle:
                handle.write(self.document.pdf)

    def email_receipt(self) -> None:
        if self.document is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Envoyer le reçu"),
            self.tr("Envoyer le reçu par courriel à l'adresse inscrite au dossier ?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        numbers = (self.document.data.cart_number, self.document.data.owner_number)
        self.email_button.setEnabled(False)
        self._tasks.run(lambda: self._email(*numbers), self._emailed, self._email_failed)

    def _emailed(self, sent: EmailedReceipt) -> None:
        self.email_button.setEnabled(True)
        self._say(
            self.tr("Reçu no {number} mis en file d'envoi pour {address}.").format(
                number=sent.receipt_number, address=sent.to_address
            ),
            "success",
        )
        self.emailed.emit(sent)

    def _email_failed(self, error: BaseException) -> None:
        self.email_button.setEnabled(True)
        self._failed(error)


def receipt_error_text(error: BaseException) -> str:
    if isinstance(error, NotFound) and error.code == "receipt_not_found":
        return translate(
            "ReceiptDialog",
            "Aucun panier no {cart} n'appartient au propriétaire no {owner}. Vérifiez les deux "
            "numéros avec la personne qui appelle.",
        ).format(cart=error.params.get("cart_number"), owner=error.params.get("owner_number"))
    if isinstance(error, NotFound) and error.code == "receipt_not_issued":
        return translate(
            "ReceiptDialog",
            "Le panier no {cart} n'a pas encore été payé : aucun reçu n'a été délivré.",
        ).format(cart=error.params.get("cart_number"))
    if isinstance(error, VerificationRequired):
        return translate(
            "ReceiptDialog",
            "Vérifiez l'identité de la personne qui appelle avant de lui donner un reçu.",
        )
    from console.ui.kit.messages import error_text

    return error_text(error)
