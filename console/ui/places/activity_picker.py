"""Type part of a title or a code, pick an activity: the left column of the places, the
waitlist review and the « déjà inscrit » dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.views.places import ActivitySummary
from console.ui.kit.workspace import Workspace

ROLE = Qt.ItemDataRole.UserRole


class ActivityPicker(QWidget):
    """Enter in the box searches (nothing else); choosing a row emits ``picked``."""

    picked = Signal(int)  # activity id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.picked_code: str | None = None
        self._wanted: str | None = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Activité (titre ou code)…"))
        self.box.returnPressed.connect(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Activités"))
        # A title and its places wrap in the narrow column, never cut or scrolled sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.list)

    def show_code(self, code: str) -> None:
        """Search ``code`` and choose its activity once found (the context a dialog opens
        on: the activity the agent is looking at)."""
        self._wanted = code
        self.box.setText(code)
        self.search()

    def search(self) -> None:
        if not self._workspace.ready:
            return
        api, text = self._workspace.api, self.box.text()
        self._workspace.tasks.run(
            lambda: api.find_activities(text),
            self._show,
            self._workspace.report,
            key=f"pick-{id(self)}",
        )

    def _show(self, found: list[ActivitySummary]) -> None:
        self.list.clear()
        wanted, self._wanted = self._wanted, None
        for a in found:
            item = QListWidgetItem(
                self.tr("{code} — {title} (places réellement libres : {real})").format(
                    code=a.code, title=a.title, real=a.real_remaining
                )
            )
            item.setData(ROLE, a.activity_id)
            item.setData(ROLE + 1, a.code)
            self.list.addItem(item)
            if a.code == wanted:
                self.list.setCurrentItem(item)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.picked_code = str(item.data(ROLE + 1))
            self.picked.emit(int(item.data(ROLE)))
