"""The confirmation asked before a change that cannot be undone (console/ui/kit/confirm.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from console.ui.kit import confirm

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _answer_when_shown(qtbot: QtBot, act: object) -> None:
    """Once the box is up (it is modal), do ``act(box)``."""

    def later() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, later)
            return
        act(box)  # type: ignore[operator]

    QTimer.singleShot(10, later)


def test_the_box_names_who_and_what_and_cancel_is_the_default(qtbot: QtBot) -> None:
    box = confirm.confirmation_box(
        None, "Déplacer", "Déplacer au rang 1?", "Léa Côté (enfant), dossier 1042"
    )
    qtbot.add_widget(box)
    assert box.text() == "Déplacer au rang 1?"
    assert "Léa Côté (enfant), dossier 1042" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_a_key_alone_never_confirms(qtbot: QtBot, key: Qt.Key) -> None:
    _answer_when_shown(qtbot, lambda box: qtbot.keyClick(box, key))
    assert confirm.confirm_change(None, "Offrir", "Offrir une place?", "Léa Côté") is False


def test_only_the_confirm_button_says_yes(qtbot: QtBot) -> None:
    def click(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons() if b.objectName() == "confirmButton"]
        button.click()

    _answer_when_shown(qtbot, click)
    assert confirm.confirm_change(None, "Offrir", "Offrir une place?", "Léa Côté") is True


def test_who_line() -> None:
    assert confirm.who_line("Léa Côté", "enfant", 1042) == "Léa Côté (enfant), dossier 1042"
    assert confirm.who_line("Léa Côté", None, None) == "Léa Côté"
    assert confirm.who_line("", None, 1042) == "dossier 1042"


def test_no_default_button_keeps_enter_in_the_field(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.add_widget(dialog)
    field, button = QLineEdit(), QPushButton("Ajouter")
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(button)
    dialog.show()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert pressed == [True]  # Qt's own habit: the first button of a dialog takes Enter
    confirm.no_default_button(dialog)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert pressed == [True]


def test_the_confirm_letter_answers_only_with_alt(qtbot: QtBot) -> None:
    """Qt's message box presses a button on its bare letter: a word typed on by habit
    (« c… ») would confirm. Only Alt+C does."""
    box = confirm.confirmation_box(None, "Offrir", "Offrir une place?", "Léa Côté")
    qtbot.add_widget(box)
    (button,) = [b for b in box.buttons() if b.objectName() == "confirmButton"]
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, Qt.Key.Key_C)
    qtbot.wait(300)  # a mnemonic clicks ~100 ms later (animateClick)
    assert pressed == [] and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pressed == [True], timeout=2000)


def test_the_opened_question_names_its_confirm_button_and_cancels_by_default(
    qtbot: QtBot,
) -> None:
    parent = QDialog()
    qtbot.add_widget(parent)
    done: list[bool] = []
    box = confirm.ask(
        parent,
        "Déverrouiller",
        "Déverrouiller ?",
        "&Déverrouiller",
        "Annuler",
        lambda: done.append(True),
    )
    assert box.confirm_button.objectName() == "confirmButton"
    assert box.defaultButton() is box.cancel_button and box.escapeButton() is box.cancel_button
    box.cancel_button.click()
    assert done == []


def _reason_question(
    qtbot: QtBot, parent: QDialog, answers: list[tuple[int, str]]
) -> confirm.ReasonConfirmation:
    qtbot.add_widget(parent)
    parent.show()
    box = confirm.ask_with_reason(
        parent,
        "Modifier le lien",
        "Nouveau lien pour Léa Côté (Enfant), dossier 1042",
        [confirm.Choice("Conjoint", "Pourra payer"), confirm.Choice("Autre", "Pourra payer")],
        "Annuler",
        ["Séparation", "Décès"],
        lambda choice, reason: answers.append((choice, reason)),
    )
    qtbot.waitExposed(box)
    return box


def test_the_reason_question_answers_only_with_a_reason_and_a_choice(qtbot: QtBot) -> None:
    answers: list[tuple[int, str]] = []
    parent = QDialog()
    box = _reason_question(qtbot, parent, answers)
    other = box.choice_buttons[1]
    assert not other.isEnabled()  # no reason yet
    assert box.defaultButton() is box.cancel_button and box.cancel_button.isDefault()
    assert not any(b.isDefault() or b.autoDefault() for b in box.choice_buttons)
    line = box.reason_box.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "  ")
    assert not other.isEnabled()  # blanks are no reason
    line.setText("Inscrite par erreur")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(line, key)  # Enter in the reason: nothing, the reason kept
    assert box.isVisible() and answers == [] and box.reason() == "Inscrite par erreur"
    assert box.reason_box.count() == 2  # what was typed is not added to the usual reasons
    other.click()
    qtbot.waitUntil(lambda: answers == [(1, "Inscrite par erreur")])


def test_the_reason_question_cancelled_or_escaped_does_nothing(qtbot: QtBot) -> None:
    answers: list[tuple[int, str]] = []
    parent = QDialog()
    box = _reason_question(qtbot, parent, answers)
    box.reason_box.setEditText("Décès")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert answers == [] and not box.confirmed()


def test_each_choice_gets_a_letter_free_in_the_question(qtbot: QtBot) -> None:
    parent = QDialog()
    box = _reason_question(qtbot, parent, [])
    letters = [b.text() for b in box.choice_buttons]
    # « Rais&on » takes O: « Conjoint » gets C, « Autre » A.
    assert letters == ["&Conjoint", "&Autre"]
    assert confirm.with_mnemonic("Conjoint", {"c", "o"}) == "Co&njoint"
    assert confirm.with_mnemonic("Oc", {"o", "c"}) == "Oc"
