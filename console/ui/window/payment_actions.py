"""The household file's payment buttons: pay a cart by phone, reprint a receipt.

"Payer le panier…" pays the cart selected in the Carts tab, or else the family's open
cart of this call (one cart per call), or the only payable one — the agent need not visit
the Carts tab; the receipt opens in front of the window after payment;
"Réimprimer le reçu…" opens the receipt of the payment or registration selected, or an
empty reprint form (F14) when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from console.domain.cards import CardEntry
from console.domain.views.checkout import PaymentResult
from console.domain.views.households import CartView, HouseholdView
from console.domain.vocabulary import CartState
from console.ui.family.household_panel import HouseholdPanel
from console.ui.kit.workspace import Workspace
from console.ui.payments.payment_dialog import PaymentDialog
from console.ui.payments.receipt_dialog import ReceiptDialog
from console.ui.window.frame import WindowFrame

PAYABLE = (CartState.OPEN, CartState.CHECKOUT)


def _selected_row(panel: HouseholdPanel, model: object) -> int | None:
    """The selected row of the tab showing ``model``, when that tab is the current one."""
    table = panel.tabs.currentWidget()
    if not isinstance(table, QTableView) or table.model() is not model:
        return None
    current = table.currentIndex()
    return current.row() if current.isValid() else None


class PaymentActions(QObject):
    """Adds the payment buttons to the household panel and opens their dialogs."""

    def __init__(self, workspace: Workspace, panel: HouseholdPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._panel = panel
        self._window = parent
        self.pay_action = QAction(self.tr("&Payer le panier…"), parent)
        self.pay_action.setObjectName("payCartAction")
        self.pay_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pay_action.setToolTip(self.tr("Payer par téléphone le panier sélectionné (F10, F12)"))
        self.pay_action.triggered.connect(self.pay_selected_cart)
        self.receipt_action = QAction(self.tr("&Réimprimer le reçu…"), parent)
        self.receipt_action.setObjectName("reprintReceiptAction")
        self.receipt_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.receipt_action.setToolTip(
            self.tr("Réimprimer un reçu avec le numéro de panier et du propriétaire (F14)")
        )
        self.receipt_action.triggered.connect(self.reprint_selected)
        panel.add_action(self.pay_action)
        panel.add_action(self.receipt_action, needs_household=False)

    # -- which cart, which receipt -------------------------------------------------------

    def selected_cart(self, view: HouseholdView) -> CartView | None:
        item = self._panel.carts_tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            cart_id = item.data(0, Qt.ItemDataRole.UserRole)
            chosen = next((c for c in view.carts if c.cart_id == cart_id), None)
            if chosen is not None:
                return chosen
        payable = [c for c in view.carts if c.state in PAYABLE and c.items]
        open_now = [c for c in payable if c.state is CartState.OPEN and c.live]
        actor = self._workspace.actor
        mine = [c for c in open_now if actor is not None and c.channel == actor.username]
        if mine or open_now:  # the call's cart: this agent's open one, else the newest
            return max(mine or open_now, key=lambda c: (c.hold_expires_at, c.number))
        return payable[0] if len(payable) == 1 else None

    def selected_receipt_numbers(self, view: HouseholdView) -> tuple[int, int] | None:
        """(cart number, owner number) of the payment or registration selected."""
        row = _selected_row(self._panel, self._panel.payments_model)
        if row is not None:
            return self._panel.payments_model.row(row).cart_number, view.number
        row = _selected_row(self._panel, self._panel.registrations_model)
        if row is not None:
            number = self._panel.registrations_model.row(row).cart_number
            if number is not None:
                return number, view.number
        return None

    # -- dialogs -------------------------------------------------------------------------

    def pay_selected_cart(self) -> None:
        view = self._workspace.household
        if view is None or not self._workspace.ready:
            return
        cart = self.selected_cart(view)
        if cart is None or cart.state not in PAYABLE:
            QMessageBox.information(
                self._window,
                self.tr("Payer le panier"),
                self.tr("Sélectionnez dans l'onglet Paniers un panier ouvert à payer."),
            )
            return
        self.pay_cart(cart.cart_id)

    def pay_cart(self, cart_id: int) -> None:
        """The payment dialog for ``cart_id`` (the services check it may be paid)."""
        if not self._workspace.ready:
            return
        api = self._workspace.api

        def charge(card: CardEntry, payer_member_id: int) -> PaymentResult:
            return api.pay(cart_id, card, payer_member_id)

        dialog = PaymentDialog(
            self._workspace.tasks, lambda: api.payer_options(cart_id), charge, self._window
        )
        dialog.paid.connect(lambda _outcome: self._workspace.reload_household())

        # The payment dialog is modal: it closes first, so the receipt is in front and usable.
        def receipt(cart_number: int, owner_number: int) -> None:
            dialog.accept()
            self.open_receipt(cart_number, owner_number)

        dialog.receipt_requested.connect(receipt)
        dialog.setModal(True)
        dialog.show()

    def reprint_selected(self) -> None:
        view = self._workspace.household
        numbers = self.selected_receipt_numbers(view) if view is not None else None
        if numbers is None and view is not None and view.payments:
            # Nothing chosen: the family's latest payment (a lost receipt is most often
            # the last one); the dialog shows which, and its numbers can be changed.
            latest = max(view.payments, key=lambda p: (p.created_at, p.payment_id))
            numbers = latest.cart_number, view.number
        if numbers is None:
            self.open_receipt(None, view.number if view is not None else None)
        else:
            self.open_receipt(*numbers)

    def open_receipt(
        self, cart_number: int | None, owner_number: int | None
    ) -> ReceiptDialog | None:
        if not self._workspace.ready:
            return None
        api = self._workspace.api
        dialog = ReceiptDialog(
            self._workspace.tasks,
            lambda cart, owner: api.receipt_document(cart, owner, None),
            lambda cart, owner: api.email_receipt(cart, owner, None),
            self._window,
            cart_number=cart_number,
            owner_number=owner_number,
        )
        if owner_number is not None and cart_number is None:
            dialog.owner_number.setText(str(owner_number))
            dialog.cart_number.setFocus()
        dialog.emailed.connect(lambda _sent: self._workspace.reload_household())
        dialog.show()
        dialog.raise_()  # in front of the window
        dialog.activateWindow()
        return dialog


def install_payments(window: WindowFrame) -> PaymentActions:
    """Add the payment buttons to the main window's household panel."""
    actions = PaymentActions(window.workspace, window.household_panel, window)
    window.payment_actions = actions  # type: ignore[attr-defined]
    return actions
