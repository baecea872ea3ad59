"""A read-only table of frozen rows, described column by column.

Each screen lists its columns (title, text, optional colour, tooltip, alignment) and
hands the rows over; the model does the rest. Rows are the services' frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# State colours, shared with the style sheet.
RED = QColor("#b3261e")
AMBER = QColor("#9a6700")
GREEN = QColor("#1e7b34")
GREY = QColor("#8a8f98")


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    foreground: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str | None] | None = None
    icon: Callable[[R], QIcon | None] | None = None
    bold: Callable[[R], bool] | None = None
    align_right: bool = False
    # A second, quieter line under the text (drawn by TwoLineDelegate).
    detail: Callable[[R], str] | None = None


DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> R:
        return self._rows[index]

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            detail = column.detail(row) if column.detail is not None else ""
            return f"{column.text(row)}, {detail}" if detail else column.text(row)
        if role == DETAIL_ROLE:
            return column.detail(row) if column.detail is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TwoLineDelegate(QStyledItemDelegate):
    """The text in bold on the first line, the column's ``detail`` in grey below it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        detail = str(index.data(DETAIL_ROLE) or "")
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(2, 2, -2, -2)
        half = rect.height() // 2
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        pen = foreground.color() if isinstance(foreground, QBrush) else opt.palette.text().color()
        painter.setPen(pen)
        top = rect.adjusted(0, 0, 0, -half)
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, top.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() - 1, 7))
        painter.setFont(small)
        painter.setPen(GREY)
        bottom = rect.adjusted(0, half, 0, 0)
        painter.drawText(
            bottom,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight, bottom.width()),
        )
        painter.restore()
