"""A banner in the household header when another staff member has the same household open
("Sophie Tremblay consulte aussi ce dossier"), so two agents do not act twice.

The console says which household it shows, and asks who else is there, every
:data:`POLL_MS` on the task runner; a failed poll hides the banner quietly (presence is
a courtesy, not a lock).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from console.domain.views.households import HouseholdView
from console.ui.kit.workspace import Workspace

POLL_MS = 20_000

translate = QCoreApplication.translate


def presence_text(names: tuple[str, ...]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return translate("presence", "{name} consulte aussi ce dossier").format(name=names[0])
    return translate("presence", "{names} et {last} consultent aussi ce dossier").format(
        names=", ".join(names[:-1]), last=names[-1]
    )


class PresenceWatcher(QObject):
    def __init__(self, workspace: Workspace, header: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._household_id: int | None = None
        self.banner = QLabel()
        self.banner.setObjectName("presenceBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Autres membres du personnel sur ce dossier"))
        self.banner.hide()
        layout = header.layout()
        if isinstance(layout, QBoxLayout):
            layout.addWidget(self.banner)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(lambda _actor: self.poll())

    @property
    def household_id(self) -> int | None:
        return self._household_id

    def _household_changed(self, view: HouseholdView | None) -> None:
        household_id = view.household_id if view is not None else None
        if household_id == self._household_id:
            return  # a reload of the same household: the timer keeps going
        self._household_id = household_id
        self.show_names(())
        if household_id is None:
            self.timer.stop()
            self._leave()
            return
        self.timer.start()
        self.poll()

    def poll(self) -> None:
        household_id = self._household_id
        if household_id is None or not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: api.poll_presence(household_id),
            lambda names: self._answered(household_id, names),
            lambda _error: self.show_names(()),
            key="presence",
        )

    def _answered(self, household_id: int, names: tuple[str, ...]) -> None:
        if household_id == self._household_id:
            self.show_names(names)

    def show_names(self, names: tuple[str, ...]) -> None:
        if not shiboken6.isValid(self.banner):
            return  # an answer that arrived after the window closed
        self.banner.setText(presence_text(names))
        self.banner.setVisible(bool(names))

    def _leave(self) -> None:
        if not self._workspace.ready:
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: api.touch_presence(None), lambda _none: None, lambda _error: None
        )

    def leave(self) -> None:
        """The console is closing: the household is no longer open here."""
        self.timer.stop()
        if self._household_id is not None:
            self._household_id = None
            self._leave()
