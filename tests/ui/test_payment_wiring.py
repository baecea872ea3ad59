"""From the household file: pay the live cart by phone, then reprint its receipt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.domain.clock import FixedClock
from console.services.carts import add_to_cart
from console.services.context import ServiceContext
from console.ui.kit import confirm
from console.ui.payments.payment_dialog import PaymentDialog
from console.ui.payments.receipt_dialog import ReceiptDialog
from console.ui.window.main_window import MainWindow
from console.ui.window.payment_actions import PaymentActions, install_payments
from tests.helpers.place_data import make_activity, verify
from tests.ui.families import Families

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

APPROVED = "Paiement effectué avec succès – Confirmation de paiement"


@pytest.fixture(autouse=True)
def _confirmed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The agent says yes to « Débiter … ? » (test_payment_dialog checks the question)."""
    asked: list[tuple[str, str]] = []

    def yes(_parent: object, _title: str, what: str, who: str, **_: object) -> bool:
        asked.append((what, who))
        return True

    monkeypatch.setattr(confirm, "confirm_change", yes)
    return asked


def _settle(qtbot: QtBot, main: MainWindow) -> None:
    qtbot.waitUntil(lambda: not main.workspace.tasks.busy, timeout=10000)


def _open(qtbot: QtBot, window: MainWindow, household: int) -> PaymentActions:
    actions = install_payments(window)
    assert not actions.pay_action.isEnabled()
    assert actions.receipt_action.isEnabled()  # a reprint needs no open household
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        window.open_household(household)
    assert actions.pay_action.isEnabled()
    return actions


def test_pay_the_live_cart_then_reprint_its_receipt(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    actions = _open(qtbot, window, families.cote)
    actor = window.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.cote)
    view = window.workspace.household
    assert view is not None
    cart = actions.selected_cart(view)
    assert cart is not None and cart.number == families.live_cart_number

    actions.pay_action.trigger()
    dialog = window.findChild(PaymentDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.payer.count() > 0, timeout=5000)
    qtbot.keyClicks(dialog.card.number, "5555-5555-5555-4444")
    qtbot.keyClicks(dialog.card.expiry, "1229")
    qtbot.keyClicks(dialog.card.cvv, "321")
    with qtbot.waitSignal(dialog.paid, timeout=10000):
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    assert APPROVED in dialog.status.text()
    assert "Mastercard •••• 4444" in dialog.status.text()

    dialog.receipt_button.click()
    receipt = window.findChild(ReceiptDialog)
    assert receipt is not None
    # The modal payment dialog steps aside: the receipt is in front and usable.
    assert not dialog.isVisible() and receipt.isVisible()
    qtbot.waitUntil(lambda: receipt.document is not None, timeout=10000)
    assert receipt.document is not None
    assert receipt.document.data.cart_number == families.live_cart_number
    assert APPROVED in receipt.preview.toPlainText()
    _settle(qtbot, window)
    receipt.close()
    dialog.close()


def test_reprint_without_selection_opens_the_familys_latest_receipt(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    actions = _open(qtbot, window, families.cote)
    view = window.workspace.household
    assert view is not None and view.payments
    latest = max(view.payments, key=lambda p: (p.created_at, p.payment_id))
    actions.receipt_action.trigger()
    receipt = window.findChild(ReceiptDialog)
    assert receipt is not None
    assert receipt.owner_number.text() == str(families.cote_number)
    assert receipt.cart_number.text() == str(latest.cart_number)
    receipt.close()


def test_pay_takes_the_calls_open_cart_without_the_carts_tab(
    qtbot: QtBot, window: MainWindow, families: Families, ui_ctx: ServiceContext
) -> None:
    actions = _open(qtbot, window, families.tremblay)
    actor = window.workspace.actor
    assert actor is not None
    verify(ui_ctx, actor, families.tremblay)
    view = window.workspace.household
    assert view is not None
    children = [m.member_id for m in view.members if not m.removed]
    call = add_to_cart(ui_ctx, actor, families.tremblay, children[-1], make_activity(ui_ctx)).cart
    assert isinstance(ui_ctx.clock, FixedClock)
    ui_ctx.clock.advance(timedelta(minutes=2))
    # The family's own cart on the public site, newer: not the one this call is paying.
    web = add_to_cart(ui_ctx, None, families.tremblay, children[0], make_activity(ui_ctx)).cart
    assert web is not None and call is not None and web.cart_id != call.cart_id
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        window.workspace.reload_household()
    window.household_panel.carts_tree.clearSelection()
    window.household_panel.carts_tree.setCurrentItem(None)  # type: ignore[arg-type]
    view = window.workspace.household
    assert view is not None
    chosen = actions.selected_cart(view)
    assert chosen is not None and chosen.cart_id == call.cart_id  # the call's open cart
