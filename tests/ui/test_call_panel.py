"""The call panel: a call starts with the household, ends with a saved note, and keeps
everything the agent typed when the save fails."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.errors import Unavailable
from console.services.calls import list_calls
from console.services.context import ServiceContext
from console.services.verification import CallerAnswers, verify_caller
from console.ui.window.main_window import MainWindow
from tests.ui.call_helpers import open_household, settle
from tests.ui.families import Families


def _end_and_wait(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.call_flow.call_saved, timeout=5000):
        window.call_flow.end_call_action.trigger()
    settle(qtbot, window)


def test_opening_a_household_starts_a_call_on_it(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    flow = window.call_flow
    assert not flow.active
    assert not flow.panel.end_button.isEnabled()
    open_household(qtbot, window, families.cote)
    assert flow.active
    assert flow.household_id == families.cote
    assert str(families.cote_number) in flow.panel.state_label.text()
    assert flow.panel.end_button.isEnabled()
    assert flow.panel.timer_label.text() == "00:00"


def test_ending_saves_the_reason_the_note_and_the_actions_taken(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.cote)
    actor = window.workspace.actor
    assert actor is not None
    verify_caller(
        ui_ctx,
        actor,
        families.cote,
        CallerAnswers(postal_code="G1R 2B5", household_number="100001"),
    )
    flow.panel.set_reason("F1")
    flow.panel.note_edit.setPlainText("Ne reçoit pas le lien.")

    _end_and_wait(qtbot, window)

    (saved, _earlier) = list_calls(ui_ctx, actor, families.cote)
    assert (saved.reason, saved.note, saved.actions) == (
        "F1",
        "Ne reçoit pas le lien.",
        "caller_verified",
    )
    assert window.message_bar.level == "info"
    assert "FAQ 1" in window.message_bar.text
    assert "Identité vérifiée" in window.message_bar.text
    assert not flow.active
    assert flow.panel.reason is None and flow.panel.note == ""
    notes = window.household_panel.notes_model
    assert notes.rowCount() == 2
    assert notes.data(notes.index(0, 3)) == "Identité vérifiée"


def test_a_call_cannot_end_without_a_reason(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.tremblay)
    flow.panel.note_edit.setPlainText("Question générale.")
    flow.end_call_action.trigger()
    settle(qtbot, window)
    assert flow.active
    assert flow.panel.error_label.isVisible() or flow.panel.error_label.text()
    assert "motif" in flow.panel.error_label.text()
    actor = window.workspace.actor
    assert actor is not None
    assert list_calls(ui_ctx, actor, families.tremblay) == ()


def test_a_failed_save_keeps_what_the_agent_typed_and_a_retry_saves_it(
    qtbot: QtBot,
    window: MainWindow,
    families: Families,
    ui_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.gagnon)
    flow.panel.set_reason("F3")
    flow.panel.note_edit.setPlainText("Veut changer d'adresse : expliqué.")
    api = window.workspace.api
    real_end_call = api.end_call

    def down(*_args: object, **_kwargs: object) -> object:
        raise Unavailable("database_unavailable")

    monkeypatch.setattr(api, "end_call", down)
    flow.end_call_action.trigger()
    settle(qtbot, window)
    assert flow.active
    assert flow.panel.reason == "F3"
    assert flow.panel.note == "Veut changer d'adresse : expliqué."
    assert "n'est pas enregistrée" in flow.panel.error_label.text()
    assert flow.panel.end_button.isEnabled()
    assert window.message_bar.level == "error"

    monkeypatch.setattr(api, "end_call", real_end_call)
    _end_and_wait(qtbot, window)
    actor = window.workspace.actor
    assert actor is not None
    (saved,) = list_calls(ui_ctx, actor, families.gagnon)
    assert saved.note == "Veut changer d'adresse : expliqué."


def test_reopening_the_same_household_keeps_the_call_and_another_restarts_it(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.cote)
    with qtbot.waitSignal(window.workspace.household_changed):
        window.workspace.reload_household()
    assert flow.household_id == families.cote
    open_household(qtbot, window, families.gagnon)
    assert flow.household_id == families.gagnon  # nothing entered: the next caller


def test_a_half_written_call_stays_on_its_household(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.cote)
    flow.panel.note_edit.setPlainText("En cours…")
    open_household(qtbot, window, families.gagnon)
    assert flow.household_id == families.cote
    assert str(families.cote_number) in flow.panel.error_label.text()


def test_ctrl_n_starts_a_call_without_household_that_takes_the_one_opened(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    flow = window.call_flow
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(qtbot, window, "Ctrl+N")
    assert flow.active and flow.household_id is None
    qtbot.waitUntil(lambda: window.search_panel.box.hasFocus())
    assert "non identifié" in flow.panel.state_label.text()
    flow.panel.set_reason("F8")
    open_household(qtbot, window, families.tremblay)
    assert flow.household_id == families.tremblay
    assert flow.panel.reason == "F8"


def test_typing_a_note_with_no_call_starts_one(qtbot: QtBot, window: MainWindow) -> None:
    flow = window.call_flow
    flow.panel.note_edit.setPlainText("Appel sans dossier")
    assert flow.active
    assert flow.panel.note == "Appel sans dossier"


def test_the_end_shortcut_ends_the_call(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.tremblay)
    flow.panel.set_reason("other")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_panel.box.setFocus()
    with qtbot.waitSignal(flow.call_saved, timeout=5000) as saved:
        _press(qtbot, window, "Ctrl+Shift+E")
    assert saved.args[0].reason == "other"


def test_the_call_timer_runs(qtbot: QtBot, window: MainWindow, families: Families) -> None:
    flow = window.call_flow
    open_household(qtbot, window, families.tremblay)
    qtbot.waitUntil(lambda: flow.panel.timer_label.text() == "00:01", timeout=3000)


def test_closing_with_a_half_written_note_warns_once(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    open_household(qtbot, window, families.tremblay)
    window.call_flow.panel.note_edit.setPlainText("À finir")
    assert not window.close()
    assert window.message_bar.level == "error"
    assert window.close()


def _press(qtbot: QtBot, window: MainWindow, shortcut: str) -> None:
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(shortcut)[0]
    qtbot.keyClick(
        QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers()
    )


def test_the_panel_names_the_household_the_note_is_filed_to(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    panel = window.call_flow.panel
    assert not panel.file_label.isVisible()  # no call, no file
    open_household(qtbot, window, families.cote)
    text = panel.file_label.text()
    assert panel.file_label.isVisible()
    assert str(families.cote_number) in text and "Hélène Côté" in text
    # Nothing entered yet: the call follows the agent to the next file.
    open_household(qtbot, window, families.gagnon)
    assert str(families.gagnon_number) in panel.file_label.text()
    assert str(families.cote_number) not in panel.file_label.text()
    # A half-written note stays on its household, and the panel says it is not this one.
    panel.note_edit.setPlainText("Demande un remboursement.")
    open_household(qtbot, window, families.tremblay)
    assert str(families.gagnon_number) in panel.file_label.text()
    assert panel.file_label.property("elsewhere") == "true"
    open_household(qtbot, window, families.gagnon)
    assert panel.file_label.property("elsewhere") == "false"


def test_a_call_without_a_household_says_the_note_has_no_file_yet(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    panel = window.call_flow.panel
    window.call_flow.new_call_action.trigger()
    assert panel.file_label.isVisible()
    assert "dossier" in panel.file_label.text() and panel.file_label.property("elsewhere") != "true"
    open_household(qtbot, window, families.cote)
    assert str(families.cote_number) in panel.file_label.text()
