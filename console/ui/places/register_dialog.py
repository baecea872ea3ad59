"""Register by phone (F6, F8): pick members and activities, see the real places, add to
the cart with its deadline counting down, extend once; no place left → the waitlist,
with the caller's position. Paying is the payment screen's job.

It opens on the family's context: the member and the activity the agent is looking at are
chosen already (or the file's one waitlist entry: the F6 caller who "lands on the
waitlist" sees that group's real places first). The filter applies as the agent types;
Enter in it only searches (no button of this dialog is a default button, so Enter never
adds anything). Each activity shows the ages it accepts, and the ones the chosen member's
age does not fit are marked before the agent tries. A member with a live waitlist offer on
the activity accepts it (after a confirmation naming member and activity) instead of being
added again."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.ages import age_fits, age_refusal
from console.domain.api import ConsoleApi
from console.domain.cart_timer import CART_HOLD_LAPSED, minutes_left
from console.domain.errors import Refused
from console.domain.views.carts import AddOutcome, CartSummary
from console.domain.views.households import HouseholdView, MemberView
from console.domain.views.places import ActivitySummary
from console.ui.kit import confirm
from console.ui.kit.formatting import (
    format_deadline,
    format_schedule,
    relationship_name,
)
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.table_model import fit_columns
from console.ui.kit.tasks import TaskRunner
from console.ui.places.activity_view import PlacesPanel
from console.ui.places.places_wording import ages_text, error_text, reason_text

OFFER_WAITING = "offer_waiting"

ROLE = Qt.ItemDataRole.UserRole


class RegisterDialog(QDialog):
    """Inscription par téléphone for one household."""

    pay_requested = Signal(int)  # cart_id: the payment screen takes the call's cart

    def __init__(
        self,
        tasks: TaskRunner,
        api: ConsoleApi,
        household_id: int,
        parent: QWidget | None = None,
        *,
        member_id: int | None = None,
        activity_code: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._api = tasks, api
        self.household_id = household_id
        self.household_number: int | None = None
        self.cart: CartSummary | None = None
        self.activities: list[ActivitySummary] = []
        self.member_views: dict[int, MemberView] = {}
        self._wanted_member = member_id
        self._wanted_activity = activity_code
        self.setWindowTitle(self.tr("Inscription par téléphone"))

        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Membres"))
        self.members.currentItemChanged.connect(lambda *_: self._mark_ages())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Activité (titre ou code)…"))
        self.search.setAccessibleName(self.tr("Filtre des activités"))
        # Enter only searches; typing filters after a short pause.
        self.search.returnPressed.connect(self.search_activities)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(250)
        self.typing.timeout.connect(self.search_activities)
        self.search.textEdited.connect(lambda _text: self.typing.start())
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Activités"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Activité"),
                self.tr("Âges"),
                self.tr("Horaire"),
                self.tr("Places réelles"),
                self.tr("Site"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)  # every title whole, every column in sight
        self.table.itemSelectionChanged.connect(self._activity_chosen)
        self.places = PlacesPanel(tasks, api, self)
        self.add_button = QPushButton(self.tr("&Ajouter au panier"))
        self.add_button.clicked.connect(self.add)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Résultat"))
        self.cart_label = QLabel(self.tr("Aucun panier."))
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Délai du panier"))
        self.items = QListWidget()
        self.extend_button = QPushButton(self.tr("&Prolonger de 20 minutes"))
        self.extend_button.clicked.connect(self.extend)
        self.remove_button = QPushButton(self.tr("&Retirer l'activité"))
        self.remove_button.clicked.connect(self.remove)
        # Paying is the payment screen's job: this hands it the cart and closes.
        self.pay_button = QPushButton(self.tr("Pa&yer le panier…"))
        self.pay_button.clicked.connect(self.pay)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Membres :")))
        left.addWidget(self.members)
        left.addWidget(self.search)
        left.addWidget(self.table)
        left.addWidget(self.add_button)
        left.addWidget(self.outcome)
        right = QVBoxLayout()
        right.addWidget(self.places)
        right.addWidget(self.cart_label)
        right.addWidget(self.countdown)
        right.addWidget(self.items)
        buttons = QHBoxLayout()
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.pay_button)
        right.addLayout(buttons)
        # At 1366 the codes, titles and schedules of six columns need most of the window.
        share_of_window(self, 0.92, 0.85, (900, 560))
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        confirm.no_default_button(self)  # Enter in a field never presses a button
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._show_cart(None)
        if activity_code:
            self.search.setText(activity_code)
        if activity_code and member_id is None:
            self.members.setFocus()  # the activity is chosen: the member next
        else:
            # Its places are in view; typing another code or title replaces it.
            self.search.setFocus()
            self.search.selectAll()
        tasks.run(lambda: api.household_view(household_id), self._show_members, self._fail)
        self.search_activities()

    def _fail(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))

    def _show_members(self, view: HouseholdView) -> None:
        self.household_number = view.number
        self.members.clear()
        self.member_views = {}
        wanted = 0
        for member in view.members:
            if member.removed:
                continue
            self.member_views[member.member_id] = member
            item = QListWidgetItem(f"{member.name} ({member.age} {self.tr('ans')})")
            item.setData(ROLE, member.member_id)
            if member.member_id == self._wanted_member:
                wanted = self.members.count()
            self.members.addItem(item)
        if self.members.count():
            self.members.setCurrentRow(wanted)
        self._mark_ages()

    def search_activities(self) -> None:
        api, text = self._api, self.search.text()
        self._tasks.run(
            lambda: api.find_activities(text), self._show_activities, self._fail, key="find"
        )

    def _show_activities(self, found: list[ActivitySummary]) -> None:
        before = self.selected_activity()
        keep = before.activity_id if before is not None else None
        self.table.blockSignals(True)
        self.activities = found
        self.table.setRowCount(len(found))
        for row, a in enumerate(found):
            cells = [
                a.code,
                a.title,
                ages_text(a.age_min, a.age_max),
                format_schedule(a.schedule),
                str(a.real_remaining),
                str(a.site_remaining),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self._mark_ages()
        if not found:
            self.table.clearSelection()
            return
        wanted = self._wanted_activity
        row = next(
            (
                i
                for i, a in enumerate(found)
                if a.activity_id == keep or (keep is None and wanted and a.code == wanted)
            ),
            0,
        )
        self._wanted_activity = None
        self.table.selectRow(row)
        self.table.setCurrentCell(row, 0)
        self._activity_chosen()  # the details pane always shows the selected row

    def _member(self) -> MemberView | None:
        member = self.selected_member()
        return self.member_views.get(member) if member is not None else None

    def _mark_ages(self) -> None:
        """Grey out, with the reason, the activities the chosen member's age does not fit."""
        member = self._member()
        dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row, a in enumerate(self.activities):
            fits = member is None or age_fits(member.age, a.age_min, a.age_max)
            ages = self.table.item(row, 2)
            if ages is None:
                continue
            text = ages_text(a.age_min, a.age_max)
            why = ""
            if not fits and member is not None:
                text = self.tr("{ages} — ne convient pas ({age} ans)").format(
                    ages=text, age=member.age
                )
                refusal = age_refusal(member.age, a.age_min, a.age_max)
                why = reason_text(refusal) if refusal is not None else ""
            ages.setText(text)
            for col in range(self.table.columnCount()):
                cell = self.table.item(row, col)
                if cell is None:
                    continue
                cell.setToolTip(why)
                cell.setData(Qt.ItemDataRole.ForegroundRole, None if fits else dim)

    def age_problem(self, activity: ActivitySummary) -> str | None:
        """Why the chosen member may not take ``activity`` (the service's own rule)."""
        member = self._member()
        if member is None:
            return None
        refusal = age_refusal(member.age, activity.age_min, activity.age_max)
        return reason_text(refusal) if refusal is not None else None

    def _activity_chosen(self) -> None:
        activity = self.selected_activity()
        if activity is not None:
            self.places.show_activity(activity.activity_id)
            problem = self.age_problem(activity)
            if problem:
                self.outcome.setText(problem)

    def selected_activity(self) -> ActivitySummary | None:
        row = self.table.currentRow()
        return self.activities[row] if 0 <= row < len(self.activities) else None

    def selected_member(self) -> int | None:
        item = self.members.currentItem()
        return int(item.data(ROLE)) if item is not None else None

    def add(self) -> None:
        activity, member = self.selected_activity(), self.selected_member()
        if activity is None or member is None:
            self.outcome.setText(self.tr("Choisissez un membre et une activité."))
            return
        problem = self.age_problem(activity)
        if problem:
            self.outcome.setText(problem)
            return
        api, hid = self._api, self.household_id
        cart_id = self.cart.cart_id if self.cart and self.cart.live else None
        self._tasks.run(
            lambda: _add(api, hid, member, activity.activity_id, cart_id),
            self._added,
            lambda error: self._add_failed(error, activity, member),
        )

    def _add_failed(self, error: BaseException, activity: ActivitySummary, member: int) -> None:
        """F6: a live offer waits for this member — offer to accept it instead."""
        if not isinstance(error, Refused) or error.code != OFFER_WAITING:
            self._fail(error)
            return
        view = self.member_views.get(member)
        name = view.name if view is not None else ""
        relationship = relationship_name(view.relationship) if view is not None else None
        if not confirm.confirm_change(
            self,
            self.tr("Accepter l'offre de la liste d'attente"),
            self.tr(
                "Accepter la place offerte en {code} — {title} et la mettre au panier ?"
            ).format(code=activity.code, title=activity.title),
            confirm.who_line(name, relationship, self.household_number),
        ):
            self.outcome.setText(error_text(error))
            return
        self.accept_offer(int(error.params["entry_id"]))

    def accept_offer(self, entry_id: int) -> None:
        api = self._api
        cart_id = self.cart.cart_id if self.cart and self.cart.live else None
        self._tasks.run(
            lambda: api.accept_offer(entry_id, cart_id),
            self._accepted,
            self._fail,
        )

    def _accepted(self, cart: CartSummary) -> None:
        self.outcome.setText(self.tr("Offre acceptée : la place est retenue dans le panier."))
        self._show_cart(cart)
        self.places.refresh()
        self.search_activities()

    def _added(self, outcome: AddOutcome) -> None:
        if outcome.held:
            self.outcome.setText(self.tr("Place retenue dans le panier."))
        else:
            self.outcome.setText(
                self.tr(
                    "Aucune place réellement libre : la demande est sur la liste d'attente, en "
                    "position {position}. Un courriel avisera la famille si une place se libère."
                ).format(position=outcome.waitlist_position)
            )
        if outcome.cart is not None:
            self._show_cart(outcome.cart)
        self.places.refresh()
        self.search_activities()

    def pay(self) -> None:
        """Close and hand the cart to the payment screen (which asks before paying)."""
        cart = self.cart
        if cart is None or not cart.live or not cart.held:
            return
        self.accept()
        self.pay_requested.emit(cart.cart_id)

    def extend(self) -> None:
        if self.cart is None:
            return
        api, cart_id = self._api, self.cart.cart_id
        self._tasks.run(lambda: api.extend_hold(cart_id), self._show_cart, self._fail)

    def remove(self) -> None:
        item = self.items.currentItem()
        if self.cart is None or item is None:
            return
        if not confirm.confirm_change(
            self,
            self.tr("Retirer l'activité du panier"),
            self.tr("Retirer « {line} » du panier {number} ? La place sera libérée.").format(
                line=item.text(), number=self.cart.number
            ),
            confirm.who_line("", None, self.household_number),
        ):
            return
        api, cart_id, item_id = self._api, self.cart.cart_id, item.data(ROLE)
        self._tasks.run(
            lambda: api.remove_from_cart(cart_id, int(item_id)),
            self._removed,
            self._fail,
        )

    def _removed(self, cart: CartSummary) -> None:
        self._show_cart(cart)
        self.places.refresh()

    def _show_cart(self, cart: CartSummary | None) -> None:
        self.cart = cart
        self.items.clear()
        self.pay_button.setEnabled(cart is not None and cart.live and bool(cart.held))
        if cart is None:
            self.extend_button.setEnabled(False)
            self.remove_button.setEnabled(False)
            self.countdown.clear()
            return
        self.cart_label.setText(
            self.tr("Panier {number} (propriétaire {owner}) — réservé {until}").format(
                number=cart.number,
                owner=cart.owner_number,
                until=format_deadline(cart.hold_expires_at, self._api.now()),
            )
        )
        for line in cart.held:
            item = QListWidgetItem(f"{line.member_name} — {line.activity_title}")
            item.setData(ROLE, line.item_id)
            self.items.addItem(item)
        self.extend_button.setEnabled(not cart.extension_used and cart.live)
        self.remove_button.setEnabled(cart.live and bool(cart.held))
        self._tick()
        self.ticker.start()

    def _tick(self) -> None:
        if self.cart is None:
            return
        now: datetime = self._api.now()
        left = minutes_left(self.cart.hold_expires_at, now)
        if left == 0:
            self.countdown.setText(self.tr("Délai écoulé : les places sont libérées."))
            self.extend_button.setEnabled(False)
            self.ticker.stop()
        else:
            self.countdown.setText(self.tr("{minutes} min restantes").format(minutes=left))


def _add(
    api: ConsoleApi,
    household_id: int,
    member_id: int,
    activity_id: int,
    cart_id: int | None,
) -> AddOutcome:
    """Add to the cart on screen; when its hold ran out meanwhile, start a new cart (F8)."""
    try:
        return api.add_to_cart(household_id, member_id, activity_id, cart_id)
    except Refused as exc:
        if cart_id is None or exc.code != CART_HOLD_LAPSED:
            raise
    return api.add_to_cart(household_id, member_id, activity_id, None)
