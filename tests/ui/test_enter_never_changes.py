"""Enter in a field never changes data: every screen and dialog of the window, on the demo.

The window runs on the embedded demo (the generated ``demo`` city) with its ``ConsoleApi``
wrapped in a recorder. Each screen is opened the way the agent opens it, every list and
table in it gets a row selected (as an agent who looked at something), and then Enter
(and the keypad's Enter) is pressed in every line edit, spin box and combo box. The test
fails when that called a use case that changes data.

Which use cases change data is told by their names (``ConsoleApi`` is the one list,
``operations()``): the reads are nouns or questions — ``*_view``, ``*_status``,
``*_summary``, ``*_places``, ``*_review``, ``*_options``, ``*_document``, ``*_figures``,
``*_file``, ``*_accesses``, ``*_info``, ``*_actions`` and ``find_``, ``list_``, ``count_``,
``search_``, ``poll_``, ``what_``, ``check_`` — and every other name is a verb that acts
(``add_to_cart``, ``move_entry``, ``pay``, ``verify_caller``…). A new use case is thus a
change unless its name says it only reads: the safe side.

Confirmations are answered « Confirmer » here, so an action that Enter reaches is seen
even when it asks first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db.engine import Database
from console.db.models import Activity, Cart, Household, Member, WaitlistEntry
from console.db.seed import seed_database
from console.db.sin import SinCipher
from console.domain.ages import age_fits, age_on
from console.domain.api import ConsoleApi, operations
from console.domain.clock import FixedClock
from console.domain.vocabulary import CartState, Relationship, Role, WaitlistState
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.services.places import find_activities
from console.ui.kit import confirm
from console.ui.kit.confirm import ReasonConfirmation
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.payments.payment_dialog import PaymentDialog
from console.ui.window.main_window import MainWindow
from console.ui.window.payment_actions import PaymentActions, install_payments
from console.ui.window.places_wiring import PlacesScreens, install_places
from tests.helpers.place_data import verify
from tests.helpers.secrets import TEST_SIN_KEY

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
READ_PREFIXES = ("find_", "list_", "count_", "search_", "poll_", "what_", "check_")
READ_SUFFIXES = (
    "_view",
    "_status",
    "_summary",
    "_places",
    "_review",
    "_options",
    "_document",
    "_figures",
    "_file",
    "_accesses",
    "_info",
    "_actions",
)
# Not a change of anyone's data: the heartbeat saying who has a file open (it lapses by
# itself), and the clock.
READ_NAMES = {"now", "ping", "touch_presence"}


def changes_data(name: str) -> bool:
    return not (
        name in READ_NAMES or name.startswith(READ_PREFIXES) or name.endswith(READ_SUFFIXES)
    )


def test_the_names_tell_the_changes_from_the_reads() -> None:
    names = set(operations())
    changes = {n for n in names if changes_data(n)}
    must_change = {
        "add_to_cart",
        "remove_from_cart",
        "extend_hold",
        "accept_offer",
        "move_entry",
        "send_offer",
        "release_locked_cart",
        "release_stale_hold",
        "pay",
        "email_receipt",
        "verify_caller",
        "unlock_account",
        "send_password_reset",
        "change_relationship",
        "remove_member",
        "reveal_sin",
        "requeue_failed_batch",
    }
    reads = {
        "household_view",
        "find_activities",
        "activity_places",
        "waitlist_review",
        "payer_options",
        "receipt_document",
        "what_holds",
        "verification_status",
        "account_summary",
        "search_callers",
    }
    assert must_change <= changes
    assert reads <= names - changes


class Recorder:
    """The api of the window, every use case it calls written down (from any thread)."""

    def __init__(self, inner: ConsoleApi, calls: list[str]) -> None:
        self._inner, self._calls = inner, calls
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if name not in OPERATIONS or not callable(value):
            return value

        def recorded(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self._calls.append(name)
            return value(*args, **kwargs)

        return recorded


OPERATIONS = set(operations())


class Scene:
    def __init__(self, main: MainWindow, calls: list[str], ctx: ServiceContext) -> None:
        self.main, self.calls, self.ctx = main, calls, ctx
        self.places: PlacesScreens = main.places_screens  # type: ignore[attr-defined]
        self.payments: PaymentActions = main.payment_actions  # type: ignore[attr-defined]

    def settle(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: not self.main.workspace.tasks.busy, timeout=15000)
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not self.main.workspace.tasks.busy, timeout=15000)

    def open_household(self, qtbot: QtBot, household_id: int) -> None:
        with qtbot.waitSignal(self.main.workspace.household_changed, timeout=10000):
            self.main.open_household(household_id)
        self.settle(qtbot)

    def be(self, qtbot: QtBot, role: Role) -> None:
        combo = self.main.staff_combo
        demo = self.main.workspace.demo
        assert demo is not None
        wanted = next(a for a in demo.staff() if a.role is role)
        for i in range(combo.count()):
            if wanted.display_name in combo.itemText(i) and i != combo.currentIndex():
                with qtbot.waitSignal(self.main.workspace.actor_changed, timeout=5000):
                    combo.setCurrentIndex(i)
        self.settle(qtbot)
        actor = self.main.workspace.actor
        assert actor is not None and actor.role is role


@pytest.fixture
def scene(
    qtbot: QtBot,
    sqlite_db: Database,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Scene]:
    seed_database(sqlite_db, SinCipher(TEST_SIN_KEY), scale="demo", seed=1, now=NOW)
    ctx = ServiceContext(db=sqlite_db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=FixedClock(NOW))
    calls: list[str] = []
    original = EmbeddedDemo.api_for
    monkeypatch.setattr(
        EmbeddedDemo, "api_for", lambda self, actor: Recorder(original(self, actor), calls)
    )
    monkeypatch.setattr(confirm, "confirm_change", lambda *_a, **_k: True)
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    tasks = TaskRunner()
    main = MainWindow(Workspace(tasks), qsettings)
    install_places(main)
    install_payments(main)
    qtbot.add_widget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.staff_loaded, timeout=10000):
        main.attach_demo(EmbeddedDemo(ctx))
    scene = Scene(main, calls, ctx)
    scene.settle(qtbot)
    yield scene
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
    sweeper = scene.places.sweeper
    if sweeper is not None:
        sweeper.timer.stop()
    tasks.wait_idle()


# -- the demo's families -------------------------------------------------------------------


def _household_with_open_cart(ctx: ServiceContext) -> int:
    with ctx.db.read() as s:
        found = s.scalar(
            select(Cart.household_id)
            .where(Cart.state == CartState.OPEN.value, Cart.hold_expires_at > NOW)
            .order_by(Cart.id)
            .limit(1)
        )
    assert found is not None
    return int(found)


def _household_with_a_child(ctx: ServiceContext) -> int:
    with ctx.db.read() as s:
        found = s.scalar(
            select(Household.id)
            .join(Member, Member.household_id == Household.id)
            .where(Member.relationship == Relationship.CHILD.value)
            .order_by(Household.id)
            .limit(1)
        )
    assert found is not None
    return int(found)


def _activity_with_a_waitlist(ctx: ServiceContext) -> str:
    with ctx.db.read() as s:
        found = s.scalar(
            select(Activity.code)
            .join(WaitlistEntry, WaitlistEntry.activity_id == Activity.id)
            .where(WaitlistEntry.state == WaitlistState.WAITING.value)
            .order_by(Activity.id)
            .limit(1)
        )
    assert found is not None
    return str(found)


# -- pressing Enter everywhere -------------------------------------------------------------


def _select_first_rows(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            if view.currentIndex().isValid():
                continue
            view.setCurrentIndex(model.index(0, 0))


def _editors(root: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QAbstractSpinBox, QComboBox)
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    return [w for w in found if w.isVisible() and w.isEnabled()]


def press_enter_everywhere(qtbot: QtBot, scene: Scene, root: QWidget) -> list[str]:
    """Every data-changing use case Enter reached in ``root`` (with the field's name)."""
    for _ in range(3):  # picking a row fills the next table: select again after each load
        _select_first_rows(root)
        scene.settle(qtbot)
    editors = _editors(root)
    assert editors, f"no field found in {type(root).__name__}"
    offenders: list[str] = []
    for editor in editors:
        if not editor.isVisible() or not editor.isEnabled():
            continue
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            start = len(scene.calls)
            editor.setFocus()
            qtbot.keyClick(editor, key)
            scene.settle(qtbot)
            changed = [n for n in scene.calls[start:] if changes_data(n)]
            if changed:
                label = editor.accessibleName() or editor.objectName() or type(editor).__name__
                offenders.append(f"{type(root).__name__}/{label}: {', '.join(changed)}")
    return offenders


# -- the screens ---------------------------------------------------------------------------

Opener = Callable[[QtBot, Scene], QWidget]


def _child_and_activity_that_fits(ctx: ServiceContext) -> tuple[int, int, str]:
    """(household, child, activity code): a child and an activity with places for them."""
    with ctx.db.read() as s:
        children = s.execute(
            select(Member.household_id, Member.id, Member.birth_date)
            .where(Member.relationship == Relationship.CHILD.value, Member.removed_at.is_(None))
            .order_by(Member.id)
        ).all()
    activities = [a for a in find_activities(ctx, "", limit=200) if a.real_remaining > 2]
    for household_id, member_id, born in children:
        age = age_on(born, NOW.date())
        for a in activities:
            if age_fits(age, a.age_min, a.age_max) and a.age_min is not None:
                return household_id, member_id, a.code
    raise AssertionError("the demo has no child with an activity for their age")


def _register(qtbot: QtBot, scene: Scene) -> QWidget:
    """As the agent has it: the child chosen in the file, the activity last looked at."""
    household_id, member_id, code = _child_and_activity_that_fits(scene.ctx)
    scene.open_household(qtbot, household_id)
    panel = scene.main.household_panel
    (row,) = [i for i, m in enumerate(panel.members_model.rows) if m.member_id == member_id]
    panel.members_table.selectRow(row)
    scene.places.last_activity = code
    dialog = scene.places.open_register()
    assert dialog is not None
    scene.settle(qtbot)
    assert dialog.selected_member() == member_id
    activity = dialog.selected_activity()
    assert activity is not None and activity.code == code
    return dialog


def _already_registered(qtbot: QtBot, scene: Scene) -> QWidget:
    """On the demo's F7 family, caller verified: it opens on the cart line held twice,
    the hold selected and releasable — Enter in the reason box must still free nothing."""
    with scene.ctx.db.read() as s:
        household_id = s.scalar(select(Household.id).where(Household.number == 100_002))
    assert household_id is not None
    actor = scene.main.workspace.actor
    assert actor is not None
    verify(scene.ctx, actor, household_id)
    scene.open_household(qtbot, household_id)
    dialog = scene.places.open_already_registered()
    assert dialog is not None
    scene.settle(qtbot)
    hold = dialog.panel.selected()
    assert hold is not None and hold.releasable and dialog.panel.release_button.isEnabled()
    dialog.panel.reason.setCurrentIndex(0)  # a reason given, as the agent would
    return dialog


def _places(qtbot: QtBot, scene: Scene) -> QWidget:
    dialog = scene.places.open_places()
    assert dialog is not None
    return dialog


def _waitlist_review(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.be(qtbot, Role.SUPERVISOR)
    dialog = scene.places.open_review()
    assert dialog is not None
    box = next(e for e in dialog.findChildren(QLineEdit))
    box.setText(_activity_with_a_waitlist(scene.ctx))
    scene.settle(qtbot)
    box.returnPressed.emit()
    scene.settle(qtbot)
    return dialog


def _payment(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.open_household(qtbot, _household_with_open_cart(scene.ctx))
    before = set(QApplication.topLevelWidgets())
    scene.payments.pay_selected_cart()
    scene.settle(qtbot)
    (dialog,) = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in before and isinstance(w, PaymentDialog)
    ]
    qtbot.waitUntil(lambda: dialog.payer.count() > 0, timeout=5000)
    # A card typed in full, as the caller reads it: Enter must still not charge it.
    qtbot.keyClicks(dialog.card.number, "4242-4242-4242-4242")
    qtbot.keyClicks(dialog.card.expiry, "1229")
    qtbot.keyClicks(dialog.card.cvv, "123")
    return dialog


def _receipt(qtbot: QtBot, scene: Scene) -> QWidget:
    dialog = scene.payments.open_receipt(None, None)
    assert dialog is not None
    return dialog


def _verification(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.open_household(qtbot, _household_with_a_child(scene.ctx))
    screens = scene.main.account_screens
    screens.verification.verify()
    qtbot.waitUntil(lambda: screens.verification.dialog is not None)
    dialog = screens.verification.dialog
    assert dialog is not None
    return dialog


def _verified_with_a_child(qtbot: QtBot, scene: Scene) -> Any:
    """The family panel, as after the caller was verified and a child picked."""
    household_id = _household_with_a_child(scene.ctx)
    actor = scene.main.workspace.actor
    assert actor is not None
    verify(scene.ctx, actor, household_id)
    scene.open_household(qtbot, household_id)
    screens = scene.main.account_screens
    screens.verification.refresh()
    scene.settle(qtbot)
    assert screens.verification.verified
    panel = scene.main.household_panel
    rows = panel.members_model.rows
    child = next(i for i, m in enumerate(rows) if m.relationship is Relationship.CHILD)
    panel.members_table.selectRow(child)
    scene.settle(qtbot)
    return screens.family_panel


def _typed_reason(qtbot: QtBot, question: QWidget | None) -> QWidget:
    """The member question open, a reason typed: its answers are on, Enter must still
    press none of them."""
    assert isinstance(question, ReasonConfirmation)
    qtbot.waitUntil(question.isVisible)
    question.reason_box.setEditText("Raison de l'essai")
    assert question.confirm_button.isEnabled()
    return question


def _relationship_question(qtbot: QtBot, scene: Scene) -> QWidget:
    family = _verified_with_a_child(qtbot, scene)
    family.change_relationship()
    return _typed_reason(qtbot, family.confirmation)


def _removal_question(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.be(qtbot, Role.CLERK)
    family = _verified_with_a_child(qtbot, scene)
    if not family.may_remove():  # the demo's first clerk: the file of their borough
        file = family.file
        assert file is not None
        combo, demo = scene.main.staff_combo, scene.main.workspace.demo
        assert demo is not None
        clerk = next(
            a for a in demo.staff() if a.role is Role.CLERK and a.borough_id == file.borough_id
        )
        index = next(i for i in range(combo.count()) if clerk.display_name in combo.itemText(i))
        with qtbot.waitSignal(scene.main.workspace.actor_changed, timeout=5000):
            combo.setCurrentIndex(index)
        scene.settle(qtbot)
        family = _verified_with_a_child(qtbot, scene)
    assert family.file is not None
    free = next(
        m
        for m in family.file.members
        if not m.is_responsible and m.removed_at is None and not m.removal_blockers
    )
    family.select_member(free.member_id)
    scene.settle(qtbot)
    assert family.remove_button.isEnabled()
    family.remove()
    return _typed_reason(qtbot, family.confirmation)


def _account_panel(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.open_household(qtbot, _household_with_a_child(scene.ctx))
    panel = scene.main.household_panel
    panel.show_tab(scene.main.account_screens.account_tab)
    scene.settle(qtbot)
    return scene.main.account_screens.account_panel


def _audit_window(qtbot: QtBot, scene: Scene) -> QWidget:
    scene.be(qtbot, Role.SUPERVISOR)
    screens = scene.main.account_screens
    screens.open_audit()
    scene.settle(qtbot)
    assert screens.audit_window is not None
    return screens.audit_window


def _search_panel(qtbot: QtBot, scene: Scene) -> QWidget:
    return scene.main.search_panel


SCREENS = [
    pytest.param(_register, id="register-dialog"),
    pytest.param(_already_registered, id="already-registered-dialog"),
    pytest.param(_places, id="places-dialog"),
    pytest.param(_waitlist_review, id="waitlist-review"),
    pytest.param(_payment, id="payment-dialog"),
    pytest.param(_receipt, id="receipt-dialog"),
    pytest.param(_verification, id="verification-dialog"),
    pytest.param(_relationship_question, id="relationship-question"),
    pytest.param(_removal_question, id="removal-question"),
    pytest.param(_account_panel, id="account-panel"),
    pytest.param(_audit_window, id="audit-window"),
    pytest.param(_search_panel, id="search-panel"),
]


@pytest.mark.parametrize("opener", SCREENS)
def test_enter_in_a_field_never_changes_data(qtbot: QtBot, scene: Scene, opener: Opener) -> None:
    root = opener(qtbot, scene)
    scene.settle(qtbot)
    offenders = press_enter_everywhere(qtbot, scene, root)
    assert offenders == []
