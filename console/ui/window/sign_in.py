"""Signing in to the console server with the staff member's own username and password.

The desktop holds no database credentials and no keys: the server checks the password
(argon2id, temporary lockout after repeated failures) and answers with a session token
that this process keeps in memory only. The server's address comes from the settings
(an administrator preconfigures it); the username is remembered in QSettings so the next
sign-in asks only for the password. The password is never remembered anywhere.
Signing in runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.ui.kit import server_messages  # noqa: F401 (the sentences of the server's codes)
from console.ui.kit.messages import error_text
from console.ui.kit.tasks import TaskRunner

USERNAME_KEY = "server/username"

# (server URL, username, password) -> the signed-in api.
Connect = Callable[[str, str, str], Any]


class SignInDialog(QDialog):
    """``signed_in`` carries what ``connect`` returned; rejecting means the user gave up."""

    signed_in = Signal(object)

    def __init__(
        self,
        tasks: TaskRunner,
        connect: Connect,
        settings: QSettings,
        *,
        server_url: str,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Connexion à la console"))
        self.setModal(True)
        self._tasks = tasks
        self._connect = connect
        self._settings = settings
        self._connecting = False

        intro = QLabel(
            reason
            or self.tr(
                "Connectez-vous avec votre nom d'utilisateur et votre mot de passe de la console."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit(server_url)
        self.server.setAccessibleName(self.tr("Serveur"))
        self.server.setToolTip(self.tr("Adresse du serveur de la console (https://…)"))
        self.username = QLineEdit(str(settings.value(USERNAME_KEY, "") or ""))
        self.username.setAccessibleName(self.tr("Nom d'utilisateur"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mot de passe"))
        self.status = QLabel()
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de la connexion"))

        form = QFormLayout()
        form.addRow(self.tr("&Serveur :"), self.server)
        form.addRow(self.tr("&Utilisateur :"), self.username)
        form.addRow(self.tr("&Mot de passe :"), self.password)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Se &connecter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quitter"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.password if self.username.text() else self.username).setFocus()

    def sign_in(self) -> None:
        if self._connecting:
            return
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not server or not username or not password:
            self.status.setText(
                self.tr("Indiquez le serveur, votre nom d'utilisateur et votre mot de passe.")
            )
            missing = self.server if not server else self.username if not username else None
            (missing or self.password).setFocus()
            return
        self._set_connecting(True)
        connect = self._connect
        self._tasks.run(
            lambda: connect(server, username, password),
            lambda result: self._connected(username, result),
            self._failed,
            key="sign-in",
        )

    def _set_connecting(self, connecting: bool) -> None:
        self._connecting = connecting
        for widget in (self.server, self.username, self.password):
            widget.setEnabled(not connecting)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not connecting)
        if connecting:
            self.status.setText(self.tr("Connexion en cours…"))

    def _connected(self, username: str, result: object) -> None:
        self._set_connecting(False)
        self._settings.setValue(USERNAME_KEY, username)
        self._settings.sync()
        self.password.clear()
        self.signed_in.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_connecting(False)
        self.status.setText(error_text(error))
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
