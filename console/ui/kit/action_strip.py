"""The household's actions as one row of buttons. When the row is too short for all of
them, the last ones go under a "Plus" menu button at its end: the row never wraps, no
label is ever cut, and every action keeps its shortcut.

An action's rank orders the row: 0 for what a call needs on sight, higher for what can
wait in the menu (``SECONDARY``, then ``LAST``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

SECONDARY = 1
LAST = 2


class ActionStrip(QWidget):
    """The row of buttons and its "Plus" menu; :meth:`overflow` says what is in the menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdActions")
        # The width comes from the header, never from the buttons: the strip shows what fits.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._buttons: list[QToolButton] = []  # in the order shown
        self._ranks: list[int] = []
        self._overflow: list[QAction] = []

        self.more_menu = QMenu(self)
        self.more_menu.setObjectName("moreActionsMenu")
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreActionsButton")
        self.more_button.setText(self.tr("Plus"))
        self.more_button.setToolTip(self.tr("Autres actions du dossier"))
        self.more_button.setAccessibleName(self.more_button.toolTip())
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.hide()

        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self._row.addStretch(1)
        self._row.addWidget(self.more_button)

    def add(self, action: QAction, rank: int = 0) -> QToolButton:
        """A button for ``action``, after those of its rank and before higher ranks."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.text().replace("&", ""))
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        index = sum(1 for r in self._ranks if r <= rank)
        self._ranks.insert(index, rank)
        self._buttons.insert(index, button)
        self._row.insertWidget(index, button)
        self._reflow()
        return button

    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def overflow(self) -> list[QAction]:
        """The actions under "Plus" at the current width."""
        return list(self._overflow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Polish):
            self._reflow()  # a label changed, or the style sheet sized the buttons
        return super().event(event)

    def _reflow(self) -> None:
        width = self.contentsRect().width()
        spacing = self._row.spacing()
        hints = [button.sizeHint().width() for button in self._buttons]
        shown = len(hints)
        if sum(hints) + spacing * max(shown - 1, 0) > width:
            room = width - self.more_button.sizeHint().width() - spacing
            shown, used = 0, 0
            for hint in hints:
                used += hint + (spacing if shown else 0)
                if used > room:
                    break
                shown += 1
        for index, button in enumerate(self._buttons):
            button.setVisible(index < shown)
        overflow = [button.defaultAction() for button in self._buttons[shown:]]
        if overflow != self._overflow:
            self._overflow = overflow
            self.more_menu.clear()
            self.more_menu.addActions(overflow)
        self.more_button.setVisible(bool(overflow))
