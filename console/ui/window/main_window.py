"""The console's window: the frame with every screen installed — the call flow, the
dashboard, the account screens and the file-access log — and its layout remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent

from console.ui.kit.layout_memory import restore_layout, save_layout
from console.ui.kit.workspace import Workspace
from console.ui.supervision.dashboard import install_dashboard
from console.ui.supervision.file_access_screen import install_file_access
from console.ui.window.account_screens import install_account_screens
from console.ui.window.call_flow import install_call_flow
from console.ui.window.command_palette import install_command_palette
from console.ui.window.connection_banner import install_connection_monitor
from console.ui.window.frame import LANGUAGE_KEY, WindowFrame

__all__ = ["LANGUAGE_KEY", "MainWindow"]


class MainWindow(WindowFrame):
    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__(workspace, settings)
        self.connection = install_connection_monitor(self, workspace, self.message_bar)
        self.call_flow = install_call_flow(self, workspace)
        self.dashboard_action = install_dashboard(self, workspace)
        self.command_palette = install_command_palette(self, self.call_flow.help_menu)
        self.setTabOrder(self.search_panel.box, self.search_panel.table)
        self.setTabOrder(self.search_panel.table, self.household_panel.members_table)
        self.setTabOrder(self.household_panel.members_table, self.household_panel.tabs)
        self.setTabOrder(self.household_panel.tabs, self.staff_combo)
        self.account_screens = install_account_screens(self)
        self.file_access = install_file_access(self, workspace)
        if restore_layout(self, settings):
            self.call_flow.keep_layout()
        else:
            self.resize(1366, 740)

    def open_caller(self, phone: str) -> None:
        """Caller ID: the household whose number it is, or the search showing it."""
        self.call_flow.open_caller(phone)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self, self._settings)
        super().closeEvent(event)
