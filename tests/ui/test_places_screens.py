"""The places panel, phone registration, waitlist review and F7 screens (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.services.api import EmbeddedDemo
from console.services.carts import add_to_cart, remove_from_cart
from console.services.waitlist_admin import waitlist_review
from console.ui.kit import confirm
from console.ui.places.activity_view import PlacesPanel
from console.ui.places.already_registered import AlreadyRegisteredPanel
from console.ui.places.register_dialog import RegisterDialog
from console.ui.places.waitlist_review import WaitlistReviewScreen
from console.ui.window.sweeper import Sweeper
from tests.helpers.place_data import make_activity, make_family
from tests.ui.support_scene import Scene, build_scene

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Asked:
    """The confirmations a screen asked (title, what, who), and the answer given."""

    def __init__(self) -> None:
        self.questions: list[tuple[str, str, str]] = []
        self.answer = True

    def __call__(self, _parent: object, title: str, what: str, who: str, **_: object) -> bool:
        self.questions.append((title, what, who))
        return self.answer


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    answers = Asked()
    monkeypatch.setattr(confirm, "confirm_change", answers)
    return answers


@pytest.fixture
def scene(tmp_path: Path, _sqlite_template: Path) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3")
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


def test_places_panel_explains_holds_and_refreshes_itself(qtbot: QtBot, scene: Scene) -> None:
    activity = make_activity(scene.ctx, capacity=1)
    web = make_family(scene.ctx)
    panel = PlacesPanel(scene.tasks, scene.api(scene.agent))
    qtbot.add_widget(panel)
    panel.show_activity(activity)
    scene.settle(qtbot)
    assert "Places réellement libres : 1 sur 1" in panel.explanation.text()
    add_to_cart(scene.ctx, None, web.household_id, web.child_ids[0], activity)
    panel.timer.setInterval(50)
    qtbot.waitUntil(lambda: panel.holds.rowCount() == 1, timeout=5000)
    scene.settle(qtbot)
    assert panel.real.text() == "<b>0</b>" and panel.site.text() == "1"
    assert "Retenues dans des paniers\u00a0: 1" in panel.explanation.text()
    assert "4\u00a0h\u00a020" in panel.explanation.text()  # 9:20 UTC is 4 h 20 in Québec
    assert panel.holds.item(0, 4).text() == "site web"
    panel.timer.stop()


def test_register_dialog_holds_extends_and_waitlists(qtbot: QtBot, scene: Scene) -> None:
    make_activity(scene.ctx, capacity=1, title="Patinage")
    family = make_family(scene.ctx, children=2, verified_by=scene.agent)
    dialog = RegisterDialog(scene.tasks, scene.api(scene.agent), family.household_id)
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    assert dialog.members.count() == 3 and dialog.table.rowCount() == 1
    child_rows = [i for i in range(3) if "Enfant" in dialog.members.item(i).text()]
    dialog.members.setCurrentRow(child_rows[0])
    dialog.add_button.click()
    scene.settle(qtbot)
    assert dialog.cart is not None and len(dialog.cart.held) == 1
    assert dialog.countdown.text() == "20 min restantes"
    dialog.extend_button.click()
    scene.settle(qtbot)
    assert dialog.cart.extension_used and not dialog.extend_button.isEnabled()
    dialog.members.setCurrentRow(child_rows[1])
    dialog.add_button.click()
    scene.settle(qtbot)
    assert "position 1" in dialog.outcome.text()
    scene.clock.advance(timedelta(minutes=41))
    dialog._tick()
    assert "écoulé" in dialog.countdown.text()
    dialog.places.timer.stop()


def test_register_dialog_says_verify_first(qtbot: QtBot, scene: Scene) -> None:
    make_activity(scene.ctx, capacity=1)
    family = make_family(scene.ctx)
    dialog = RegisterDialog(scene.tasks, scene.api(scene.agent), family.household_id)
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    dialog.add_button.click()
    scene.settle(qtbot)
    assert "Vérifiez d'abord" in dialog.outcome.text()
    dialog.places.timer.stop()


def test_waitlist_review_moves_and_offers(qtbot: QtBot, scene: Scene, asked: Asked) -> None:
    activity = make_activity(scene.ctx, capacity=1)
    holder = make_family(scene.ctx, verified_by=scene.agent)
    cart = add_to_cart(scene.ctx, scene.agent, holder.household_id, holder.child_ids[0], activity)
    for _ in range(2):
        f = make_family(scene.ctx, verified_by=scene.agent)
        add_to_cart(scene.ctx, scene.agent, f.household_id, f.child_ids[0], activity)
    screen = WaitlistReviewScreen(scene.tasks, scene.api(scene.supervisor))
    qtbot.add_widget(screen)
    screen.show_activity(activity)
    scene.settle(qtbot)
    assert screen.table.rowCount() == 2 and "0 %" in screen.summary.text().replace("0%", "0 %")
    second = screen.review.entries[1].entry_id  # type: ignore[union-attr]
    screen.table.selectRow(1)
    screen.move_button.click()
    scene.settle(qtbot)
    assert "raison" in screen.outcome.text()
    screen.reason.setText("erreur du site")
    screen.rank.setValue(1)
    asked.answer = False  # Cancel: nothing moves
    screen.move_button.click()
    scene.settle(qtbot)
    assert screen.review.entries[1].entry_id == second  # type: ignore[union-attr]
    asked.answer = True
    screen.move_button.click()
    scene.settle(qtbot)
    assert screen.review.entries[0].entry_id == second  # type: ignore[union-attr]
    _title, what, who = asked.questions[-1]
    entry = screen.review.entries[0]  # type: ignore[union-attr]
    assert "rang 1" in what and screen.review.code in what  # type: ignore[union-attr]
    assert entry.member_name in who and str(entry.household_number) in who
    assert "(Enfant)" in who  # the relationship, as the file shows it
    assert cart.cart is not None
    remove_from_cart(scene.ctx, scene.agent, cart.cart.cart_id, cart.cart.items[0].item_id)
    screen.refresh()
    scene.settle(qtbot)
    assert "place offerte" in screen.table.item(0, 3).text()
    assert waitlist_review(scene.ctx, scene.supervisor, activity).count.open_offers == 1


def test_already_registered_lists_and_releases(qtbot: QtBot, scene: Scene, asked: Asked) -> None:
    activity = make_activity(scene.ctx, capacity=1)
    family = make_family(scene.ctx, verified_by=scene.agent)
    add_to_cart(scene.ctx, None, family.household_id, family.child_ids[0], activity)
    panel = AlreadyRegisteredPanel(scene.tasks, scene.api(scene.agent))
    qtbot.add_widget(panel)
    panel.diagnose(family.child_ids[0], activity)
    scene.settle(qtbot)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "Panier"
    # The hold the agent may free is selected already; the reason is still theirs.
    assert panel.table.currentRow() == 0 and panel.release_button.isEnabled()
    assert panel.reason_text() == ""
    panel.reason.setEditText("vieux panier sur un autre ordinateur")
    panel.release_button.click()
    scene.settle(qtbot)
    scene.settle(qtbot)
    assert panel.table.rowCount() == 0
    assert "libérée" in panel.outcome.text()
    ((_title, what, who),) = asked.questions
    assert "Panier" in what and "Enfant0" in who


def test_the_usual_reasons_say_why_the_selected_hold_is_stale(
    qtbot: QtBot, scene: Scene, asked: Asked
) -> None:
    """Registered and still held in a cart (F7): « already registered » comes first in
    the reason box, picked with Down; the journal gets the reason picked."""
    from console.db.models import AuditEntry, Registration

    activity = make_activity(scene.ctx, capacity=3)
    family = make_family(scene.ctx, verified_by=scene.agent)
    child = family.child_ids[0]
    add_to_cart(scene.ctx, None, family.household_id, child, activity)
    with scene.ctx.db.write() as s:
        s.add(Registration(member_id=child, activity_id=activity, state="confirmed",
                           created_at=scene.clock.now()))  # fmt: skip
    panel = AlreadyRegisteredPanel(scene.tasks, scene.api(scene.agent))
    qtbot.add_widget(panel)
    panel.show()
    panel.diagnose(child, activity)
    scene.settle(qtbot)
    kinds = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert kinds == ["Inscription", "Panier"]
    assert panel.table.currentRow() == 1  # the registration is no stale hold
    reasons = [panel.reason.itemText(i) for i in range(panel.reason.count())]
    assert reasons == [
        "Inscription déjà faite\u00a0: réservation restée au panier",
        "À la demande de la personne qui appelle",
    ]
    panel.reason.setFocus()
    qtbot.keyClick(panel.reason, Qt.Key.Key_Down)
    assert panel.reason_text() == reasons[0]
    panel.table.selectRow(0)  # a registration: nothing to free, no reason offered
    assert not panel.release_button.isEnabled() and panel.reason.count() == 0
    assert panel.reason_text() == reasons[0]  # what the agent chose stays
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.released, timeout=10000) as freed:
        panel.release_button.click()
    assert [h.kind.value for h in freed.args[0].holds] == ["registration"]
    with scene.ctx.db.read() as s:
        entry = s.query(AuditEntry).filter_by(action="hold.release").one()
        assert entry.reason == reasons[0]


def test_sweeper_runs_the_sweep(qtbot: QtBot, scene: Scene) -> None:
    sweeper = Sweeper(scene.tasks, EmbeddedDemo(scene.ctx))
    sweeper.run()
    scene.settle(qtbot)
    assert sweeper.last is not None and sweeper.last_error is None


def test_the_offer_is_sent_only_once_confirmed(qtbot: QtBot, scene: Scene, asked: Asked) -> None:
    activity = make_activity(scene.ctx, capacity=1)
    holder = make_family(scene.ctx, verified_by=scene.agent)
    add_to_cart(scene.ctx, scene.agent, holder.household_id, holder.child_ids[0], activity)
    waiting = make_family(scene.ctx, verified_by=scene.agent)
    add_to_cart(scene.ctx, scene.agent, waiting.household_id, waiting.child_ids[0], activity)
    scene.clock.advance(timedelta(minutes=21))  # the hold lapsed; no sweep has offered it yet
    screen = WaitlistReviewScreen(scene.tasks, scene.api(scene.supervisor))
    qtbot.add_widget(screen)
    screen.show_activity(activity)
    scene.settle(qtbot)
    screen.table.selectRow(0)
    screen.reason.setText("appel de la famille")
    asked.answer = False
    screen.offer_button.click()
    scene.settle(qtbot)
    ((title, what, who),) = asked.questions
    assert "Offrir" in title and screen.review is not None and screen.review.code in what
    assert str(waiting.number) in who
    assert waitlist_review(scene.ctx, scene.supervisor, activity).count.open_offers == 0
    asked.answer = True
    screen.offer_button.click()
    scene.settle(qtbot)
    assert waitlist_review(scene.ctx, scene.supervisor, activity).count.open_offers == 1


def _child_row(dialog: RegisterDialog, index: int) -> int:
    return [i for i in range(dialog.members.count()) if "Enfant" in dialog.members.item(i).text()][
        index
    ]


def test_register_dialog_shows_ages_and_marks_those_that_do_not_fit(
    qtbot: QtBot, scene: Scene
) -> None:
    preschool = make_activity(scene.ctx, title="Atelier préscolaire", age_min=3, age_max=5)
    make_activity(scene.ctx, title="Atelier jeunesse", age_min=6, age_max=12)
    family = make_family(scene.ctx, children=1, verified_by=scene.agent)
    dialog = RegisterDialog(scene.tasks, scene.api(scene.agent), family.household_id)
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    dialog.members.setCurrentRow(_child_row(dialog, 0))
    rows = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
    young, older = rows["Atelier préscolaire"], rows["Atelier jeunesse"]
    assert "ne convient pas (9\u00a0ans)" in dialog.table.item(young, 2).text()
    assert dialog.table.item(young, 2).text().startswith("3 à 5\u00a0ans")
    assert "3 à 5" in dialog.table.item(young, 0).toolTip()
    assert dialog.table.item(older, 2).text() == "6 à 12\u00a0ans"
    assert dialog.table.item(older, 0).toolTip() == ""
    dialog.table.selectRow(young)
    dialog.add_button.click()
    scene.settle(qtbot)
    assert "9\u00a0ans" in dialog.outcome.text() and dialog.cart is None
    assert dialog.places.activity_id == preschool  # the details pane shows the selected row
    dialog.places.timer.stop()


def test_register_dialog_opens_on_the_member_and_activity_looked_at(
    qtbot: QtBot, scene: Scene
) -> None:
    make_activity(scene.ctx, title="Aquaforme")
    wanted = make_activity(scene.ctx, title="Badminton libre")
    family = make_family(scene.ctx, children=2, verified_by=scene.agent)
    code = next(
        a.code for a in scene.api(scene.agent).find_activities("") if a.activity_id == wanted
    )
    dialog = RegisterDialog(
        scene.tasks,
        scene.api(scene.agent),
        family.household_id,
        member_id=family.child_ids[1],
        activity_code=code,
    )
    qtbot.add_widget(dialog)
    dialog.show()
    scene.settle(qtbot)
    assert dialog.selected_member() == family.child_ids[1]
    activity = dialog.selected_activity()
    assert activity is not None and activity.activity_id == wanted
    assert dialog.places.activity_id == wanted
    # Both chosen, the places in view: the next key adds (Alt+A) or types another
    # activity over the one shown.
    assert dialog.focusWidget() is dialog.search and dialog.search.selectedText() == code
    dialog.places.timer.stop()
    only_activity = RegisterDialog(
        scene.tasks, scene.api(scene.agent), family.household_id, activity_code=code
    )
    qtbot.add_widget(only_activity)
    only_activity.show()
    scene.settle(qtbot)
    assert only_activity.focusWidget() is only_activity.members  # the member next
    only_activity.places.timer.stop()


def test_register_dialog_filters_as_the_agent_types(qtbot: QtBot, scene: Scene) -> None:
    make_activity(scene.ctx, title="Aquaforme")
    make_activity(scene.ctx, title="Badminton libre")
    family = make_family(scene.ctx, verified_by=scene.agent)
    dialog = RegisterDialog(scene.tasks, scene.api(scene.agent), family.household_id)
    qtbot.add_widget(dialog)
    dialog.show()
    scene.settle(qtbot)
    assert dialog.focusWidget() is dialog.search  # no activity yet: the filter first
    assert dialog.table.rowCount() == 2
    qtbot.keyClicks(dialog.search, "badm")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    scene.settle(qtbot)
    assert dialog.table.item(0, 1).text() == "Badminton libre"
    selected = dialog.selected_activity()
    assert selected is not None and dialog.places.activity_id == selected.activity_id
    dialog.places.timer.stop()


def test_register_dialog_accepts_a_live_offer_after_confirming(
    qtbot: QtBot, scene: Scene, asked: Asked
) -> None:
    activity = make_activity(scene.ctx, capacity=1, title="Patinage")
    family = make_family(scene.ctx, children=2, verified_by=scene.agent)
    held = add_to_cart(scene.ctx, scene.agent, family.household_id, family.child_ids[0], activity)
    add_to_cart(scene.ctx, scene.agent, family.household_id, family.child_ids[1], activity)
    assert held.cart is not None
    remove_from_cart(scene.ctx, scene.agent, held.cart.cart_id, held.cart.items[0].item_id)
    dialog = RegisterDialog(
        scene.tasks, scene.api(scene.agent), family.household_id, member_id=family.child_ids[1]
    )
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    asked.answer = False
    dialog.add_button.click()
    scene.settle(qtbot)
    ((_title, what, who),) = asked.questions
    assert "Patinage" in what and "Enfant1" in who and str(family.number) in who
    assert "offerte" in dialog.outcome.text() and dialog.cart is None
    asked.answer = True
    dialog.add_button.click()
    scene.settle(qtbot)
    assert dialog.cart is not None and dialog.cart.cart_id == held.cart.cart_id  # the call's
    assert [line.activity_id for line in dialog.cart.held] == [activity]
    assert "acceptée" in dialog.outcome.text()
    dialog.places.timer.stop()


def test_already_waiting_is_said_once(qtbot: QtBot, scene: Scene) -> None:
    activity = make_activity(scene.ctx, capacity=1)
    family = make_family(scene.ctx, children=2, verified_by=scene.agent)
    add_to_cart(scene.ctx, scene.agent, family.household_id, family.child_ids[0], activity)
    add_to_cart(scene.ctx, scene.agent, family.household_id, family.child_ids[1], activity)
    dialog = RegisterDialog(
        scene.tasks, scene.api(scene.agent), family.household_id, member_id=family.child_ids[1]
    )
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    dialog.add_button.click()
    scene.settle(qtbot)
    assert dialog.outcome.text().count("déjà sur la liste d'attente") == 1
    dialog.places.timer.stop()


def test_the_second_extension_is_refused_in_one_sentence(qtbot: QtBot, scene: Scene) -> None:
    make_activity(scene.ctx)
    family = make_family(scene.ctx, verified_by=scene.agent)
    dialog = RegisterDialog(
        scene.tasks, scene.api(scene.agent), family.household_id, member_id=family.child_ids[0]
    )
    qtbot.add_widget(dialog)
    scene.settle(qtbot)
    dialog.add_button.click()
    scene.settle(qtbot)
    assert dialog.cart is not None
    cart_id = dialog.cart.cart_id
    scene.api(scene.agent).extend_hold(cart_id)
    dialog.extend()  # the screen still offers it: the service refuses the second
    scene.settle(qtbot)
    assert dialog.outcome.text().count("déjà été accordé") == 1
    dialog.places.timer.stop()
