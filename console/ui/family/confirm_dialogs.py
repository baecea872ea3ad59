"""Asking before a change that cannot be undone in the family file and account screens.

The question names exactly who and what — the member's name, relationship and household
number — and its safe choice is the default: Enter or Escape cancels; only the confirm
button (a click, or its own shortcut letter) goes ahead. The box is opened, not run: the
screen stays live and the answer comes back through ``on_confirmed``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from console.ui.kit.confirm import QuestionBox


class Confirmation(QuestionBox):
    """A question whose default and escape button is the cancel button; its confirm
    button's letter answers only with Alt (a letter typed on by habit answers nothing)."""

    def __init__(
        self, parent: QWidget, title: str, question: str, confirm: str, cancel: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(question)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.confirm_button: QPushButton = self.addButton(
            confirm, QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
        self.confirm_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(True)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.confirm_button


def ask(
    parent: QWidget,
    title: str,
    question: str,
    confirm: str,
    cancel: str,
    on_confirmed: Callable[[], None],
) -> Confirmation:
    """Open the question; ``on_confirmed`` runs only when the confirm button is pressed."""
    box = Confirmation(parent, title, question, confirm, cancel)

    def answered(_result: int) -> None:
        if box.confirmed():
            on_confirmed()
        box.deleteLater()

    box.finished.connect(answered)
    box.setFocus()
    box.open()
    box.cancel_button.setFocus()
    return box
