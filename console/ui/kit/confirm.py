"""Ask before a change that cannot be undone, naming exactly who and what.

The safe answer is the default: Enter or Escape in the box cancels, so a key pressed a
moment too early never changes anything. Every screen that moves, releases, offers or
accepts something calls :func:`confirm_change` first (a blocking question), or
:func:`ask` (a question opened, the screen live, the answer through a callback); a change
whose reason the journal keeps asks it in the question itself, :func:`ask_with_reason`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

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
        self.confirm_button.setObjectName("confirmButton")
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


@dataclass(frozen=True)
class Choice:
    """One answer of a question that takes a reason: its button's text (with its
    &letter) and, under it, what it will do."""

    text: str
    description: str = ""


class ReasonConfirmation(QDialog):
    """The question of a change the journal keeps a reason for (a member removed, a
    relationship changed): it names who and what, and takes the reason — typed, or one
    of the usual ones picked — in its own field, which has the focus. Its answers (one
    confirm button, or one button per choice, each saying what it will do) stay off
    until a reason is given and answer their Alt+letter, Space or a click only: pressing
    one is the change, no second question. Cancel is the default button and Escape
    cancels; Enter in the reason answers nothing (the reason typed stays); letters typed
    go into the reason, never to a button."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        question: str,
        choices: Sequence[Choice],
        cancel: str,
        reasons: Sequence[str],
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonConfirmation")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._answer: QPushButton | None = None

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._question = QLabel(question)
        self._question.setObjectName("confirmationQuestion")
        self._question.setTextFormat(Qt.TextFormat.PlainText)
        self._question.setWordWrap(True)
        self._question.setMinimumWidth(380)
        self._question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reason_box = QComboBox()
        self.reason_box.setObjectName("confirmationReason")
        self.reason_box.setEditable(True)
        # Enter in the field never adds what was typed to the usual reasons.
        self.reason_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_box.addItems(list(reasons))
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText(reason)
        self.reason_box.setAccessibleName(translate("confirm", "Raison (obligatoire)"))
        line = self.reason_box.lineEdit()
        assert line is not None
        line.setPlaceholderText(
            translate("confirm", "Tapez une raison ou choisissez-en une (Alt+↓)")
        )
        reason_label = QLabel(translate("confirm", "Rais&on (obligatoire) :"))
        reason_label.setBuddy(self.reason_box)

        text = QVBoxLayout()
        text.addWidget(self._question)
        text.addSpacing(6)
        text.addWidget(reason_label)
        text.addWidget(self.reason_box)
        self.choice_buttons: list[QPushButton] = []
        buttons = QDialogButtonBox()
        # A choice without its &letter gets the first one free in the question.
        taken = {m for m in (_letter(reason_label.text()), _letter(cancel)) if m}
        taken |= {m for m in (_letter(c.text) for c in choices) if m}
        for choice in choices:
            label = choice.text if _letter(choice.text) else with_mnemonic(choice.text, taken)
            button: QPushButton
            if len(choices) > 1 or choice.description:
                button = QCommandLinkButton(label, choice.description)
                button.setAccessibleDescription(choice.description)
                text.addWidget(button)
            else:
                button = QPushButton(label)
                buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName("confirmButton")
            button.clicked.connect(lambda _c=False, b=button: self._answered(b))
            self.choice_buttons.append(button)
        self.confirm_button = self.choice_buttons[0]
        self.cancel_button = QPushButton(cancel)
        self.cancel_button.setObjectName("cancelButton")
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(lambda: self._answered(self.cancel_button))

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

        no_default_button(self)
        self.cancel_button.setDefault(True)  # Enter outside the reason: the safe answer
        self.reason_box.editTextChanged.connect(self._reason_changed)
        self._reason_changed(self.reason_box.currentText())
        self.reason_box.setFocus()

    def text(self) -> str:
        return self._question.text()

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    # QMessageBox's names, so a screen (and its tests) reads both questions alike.
    def defaultButton(self) -> QPushButton:
        return self.cancel_button

    def escapeButton(self) -> QPushButton:
        return self.cancel_button

    def clickedButton(self) -> QPushButton | None:
        return self._answer

    def chosen(self) -> int | None:
        """The choice pressed (its index), with a reason given; None when cancelled."""
        if self._answer in self.choice_buttons and self.reason():
            return self.choice_buttons.index(self._answer)
        return None

    def confirmed(self) -> bool:
        return self.chosen() is not None

    def _reason_changed(self, text: str) -> None:
        for button in self.choice_buttons:
            button.setEnabled(bool(text.strip()))

    def _answered(self, button: QPushButton) -> None:
        self._answer = button
        if self.chosen() is not None:
            self.accept()
        else:
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        focus = self.focusWidget()
        in_reason = focus is not None and (
            focus is self.reason_box or self.reason_box.isAncestorOf(focus)
        )
        if enter and in_reason and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()  # Enter in the reason neither confirms nor drops what was typed
            return
        super().keyPressEvent(event)


def ask_with_reason(
    parent: QWidget,
    title: str,
    question: str,
    choices: str | Sequence[Choice],
    cancel: str,
    reasons: Sequence[str],
    on_confirmed: Callable[[int, str], None],
    *,
    reason: str = "",
) -> ReasonConfirmation:
    """Open the question with its reason field; ``on_confirmed(choice, reason)`` runs only
    when a choice (or the one confirm button, ``choices`` a text: choice 0) is pressed with
    a reason given."""
    listed = [Choice(choices)] if isinstance(choices, str) else list(choices)
    box = ReasonConfirmation(parent, title, question, listed, cancel, reasons, reason)

    def answered(_result: int) -> None:
        chosen = box.chosen()
        if chosen is not None:
            on_confirmed(chosen, box.reason())
        box.deleteLater()

    box.finished.connect(answered)
    box.open()
    box.reason_box.setFocus()
    return box


def _letter(text: str) -> str:
    """The letter after a single & (&& is a plain ampersand), lower case; "" if none."""
    plain = text.replace("&&", "")
    i = plain.find("&")
    return plain[i + 1].casefold() if 0 <= i < len(plain) - 1 else ""


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an & before its first letter not in ``taken`` (which it joins):
    « &Conjoint », then « C&onjoint et parent »; the text alone when every letter is."""
    for i, ch in enumerate(text):
        if ch.isalpha() and ch.casefold() not in taken:
            taken.add(ch.casefold())
            return text[:i] + "&" + text[i:]
    return text
