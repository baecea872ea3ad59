"""The « déjà inscrit » dialog (F7) for one household: a member, an activity, and what
holds the member on it (``AlreadyRegisteredPanel``).

It opens on the file's context — the member and activity of the row the agent selected,
else the one cart line the site refuses at checkout — with the hold to free selected and
the focus in the reason box. Once nothing the agent may free is left, it closes and says
what was done in the window's message bar (``freed``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from console.domain.views.holds import HoldDiagnosis, HoldKind
from console.domain.views.households import HouseholdView
from console.ui.kit.layout_memory import share_of_window
from console.ui.kit.workspace import Workspace
from console.ui.places.activity_picker import ActivityPicker
from console.ui.places.already_registered import AlreadyRegisteredPanel


class AlreadyRegisteredDialog(QDialog):
    freed = Signal(str)  # what was freed, for the window's message bar

    def __init__(
        self,
        workspace: Workspace,
        view: HouseholdView,
        parent: QWidget | None = None,
        *,
        member_id: int | None = None,
        activity_code: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("« Vous êtes déjà inscrit à cette activité »"))
        self.members = QComboBox()
        self.members.setAccessibleName(self.tr("Membre"))
        for m in view.members:
            if not m.removed:
                self.members.addItem(m.name, m.member_id)
        if member_id is not None and self.members.findData(member_id) >= 0:
            self.members.setCurrentIndex(self.members.findData(member_id))
        self.picker = ActivityPicker(workspace)
        self.panel = AlreadyRegisteredPanel(workspace.tasks, workspace.api)
        self.panel.household_number = view.number
        self._activity: int | None = None
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.members)
        column.addWidget(self.picker)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 1)
        layout.addWidget(self.panel, 2)
        share_of_window(self, 0.7, 0.6, (860, 420))
        self.picker.picked.connect(self._picked)
        self.members.currentIndexChanged.connect(lambda _i: self._diagnose())
        self.panel.released.connect(self._released)
        if activity_code and member_id is not None:
            self.panel.focus_reason_when_shown()
            self.picker.show_code(activity_code)
        else:
            self.members.setFocus()
            self.picker.search()

    def _picked(self, activity_id: int) -> None:
        self._activity = activity_id
        self._diagnose()

    def _diagnose(self) -> None:
        member = self.members.currentData()
        if member is not None and self._activity is not None:
            self.panel.diagnose(int(member), self._activity)

    def _released(self, diagnosis: HoldDiagnosis) -> None:
        """Nothing left to free: the dialog's work is done (the message bar says what)."""
        if any(h.releasable for h in diagnosis.holds):
            return
        registration = next(
            (h for h in diagnosis.holds if h.kind is HoldKind.REGISTRATION and h.live), None
        )
        text = self.tr(
            "Réservation de {member} en {code} libérée : la place est de nouveau disponible."
        ).format(member=diagnosis.member_name, code=diagnosis.activity_code)
        if registration is not None:
            text += " " + self.tr("Son inscription demeure (reçu {receipt}).").format(
                receipt=registration.receipt_number or "—"
            )
        self.accept()
        self.freed.emit(text)
