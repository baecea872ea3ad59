"""When the database drops: a red banner above the work area, reconnection attempts with
back-off off the GUI thread, and the open household reloaded once it is back.

Nothing on screen is cleared meanwhile, so what the agent typed stays where it was.
The monitor notices an outage from any task that fails with ``database_unavailable`` and
from a light heartbeat ping while the console is idle.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from console.domain.errors import Unavailable
from console.ui.kit.message_bar import MessageBar
from console.ui.kit.messages import error_text
from console.ui.kit.workspace import Workspace

HEARTBEAT_MS = 20_000
FIRST_RETRY_MS = 500
MAX_RETRY_MS = 10_000
OUTAGE_CODE = "database_unavailable"
# The console server cannot be reached, or answers that it cannot work right now.
OUTAGE_CODES = frozenset({OUTAGE_CODE, "server_unreachable", "server_unavailable"})

_STYLE = """
QFrame#connectionBanner { background: #b3261e; border-radius: 4px; }
QFrame#connectionBanner QLabel { color: #ffffff; }
QFrame#connectionBanner QLabel#connectionBannerText { font-weight: bold; }
QFrame#connectionBanner QPushButton {
    color: #b3261e; background: #ffffff; border: none; border-radius: 3px; padding: 3px 10px;
}
"""


def is_outage(error: BaseException) -> bool:
    return isinstance(error, Unavailable) and error.code in OUTAGE_CODES


class ConnectionBanner(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(_STYLE)
        self.text = QLabel(self.tr("Connexion à la base de données perdue — reconnexion…"))
        self.text.setObjectName("connectionBannerText")
        self.next_try = QLabel()
        self.retry_button = QPushButton(self.tr("Réessayer &maintenant"))
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steal the agent's focus
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text)
        layout.addWidget(self.next_try, 1)
        layout.addWidget(self.retry_button)
        self.setAccessibleName(self.text.text())
        self.hide()

    def show_next_try(self, msecs: int) -> None:
        seconds = max(1, round(msecs / 1000))
        self.next_try.setText(self.tr("Nouvel essai dans {seconds} s").format(seconds=seconds))


class ConnectionMonitor(QObject):
    lost = Signal()
    restored = Signal()

    def __init__(
        self,
        workspace: Workspace,
        banner: ConnectionBanner,
        *,
        heartbeat_ms: int = HEARTBEAT_MS,
        first_retry_ms: int = FIRST_RETRY_MS,
        max_retry_ms: int = MAX_RETRY_MS,
    ) -> None:
        super().__init__(banner)
        self._workspace = workspace
        self.banner = banner
        self.first_retry_ms = first_retry_ms
        self.max_retry_ms = max_retry_ms
        self._delay = first_retry_ms
        self._down = False
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(heartbeat_ms)
        self._heartbeat.timeout.connect(self._beat)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_again)
        banner.retry_requested.connect(self._try_now)
        workspace.tasks.task_failed.connect(self._task_failed)
        workspace.context_ready.connect(self._heartbeat.start)

    @property
    def down(self) -> bool:
        return self._down

    def set_heartbeat_interval(self, msecs: int) -> None:
        self._heartbeat.setInterval(msecs)

    def _beat(self) -> None:
        if self._down or not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(api.ping, lambda _ok: None, self._ping_failed)

    def _ping_failed(self, error: BaseException) -> None:
        if not is_outage(error):
            self._workspace.report(error)

    def _task_failed(self, error: BaseException) -> None:
        if is_outage(error) and not self._down and self._workspace.ready:
            self._down = True
            self._delay = self.first_retry_ms
            self.banner.show()
            self._schedule()
            self.lost.emit()

    def _schedule(self) -> None:
        self.banner.show_next_try(self._delay)
        self._retry.start(self._delay)

    def _try_now(self) -> None:
        self._retry.stop()
        self._try_again()

    def _try_again(self) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self.banner.next_try.setText(self.tr("Tentative en cours…"))
        self._workspace.tasks.run(api.reconnect, self._back, self._still_down, key="reconnect")

    def _still_down(self, _error: BaseException) -> None:
        if self._down:
            self._delay = min(self._delay * 2, self.max_retry_ms)
            self._schedule()

    def _back(self, _result: object) -> None:
        if not self._down:
            return
        self._down = False
        self._retry.stop()
        self.banner.hide()
        self._workspace.reload_household()
        self.restored.emit()


def install_connection_monitor(
    window: QMainWindow, workspace: Workspace, message_bar: MessageBar
) -> ConnectionMonitor:
    """Put the banner at the top of the window's work area and start watching."""
    banner = ConnectionBanner(window)
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    monitor = ConnectionMonitor(workspace, banner)
    outage_texts = {error_text(Unavailable(code)) for code in OUTAGE_CODES}

    def name_what_is_lost() -> None:
        # Signed in to the console server, the connection that can be lost is the server's.
        remote = workspace.ready and workspace.demo is None
        banner.text.setText(
            QCoreApplication.translate(
                "ConnectionBanner", "Connexion au serveur de la console perdue — reconnexion…"
            )
            if remote
            else QCoreApplication.translate(
                "ConnectionBanner", "Connexion à la base de données perdue — reconnexion…"
            )
        )
        banner.setAccessibleName(banner.text.text())

    workspace.context_ready.connect(name_what_is_lost)

    def forget_outage_message() -> None:
        if message_bar.level == "error" and message_bar.text in outage_texts:
            message_bar.dismiss()

    monitor.restored.connect(forget_outage_message)
    return monitor
