"""A non-modal bar above the work area: errors and notices that never block the agent."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from console.ui.kit.messages import error_text
from console.ui.kit.resources import icon


class MessageBar(QFrame):
    """Shows one message at a time; Escape or the close button hides it.

    Its one-line slot is kept while it is hidden, so the panes below never move when a
    message comes or goes; a message longer than the line is elided, whole in the tooltip
    and the accessible description (a screen reader reads it all)."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Barre de messages"))
        self._icon = QLabel()
        self._icon.setFixedSize(QSize(18, 18))
        self._text = QLabel()
        self._text.setObjectName("messageText")
        self._text.setWordWrap(False)
        self._text.setMinimumWidth(1)  # elided, never widening the window
        self._full = ""
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton()
        self._close.setIcon(icon("close"))
        self._close.setAutoRaise(True)
        self._close.setToolTip(self.tr("Fermer le message (Échap)"))
        self._close.setAccessibleName(self.tr("Fermer le message"))
        self._close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._close)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self.hide()

    @property
    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self._text.width(), 40)
        line = " ".join(self._full.split())
        self._text.setText(
            self._text.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room)
        )

    @property
    def level(self) -> str:
        return str(self.property("level") or "")

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else error_text(error)
        self._show("error", text)

    def show_info(self, text: str) -> None:
        self._show("info", text)

    def _show(self, level: str, text: str) -> None:
        self.setProperty("level", level)
        self._icon.setPixmap(icon("error" if level == "error" else "info").pixmap(18, 18))
        self._full = text
        self._elide()
        self._text.setToolTip(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        # Re-polish so the style sheet's [level="…"] colours apply.
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()
