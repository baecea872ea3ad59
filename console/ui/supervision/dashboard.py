"""The supervisors' dashboard: calls per reason per day, waitlists and fill rates, carts
locked at checkout and emails that failed, for one borough and season or all of them.
It refreshes by itself while open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.views.dashboard import DashboardFigures, FailedEmails, FilterOptions, LockedCart
from console.domain.views.outbox_bulk import RequeueReport
from console.ui.kit.formatting import format_datetime, message_kind_name
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.messages import error_text
from console.ui.kit.progress import ProgressDialog, run_with_progress
from console.ui.kit.supervision_menu import show_for, supervision_menu
from console.ui.kit.table_model import RED, Column, RowsModel, fit_columns, table_for
from console.ui.kit.tasks import Progress
from console.ui.kit.workspace import Workspace
from console.ui.supervision.dashboard_charts import CallsChart, FillChart

AUTO_REFRESH_MS = 60_000
PERIODS = (7, 14, 30)


translate = QCoreApplication.translate


class Dashboard(QWidget):
    """A window of its own; ``refresh()`` reloads with the chosen filters."""

    figures_shown = Signal(object)  # DashboardFigures

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Tableau de bord — supervision"))
        self.setAccessibleName(self.tr("Tableau de bord"))
        self._workspace = workspace
        self.figures: DashboardFigures | None = None
        self._options_loaded = False

        self.borough = QComboBox()
        self.borough.setAccessibleName(self.tr("Arrondissement"))
        self.borough.addItem(self.tr("Tous les arrondissements"), None)
        self.borough.setMinimumWidth(220)
        self.season = QComboBox()
        self.season.setAccessibleName(self.tr("Saison"))
        self.season.addItem(self.tr("Toutes les saisons"), None)
        self.season.setMinimumWidth(200)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Période"))
        for days in PERIODS:
            self.period.addItem(self.tr("{days} derniers jours").format(days=days), days)
        self.period.setCurrentIndex(PERIODS.index(14))
        for combo in (self.borough, self.season, self.period):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("&Actualiser"))
        self.refresh_button.clicked.connect(self.refresh)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        self.updated = QLabel()
        self.updated.setObjectName("dashboardUpdated")

        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("A&rrondissement :"), self.borough),
            (self.tr("&Saison :"), self.season),
            (self.tr("&Période :"), self.period),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)
        filters.addWidget(self.updated)
        filters.addWidget(self.refresh_button)

        self.totals = QLabel()
        self.totals.setObjectName("dashboardTotals")
        self.calls_chart = CallsChart()
        self.fill_chart = FillChart()
        self.carts_model: RowsModel[LockedCart] = RowsModel(_cart_columns(), self)
        self.emails_model: RowsModel[FailedEmails] = RowsModel(_email_columns(), self)
        self.carts_table = table_for(self.carts_model, self.tr("Paniers verrouillés au paiement"))
        self.emails_table = table_for(self.emails_model, self.tr("Courriels en échec"))
        self.carts_box = _boxed(self.carts_table)
        self.emails_box = _boxed(self.emails_table)
        self.requeue_button = QPushButton(self.tr("Ren&voyer les courriels en échec…"))
        self.requeue_button.setObjectName("requeueButton")
        self.requeue_button.setToolTip(
            self.tr(
                "Remet dans la file d'envoi chaque courriel en échec (sauf les liens de "
                "réinitialisation), par exemple après une panne du serveur de courriel."
            )
        )
        self.requeue_button.clicked.connect(self.requeue_failed)
        self.requeue_result = QLabel()
        self.requeue_result.setObjectName("requeueResult")
        self.requeue_result.setWordWrap(True)
        self.emails_box.layout().addWidget(self.requeue_button)  # type: ignore[union-attr]
        self.emails_box.layout().addWidget(self.requeue_result)  # type: ignore[union-attr]

        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.setObjectName("dashboardCharts")
        charts.addWidget(self.calls_chart)
        charts.addWidget(self.fill_chart)
        charts.setSizes([600, 700])
        tables = QWidget()
        grid = QGridLayout(tables)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.carts_box, 0, 0)
        grid.addWidget(self.emails_box, 0, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.setObjectName("dashboardBody")
        body.setChildrenCollapsible(False)
        body.addWidget(charts)
        body.addWidget(tables)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([460, 190])

        self.error = QLabel()
        self.error.setObjectName("dashboardError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.totals)
        layout.addWidget(body, 1)
        share_of_window(self, 0.92, 0.9, (1100, 640))

        self._timer = QTimer(self)
        self._timer.setInterval(AUTO_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    # --- bulk work --------------------------------------------------------------------

    def requeue_failed(self) -> ProgressDialog | None:
        """Send the failed emails again, behind a progress dialog that can be cancelled."""
        if not self._workspace.ready:
            return None
        api = self._workspace.api
        return run_with_progress(
            self,
            self._workspace.tasks,
            lambda progress: requeue_failed(api, progress),
            self._requeued,
            self._failed,
            title=self.tr("Courriels en échec"),
            label=self.tr("Remise des courriels dans la file d'envoi…"),
        )

    def _requeued(self, report: RequeueReport) -> None:
        text = self.tr("Courriels remis dans la file d'envoi : {done} sur {total}.").format(
            done=report.requeued, total=report.total
        )
        if report.cancelled:
            text += " " + self.tr("Arrêté à votre demande.")
        self.requeue_result.setText(text)
        self.refresh()

    # --- loading ----------------------------------------------------------------------

    def open(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self._timer.start()
        if not self._options_loaded:
            self._load_options()
        self.refresh()

    def _load_options(self) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            api.filter_options, self._show_options, self._failed, key="dashboard-f"
        )

    def _show_options(self, options: FilterOptions) -> None:
        self._options_loaded = True
        for combo, choices in ((self.borough, options.boroughs), (self.season, options.seasons)):
            combo.blockSignals(True)
            chosen = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for option in choices:
                combo.addItem(option.name, option.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def refresh(self) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        borough, season = self.borough.currentData(), self.season.currentData()
        days = int(self.period.currentData() or 14)
        self._workspace.tasks.run(
            lambda: api.dashboard_figures(borough, season, days),
            self.show_figures,
            self._failed,
            key="dashboard",
        )

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def show_figures(self, figures: DashboardFigures) -> None:
        self.error.hide()
        self.figures = figures
        self.calls_chart.show_figures(figures)
        self.fill_chart.show_figures(figures)
        self.carts_model.set_rows(figures.locked_carts)
        self.emails_model.set_rows(figures.failed_emails)
        fit_columns(self.carts_table)
        fit_columns(self.emails_table)
        self.carts_box.setTitle(
            self.tr("Paniers verrouillés au paiement ({count})").format(
                count=len(figures.locked_carts)
            )
        )
        failures = sum(f.count for f in figures.failed_emails)
        self.emails_box.setTitle(self.tr("Courriels en échec ({count})").format(count=failures))
        self.totals.setText(
            self.tr(
                "{calls} appels en {days} jours · {full} activités complètes sur {shown} "
                "affichées · {waiting} personnes en attente"
            ).format(
                calls=figures.total_calls,
                days=len(figures.days),
                full=sum(1 for a in figures.activities if a.fill_rate >= 1),
                shown=len(figures.activities),
                waiting=sum(a.waitlist for a in figures.activities),
            )
        )
        self.updated.setText(
            self.tr("Mis à jour : {moment}").format(moment=format_datetime(figures.as_of))
        )
        self.figures_shown.emit(figures)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)


def requeue_failed(api: ConsoleApi, progress: Progress) -> RequeueReport:
    """On the worker: put the failed emails back in the queue one batch (one transaction)
    at a time, reporting ``(done, total)``, until none is left or the user cancels."""
    total = api.count_failed_emails()
    done = 0
    while not progress.cancelled:
        batch = api.requeue_failed_batch()
        if batch.requeued == 0:
            return RequeueReport(done, max(total, done), cancelled=False)
        done += batch.requeued
        progress.report(done, max(total, done))
    return RequeueReport(done, max(total, done), cancelled=True)


def _boxed(table: QTableView) -> QGroupBox:
    box = QGroupBox(table.accessibleName())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.addWidget(table)
    return box


def _cart_columns() -> list[Column[LockedCart]]:
    return [
        Column(translate("dashboard", "Panier"), lambda c: str(c.cart_number)),
        Column(translate("dashboard", "Propriétaire"), lambda c: str(c.owner_number)),
        Column(translate("dashboard", "Arrondissement"), lambda c: c.borough),
        Column(
            translate("dashboard", "Verrouillé jusqu'à"), lambda c: format_datetime(c.locked_until)
        ),
        Column(
            translate("dashboard", "Reste"),
            lambda c: translate("dashboard", "{minutes} min").format(minutes=c.minutes_left),
            align_right=True,
        ),
    ]


def _email_columns() -> list[Column[FailedEmails]]:
    return [
        Column(translate("dashboard", "Courriel"), lambda f: message_kind_name(f.kind)),
        Column(
            translate("dashboard", "Échecs"),
            lambda f: str(f.count),
            foreground=lambda _f: RED,
            align_right=True,
        ),
        Column(
            translate("dashboard", "Dernier échec"), lambda f: format_datetime(f.last_failed_at)
        ),
        Column(
            translate("dashboard", "Dernière erreur"),
            lambda f: f.last_error,
            tooltip=lambda f: f.last_error,
        ),
    ]


def install_dashboard(window: QMainWindow, workspace: Workspace) -> QAction:
    """A "Tableau de bord" entry in the Supervision menu, shown to supervisors only."""
    menu = supervision_menu(window)
    action = QAction(translate("dashboard", "&Tableau de bord"), window)
    action.setObjectName("dashboardAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    menu.addAction(action)
    holder: list[Dashboard] = []

    def open_dashboard() -> None:
        actor = workspace.actor
        if actor is None or not workspace.ready:
            return
        if not holder:
            holder.append(Dashboard(workspace, window))
        holder[0].open()

    def actor_changed(actor: object) -> None:
        show_for(menu, workspace.actor)
        action.setEnabled(workspace.actor is not None and menu.menuAction().isVisible())
        if holder and not action.isEnabled():
            holder[0].close()

    action.triggered.connect(open_dashboard)
    workspace.actor_changed.connect(actor_changed)
    actor_changed(workspace.actor)
    window.addAction(action)
    return action
