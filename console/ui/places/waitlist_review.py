"""Supervisors' waitlist review (F6): per activity, each entry with its state and offer
deadline, the fill rate and the real remaining places; move an entry or send an offer by
hand, with a reason (audited by the service). Each change asks first, naming the member,
the file and the activity, with Cancel as the default; no button is a default button, so
Enter in the reason or the rank never moves anyone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.views.waitlist_admin import EntryLine, WaitlistReview
from console.domain.vocabulary import WaitlistState
from console.ui.kit import confirm
from console.ui.kit.formatting import format_datetime as when
from console.ui.kit.formatting import relationship_name
from console.ui.kit.table_model import fit_columns
from console.ui.kit.tasks import TaskRunner
from console.ui.places.places_wording import error_text


class WaitlistReviewScreen(QWidget):
    """``show_activity(activity_id)`` fills it."""

    def __init__(self, tasks: TaskRunner, api: ConsoleApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._api = tasks, api
        self.activity_id: int | None = None
        self.review: WaitlistReview | None = None
        self.setAccessibleName(self.tr("Revue de la liste d'attente"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Personnes en attente"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rang"),
                self.tr("Membre"),
                self.tr("Dossier"),
                self.tr("État"),
                self.tr("Offre jusqu'à"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)  # every title whole, every column in sight
        self.rank = QSpinBox()
        self.rank.setMinimum(1)
        self.rank.setAccessibleName(self.tr("Nouveau rang"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Raison (obligatoire, consignée au journal)"))
        self.move_button = QPushButton(self.tr("&Déplacer au rang"))
        self.move_button.clicked.connect(self.move_selected)
        self.offer_button = QPushButton(self.tr("&Offrir une place"))
        self.offer_button.clicked.connect(self.offer)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.rank)
        actions.addWidget(self.move_button)
        actions.addWidget(self.offer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.reason)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        confirm.no_default_button(self)  # Enter in the reason or the rank moves no one

    def show_activity(self, activity_id: int) -> None:
        self.activity_id = activity_id
        self.refresh()

    def refresh(self) -> None:
        if self.activity_id is None:
            return
        api, activity_id = self._api, self.activity_id
        self._tasks.run(
            lambda: api.waitlist_review(activity_id),
            self._show,
            self._fail,
            key=f"review-{id(self)}",
        )

    def _fail(self, error: BaseException) -> None:
        self.outcome.setText(error_text(error))

    def _show(self, review: WaitlistReview) -> None:
        self.review = review
        count = review.count
        self.summary.setText(
            self.tr(
                "<b>{code}</b> — {title} : taux de remplissage {fill:.0%} ({confirmed}/"
                "{capacity}), places réellement libres : {real}, offres en cours : {offers}"
            ).format(
                code=review.code,
                title=review.title,
                fill=review.fill_rate,
                confirmed=count.confirmed,
                capacity=count.capacity,
                real=count.real_remaining,
                offers=count.open_offers,
            )
        )
        states = {
            WaitlistState.WAITING: self.tr("en attente"),
            WaitlistState.OFFERED: self.tr("place offerte"),
        }
        self.table.setRowCount(len(review.entries))
        for row, e in enumerate(review.entries):
            cells = [
                str(e.rank or ""),
                e.member_name,
                str(e.household_number),
                states.get(e.state, e.state.value),
                when(e.offer_expires_at) if e.offer_expires_at else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.entry_id)
                self.table.setItem(row, col, item)
        self.rank.setMaximum(max(1, len(review.entries)))

    def selected(self) -> EntryLine | None:
        row = self.table.currentRow()
        if self.review is None or not 0 <= row < len(self.review.entries):
            return None
        return self.review.entries[row]

    def _who(self, entry: EntryLine) -> str:
        relationship = relationship_name(entry.relationship) if entry.relationship else None
        return confirm.who_line(entry.member_name, relationship, entry.household_number)

    def _activity(self) -> str:
        review = self.review
        return f"{review.code} — {review.title}" if review is not None else ""

    def move_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        api, reason, rank = self._api, self.reason.text(), self.rank.value()
        if not confirm.confirm_change(
            self,
            self.tr("Déplacer dans la liste d'attente"),
            self.tr("Déplacer au rang {rank} (de {old}) sur la liste de {activity} ?").format(
                rank=rank, old=entry.rank or "?", activity=self._activity()
            ),
            self._who(entry),
            detail=self.tr("Raison : {reason}").format(reason=reason),
        ):
            return
        self._tasks.run(
            lambda: api.move_entry(entry.entry_id, rank, reason),
            lambda _: self._done(self.tr("Entrée déplacée.")),
            self._fail,
        )

    def offer(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        api, reason = self._api, self.reason.text()
        if not confirm.confirm_change(
            self,
            self.tr("Offrir une place"),
            self.tr("Offrir une place en {activity} ? La famille sera avisée par courriel.").format(
                activity=self._activity()
            ),
            self._who(entry),
            detail=self.tr("Raison : {reason}").format(reason=reason),
        ):
            return
        self._tasks.run(
            lambda: api.send_offer(entry.entry_id, reason),
            lambda deadline: self._done(
                self.tr("Place offerte jusqu'au {at} ; la famille est avisée par courriel.").format(
                    at=when(deadline)
                )
            ),
            self._fail,
        )

    def _done(self, text: str) -> None:
        self.outcome.setText(text)
        self.reason.clear()
        self.refresh()
