"""The account side of a call, driven in the main window: search, open, verify the caller,
unlock, see the message, change a relationship; refusals say why and change nothing; a
supervisor reads the journal."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from console.domain.vocabulary import Relationship
from console.services.accounts import account_summary
from console.services.context import ServiceContext
from console.services.family import change_relationship, family_file
from console.ui.family.account_panel import AccountPanel
from console.ui.family.family_panel import FamilyPanel
from console.ui.family.verification_dialog import VerificationDialog
from console.ui.kit.confirm import ReasonConfirmation
from console.ui.window.main_window import MainWindow
from tests.ui.families import Families

# The offscreen platform warns when a shown top-level widget's size hints change.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.workspace.tasks.busy, timeout=10000)


def press(qtbot: QtBot, window: MainWindow, shortcut: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combination = QKeySequence(shortcut)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def sign_in(qtbot: QtBot, window: MainWindow, name: str) -> None:
    index = window.staff_combo.findText(name, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, name
    if index != window.staff_combo.currentIndex():
        with qtbot.waitSignal(window.workspace.actor_changed):
            window.staff_combo.setCurrentIndex(index)
    settle(qtbot, window)


def search_and_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = window.search_panel.box
    box.clear()
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        qtbot.keyClicks(box, text)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, window)


def verify_by_keyboard(qtbot: QtBot, window: MainWindow, birth: str, postal: str) -> None:
    screens = window.account_screens
    press(qtbot, window, "Ctrl+Shift+V")
    qtbot.waitUntil(lambda: screens.verification.dialog is not None)
    dialog = screens.verification.dialog
    assert isinstance(dialog, VerificationDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.birth_date, birth)
    qtbot.keyClicks(dialog.postal_code, postal)
    qtbot.keyClick(dialog.postal_code, Qt.Key.Key_Return)  # Enter checks nothing
    assert dialog.isVisible() and dialog.outcome.text() == ""
    dialog.activateWindow()  # as the agent's screen does; offscreen, said explicitly
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(screens.verification.changed, timeout=10000):
        qtbot.keyClick(dialog.postal_code, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)


def select_member(window: MainWindow, name: str) -> None:
    model = window.household_panel.members_model
    row = next(r for r in range(model.rowCount()) if model.row(r).name == name)
    window.household_panel.members_table.selectRow(row)


def confirm(qtbot: QtBot, family: FamilyPanel | AccountPanel) -> None:
    """Answer the question a panel asks with its confirm button (a click)."""
    qtbot.waitUntil(lambda: family.confirmation is not None and family.confirmation.isVisible())
    assert family.confirmation is not None
    family.confirmation.confirm_button.click()


def question(qtbot: QtBot, family: FamilyPanel) -> ReasonConfirmation:
    """The member question the panel opened."""
    qtbot.waitUntil(lambda: family.confirmation is not None and family.confirmation.isVisible())
    box = family.confirmation
    assert isinstance(box, ReasonConfirmation)
    return box


def choice(box: ReasonConfirmation, text: str) -> QPushButton:
    return next(b for b in box.choice_buttons if b.text().replace("&", "") == text)


def test_a_whole_call_verify_unlock_see_the_message_change_a_relationship(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    screens = window.account_screens
    account, family = screens.account_panel, screens.family_panel
    badge = screens.verification.badge
    search_and_open(qtbot, window, "cote")
    assert window.workspace.household is not None
    assert window.workspace.household.household_id == families.cote
    assert badge.isVisibleTo(window) and badge.text() == "Identité non vérifiée"
    assert not account.hint.isHidden() and "Ctrl+Maj+V" in account.unlock_button.toolTip()

    # Unverified: the unlock says why and changes nothing.
    window.household_panel.show_tab(screens.account_tab)
    assert account.unlock_button.isEnabled()
    account.unlock_button.click()
    settle(qtbot, window)
    assert "Vérifiez d'abord l'identité de la personne qui appelle" in account.outcome.text()
    actor = window.workspace.actor
    assert actor is not None
    assert account_summary(ui_ctx, actor, families.cote).locked
    assert window.household_panel.locked_badge.isVisibleTo(window)

    # Two factors, keyboard only.
    verify_by_keyboard(qtbot, window, "1985-04-01", "g1r 2b5")
    assert screens.verification.verified
    assert badge.text().startswith("✔ Identité vérifiée jusqu'à ")
    assert account.hint.isHidden()

    # Unlock: outcome, header and the outbox message in "Courriels envoyés".
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        qtbot.keyClick(account.unlock_button, Qt.Key.Key_Space)
        confirm(qtbot, account)
    settle(qtbot, window)
    assert "Compte déverrouillé" in account.outcome.text()
    assert not window.household_panel.locked_badge.isVisibleTo(window)
    assert account.locked.text() == "non" and not account.unlock_button.isEnabled()
    messages = window.household_panel.messages_model
    kinds = [messages.data(messages.index(r, 1)) for r in range(messages.rowCount())]
    assert kinds[0] == "Compte déverrouillé"
    assert messages.data(messages.index(0, 4)) == "En file d'envoi"
    assert messages.data(messages.index(0, 3)) == "helene.cote@example.ca"

    # Change Jean's relationship: one question names him and the file, takes the reason
    # and lists the other relationships, each saying what it does to the payer list.
    select_member(window, "Jean Côté")
    family.change_button.click()
    box = question(qtbot, window.account_screens.family_panel)
    assert "Jean Côté (Conjoint et parent des enfants)" in box.text()
    assert str(families.cote_number) in box.text()
    assert "Aujourd'hui : peut payer pour la famille." in box.text()
    texts = [b.text().replace("&", "") for b in box.choice_buttons]
    assert texts == ["Conjoint", "Père ou mère du responsable de dossier", "Autre", "Enfant"]
    spouse = choice(box, "Conjoint")
    assert spouse.description() == "Pourra payer pour la famille"
    assert choice(box, "Enfant").description() == "Ne pourra plus payer pour la famille"
    assert not any(b.isEnabled() for b in box.choice_buttons)  # no reason yet
    assert box.reason_box.hasFocus() or QApplication.focusWidget() is None
    line = box.reason_box.lineEdit()
    line.setText("Séparés")  # QTest types ASCII only
    qtbot.keyClicks(line, ", plus parent au dossier")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # Enter in a field changes nothing
    assert box.isVisible() and not window.workspace.tasks.busy
    assert box.reason() == "Séparés, plus parent au dossier" and spouse.isEnabled()
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        spouse.click()  # the choice is the change: no second question
    settle(qtbot, window)
    assert family.confirmation is None
    assert "« Conjoint »" in family.outcome.text()
    assert "Peut payer pour la famille." in family.outcome.text()
    members = window.household_panel.members_model
    jean = next(r for r in range(members.rowCount()) if members.row(r).name == "Jean Côté")
    assert members.data(members.index(jean, 1)) == "Conjoint"
    assert family.selected_member() is not None  # still selected after the reload
    assert family.file is not None and family.file.version == 2


def test_a_clerk_of_another_borough_is_told_only_the_borough_office_removes(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    sign_in(qtbot, window, "Pierre Beaulieu")
    search_and_open(qtbot, window, str(families.cote_number))
    family = window.account_screens.family_panel
    select_member(window, "Jean Côté")
    # Said at once, beside the button that is off: nothing to fill in for a refusal.
    assert not family.remove_button.isEnabled()
    assert "Beauport" not in family.remove_button.toolTip()
    assert "La Cité-Limoilou" in family.remove_button.toolTip()
    assert family.removal_rule.isVisibleTo(window)
    assert "La Cité-Limoilou" in family.removal_rule.text()
    family.remove()  # however it is reached, it is said, and nothing is asked
    assert "La Cité-Limoilou" in family.outcome.text()
    assert family.confirmation is None and not window.workspace.tasks.busy
    actor = window.workspace.actor
    assert actor is not None
    file = family_file(ui_ctx, actor, families.cote)
    assert all(m.removed_at is None for m in file.members)


def test_the_borough_clerk_sees_what_blocks_a_removal_and_removes_a_free_member(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    sign_in(qtbot, window, "Claude Girard")
    search_and_open(qtbot, window, "cote")
    family = window.account_screens.family_panel
    assert not family.removal_rule.isVisibleTo(window)  # this clerk may remove
    select_member(window, "Zoé Côté")
    assert "Retrait impossible" in family.blockers.text()
    assert "NAT-101" in family.blockers.text() and "5000001" in family.blockers.text()
    # Written as a list, the last reason ends the sentence; a date is said, not ISO.
    assert family.blockers.text().endswith(".") and not family.blockers.text().endswith(";.")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", family.blockers.text())
    assert not family.remove_button.isEnabled()  # what holds her is said, not asked
    select_member(window, "Hélène Côté")
    assert not family.remove_button.isEnabled()  # the responsible stays
    verify_by_keyboard(qtbot, window, "1985-04-01", "G1R2B5")
    select_member(window, "Jean Côté")
    family.remove_button.click()
    box = question(qtbot, family)
    assert not box.confirm_button.isEnabled()  # the reason first
    box.reason_box.setEditText("A quitté le foyer")
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        box.confirm_button.click()
    settle(qtbot, window)
    assert "ne fait plus partie du dossier" in family.outcome.text()
    members = window.household_panel.members_model
    assert next(members.row(r) for r in range(3) if members.row(r).name == "Jean Côté").removed


def test_an_agent_is_told_removal_is_for_the_borough_office(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    search_and_open(qtbot, window, "cote")
    family = window.account_screens.family_panel
    # As the file opens, before any member is picked or anything typed.
    assert family.removal_rule.isVisibleTo(window)
    assert "bureau d'arrondissement (La Cité-Limoilou)" in family.removal_rule.text()
    # The whole explanation, for the pointer and the screen reader.
    assert "Notez la demande dans l'appel" in family.removal_rule.toolTip()
    assert "(La Cité-Limoilou)" in family.removal_rule.accessibleDescription()
    select_member(window, "Jean Côté")
    assert family.change_button.isEnabled() and not family.remove_button.isEnabled()
    family.remove()
    assert "bureau d'arrondissement" in family.outcome.text()
    assert family.confirmation is None
    assert not window.workspace.tasks.busy  # nothing was asked of the database


def test_the_journal_is_for_supervisors_and_filters_by_action(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    screens = window.account_screens
    assert not screens.supervision_menu.menuAction().isVisible()
    assert not screens.audit_action.isEnabled()
    search_and_open(qtbot, window, "cote")
    verify_by_keyboard(qtbot, window, "1985-04-01", "G1R 2B5")
    screens.account_panel.unlock_button.click()
    confirm(qtbot, screens.account_panel)
    settle(qtbot, window)

    sign_in(qtbot, window, "Sylvie Boucher")
    assert screens.supervision_menu.menuAction().isVisible()
    # Another staff member: the verification was the agent's, not theirs.
    assert not screens.account_panel.hint.isHidden()
    press(qtbot, window, "Ctrl+Shift+J")
    audit = screens.audit_window
    assert audit is not None
    qtbot.waitUntil(audit.isVisible)
    settle(qtbot, window)
    journal = audit.screen_widget
    assert journal.table.rowCount() == 2
    journal.action.setCurrentIndex(journal.action.findData("account_unlocked"))
    journal.search_button.click()
    settle(qtbot, window)
    assert journal.table.rowCount() == 1
    assert journal.table.item(0, 2).text() == "Compte déverrouillé"
    assert journal.table.item(0, 1).text() == "Martine Lavoie"
    assert journal.table.item(0, 3).text() == str(families.cote_number)

    sign_in(qtbot, window, "Martine Lavoie")
    assert not audit.isVisible()
    assert not screens.supervision_menu.menuAction().isVisible()


def test_a_household_changed_by_another_clerk_is_reloaded_and_nothing_is_changed(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    search_and_open(qtbot, window, "cote")
    verify_by_keyboard(qtbot, window, "1985-04-01", "G1R 2B5")
    family = window.account_screens.family_panel
    actor = window.workspace.actor
    assert actor is not None and family.file is not None
    jean = next(m for m in family.file.members if m.first_name == "Jean")
    zoe = next(m for m in family.file.members if m.first_name == "Zoé")
    change_relationship(  # another agent, meanwhile
        ui_ctx,
        actor,
        families.cote,
        jean.member_id,
        Relationship.SPOUSE,
        reason="x",
        seen_version=1,
    )
    select_member(window, "Zoé Côté")
    family.change_button.click()
    box = question(qtbot, family)
    box.reason_box.setEditText("adult")
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        choice(box, "Autre").click()
    settle(qtbot, window)
    assert "Un autre membre du personnel" in family.outcome.text()
    assert family.file is not None and family.file.version == 2
    now = family_file(ui_ctx, actor, families.cote)
    assert next(m for m in now.members if m.member_id == zoe.member_id).relationship is (
        Relationship.CHILD
    )


def _clerk_at_removal(qtbot: QtBot, window: MainWindow, name: str) -> FamilyPanel:
    sign_in(qtbot, window, "Claude Girard")
    search_and_open(qtbot, window, "cote")
    verify_by_keyboard(qtbot, window, "1985-04-01", "G1R2B5")
    family = window.account_screens.family_panel
    select_member(window, name)
    family.remove_button.click()
    question(qtbot, family).reason_box.setEditText("A quitté le foyer")
    return family


def _removed(ui_ctx: ServiceContext, window: MainWindow, household_id: int) -> set[str]:
    actor = window.workspace.actor
    assert actor is not None
    file = family_file(ui_ctx, actor, household_id)
    return {m.name for m in file.members if m.removed_at is not None}


def test_the_removal_question_names_who_and_where_and_cancel_is_the_default(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    family = _clerk_at_removal(qtbot, window, "Jean Côté")
    box = family.confirmation
    assert box is not None
    assert "Jean Côté (Conjoint et parent des enfants)" in box.text()
    assert str(families.cote_number) in box.text()
    assert box.defaultButton() is box.cancel_button
    assert box.escapeButton() is box.cancel_button
    # Its letter confirms only with Alt: the bare letter, typed on by habit, does nothing
    # (test_a_key_pressed_at_the_question_removes_nothing presses R, its letter).
    assert box.confirm_button.text().startswith("&R")
    assert box.reason_box.hasFocus() or QApplication.focusWidget() is None
    box.cancel_button.click()
    settle(qtbot, window)
    assert family.confirmation is None
    assert _removed(ui_ctx, window, families.cote) == set()


@pytest.mark.parametrize(
    "key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_R, Qt.Key.Key_T]
)
def test_a_key_pressed_at_the_question_removes_nothing(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext, key: Qt.Key
) -> None:
    family = _clerk_at_removal(qtbot, window, "Jean Côté")
    box = family.confirmation
    assert box is not None
    qtbot.keyClick(box, key)
    qtbot.keyClick(box, key)
    settle(qtbot, window)
    assert _removed(ui_ctx, window, families.cote) == set()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_the_reason_removes_nothing_and_keeps_the_question(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext, key: Qt.Key
) -> None:
    family = _clerk_at_removal(qtbot, window, "Jean Côté")
    box = family.confirmation
    assert isinstance(box, ReasonConfirmation) and box.confirm_button.isEnabled()
    line = box.reason_box.lineEdit()
    qtbot.keyClick(line, key)
    settle(qtbot, window)
    assert box.isVisible() and box.reason() == "A quitté le foyer"
    assert _removed(ui_ctx, window, families.cote) == set()


def test_once_the_caller_is_verified_the_keys_go_to_the_members(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    search_and_open(qtbot, window, "cote")
    assert QApplication.focusWidget() is window.search_panel.box
    verify_by_keyboard(qtbot, window, "1985-04-01", "G1R 2B5")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.household_panel.members_table)


def test_a_member_selected_during_the_question_is_not_removed_nor_the_one_asked(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    family = _clerk_at_removal(qtbot, window, "Jean Côté")
    select_member(window, "Zoé Côté")  # the selection moves while the question is open
    assert family.confirmation is not None
    family.confirmation.confirm_button.click()
    settle(qtbot, window)
    assert _removed(ui_ctx, window, families.cote) == set()
    assert "Rien n'a été changé" in family.outcome.text()


def test_the_member_confirmed_is_the_one_removed(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    family = _clerk_at_removal(qtbot, window, "Jean Côté")
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        confirm(qtbot, family)
    settle(qtbot, window)
    assert _removed(ui_ctx, window, families.cote) == {"Jean Côté"}
