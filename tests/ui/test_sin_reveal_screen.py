"""« Révéler le NAS… » in the family file: the members table shows "*** *** 286" to
everyone; a clerk of the borough (or a supervisor) gets the action, gives a reason, sees
the number for its seconds, then it is masked again; an agent never gets the action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db.models import AuditEntry, Member
from console.services.context import ServiceContext
from console.ui.family.sin_reveal import RevealReasonDialog
from console.ui.window.main_window import MainWindow
from tests.ui.families import Families
from tests.ui.test_account_screens import search_and_open, select_member, settle, sign_in
from tests.ui.test_account_screens import verify_by_keyboard as verify

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


@pytest.fixture
def helene_sin(ui_ctx: ServiceContext, families: Families) -> int:
    sealed = ui_ctx.sin_cipher.seal("046 454 286")
    with ui_ctx.db.write() as session:
        helene = session.scalars(select(Member).where(Member.first_name == "Hélène")).one()
        helene.sin_encrypted, helene.sin_key_id = sealed.ciphertext, sealed.key_id
        helene.sin_last3 = sealed.last3
        return helene.id


def sin_column(window: MainWindow) -> dict[str, str]:
    model = window.household_panel.members_model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "NAS"
    )
    return {model.row(r).name: model.data(model.index(r, column)) for r in range(model.rowCount())}


def test_an_agent_sees_only_the_last_three_digits_and_never_the_action(
    qtbot: QtBot, window: MainWindow, helene_sin: int
) -> None:
    search_and_open(qtbot, window, "cote")
    assert sin_column(window)["Hélène Côté"] == "*** *** 286"
    assert sin_column(window)["Jean Côté"] == "—"
    reveal = window.account_screens.sin_reveal
    verify(qtbot, window, "1985-04-01", "G1R 2B5")
    select_member(window, "Hélène Côté")
    assert not reveal.isVisibleTo(window) and not reveal.button.isVisibleTo(window)
    assert "046" not in reveal.number.text()


def test_the_borough_clerk_reveals_with_a_reason_then_the_number_is_masked_again(
    qtbot: QtBot,
    window: MainWindow,
    helene_sin: int,
    ui_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("console.services.sin_reveal.REVEAL_SECONDS", 2)
    sign_in(qtbot, window, "Claude Girard")
    search_and_open(qtbot, window, "cote")
    reveal = window.account_screens.sin_reveal
    assert reveal.isVisibleTo(window)
    select_member(window, "Hélène Côté")
    assert not reveal.button.isEnabled()  # the caller first
    assert "Ctrl+Maj+V" in reveal.button.toolTip()
    verify(qtbot, window, "1985-04-01", "G1R 2B5")
    select_member(window, "Jean Côté")
    assert not reveal.button.isEnabled() and "Aucun NAS" in reveal.button.toolTip()
    select_member(window, "Hélène Côté")
    assert reveal.button.isEnabled() and reveal.button.toolTip() == ""

    reveal.button.click()
    dialog = reveal.dialog
    assert isinstance(dialog, RevealReasonDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.reveal_button.isEnabled()  # no reason, no reveal
    qtbot.keyClicks(dialog.reason, "Releve 24 a corriger")
    with qtbot.waitSignal(reveal.revealed, timeout=10000):
        dialog.reveal_button.click()
    assert "NAS de Hélène Côté : 046 454 286" in reveal.number.text()
    assert "masqué dans 2 s" in reveal.number.text()
    assert reveal.number.isVisibleTo(window) and reveal.showing
    # The seconds run out: masked again, the number gone from the screen.
    qtbot.waitUntil(lambda: not reveal.showing, timeout=5000)
    assert reveal.number.text() == "" and not reveal.number.isVisibleTo(window)
    assert sin_column(window)["Hélène Côté"] == "*** *** 286"

    with ui_ctx.db.read() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "sin.reveal"))
        assert (entry.member_id, entry.reason) == (helene_sin, "Releve 24 a corriger")


def test_another_member_or_another_staff_member_masks_it_at_once(
    qtbot: QtBot, window: MainWindow, helene_sin: int
) -> None:
    sign_in(qtbot, window, "Sylvie Boucher")  # a supervisor, of no borough
    search_and_open(qtbot, window, "cote")
    verify(qtbot, window, "1985-04-01", "G1R 2B5")
    reveal = window.account_screens.sin_reveal
    select_member(window, "Hélène Côté")
    reveal.button.click()
    dialog = reveal.dialog
    assert dialog is not None
    dialog.reason.setText("Vérification du relevé")
    with qtbot.waitSignal(reveal.revealed, timeout=10000):
        dialog.accept()
    assert "046 454 286" in reveal.number.text()
    select_member(window, "Jean Côté")
    assert not reveal.showing and reveal.number.text() == ""

    select_member(window, "Hélène Côté")
    reveal.button.click()
    dialog = reveal.dialog
    assert dialog is not None
    dialog.reason.setText("Vérification du relevé")
    with qtbot.waitSignal(reveal.revealed, timeout=10000):
        dialog.accept()
    sign_in(qtbot, window, "Martine Lavoie")
    assert not reveal.showing and reveal.number.text() == ""
    assert not reveal.isVisibleTo(window)


def test_a_clerk_of_another_borough_is_told_who_may_reveal(
    qtbot: QtBot, window: MainWindow, helene_sin: int
) -> None:
    sign_in(qtbot, window, "Pierre Beaulieu")
    search_and_open(qtbot, window, "cote")
    settle(qtbot, window)
    reveal = window.account_screens.sin_reveal
    select_member(window, "Hélène Côté")
    assert reveal.isVisibleTo(window) and not reveal.button.isEnabled()
    assert "bureau d'arrondissement du dossier" in reveal.button.toolTip()
