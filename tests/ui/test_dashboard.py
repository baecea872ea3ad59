"""The supervisors' dashboard: only supervisors see it; it draws the figures and filters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from console.db.engine import Database
from console.db.models import Borough, Cart, OutboxMessage
from console.domain.vocabulary import Role
from console.ui.kit.supervision_menu import supervision_menu
from console.ui.supervision.dashboard import Dashboard
from console.ui.window.main_window import MainWindow
from tests.ui.families import T0, Families

# The offscreen platform of the test run cannot raise or size a second top-level window.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", r"does not support raise\(\)"
)


def _sign_in_as(window: MainWindow, role: Role) -> None:
    combo = window.staff_combo
    staff = window._staff
    combo.setCurrentIndex(next(i for i, a in enumerate(staff) if a.role is role))
    assert window.workspace.actor is not None and window.workspace.actor.role is role


def _open(qtbot: QtBot, window: MainWindow) -> Dashboard:
    window.dashboard_action.trigger()
    dashboard = window.findChild(Dashboard)
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.figures is not None and not window.workspace.tasks.busy)
    return dashboard


def _more_figures(db: Database) -> None:
    with db.write() as s:
        cart = s.query(Cart).filter_by(number=5000001).one()
        cart.state = "checkout"
        cart.checkout_locked_until = T0 + timedelta(minutes=9)
        s.add(Borough(code="CH", name="Charlesbourg"))
        s.add(
            OutboxMessage(
                message_id="<failed@test>",
                account_id=cart.household.account_id,
                to_address="helene.cote@example.ca",
                kind="password_reset",
                subject="s",
                body="b",
                state="failed",
                attempts=5,
                created_at=T0 - timedelta(hours=3),
                next_attempt_at=T0,
                last_error="550 boîte inconnue",
            )
        )


def test_the_supervision_menu_is_for_supervisors_only(window: MainWindow) -> None:
    menu = supervision_menu(window)
    assert menu.title() == "&Supervision"
    assert window.workspace.actor is not None and window.workspace.actor.role is Role.AGENT
    assert not menu.menuAction().isVisible()
    assert not window.dashboard_action.isEnabled()
    _sign_in_as(window, Role.SUPERVISOR)
    assert menu.menuAction().isVisible()
    assert window.dashboard_action.isEnabled()
    assert window.dashboard_action in menu.actions()
    # Asking again returns the same menu, never a second one.
    assert supervision_menu(window) is menu
    titles = [a.text() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    assert titles.count("&Supervision") == 1


def test_the_dashboard_draws_calls_fill_rates_carts_and_failed_emails(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, families: Families
) -> None:
    _more_figures(sqlite_db)
    _sign_in_as(window, Role.SUPERVISOR)
    dashboard = _open(qtbot, window)
    figures = dashboard.figures
    assert figures is not None
    assert figures.reasons == ("F1",)
    series = dashboard.calls_chart.series
    assert series is not None and [s.label() for s in series.barSets()] == ["FAQ 1"]
    assert sum(series.barSets()[0].at(i) for i in range(len(figures.days))) == 1
    axis = dashboard.calls_chart.chart().axes()[0]
    assert isinstance(axis, QBarCategoryAxis) and axis.count() == 14

    fills = dashboard.fill_chart.series
    assert fills is not None
    values = [fills.barSets()[0].at(i) for i in range(fills.barSets()[0].count())]
    assert sorted(values) == [0.0, 10.0]  # 1 of 10 swimmers; pottery empty
    assert dashboard.carts_model.rowCount() == 1
    assert dashboard.carts_model.row(0).cart_number == families.live_cart_number
    assert dashboard.emails_model.rowCount() == 1
    assert "1 appels en 14 jours" in dashboard.totals.text()
    assert "(1)" in dashboard.emails_box.title()


def test_filters_list_the_boroughs_and_narrow_the_figures(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    _more_figures(sqlite_db)
    _sign_in_as(window, Role.SUPERVISOR)
    dashboard = _open(qtbot, window)
    qtbot.waitUntil(lambda: dashboard.borough.findText("Charlesbourg") > 0)
    assert dashboard.season.findText("Hiver 2026") > 0
    with qtbot.waitSignal(dashboard.figures_shown, timeout=5000) as shown:
        dashboard.borough.setCurrentIndex(dashboard.borough.findText("Charlesbourg"))
    figures = shown.args[0]
    assert figures.borough_id is not None
    assert figures.calls == figures.activities == figures.locked_carts == ()
    assert dashboard.carts_model.rowCount() == 0
    with qtbot.waitSignal(dashboard.figures_shown, timeout=5000) as shown:
        dashboard.period.setCurrentIndex(0)
    assert len(shown.args[0].days) == 7


def test_switching_to_an_agent_closes_the_dashboard(qtbot: QtBot, window: MainWindow) -> None:
    _sign_in_as(window, Role.SUPERVISOR)
    dashboard = _open(qtbot, window)
    assert dashboard.isVisible()
    _sign_in_as(window, Role.AGENT)
    assert not dashboard.isVisible()
    assert not window.dashboard_action.isEnabled()
    QApplication.processEvents()


def test_failed_emails_go_back_to_the_queue_behind_a_progress_dialog(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, families: Families
) -> None:
    with sqlite_db.write() as s:
        for i in range(3):
            s.add(
                OutboxMessage(
                    message_id=f"<bulk{i}@test>",
                    to_address=f"f{i}@example.ca",
                    kind="confirmation",
                    subject="s",
                    body="b",
                    state="failed",
                    attempts=6,
                    created_at=T0,
                    next_attempt_at=T0,
                    last_error="421 try later",
                )
            )
    _sign_in_as(window, Role.SUPERVISOR)
    dashboard = _open(qtbot, window)
    dialog = dashboard.requeue_failed()
    assert dialog is not None
    requeued = "Courriels remis dans la file d'envoi : 3"
    qtbot.waitUntil(lambda: requeued in dashboard.requeue_result.text(), timeout=10000)
    qtbot.waitUntil(lambda: not window.workspace.tasks.busy)
    with sqlite_db.read() as s:
        states = {
            m.state for m in s.query(OutboxMessage).filter(OutboxMessage.message_id.like("<bulk%"))
        }
    assert states == {"queued"}
