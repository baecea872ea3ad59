"""Places (F6): the real remaining places of an activity, each hold and offer, the site's
figure and one sentence explaining the difference. Refreshes itself every 5 seconds,
off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.views.places import ActivityPlaces
from console.domain.vocabulary import CartState
from console.ui.kit.formatting import format_deadline, format_schedule, format_time
from console.ui.kit.table_model import fit_columns
from console.ui.kit.tasks import TaskRunner
from console.ui.places.places_wording import error_text, reason_text

REFRESH_MS = 5000


class PlacesPanel(QWidget):
    """``show_activity(activity_id)`` fills it; it then refreshes by itself."""

    def __init__(self, tasks: TaskRunner, api: ConsoleApi, parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks, self._api = tasks, api
        self.activity_id: int | None = None
        self.places: ActivityPlaces | None = None
        self.setAccessibleName(self.tr("Places de l'activité"))
        self.title = QLabel()
        self.capacity, self.confirmed = QLabel(), QLabel()
        self.real, self.site = QLabel(), QLabel()
        self.offers, self.waiting = QLabel(), QLabel()
        self.real.setAccessibleName(self.tr("Places réellement libres"))
        # Names and deadlines (a date when over 12 hours away) vary: they wrap, never cut.
        for label in (self.title, self.offers):
            label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Capacité :"), self.capacity)
        form.addRow(self.tr("Inscriptions confirmées :"), self.confirmed)
        form.addRow(self.tr("Places réellement libres :"), self.real)
        form.addRow(self.tr("Affiché sur le site :"), self.site)
        form.addRow(self.tr("Offres en cours :"), self.offers)
        form.addRow(self.tr("Liste d'attente :"), self.waiting)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Explication"))
        self.holds = QTableWidget(0, 5)
        self.holds.setAccessibleName(self.tr("Paniers qui retiennent des places"))
        self.holds.setHorizontalHeaderLabels(
            [
                self.tr("Panier"),
                self.tr("État"),
                self.tr("Places"),
                self.tr("Libéré à"),
                self.tr("Canal"),
            ]
        )
        self.holds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.holds)  # every title whole, every column in sight
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.holds)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def show_activity(self, activity_id: int) -> None:
        self.activity_id = activity_id
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        if self.activity_id is None:
            return
        api, activity_id = self._api, self.activity_id
        self._tasks.run(
            lambda: api.activity_places(activity_id),
            self._show,
            lambda error: self.explanation.setText(error_text(error)),
            key=f"places-{id(self)}",
        )

    def _show(self, places: ActivityPlaces) -> None:
        if places.activity_id != self.activity_id:
            return
        self.places = places
        count = places.count
        self.title.setText(
            f"<b>{places.code}</b> — {places.title} ({format_schedule(places.schedule)})"
        )
        self.capacity.setText(str(count.capacity))
        self.confirmed.setText(str(count.confirmed))
        self.real.setText(f"<b>{places.real_remaining}</b>")
        self.site.setText(str(places.site_remaining))
        self.offers.setText(
            ", ".join(
                f"{o.member_name} ({format_deadline(o.expires_at, self._api.now())})"
                for o in places.offers
            )
            or "0"
        )
        self.waiting.setText(str(count.waitlist_length))
        self.explanation.setText(reason_text(places.explanation))
        self.holds.setRowCount(len(places.holds))
        for row, hold in enumerate(places.holds):
            state = (
                self.tr("verrouillé (paiement)")
                if hold.state is CartState.CHECKOUT
                else self.tr("en panier")
            )
            channel = self.tr("site web") if hold.channel == "web" else hold.channel
            for col, text in enumerate(
                [
                    str(hold.cart_number),
                    state,
                    str(hold.places),
                    format_time(hold.lapses_at),
                    channel,
                ]
            ):
                self.holds.setItem(row, col, QTableWidgetItem(text))
