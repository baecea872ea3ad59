"""The keyboard cheat sheet (F1): every action of the window that has a shortcut, read
from the actions themselves when it opens, so it never goes stale."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui.kit.layout_memory import share_of_window


@dataclass(frozen=True)
class ShortcutRow:
    group: str
    action: str
    keys: str


def _sort_key(text: str) -> str:
    """Accents sort with their letter: « Écrire » beside « Envoyer », not after « Z »."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _group(action: QAction) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            return _plain(owner.title())
    return ""


def shortcut_rows(window: QWidget) -> list[ShortcutRow]:
    """One row per action with a shortcut, ordered by menu then name."""
    rows: dict[int, ShortcutRow] = {}
    for action in window.findChildren(QAction):
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not sequences or not action.text():
            continue
        rows[id(action)] = ShortcutRow(
            group=_group(action),
            action=_plain(action.text()),
            keys=", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences),
        )
    unique = {(r.group, r.action, r.keys): r for r in rows.values()}
    return sorted(
        unique.values(), key=lambda r: (r.group == "", _sort_key(r.group), _sort_key(r.action))
    )


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        share_of_window(self, 0.4, 0.75, (560, 520))
        self._rows = shortcut_rows(window)

        intro = QLabel(
            self.tr("Toute la console s'utilise au clavier. Tapez pour filtrer la liste.")
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Filtrer…"))
        self.filter.setAccessibleName(self.tr("Filtrer les raccourcis"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)

        self.table = QTableWidget(len(self._rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Raccourcis clavier"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Menu"), self.tr("Action"), self.tr("Raccourci")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        other = self.tr("Fenêtre")
        for row, entry in enumerate(self._rows):
            for column, text in enumerate((entry.group or other, entry.action, entry.keys)):
                item = QTableWidgetItem(text)
                if column == 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def rows(self) -> list[ShortcutRow]:
        return list(self._rows)

    def visible_actions(self) -> list[str]:
        return [
            self._rows[r].action for r in range(len(self._rows)) if not self.table.isRowHidden(r)
        ]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row, entry in enumerate(self._rows):
            haystack = f"{entry.group} {entry.action} {entry.keys}".casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)
