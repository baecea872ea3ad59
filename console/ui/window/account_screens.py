"""Puts the account-side screens in the main window: caller verification in the household
header, the account tab, the member changes under the members table, and the supervisors'
audit trail in a "Supervision" menu.

``MainWindow`` calls :func:`install_account_screens` once; everything else goes through
the workspace (``household_changed``, ``actor_changed``) and the household panel's
extension points.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from console.domain.views.households import HouseholdView
from console.domain.views.staff import Actor
from console.domain.views.verification import VerificationResult, VerificationStatus
from console.domain.vocabulary import Role
from console.ui.family.account_panel import AccountPanel
from console.ui.family.family_panel import FamilyPanel
from console.ui.family.sin_reveal import SinReveal
from console.ui.family.verification_dialog import VerificationDialog
from console.ui.kit import account_messages  # noqa: F401  (the sentences of these codes)
from console.ui.kit.formatting import format_deadline, one_period
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.supervision_menu import supervision_menu
from console.ui.kit.workspace import Workspace
from console.ui.supervision.audit_screen import AuditScreen

if TYPE_CHECKING:
    from console.ui.window.frame import WindowFrame

MAX_TIMER_MS = 2**31 - 1


class CallerVerification(QObject):
    """Whether the signed-in staff member verified the caller of the household on screen,
    shown as a badge in the household header; ``changed`` tells the panels."""

    changed = Signal(bool)  # verified
    passed = Signal()  # the questions just answered well (the dialog closes)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._parent = parent
        self.status: VerificationStatus | None = None
        self.dialog: VerificationDialog | None = None
        self.badge = QLabel()
        self.badge.setObjectName("verificationBadge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        font = self.badge.font()
        font.setBold(True)
        self.badge.setFont(font)
        self.badge.setAccessibleName(self.tr("Vérification de l'identité"))
        self.badge.hide()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.refresh)
        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(lambda _actor: self.refresh())

    @property
    def verified(self) -> bool:
        return self.status is not None and self.status.verified

    def _household_changed(self, view: HouseholdView | None) -> None:
        if view is None or self.status is None or self.status.household_id != view.household_id:
            self._show(None)
        self.refresh()

    def refresh(self) -> None:
        view = self._workspace.household
        if view is None or not self._workspace.ready:
            self._show(None)
            return
        api, household_id = self._workspace.api, view.household_id
        self._workspace.tasks.run(
            lambda: api.verification_status(household_id),
            self._show,
            self._workspace.report,
            key=f"verification-{id(self)}",
        )

    def verify(self) -> None:
        """Open the questions for the household on screen (Ctrl+Shift+V)."""
        view = self._workspace.household
        if view is None or not self._workspace.ready:
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = VerificationDialog(
            self._workspace.tasks, self._workspace.api, view.household_id, self._parent
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.verified.connect(self._verified)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.refresh()

    def _verified(self, result: VerificationResult) -> None:
        view = self._workspace.household
        if view is not None:
            self._show(VerificationStatus(view.household_id, result.verified_until, None))
            self.passed.emit()

    def _show(self, status: VerificationStatus | None) -> None:
        self._expiry.stop()
        self.status = status
        if status is None:
            self.badge.hide()
            self.changed.emit(False)
            return
        if status.verified_until is not None:
            self.badge.setText(
                self.tr("✔ Identité vérifiée {until}").format(
                    until=format_deadline(status.verified_until, self._workspace.api.now())
                )
            )
            self.badge.setToolTip(
                one_period(
                    self.tr(
                        "Les actions sur le compte et les membres sont permises {until}."
                    ).format(
                        until=format_deadline(status.verified_until, self._workspace.api.now())
                    )
                )
            )
            state = "ok"
            self._expire_at(status.verified_until)
        elif status.blocked_until is not None:
            self.badge.setText(
                self.tr("Vérification bloquée {until}").format(
                    until=format_deadline(status.blocked_until, self._workspace.api.now())
                )
            )
            self.badge.setToolTip(
                self.tr("Trop d'essais manqués : n'effectuez aucune action sur le dossier.")
            )
            state = "error"
            self._expire_at(status.blocked_until)
        else:
            self.badge.setText(self.tr("Identité non vérifiée"))
            self.badge.setToolTip(
                self.tr(
                    "Vérifiez l'identité de la personne qui appelle (Ctrl+Maj+V) avant toute "
                    "action sur le compte ou les membres."
                )
            )
            state = "error"
        self.badge.setAccessibleDescription(self.badge.text())
        self.badge.setProperty("state", state)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        self.badge.show()
        self.changed.emit(status.verified)

    def _expire_at(self, moment: datetime) -> None:
        left = (moment - self._workspace.api.now()).total_seconds()
        self._expiry.start(int(min(MAX_TIMER_MS, max(0.0, left) * 1000 + 500)))


class AuditWindow(QDialog):
    """The journal in its own window, beside the call in progress."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("auditWindow")
        self.setWindowTitle(self.tr("Journal des actions — Supervision"))
        self.screen_widget = AuditScreen(workspace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.screen_widget)
        share_of_window(self, 0.85, 0.85, (1100, 620))


class AccountScreens(QObject):
    """What :func:`install_account_screens` put in the window, for tests and later code."""

    def __init__(self, window: WindowFrame) -> None:
        super().__init__(window)
        self._window = window
        workspace = window.workspace
        panel = window.household_panel
        self.workspace = workspace
        self.workspace_panel = panel

        self.verification = CallerVerification(workspace, window)
        panel.add_badge(self.verification.badge)
        self.verify_action = QAction(self.tr("&Vérifier l'identité"), window)
        self.verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.verify_action.setToolTip(self.tr("Poser les questions de vérification (Ctrl+Maj+V)"))
        self.verify_action.triggered.connect(self.verification.verify)
        panel.add_action(self.verify_action)

        self.account_panel = AccountPanel(workspace)
        self.account_tab = panel.add_tab(self.account_panel, self.tr("Compte"))
        panel.tabs.setTabToolTip(self.account_tab, self.tr("Compte utilisateur (Ctrl+Maj+C)"))
        self.account_action = QAction(self.tr("&Compte utilisateur"), window)
        self.account_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.account_action.triggered.connect(lambda: panel.show_tab(self.account_tab))
        window.addAction(self.account_action)
        # F1 from anywhere in the file: the account tab, then its question (naming the
        # account) — the key does not unlock by itself.
        self.unlock_action = QAction(self.tr("Déverrouiller le compte…"), window)
        self.unlock_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.unlock_action.triggered.connect(self._unlock)
        window.addAction(self.unlock_action)

        self.family_panel = FamilyPanel(workspace, panel.members_table, panel.members_model)
        panel.add_member_tools(self.family_panel)
        self.sin_reveal = SinReveal(workspace, panel.members_table, panel.members_model)
        panel.add_member_tools(self.sin_reveal)
        family = self.family_panel
        chain: list[QWidget] = [
            panel.members_table,
            family.change_button,
            family.remove_button,
            self.sin_reveal.button,
            panel.tabs,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

        for screen in (self.account_panel, self.family_panel, self.sin_reveal):
            self.verification.changed.connect(screen.show_verified)
        # The caller verified, the call goes on in the file: the focus lands on its members
        # (where a change of the file starts), not back in the search box.
        self.verification.passed.connect(
            lambda: panel.members_table.setFocus(Qt.FocusReason.OtherFocusReason)
        )

        self.audit_window: AuditWindow | None = None
        self.supervision_menu = supervision_menu(window)
        self.audit_action = QAction(self.tr("&Journal des actions"), window)
        self.audit_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.audit_action.triggered.connect(self.open_audit)
        self.supervision_menu.addAction(self.audit_action)
        window.addAction(self.audit_action)
        workspace.actor_changed.connect(self._actor_changed)
        self._actor_changed(workspace.actor)

    def _unlock(self) -> None:
        self.workspace_panel.show_tab(self.account_tab)
        if self.account_panel.unlock_button.isEnabled():  # locked, caller verified
            self.account_panel.unlock()

    def _actor_changed(self, actor: Actor | None) -> None:
        supervisor = actor is not None and actor.role is Role.SUPERVISOR
        self.supervision_menu.menuAction().setVisible(supervisor)
        self.audit_action.setEnabled(supervisor)
        if self.audit_window is not None:
            if supervisor:
                self.audit_window.screen_widget.refresh()
            else:
                self.audit_window.close()

    def open_audit(self) -> None:
        """The journal (Ctrl+Shift+J), for supervisors only."""
        actor = self.workspace.actor
        if actor is None or actor.role is not Role.SUPERVISOR or not self.workspace.ready:
            return
        if self.audit_window is None:
            self.audit_window = AuditWindow(self.workspace, self._window)
        self.audit_window.show()
        self.audit_window.raise_()
        self.audit_window.activateWindow()
        self.audit_window.screen_widget.refresh()
        self.audit_window.screen_widget.household.setFocus()


def install_account_screens(window: WindowFrame) -> AccountScreens:
    return AccountScreens(window)
