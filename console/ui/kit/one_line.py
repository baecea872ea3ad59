"""A label that always takes one line: a short sentence, cut at its end with « … » when
the label is narrower than the sentence, and the whole explanation in its tooltip and its
accessible description (read by a screen reader, shown when the pointer rests on it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class OneLineLabel(QLabel):
    """One line of text whatever the width; it never widens what holds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line = ""
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Its width is what the layout gives: the sentence never pushes the pane wider.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def say(self, line: str, whole: str) -> None:
        """Show ``line`` (shown hidden when empty); ``whole`` says it all, for the tooltip
        and the accessible description."""
        self._line = line
        self.setToolTip(whole)
        self.setAccessibleDescription(whole)
        self._fit()
        self.setVisible(bool(line))

    @property
    def line(self) -> str:
        """The sentence, whole (what is shown may end in « … »)."""
        return self._line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * max(self.margin(), 0)
        shown = (
            self.fontMetrics().elidedText(self._line, Qt.TextElideMode.ElideRight, room)
            if room > 0
            else self._line
        )
        if shown != self.text():
            self.setText(shown)
