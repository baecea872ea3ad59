"""The places screens are reachable from the main window and the sweep runs by itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from console.db.models import Cart
from console.domain.vocabulary import CartState, Role
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.carts import add_to_cart
from console.services.context import ServiceContext
from console.services.households import household_view
from console.ui.kit import confirm
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from console.ui.window.places_wiring import PlacesScreens, install_places
from tests.helpers.place_data import make_activity, make_family, verify
from tests.ui.families import Families

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def wired(
    qtbot: QtBot, tasks: TaskRunner, ui_ctx: ServiceContext, qsettings: QSettings
) -> tuple[MainWindow, PlacesScreens]:
    main = MainWindow(Workspace(tasks), qsettings)
    screens = install_places(main)
    qtbot.add_widget(main)
    main.show()
    with qtbot.waitSignal(main.staff_loaded):
        main.attach_demo(EmbeddedDemo(ui_ctx))
    return main, screens


def test_a_signed_in_console_leaves_the_sweep_to_the_server(
    qtbot: QtBot, tasks: TaskRunner, ui_ctx: ServiceContext, qsettings: QSettings
) -> None:
    main = MainWindow(Workspace(tasks), qsettings)
    screens = install_places(main)
    qtbot.add_widget(main)
    main.show()
    agent = next(a for a in EmbeddedDemo(ui_ctx).staff() if a.role is Role.AGENT)
    with qtbot.waitSignal(main.workspace.context_ready):
        main.attach(InProcessApi(ui_ctx, agent))
    assert main.workspace.ready and main.workspace.demo is None
    assert screens.sweeper is None
    assert not main.staff_combo.isVisible() and not main.demo_badge.isVisible()
    assert "DÉMO" not in main.actor_label.text()


def _settle(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.waitUntil(lambda: not main.workspace.tasks.busy, timeout=10000)


def test_header_buttons_follow_the_open_household(
    qtbot: QtBot, wired: tuple[MainWindow, PlacesScreens], families: Families, ui_ctx
) -> None:
    main, screens = wired
    make_activity(ui_ctx, capacity=3)
    assert not screens.register_action.isEnabled()
    with qtbot.waitSignal(main.workspace.household_changed, timeout=5000):
        main.open_household(families.gagnon)
    assert screens.register_action.isEnabled() and screens.already_action.isEnabled()
    dialog = screens.open_register()
    assert dialog is not None
    _settle(qtbot, main)
    assert dialog.members.count() >= 1 and dialog.table.rowCount() >= 1
    dialog.places.timer.stop()
    dialog.close()
    f7 = screens.open_already_registered()
    assert f7 is not None
    _settle(qtbot, main)
    f7.close()
    _settle(qtbot, main)


def test_places_dialog_and_supervisor_review(
    qtbot: QtBot, wired: tuple[MainWindow, PlacesScreens], ui_ctx
) -> None:
    main, screens = wired
    make_activity(ui_ctx, capacity=3)
    assert screens.sweeper is not None
    _settle(qtbot, main)
    assert screens.sweeper.last is not None  # swept once at start-up
    dialog = screens.open_places()
    assert dialog is not None
    _settle(qtbot, main)
    dialog.close()
    assert not screens.review_action.isEnabled()
    supervisor = next(i for i, a in enumerate(main._staff) if a.role is Role.SUPERVISOR)
    main.staff_combo.setCurrentIndex(supervisor)
    assert screens.review_action.isEnabled()
    review = screens.open_review()
    assert review is not None
    _settle(qtbot, main)
    review.close()


def test_releasing_a_locked_cart_asks_naming_the_cart_the_file_and_its_lines(
    qtbot: QtBot,
    wired: tuple[MainWindow, PlacesScreens],
    families: Families,
    ui_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main, screens = wired
    actor = main.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.tremblay)
    activity = make_activity(ui_ctx, title="Patinage artistique")
    view = household_view(ui_ctx, families.tremblay)
    child = next(m for m in view.members if not m.removed)
    cart = add_to_cart(ui_ctx, actor, families.tremblay, child.member_id, activity).cart
    assert cart is not None
    with ui_ctx.db.write() as s:
        row = s.get(Cart, cart.cart_id)
        assert row is not None
        row.state = CartState.CHECKOUT.value
        row.checkout_locked_until = ui_ctx.clock.now() + timedelta(minutes=10)
    with qtbot.waitSignal(main.workspace.household_changed, timeout=5000):
        main.open_household(families.tremblay)
    _settle(qtbot, main)
    label = str(cart.number)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: (label, True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Appel de la famille", True))
    questions: list[tuple[str, str, str]] = []
    answer = [False]

    def ask(_parent: object, title: str, what: str, who: str, *, detail: str = "") -> bool:
        questions.append((what, who, detail))
        return answer[0]

    released: list[tuple[int, str]] = []
    monkeypatch.setattr(confirm, "confirm_change", ask)
    monkeypatch.setattr(
        screens, "release", lambda cart_id, reason: released.append((cart_id, reason))
    )
    screens.release_locked()
    assert released == []  # Cancel: nothing is asked of the payment site
    ((what, who, detail),) = questions
    assert label in what and str(families.tremblay_number) in who
    assert child.name in detail and "Patinage artistique" in detail
    answer[0] = True
    screens.release_locked()
    assert released == [(cart.cart_id, "Appel de la famille")]


def test_the_register_dialog_hands_its_cart_to_the_payment(
    qtbot: QtBot, wired: tuple[MainWindow, PlacesScreens], families: Families, ui_ctx
) -> None:
    """F6 by phone: « Payer le panier… » closes the registration and opens the payment of
    the very cart it filled (the payment asks before charging)."""
    from PySide6.QtWidgets import QDialog

    from console.ui.window.payment_actions import install_payments

    main, screens = wired
    install_payments(main)
    actor = main.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.tremblay)
    make_activity(ui_ctx, title="Patinage artistique", capacity=3)
    with qtbot.waitSignal(main.workspace.household_changed, timeout=5000):
        main.open_household(families.tremblay)
    _settle(qtbot, main)
    dialog = screens.open_register()
    assert dialog is not None
    _settle(qtbot, main)
    dialog.places.timer.stop()
    assert not dialog.pay_button.isEnabled()  # nothing held yet
    row = next(i for i, a in enumerate(dialog.activities) if a.title == "Patinage artistique")
    dialog.table.selectRow(row)
    dialog.table.setCurrentCell(row, 0)
    dialog.add()
    qtbot.waitUntil(lambda: dialog.cart is not None and bool(dialog.cart.held), timeout=10000)
    assert dialog.pay_button.isEnabled()
    cart = dialog.cart
    assert cart is not None
    dialog.pay_button.click()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in main.findChildren(QDialog, "paymentDialog")),
        timeout=5000,
    )
    assert not dialog.isVisible()
    pay = next(d for d in main.findChildren(QDialog, "paymentDialog") if d.isVisible())
    _settle(qtbot, main)
    assert str(cart.number) in pay.cart_label.text()  # type: ignore[attr-defined]
    pay.close()
    _settle(qtbot, main)


def test_the_already_registered_dialog_opens_on_the_line_held_twice_and_closes_once_freed(
    qtbot: QtBot,
    wired: tuple[MainWindow, PlacesScreens],
    families: Families,
    ui_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """F7: nothing selected in the file, its one cart line whose member is already
    registered is what the dialog opens on — the hold selected, the reason box next; it
    asks first (Cancel keeps everything), and once freed it closes and says so."""
    from console.db.models import AuditEntry, Registration

    main, screens = wired
    actor = main.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.tremblay)
    activity = make_activity(ui_ctx, title="Patinage artistique", capacity=3)
    view = household_view(ui_ctx, families.tremblay)
    child = next(m for m in view.members if not m.removed)
    add_to_cart(ui_ctx, None, families.tremblay, child.member_id, activity)
    with ui_ctx.db.write() as s:
        s.add(Registration(member_id=child.member_id, activity_id=activity, state="confirmed",
                           created_at=ui_ctx.clock.now()))  # fmt: skip
    with qtbot.waitSignal(main.workspace.household_changed, timeout=5000):
        main.open_household(families.tremblay)
    _settle(qtbot, main)
    dialog = screens.open_already_registered()
    assert dialog is not None
    _settle(qtbot, main)
    _settle(qtbot, main)
    panel = dialog.panel
    assert dialog.members.currentData() == child.member_id
    assert panel.diagnosis is not None and panel.diagnosis.activity_id == activity
    hold = panel.selected()
    assert hold is not None and hold.kind.value == "cart_item" and hold.releasable
    assert dialog.focusWidget() is panel.reason
    panel.reason.setCurrentIndex(0)  # the first usual reason, as Down picks it
    reason = panel.reason_text()
    assert reason.startswith("Inscription déjà faite")
    questions: list[tuple[str, str]] = []
    answer = [False]

    def ask(_parent: object, _title: str, what: str, who: str, **_: object) -> bool:
        questions.append((what, who))
        return answer[0]

    monkeypatch.setattr(confirm, "confirm_change", ask)
    panel.release_button.click()
    _settle(qtbot, main)
    ((what, who),) = questions
    assert "Patinage artistique" in what and child.name in who
    assert str(families.tremblay_number) in who
    assert dialog.isVisible()  # Cancel: nothing freed
    answer[0] = True
    with qtbot.waitSignal(dialog.freed, timeout=10000):
        panel.release_button.click()
    _settle(qtbot, main)
    assert not dialog.isVisible()
    assert child.name in main.message_bar.text and "libérée" in main.message_bar.text
    with ui_ctx.db.read() as s:
        assert s.query(AuditEntry).filter_by(action="hold.release").one().reason == reason


def test_the_register_dialog_opens_on_the_files_one_waitlist_entry(
    qtbot: QtBot, wired: tuple[MainWindow, PlacesScreens], families: Families, ui_ctx
) -> None:
    """F6: the caller "lands on the waitlist" — with nothing selected, the dialog shows
    the member and that activity (its real places), the filter ready for another one."""
    main, screens = wired
    actor = main.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.tremblay)
    full = make_activity(ui_ctx, title="Patinage artistique", capacity=1)
    view = household_view(ui_ctx, families.tremblay)
    (second,) = [m for m in view.members if not m.removed]
    holder = make_family(ui_ctx)  # another family's cart holds the one place
    add_to_cart(ui_ctx, None, holder.household_id, holder.child_ids[0], full)
    waited = add_to_cart(ui_ctx, None, families.tremblay, second.member_id, full)
    assert waited.waitlist_position == 1
    with qtbot.waitSignal(main.workspace.household_changed, timeout=5000):
        main.open_household(families.tremblay)
    _settle(qtbot, main)
    dialog = screens.open_register()
    assert dialog is not None
    _settle(qtbot, main)
    dialog.places.timer.stop()
    chosen = dialog.selected_activity()
    assert dialog.selected_member() == second.member_id
    assert chosen is not None and chosen.activity_id == full and chosen.real_remaining == 0
    assert dialog.focusWidget() is dialog.search
    dialog.close()
    _settle(qtbot, main)
