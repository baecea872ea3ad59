"""The members of the family file, above its sections: a table tall enough for a whole
family, and under it the controls that act on the selected member."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from console.domain.views.households import MemberView
from console.ui.kit.table_model import RowsModel, table_for


class MembersTable(QTableView):
    """Never shorter than :attr:`ROWS` members: a whole family reads at a glance, without
    scrolling, whatever the splitter or the window leave to the rest of the file."""

    ROWS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalScrollBar().rangeChanged.connect(lambda _low, _high: self.updateGeometry())

    def give_way(self, column: int) -> None:
        """Every column as wide as its contents but ``column``, which takes what the others
        leave — eliding its text, whole in its tooltip — so that every column is always
        in sight: the table never scrolls sideways, however long a name, and a vertical
        scroll bar (a family of more than :attr:`ROWS`) takes its width from ``column``
        too. Qt keeps it so as the rows, the width and the language change."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _rows_height(self) -> int:
        height = (
            2 * self.frameWidth()
            + self.horizontalHeader().sizeHint().height()
            + self.ROWS * self.verticalHeader().defaultSectionSize()
        )
        bar = self.horizontalScrollBar()
        if bar.maximum() > bar.minimum():  # wide columns: the bar takes a row's place
            height += bar.sizeHint().height()
        return height

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._rows_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._rows_height())


class MembersPane(QWidget):
    """The splitter's upper pane. A splitter never asks its panes for height-for-width,
    so this pane asks for the height its wrapped messages need at its current width:
    a long "removal impossible" never squeezes the table below its rows."""

    def __init__(
        self,
        model: RowsModel[MemberView],
        title: str,
        elastic: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        box = QGroupBox(title)
        box.setObjectName("membersBox")
        self._box_layout = QVBoxLayout(box)
        self._box_layout.setContentsMargins(6, 4, 6, 6)
        self.table = table = MembersTable()
        table_for(model, title, table)
        table.setObjectName("membersTable")
        table.give_way(elastic)
        self._box_layout.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)

    def add_tools(self, widget: QWidget) -> None:
        self._box_layout.addWidget(widget)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        width = self.width()
        if layout is not None and layout.hasHeightForWidth() and width >= hint.width():
            hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(width)))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped messages take another height
