"""Ask before a change that cannot be undone, naming exactly who and what.

The safe answer is the default: Enter or Escape in the box cancels, so a key pressed a
moment too early never changes anything. Every screen that moves, releases, offers or
accepts something calls :func:`confirm_change` first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

translate = QCoreApplication.translate


_PLAIN_KEYS_THAT_ANSWER = {
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Space,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
}


class QuestionBox(QMessageBox):
    """A question box whose buttons' letters answer only with Alt: Qt's message box
    presses a button on its bare letter, so a word typed on by habit would confirm.
    Enter, Escape, Tab and Space keep their meaning (the default button is Cancel)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bare = not event.modifiers() & (
            Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if bare and Qt.Key(event.key()) not in _PLAIN_KEYS_THAT_ANSWER:
            event.accept()  # a letter typed on answers nothing
            return
        super().keyPressEvent(event)


def confirmation_box(
    parent: QWidget | None, title: str, what: str, who: str, *, detail: str = ""
) -> QMessageBox:
    """The question, not yet shown: ``what`` will happen, to ``who``; Cancel is the default."""
    box = QuestionBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(what)
    box.setInformativeText(who if not detail else f"{who}\n\n{detail}")
    confirm = box.addButton(translate("confirm", "&Confirmer"), QMessageBox.ButtonRole.AcceptRole)
    confirm.setObjectName("confirmButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_change(
    parent: QWidget | None, title: str, what: str, who: str, *, detail: str = ""
) -> bool:
    """Ask; ``True`` only when the agent chose « Confirmer » (never by Enter alone)."""
    box = confirmation_box(parent, title, what, who, detail=detail)
    box.exec()
    chosen = box.clickedButton()
    return chosen is not None and chosen.objectName() == "confirmButton"


def who_line(member: str, relationship: str | None, household_number: int | None) -> str:
    """« Léa Gagnon (enfant), dossier 1042 » — the person a change is about."""
    parts = [member + (f" ({relationship})" if relationship and member else "")]
    if household_number is not None:
        parts.append(translate("confirm", "dossier {number}").format(number=household_number))
    return ", ".join(p for p in parts if p)


def no_default_button(dialog: QWidget) -> None:
    """No button of ``dialog`` answers Enter: in a dialog Qt makes the first push button
    the default one, so Enter in any field would press it (add to a cart, move an entry,
    pay). Call once its buttons exist; fields keep their own Enter (a search)."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
