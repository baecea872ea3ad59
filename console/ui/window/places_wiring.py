"""Plugs the places screens into the main window: header buttons for the open household
(register by phone, « déjà inscrit », release a locked cart), an « Activités » menu (places
of an activity, supervisors' waitlist review) and the sweep every minute."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QTableView,
    QWidget,
)

from console.domain.file_leads import Lead, held_twice, waiting
from console.domain.views.cart_release import ReleaseKind, ReleaseOutcome
from console.domain.views.households import HouseholdView
from console.domain.vocabulary import CartState, Role
from console.ui.family.household_panel import HouseholdPanel
from console.ui.kit import confirm
from console.ui.kit.action_strip import SECONDARY
from console.ui.kit.layout_memory import share_of_window
from console.ui.places.activity_picker import ActivityPicker
from console.ui.places.activity_view import PlacesPanel
from console.ui.places.already_registered_dialog import AlreadyRegisteredDialog
from console.ui.places.register_dialog import RegisterDialog
from console.ui.places.waitlist_review import WaitlistReviewScreen
from console.ui.window.frame import WindowFrame

if TYPE_CHECKING:
    from console.ui.window.sweeper import Sweeper

ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


def _dialog(parent: QWidget, title: str, picker: ActivityPicker, body: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QHBoxLayout(dialog)
    layout.addWidget(picker, 1)
    layout.addWidget(body, 2)
    share_of_window(dialog, 0.8, 0.8, (1000, 560))
    return dialog


def looking_at(panel: HouseholdPanel) -> tuple[int | None, str | None]:
    """(member id, activity code) the agent is looking at in the open file: the member
    selected, and the activity of the row selected in the current tab (a registration, a
    waitlist entry, a cart line), whose member wins when it names one."""
    member = panel.members_model.selected(panel.members_table)
    member_id = member.member_id if member is not None else None
    by_name = {m.name: m.member_id for m in panel.members_model.rows}
    code: str | None = None
    name: str | None = None
    table = panel.tabs.currentWidget()
    if isinstance(table, QTableView):
        for model in (panel.registrations_model, panel.waitlist_model):
            if table.model() is model:
                row = model.selected(table)
                if row is not None:
                    code, name = row.activity_code, row.member_name
    elif table is panel.carts_tree:
        item = panel.carts_tree.currentItem()
        if item is not None and item.parent() is not None:  # a cart line: « CODE — title »
            code, name = item.text(0).split(" — ", 1)[0], item.text(3)
    if name is not None and name in by_name:
        member_id = by_name[name]
    return member_id, code


def _one_lead(
    view: HouseholdView, leads: tuple[Lead, ...], member_id: int | None
) -> tuple[int | None, str | None]:
    """The file's one lead (for the member selected, when one is): its member and
    activity; with none or several, the member selected and no activity."""
    by_name = {m.name: m.member_id for m in view.members if not m.removed}
    mine = [x for x in leads if member_id is None or by_name.get(x.member_name) == member_id]
    if len(mine) != 1 or mine[0].member_name not in by_name:
        return member_id, None
    return by_name[mine[0].member_name], mine[0].activity_code


class PlacesScreens:
    """Owns the actions and dialogs; one per main window."""

    def __init__(self, window: WindowFrame) -> None:
        self.window = window
        self.workspace = workspace = window.workspace
        self.sweeper: Sweeper | None = None
        self.last_activity: str | None = None  # the code of the activity last looked at
        workspace.context_ready.connect(self._context_ready)
        panel = window.household_panel
        self.register_action = self._action(
            translate("places", "&Inscrire par téléphone…"), "Ctrl+I", self.open_register
        )
        # Ctrl+I opens it from anywhere; beside the call panel its button goes under "Plus"
        # before the fixes callers phone about (a locked cart, a lost receipt).
        panel.add_action(self.register_action, rank=SECONDARY)
        self.already_action = self._action(
            translate("places", "&Déjà une inscription ? (F7)…"),
            "Ctrl+Shift+I",
            self.open_already_registered,
        )
        panel.add_action(self.already_action, rank=SECONDARY)
        self.release_action = self._action(
            translate("places", "&Libérer un panier verrouillé…"),
            "Ctrl+Shift+L",
            self.release_locked,
        )
        panel.add_action(self.release_action)
        menu = window.menuBar().addMenu(translate("places", "A&ctivités"))
        self.places_action = self._action(
            translate("places", "&Places d'une activité…"), "Ctrl+P", self.open_places
        )
        self.review_action = self._action(
            translate("places", "&Liste d'attente (supervision)…"), "Ctrl+Shift+W", self.open_review
        )
        menu.addAction(self.places_action)
        menu.addAction(self.review_action)
        window.addAction(self.places_action)
        window.addAction(self.review_action)
        workspace.actor_changed.connect(
            lambda actor: self.review_action.setEnabled(
                actor is not None and actor.role is Role.SUPERVISOR
            )
        )
        self.review_action.setEnabled(False)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _context_ready(self) -> None:
        """The embedded demo sweeps in this process (a server runs the sweep itself)."""
        demo = self.workspace.demo
        if self.sweeper is None and demo is not None:
            from console.ui.window.sweeper import Sweeper

            self.sweeper = Sweeper(self.workspace.tasks, demo, self.window)
            self.sweeper.start()
        elif self.sweeper is not None and demo is not None:
            self.sweeper.use(demo)

    def _looked_at(self, picker: ActivityPicker) -> None:
        self.last_activity = picker.picked_code

    def open_register(self) -> RegisterDialog | None:
        view = self.workspace.household
        if view is None or not self.workspace.ready:
            return None
        member_id, code = looking_at(self.window.household_panel)
        if code is None and self.last_activity is None:
            # F6: the caller "lands on the waitlist" — the file's one waiting entry shows
            # its real places first.
            member_id, code = _one_lead(view, waiting(view), member_id)
        dialog = RegisterDialog(
            self.workspace.tasks,
            self.workspace.api,
            view.household_id,
            self.window,
            member_id=member_id,
            activity_code=code or self.last_activity,
        )
        dialog.finished.connect(lambda _code: self.workspace.reload_household())
        payments = getattr(self.window, "payment_actions", None)
        if payments is not None:
            dialog.pay_requested.connect(payments.pay_cart)
        dialog.show()
        return dialog

    def open_places(self) -> QDialog | None:
        if not self.workspace.ready:
            return None
        picker = ActivityPicker(self.workspace)
        panel = PlacesPanel(self.workspace.tasks, self.workspace.api)
        picker.picked.connect(panel.show_activity)
        picker.picked.connect(lambda _id: self._looked_at(picker))
        dialog = _dialog(self.window, translate("places", "Places d'une activité"), picker, panel)
        dialog.finished.connect(lambda _code: panel.timer.stop())
        dialog.show()
        picker.search()
        return dialog

    def open_review(self) -> QDialog | None:
        if not self.workspace.ready:
            return None
        picker = ActivityPicker(self.workspace)
        screen = WaitlistReviewScreen(self.workspace.tasks, self.workspace.api)
        picker.picked.connect(screen.show_activity)
        picker.picked.connect(lambda _id: self._looked_at(picker))
        dialog = _dialog(
            self.window, translate("places", "Revue de la liste d'attente"), picker, screen
        )
        dialog.show()
        picker.search()
        return dialog

    def open_already_registered(self) -> AlreadyRegisteredDialog | None:
        """F7 on the file's context: the row the agent selected, else the one cart line
        something else already holds (« déjà inscrit » at checkout); when the hold is
        freed the dialog closes and the message bar says so."""
        view = self.workspace.household
        if view is None or not self.workspace.ready:
            return None
        member_id, code = looking_at(self.window.household_panel)
        if code is None:
            member_id, code = _one_lead(view, held_twice(view), member_id)
        dialog = AlreadyRegisteredDialog(
            self.workspace, view, self.window, member_id=member_id, activity_code=code
        )
        dialog.freed.connect(self.window.message_bar.show_info)
        dialog.finished.connect(lambda _code: self.workspace.reload_household())
        dialog.show()
        return dialog

    def release_locked(self) -> None:
        """F11: pick a locked cart, give a reason; the service asks the payment site first."""
        view = self.workspace.household
        if view is None or not self.workspace.ready:
            return
        locked = [c for c in view.carts if c.state is CartState.CHECKOUT]
        if not locked:
            self.window.message_bar.show_info(
                translate("places", "Aucun panier verrouillé dans ce dossier.")
            )
            return
        labels = [str(c.number) for c in locked]
        number = labels[0]
        if len(labels) > 1:  # one locked cart: the confirmation below names it
            number, ok = QInputDialog.getItem(
                self.window,
                translate("places", "Panier verrouillé"),
                translate("places", "Panier :"),
                labels,
                0,
                False,
            )
            if not ok:
                return
        reason, ok = QInputDialog.getText(
            self.window, translate("places", "Raison"), translate("places", "Raison (consignée) :")
        )
        if not ok:
            return
        cart = locked[labels.index(number)]
        lines = "\n".join(
            f"{i.member_name} — {i.activity_code} {i.activity_title}" for i in cart.items
        )
        if not confirm.confirm_change(
            self.window,
            translate("places", "Libérer le panier verrouillé"),
            translate(
                "places",
                "Libérer le panier {cart} ? Le site de paiement est consulté d'abord ; sans "
                "paiement réussi, les places redeviennent libres.",
            ).format(cart=cart.number),
            confirm.who_line("", None, view.number),
            detail=lines,
        ):
            return
        self.release(cart.cart_id, reason)

    def release(self, cart_id: int, reason: str) -> None:
        api = self.workspace.api
        self.workspace.tasks.run(
            lambda: api.release_locked_cart(cart_id, reason),
            self._released,
            lambda error: self.window.message_bar.show_error(error),
        )

    def _released(self, outcome: ReleaseOutcome) -> None:
        if outcome.kind is ReleaseKind.COMPLETED:
            text = translate(
                "places",
                "Le paiement du panier {cart} avait réussi : l'inscription est complétée "
                "(reçu {receipt}).",
            ).format(cart=outcome.cart_number, receipt=outcome.receipt_number)
        else:
            text = translate(
                "places",
                "Le site de paiement confirme qu'aucun paiement n'a abouti : le panier {cart} "
                "est déverrouillé.",
            ).format(cart=outcome.cart_number)
        self.window.message_bar.show_info(text)
        self.workspace.reload_household()


def install_places(window: WindowFrame) -> PlacesScreens:
    screens = PlacesScreens(window)
    window.places_screens = screens  # type: ignore[attr-defined]
    return screens
