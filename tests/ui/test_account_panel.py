from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.services.accounts import account_summary
from console.ui.family.account_panel import AccountPanel
from tests.helpers.builders import verify_call
from tests.ui.support_scene import Scene, build_scene

# The offscreen platform warns when a shown top-level widget's size hints change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def scene(tmp_path: Path, _sqlite_template: Path) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3", locked=True, confirmed=False)
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


@pytest.fixture
def panel(qtbot: QtBot, scene: Scene) -> AccountPanel:
    workspace = scene.workspace(scene.agent)
    widget = AccountPanel(workspace)
    qtbot.add_widget(widget)
    widget.show()
    workspace.open_household(scene.family.household_id)
    scene.settle(qtbot)
    return widget


def _confirm(qtbot: QtBot, panel: AccountPanel) -> None:
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    assert panel.confirmation is not None
    panel.confirmation.confirm_button.click()


def test_the_panel_shows_the_account_state_and_the_scripts(
    panel: AccountPanel, scene: Scene
) -> None:
    assert panel.email.text() == scene.family.email
    assert panel.locked.text().startswith("oui")
    assert panel.confirmed.text() == "non"
    assert panel.unlock_button.isEnabled() and panel.confirm_button.isEnabled()
    assert not panel.hint.isHidden()  # says verification comes first
    panel.show_verified(True)
    assert panel.hint.isHidden() and not panel.unlock_button.toolTip()
    texts = " ".join(label.text() for label in panel.findChildren(type(panel.outcome)))
    assert "majuscule" in texts and "indésirables" in texts and "nouveau Dossier loisir" in texts


def test_acting_unverified_asks_for_verification_and_changes_nothing(
    qtbot: QtBot, panel: AccountPanel, scene: Scene
) -> None:
    panel.unlock_button.click()
    scene.settle(qtbot)
    assert "Vérifiez d'abord" in panel.outcome.text()
    assert account_summary(scene.ctx, scene.agent, scene.family.household_id).locked


def test_unlock_reset_and_confirmation_show_their_outcome(
    qtbot: QtBot, panel: AccountPanel, scene: Scene
) -> None:
    verify_call(scene.ctx, scene.agent, scene.family)
    panel.show_verified(True)
    panel.unlock_button.click()
    _confirm(qtbot, panel)
    scene.settle(qtbot)
    assert "déverrouillé" in panel.outcome.text()
    assert panel.locked.text() == "non" and not panel.unlock_button.isEnabled()
    panel.reset_button.click()
    _confirm(qtbot, panel)
    scene.settle(qtbot)
    assert scene.family.email in panel.outcome.text()
    panel.confirm_button.click()
    _confirm(qtbot, panel)
    scene.settle(qtbot)
    assert "confirmation" in panel.outcome.text()
    assert panel.summary is not None
    assert [m.kind for m in panel.summary.messages] == [
        "confirmation",
        "password_reset",
        "account_unlocked",
    ]
    assert panel.reset_link.text().startswith("valide jusqu'à ")


def test_the_address_check_explains_f3_and_refuses_a_malformed_address(
    qtbot: QtBot, panel: AccountPanel, scene: Scene
) -> None:
    qtbot.keyClicks(panel.address, "pas-une-adresse")
    panel.check_address()
    scene.settle(qtbot)
    assert "n'est pas valide" in panel.address_outcome.text()
    panel.address.setText("nouvelle@exemple.ca")
    panel.check_address()
    scene.settle(qtbot)
    assert "créer un nouveau" in panel.address_outcome.text()


@pytest.mark.parametrize("action", ["unlock_button", "reset_button", "confirm_button"])
def test_each_account_action_asks_first_naming_the_account_and_enter_cancels(
    qtbot: QtBot, panel: AccountPanel, scene: Scene, action: str
) -> None:
    verify_call(scene.ctx, scene.agent, scene.family)
    panel.show_verified(True)
    before = account_summary(scene.ctx, scene.agent, scene.family.household_id)
    getattr(panel, action).click()
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    box = panel.confirmation
    assert box is not None
    assert scene.family.email in box.text() and str(scene.family.number) in box.text()
    assert box.defaultButton() is box.cancel_button
    qtbot.keyClick(box, Qt.Key.Key_Return)
    scene.settle(qtbot)
    after = account_summary(scene.ctx, scene.agent, scene.family.household_id)
    assert (after.locked, len(after.messages)) == (before.locked, len(before.messages))


def test_the_scripts_follow_the_callers_language(
    qtbot: QtBot, panel: AccountPanel, scene: Scene
) -> None:
    assert panel.script_language == "fr"
    assert "majuscule" in panel.scripts[0].text()
    panel.show_scripts("en")
    texts = " ".join(label.text() for label in panel.scripts)
    assert "Password (F1)" in texts and "uppercase" in texts and "majuscule" not in texts
    assert "indésirables" not in texts


def test_the_rules_read_to_the_caller_are_the_sites_own_sentences() -> None:
    from console.domain.password import PASSWORD_RULES
    from console.ui.family import account_panel
    from console.ui.kit.account_messages import password_rule_text

    assert [account_panel._RULES[code] for code in PASSWORD_RULES] == [
        password_rule_text(code) for code in PASSWORD_RULES
    ]


def test_an_english_account_gets_the_script_in_english(
    qtbot: QtBot, tmp_path: Path, _sqlite_template: Path
) -> None:
    scene = build_scene(_sqlite_template, tmp_path / "en.sqlite3", language="en")
    try:
        workspace = scene.workspace(scene.agent)
        panel = AccountPanel(workspace)
        qtbot.add_widget(panel)
        workspace.open_household(scene.family.household_id)
        scene.settle(qtbot)
        assert panel.script_language == "en"
        assert "Password (F1)" in panel.scripts[0].text()
        assert "junk mail" in panel.scripts[1].text()
        assert panel.accessibleName() == "Compte utilisateur"  # the interface stays French
    finally:
        scene.tasks.wait_idle()
        scene.db.dispose()
