from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.domain.vocabulary import Relationship
from console.services.family import change_relationship, family_file
from console.services.staff import Actor
from console.ui.family_panel import FamilyPanel
from tests.helpers.builders import verify_call
from tests.ui.support_scene import Scene, build_scene

# The offscreen platform warns when a shown top-level widget's size hints change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def scene(tmp_path: Path, _sqlite_template: Path) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3")
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


def _panel(qtbot: QtBot, scene: Scene, actor: Actor) -> FamilyPanel:
    widget = FamilyPanel(scene.tasks, scene.ctx, actor)
    qtbot.add_widget(widget)
    widget.show()
    widget.load(scene.family.household_id)
    scene.settle(qtbot)
    return widget


def test_members_show_the_responsible_and_who_may_pay(qtbot: QtBot, scene: Scene) -> None:
    panel = _panel(qtbot, scene, scene.agent)
    assert panel.table.rowCount() == 3
    assert panel.table.item(0, 0).text().endswith("★")
    assert [panel.table.item(r, 3).text() for r in range(3)] == ["oui", "oui", "non"]
    panel.table.selectRow(0)
    assert not panel.change_button.isEnabled()  # the responsible is fixed
    panel.table.selectRow(2)
    assert panel.change_button.isEnabled() and not panel.remove_button.isEnabled()


def test_changing_a_relationship_needs_a_reason_then_succeeds(qtbot: QtBot, scene: Scene) -> None:
    verify_call(scene.ctx, scene.agent, scene.family)
    panel = _panel(qtbot, scene, scene.agent)
    assert scene.family.spouse_id is not None
    panel.select_member(scene.family.spouse_id)
    panel.relationship.setCurrentIndex(panel.relationship.findData(Relationship.SPOUSE_AND_PARENT))
    panel.change_button.click()
    scene.settle(qtbot)
    assert "raison" in panel.outcome.text()
    qtbot.keyClicks(panel.reason, "Parent des enfants")
    panel.change_button.click()
    scene.settle(qtbot)
    assert "Conjoint et parent des enfants" in panel.outcome.text()
    assert panel.file is not None and panel.file.version == 2


def test_a_household_changed_by_another_clerk_is_reloaded_and_nothing_is_changed(
    qtbot: QtBot, scene: Scene
) -> None:
    verify_call(scene.ctx, scene.agent, scene.family)
    verify_call(scene.ctx, scene.clerk, scene.family)
    panel = _panel(qtbot, scene, scene.agent)
    assert scene.family.spouse_id is not None and scene.family.child_id is not None
    change_relationship(
        scene.ctx,
        scene.clerk,
        scene.family.household_id,
        scene.family.spouse_id,
        Relationship.SPOUSE_AND_PARENT,
        reason="counter",
        seen_version=1,
    )
    panel.select_member(scene.family.child_id)
    panel.reason.setText("adult")
    panel.change_button.click()
    scene.settle(qtbot)
    assert "Un autre employé" in panel.outcome.text()
    assert panel.file is not None and panel.file.version == 2
    file = family_file(scene.ctx, scene.agent, scene.family.household_id)
    child = next(m for m in file.members if m.member_id == scene.family.child_id)
    assert child.relationship is Relationship.CHILD


def test_the_borough_clerk_removes_a_member(qtbot: QtBot, scene: Scene) -> None:
    verify_call(scene.ctx, scene.clerk, scene.family)
    panel = _panel(qtbot, scene, scene.clerk)
    assert scene.family.child_id is not None
    panel.select_member(scene.family.child_id)
    assert panel.remove_button.isEnabled()
    qtbot.keyClicks(panel.reason, "Moved out")
    panel.remove_button.click()
    scene.settle(qtbot)
    assert "retiré du dossier" in panel.outcome.text()
    assert any(
        panel.table.item(r, 4).text().startswith("Retiré") for r in range(panel.table.rowCount())
    )
