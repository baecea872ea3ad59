"""The window as ``console`` builds it (app.run_gui: every screen, the household actions,
the demo's entries), in a chosen language and size, and the dialogs it opens — what the
layout, mnemonic and palette tests walk through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from console.domain.views.family import FamilyMember
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.ui.family.sin_reveal import RevealReasonDialog
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.supervision.dashboard import Dashboard
from console.ui.window.command_palette import CommandPalette
from console.ui.window.demo_data import install_demo_data
from console.ui.window.demo_simulation import install_demo_simulation
from console.ui.window.main_window import MainWindow
from console.ui.window.payment_actions import PaymentActions, install_payments
from console.ui.window.places_wiring import PlacesScreens, install_places
from console.ui.window.shortcuts import ShortcutsDialog
from console.ui.window.sign_in import SignInDialog
from console.ui.window.startup import install_language, install_style
from tests.helpers.place_data import verify
from tests.ui.families import Families


@contextmanager
def language_installed(app: QApplication, language: str) -> Iterator[str]:
    """The language and the style sheet the console installs, removed afterwards."""
    locale, style = QLocale(), app.style().name()
    translators = install_language(app, language)
    install_style(app)
    try:
        yield language
    finally:
        app.setStyleSheet("")
        app.setStyle(style)
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


class ConsoleWindow:
    """The main window and what was installed on it."""

    def __init__(
        self, qtbot: QtBot, tasks: TaskRunner, ctx: ServiceContext, qsettings: QSettings
    ) -> None:
        self.qtbot = qtbot
        self.tasks = tasks
        self.ctx = ctx
        self.qsettings = qsettings
        self.window = window = MainWindow(Workspace(tasks), qsettings)
        self.places: PlacesScreens = install_places(window)
        self.payments: PaymentActions = install_payments(window)
        install_demo_data(window, window.workspace, _no_rebuild, lambda _ctx: None)
        install_demo_simulation(window, window.workspace)
        qtbot.add_widget(window)

    def show(self, width: int, height: int) -> MainWindow:
        window = self.window
        window.resize(width, height)
        window.show()
        self.qtbot.waitExposed(window)
        with self.qtbot.waitSignal(window.staff_loaded):
            window.attach_demo(EmbeddedDemo(self.ctx))
        self.settle()
        return window

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.tasks.busy, timeout=10000)

    def open_household(self, household_id: int) -> None:
        with self.qtbot.waitSignal(self.window.workspace.household_changed, timeout=5000):
            self.window.open_household(household_id)
        self.settle()

    def act_as(self, role: Role) -> None:
        window = self.window
        index = next(i for i, a in enumerate(window._staff) if a.role is role)
        window.staff_combo.setCurrentIndex(index)
        self.settle()

    def _act_as_staff(self, which: Callable[[Actor], bool]) -> None:
        window = self.window
        index = next(i for i, a in enumerate(window._staff) if which(a))
        if index != window.staff_combo.currentIndex():
            with self.qtbot.waitSignal(window.workspace.actor_changed):
                window.staff_combo.setCurrentIndex(index)
        self.settle()

    def _verified_on(self, household_id: int) -> None:
        """The staff member on duty verified the caller of ``household_id``, on file."""
        actor = self.window.workspace.actor
        assert actor is not None
        verify(self.ctx, actor, household_id)
        self.window.account_screens.verification.refresh()
        self.settle()
        assert self.window.account_screens.verification.verified

    def _select_member(self, which: Callable[[FamilyMember], bool]) -> None:
        family = self.window.account_screens.family_panel
        assert family.file is not None
        member = next(m for m in family.file.members if which(m))
        family.select_member(member.member_id)
        self.settle()

    def dialogs(self, families: Families) -> Iterator[tuple[str, QWidget]]:
        """Each dialog of the console, opened as the agent (or the supervisor) opens it,
        at the window's size; closed once the caller moved on to the next."""
        window = self.window
        for name, opener in self._openers(families):
            widget = opener()
            if widget is None:
                raise AssertionError(f"{name}: nothing opened")
            self.settle()
            self.qtbot.waitExposed(widget)
            QApplication.processEvents()
            yield name, widget
            widget.close()
            self.settle()
        window.activateWindow()

    def _openers(self, families: Families) -> list[tuple[str, Callable[[], QWidget | None]]]:
        window = self.window
        places, payments = self.places, self.payments
        screens = window.account_screens

        def verification() -> QWidget | None:
            screens.verification.verify()
            return screens.verification.dialog

        def payment() -> QWidget | None:
            window.household_panel.show_tab(0)  # the one open cart is the one paid
            before = set(window.findChildren(QDialog))
            payments.pay_selected_cart()
            return next(iter(set(window.findChildren(QDialog)) - before), None)

        def receipt() -> QWidget | None:
            before = set(window.findChildren(QDialog))
            payments.open_receipt(families.live_cart_number, families.cote_number)
            return next(iter(set(window.findChildren(QDialog)) - before), None)

        def sin_reason() -> QWidget:
            dialog = RevealReasonDialog("Monique Côté-Bergeron", window)
            dialog.show()
            return dialog

        def relationship_question() -> QWidget | None:
            self._verified_on(families.cote)
            family = screens.family_panel
            self._select_member(lambda m: not m.is_responsible and m.may_pay)
            family.change_relationship()
            return family.confirmation

        def removal_question() -> QWidget | None:
            family = screens.family_panel
            file = family.file
            assert file is not None
            self._act_as_staff(lambda a: a.role is Role.CLERK and a.borough_id == file.borough_id)
            self._verified_on(families.cote)
            self._select_member(lambda m: not m.is_responsible and m.may_pay)
            family.remove()
            return family.confirmation

        def shortcuts() -> QWidget:
            dialog = ShortcutsDialog(window)
            dialog.show()
            return dialog

        def palette() -> QWidget:
            dialog = CommandPalette(window)
            dialog.show()
            return dialog

        def sign_in() -> QWidget:
            dialog = SignInDialog(
                self.tasks, _no_server, self.qsettings, server_url="https://console.example"
            )
            dialog.show()
            return dialog

        def dashboard() -> QWidget | None:
            self.act_as(Role.SUPERVISOR)
            window.dashboard_action.trigger()
            return next((d for d in window.findChildren(Dashboard) if d.isVisible()), None)

        def audit() -> QWidget | None:
            screens.open_audit()
            return screens.audit_window

        def file_access() -> QWidget | None:
            window.file_access.open()
            return window.file_access.dialog

        def review() -> QWidget | None:
            return places.open_review()

        return [
            ("verification", verification),
            ("register", places.open_register),
            ("already registered", places.open_already_registered),
            ("places", places.open_places),
            ("payment", payment),
            ("receipt", receipt),
            ("SIN reveal reason", sin_reason),
            ("relationship question", relationship_question),
            ("removal question", removal_question),
            ("shortcuts sheet", shortcuts),
            ("command palette", palette),
            ("sign-in", sign_in),
            ("dashboard", dashboard),
            ("audit", audit),
            ("file access", file_access),
            ("waitlist review", review),
        ]


def tables(widget: QWidget) -> list[QTableView]:
    return [t for t in widget.findChildren(QTableView) if t.isVisible()]


def _no_rebuild(*_args: object) -> object:
    raise AssertionError("not rebuilt in this test")


def _no_server(*_args: object) -> object:
    raise AssertionError("no server in this test")
