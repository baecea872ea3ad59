"""The command palette (Ctrl+Shift+K): a box listing every action of the window — its
menus, toolbar, the household's actions and the call's — that the agent narrows by typing
a few letters of its words, accents or not (« ecr note » finds « Écrire la note »).

Enter runs only the highlighted action, once the palette has closed; an action that
changes data still asks its own confirmation. The list is read from the window's actions
when the palette opens, like the shortcuts sheet (F1), so neither can drift."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.ui.kit.layout_memory import share_of_window

PALETTE_KEYS = ("Ctrl+Shift+K",)
_WORD = re.compile(r"[^\W_]+")


def folded(text: str) -> str:
    """Lower case, accents gone: « Écrire » and « ecrire » are the same word."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain(text: str) -> str:
    """An action's text as the agent reads it: no mnemonic ampersand, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".… ")


def _menu_of(action: QAction) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.objectName() != "moreActionsMenu":
            return plain(owner.title())
    return ""


def window_actions(window: QWidget) -> list[QAction]:
    """Every command of the window: each action with a text that is not a menu's own
    title, a separator, or a toolbar's show/hide switch. Once each, in creation order."""
    toggles = {id(bar.toggleViewAction()) for bar in window.findChildren(QToolBar)}
    seen: set[int] = set()
    found: list[QAction] = []
    for action in window.findChildren(QAction):
        if (
            not action.text()
            or action.isSeparator()
            or action.menu() is not None
            or id(action) in toggles
            or id(action) in seen
        ):
            continue
        seen.add(id(action))
        found.append(action)
    return found


@dataclass(frozen=True)
class Command:
    action: QAction
    text: str
    menu: str
    keys: str

    @property
    def words(self) -> list[str]:
        return _WORD.findall(folded(f"{self.text} {self.menu}"))

    def matches(self, query: str) -> bool:
        """Each word typed begins a word of the action (or its menu)."""
        words = self.words
        return all(any(w.startswith(part) for w in words) for part in _WORD.findall(folded(query)))


def commands(window: QWidget) -> list[Command]:
    """What the palette lists: the window's actions the agent can run right now."""
    listed = [
        Command(
            action=action,
            text=plain(action.text()),
            menu=_menu_of(action),
            keys=", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText)
                for s in action.shortcuts()
                if not s.isEmpty()
            ),
        )
        for action in window_actions(window)
        if action.isEnabled() and action.isVisible()
    ]
    return sorted(listed, key=lambda c: folded(c.text))


class CommandPalette(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Palette de commandes"))
        share_of_window(self, 0.4, 0.6, (560, 440))
        self._commands = commands(window)
        self.chosen: QAction | None = None

        intro = QLabel(
            self.tr(
                "Tapez quelques lettres d'une action, puis Entrée pour la lancer. "
                "Échap pour fermer."
            )
        )
        intro.setWordWrap(True)
        self.box = QLineEdit()
        self.box.setObjectName("commandBox")
        self.box.setPlaceholderText(self.tr("Action à lancer…"))
        self.box.setAccessibleName(self.tr("Action à lancer"))
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._apply_filter)
        self.box.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("commandList")
        self.list.setAccessibleName(self.tr("Actions de la console"))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        for command in self._commands:
            label = command.text
            if command.menu:
                label = f"{command.menu} › {label}"
            if command.keys:
                label = f"{label}    ({command.keys})"
            item = QListWidgetItem(label)
            item.setToolTip(command.action.toolTip())
            self.list.addItem(item)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.box)
        layout.addWidget(self.list, 1)
        self._apply_filter("")
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- what the tests and the agent see ---------------------------------------------

    @property
    def listed(self) -> list[QAction]:
        return [c.action for c in self._commands]

    def visible_actions(self) -> list[QAction]:
        return [c.action for r, c in enumerate(self._commands) if not self.list.isRowHidden(r)]

    def current_action(self) -> QAction | None:
        row = self.list.currentRow()
        if 0 <= row < len(self._commands) and not self.list.isRowHidden(row):
            return self._commands[row].action
        return None

    def run_current(self) -> None:
        """Close, then run the highlighted action (its own dialog opens over the window)."""
        action = self.current_action()
        if action is None:
            return
        self.chosen = action
        self.accept()
        QTimer.singleShot(0, action.trigger)

    # --- typing -----------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        first = -1
        for row, command in enumerate(self._commands):
            hidden = not command.matches(text)
            self.list.setRowHidden(row, hidden)
            if not hidden and first < 0:
                first = row
        self.list.setCurrentRow(first)

    def _step(self, delta: int) -> None:
        rows = [r for r in range(self.list.count()) if not self.list.isRowHidden(r)]
        if not rows:
            return
        current = self.list.currentRow()
        index = rows.index(current) if current in rows else -1
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, index + delta))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._step(8 if key == Qt.Key.Key_PageDown else -8)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
        return super().eventFilter(watched, event)


class PaletteLauncher(QObject):
    """The palette's own action, in the Help menu; opens one palette at a time."""

    def __init__(self, window: QMainWindow, menu: QMenu | None) -> None:
        super().__init__(window)
        self._window = window
        self.palette: CommandPalette | None = None
        self.action = QAction(self.tr("&Palette de commandes"), window)
        self.action.setShortcuts([QKeySequence(k) for k in PALETTE_KEYS])
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(self.tr("Lancer n'importe quelle action au clavier"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        if menu is not None:
            menu.addAction(self.action)

    def open(self) -> CommandPalette:
        palette = CommandPalette(self._window)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        palette.finished.connect(lambda _code: self._closed(palette))
        self.palette = palette
        palette.open()
        return palette

    def _closed(self, palette: CommandPalette) -> None:
        if self.palette is palette:
            self.palette = None


def install_command_palette(window: QMainWindow, menu: QMenu | None = None) -> PaletteLauncher:
    """Ctrl+Shift+K on ``window``, listed in ``menu`` (the Help menu)."""
    return PaletteLauncher(window, menu)
