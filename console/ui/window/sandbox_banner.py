"""The sandbox payment gateway is on: every console says so, on every screen.

A shared database runs the sandbox only when the server's settings name it on purpose (a
test or training environment); then no card is charged, and an agent must never tell a
family that it paid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class SandboxBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandboxBanner")
        self.setText(self.tr("BAC À SABLE — aucun argent ne circule"))
        self.setToolTip(
            self.tr(
                "Le serveur utilise la passerelle de paiement d'essai : aucune carte n'est "
                "débitée et aucune inscription n'est payée pour vrai."
            )
        )
        self.setAccessibleName(self.text())
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel#sandboxBanner { background: #b3261e; color: white; font-weight: bold;"
            " padding: 4px; }"
        )
        self.hide()

    def show_for(self, sandbox: bool) -> None:
        self.setVisible(sandbox)
