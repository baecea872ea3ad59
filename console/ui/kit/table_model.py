"""A read-only table of frozen rows, described column by column.

Each screen lists its columns (title, text, optional colour, tooltip, alignment) and
hands the rows over; the model does the rest. Rows are the services' frozen dataclasses.
The model works out every cell when the rows arrive, so painting runs no Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

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


class RowsModel(QStandardItemModel, Generic[R]):
    """The rows' cells, worked out once when the rows arrive and then held by Qt.

    Painting and sizing a view ask its model for every role of every visible cell. Held
    in Qt, those answers need no Python — and so never wait for the interpreter while a
    worker thread holds it (each wait can last a switch interval: hundreds of cells made
    the GUI thread stall for tens of milliseconds).
    """

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self.setHorizontalHeaderLabels([column.title for column in self._columns])

    def set_rows(self, rows: Sequence[R]) -> None:
        cells = [[self._cell(column, row) for column in self._columns] for row in rows]
        # One reset for the views, as before, rather than a signal per row and cell.
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(0)
            for items in cells:
                self.appendRow(items)
            self._rows = list(rows)
        finally:
            self.blockSignals(blocked)
            self.endResetModel()

    def row(self, index: int) -> R:
        return self._rows[index]

    def selected(self, view: QAbstractItemView) -> R | None:
        """The row selected in ``view`` (a view of this model), if any."""
        rows = view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()]

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    @staticmethod
    def _cell(column: Column[R], row: R) -> QStandardItem:
        text = column.text(row)
        item = QStandardItem(text)
        item.setFlags(_READ_ONLY)
        detail = column.detail(row) if column.detail is not None else None
        if detail is not None:
            item.setData(detail, DETAIL_ROLE)
        spoken = f"{text}, {detail}" if detail else text
        item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
        if column.foreground is not None:
            colour = column.foreground(row)
            if colour is not None:
                item.setForeground(QBrush(colour))
        if column.tooltip is not None:
            tip = column.tooltip(row)
            if tip is not None:
                item.setToolTip(tip)
        if column.icon is not None:
            icon = column.icon(row)
            if icon is not None:
                item.setIcon(icon)
        if column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        if column.align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item


_READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


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


def table_for(model: QAbstractItemModel, name: str, table: QTableView | None = None) -> QTableView:
    """A read-only, keyboard-friendly table for one section (``table``, or a new one)."""
    table = table if table is not None else QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(40)
    # Fitting columns reads a sample of rows, not every cell: a busy family file fits in
    # a few milliseconds instead of stalling the GUI thread.
    header.setResizeContentsPrecision(20)
    return table


def fit_columns(table: QTableView, maximum: int = 320) -> None:
    """Columns as wide as their contents (none over ``maximum``), then, when they add up
    to more than the table shows, the widest ones narrowed — never below their title —
    so that every column stays in sight: no sideways scrolling to find a state or a date.
    The table refits itself when it is resized or shown (a dock opened, the window
    maximized) and when its rows change."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    columns = [c for c in range(table.model().columnCount()) if not header.isSectionHidden(c)]
    widths = {c: min(table.columnWidth(c), maximum) for c in columns}
    room = table.viewport().width()
    if room > 0:
        _narrow(widths, {c: header.sectionSizeHint(c) for c in columns}, room)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    if table.property("fitColumns") is None:
        table.setProperty("fitColumns", maximum)
        _keep_fitted(table, maximum)


def _keep_fitted(table: QTableView, maximum: int) -> None:
    """Fit again, once per turn of the event loop, when the table is resized or its rows
    change (a table filled after it was first fitted)."""
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(lambda: fit_columns(table, maximum) if table.isVisible() else None)
    table.setProperty("fitTimer", timer)
    model = table.model()
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
        signal.connect(timer.start)
    table.installEventFilter(_REFIT)


def _narrow(widths: dict[int, int], titles: dict[int, int], room: int) -> None:
    """Take the excess from the widest columns first, down to their title's width."""
    floors = {c: min(w, titles[c]) for c, w in widths.items()}
    excess = sum(widths.values()) - room
    while excess > 0:
        shrinkable = [c for c in widths if widths[c] > floors[c]]
        if not shrinkable:
            return
        widest = max(widths[c] for c in shrinkable)
        top = [c for c in shrinkable if widths[c] == widest]
        below = [widths[c] for c in shrinkable if widths[c] < widest]
        level = max([*below, *(floors[c] for c in top)])
        step = max(1, min(widest - level, -(-excess // len(top))))
        for column in top:
            cut = min(step, widths[column] - floors[column], excess)
            widths[column] -= cut
            excess -= cut


class _Refit(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
            and isinstance(watched, QTableView)
            and watched.model() is not None
        ):
            timer = watched.property("fitTimer")
            if isinstance(timer, QTimer):
                timer.start()
        return False


_REFIT = _Refit()
