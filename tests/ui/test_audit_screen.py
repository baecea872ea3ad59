from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.ui.supervision.audit_screen import AuditScreen
from tests.helpers.builders import verify_call
from tests.ui.support_scene import Scene, build_scene

# The offscreen platform warns when a shown top-level widget's size hints change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def scene(tmp_path: Path, _sqlite_template: Path) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3")
    verify_call(built.ctx, built.agent, built.family)
    verify_call(built.ctx, built.clerk, built.family)
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


def test_a_supervisor_lists_and_filters_the_journal(qtbot: QtBot, scene: Scene) -> None:
    screen = AuditScreen(scene.workspace(scene.supervisor))
    qtbot.add_widget(screen)
    screen.show()
    screen.refresh()
    scene.settle(qtbot)
    assert screen.table.rowCount() == 2
    assert screen.action.findData("caller_verified") > 0
    assert screen.action.itemText(screen.action.findData("caller_verified")) == "Identité vérifiée"
    screen.staff.setCurrentIndex(screen.staff.findData(scene.agent.staff_id))
    screen.search_button.click()
    scene.settle(qtbot)
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 1).text() == "Alice Agente"


def test_a_malformed_household_number_is_explained(qtbot: QtBot, scene: Scene) -> None:
    screen = AuditScreen(scene.workspace(scene.supervisor))
    qtbot.add_widget(screen)
    qtbot.keyClicks(screen.household, "12a")
    screen.search()
    assert "chiffres" in screen.outcome.text()


def test_an_agent_is_told_the_journal_is_not_for_their_role(qtbot: QtBot, scene: Scene) -> None:
    screen = AuditScreen(scene.workspace(scene.agent))
    qtbot.add_widget(screen)
    screen.search()
    scene.settle(qtbot)
    assert "rôle" in screen.outcome.text()


def test_the_details_read_as_words_not_json(qtbot: QtBot, scene: Scene) -> None:
    screen = AuditScreen(scene.workspace(scene.supervisor))
    qtbot.add_widget(screen)
    screen.refresh()
    scene.settle(qtbot)
    assert screen.outcome.text() == "Entrées affichées\u00a0: 2"
    tooltip = screen.table.item(0, 0).toolTip()
    assert "Questions posées\u00a0: " in tooltip
    assert "{" not in tooltip and "asked" not in tooltip
