"""Signing in to the shared PostgreSQL database with the staff member's own credentials.

The server address and the username are remembered in QSettings; the password only in
the operating system's keyring, and only when the staff member asks. Connecting, and
every keyring call (a keyring may prompt or sit on D-Bus), run off the GUI thread. The
staff member whose username is the database user decides the role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.ui import messages
from console.ui.messages import error_text
from console.ui.tasks import TaskRunner

KEYRING_SERVICE = "console-loisirs-db"
SERVER_KEY = "connection/url"
USERNAME_KEY = "connection/username"
REMEMBER_KEY = "connection/remember"

# (server URL without password, username, password) -> whatever the caller needs back.
Connect = Callable[[str, str, str], Any]

messages.register(
    "database_login_refused",
    lambda _params: QCoreApplication.translate(
        "messages", "Nom d'utilisateur ou mot de passe refusé par la base de données."
    ),
)


messages.register(
    "database_url_invalid",
    lambda _params: QCoreApplication.translate(
        "messages", "L'adresse du serveur n'est pas valide (exemple : postgresql://hôte:5432/base)."
    ),
)


class PasswordStore(Protocol):
    def get(self, username: str) -> str | None: ...
    def set(self, username: str, password: str) -> None: ...
    def delete(self, username: str) -> None: ...


class KeyringPasswords:
    """The operating system's keyring; a workstation without one simply remembers nothing."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def get(self, username: str) -> str | None:
        try:
            import keyring

            value = keyring.get_password(self.service, username)
        except Exception:  # no backend, locked keyring, D-Bus gone: nothing remembered
            return None
        return str(value) if value else None

    def set(self, username: str, password: str) -> None:
        try:
            import keyring

            keyring.set_password(self.service, username, password)
        except Exception:
            return

    def delete(self, username: str) -> None:
        try:
            import keyring

            keyring.delete_password(self.service, username)
        except Exception:  # nothing stored, or no backend
            return


class SignInDialog(QDialog):
    """``signed_in`` carries what ``connect`` returned; rejecting means the user gave up."""

    signed_in = Signal(object)

    def __init__(
        self,
        tasks: TaskRunner,
        connect: Connect,
        settings: QSettings,
        *,
        default_server: str,
        passwords: PasswordStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Connexion à la base de données"))
        self.setModal(True)
        self._tasks = tasks
        self._connect = connect
        self._settings = settings
        self._passwords = passwords if passwords is not None else KeyringPasswords()
        self._connecting = False

        intro = QLabel(
            self.tr(
                "Connectez-vous avec votre propre compte de la base de données. "
                "Votre rôle dans la console en découle."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit(str(settings.value(SERVER_KEY, "") or default_server))
        self.server.setAccessibleName(self.tr("Serveur"))
        self.server.setToolTip(
            self.tr("Adresse de la base, sans mot de passe (postgresql://hôte:port/base)")
        )
        self.username = QLineEdit(str(settings.value(USERNAME_KEY, "") or ""))
        self.username.setAccessibleName(self.tr("Nom d'utilisateur"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mot de passe"))
        self.remember = QCheckBox(self.tr("Se souvenir du mot de passe (trousseau du système)"))
        self.remember.setChecked(_truthy(settings.value(REMEMBER_KEY, False)))
        self.status = QLabel()
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de la connexion"))

        form = QFormLayout()
        form.addRow(self.tr("&Serveur :"), self.server)
        form.addRow(self.tr("&Utilisateur :"), self.username)
        form.addRow(self.tr("&Mot de passe :"), self.password)
        form.addRow("", self.remember)

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
        self.username.editingFinished.connect(self._recall_password)
        self._recall_password()

    def _recall_password(self) -> None:
        username = self.username.text().strip()
        if not username or self.password.text():
            return
        passwords = self._passwords
        self._tasks.run(
            lambda: passwords.get(username), lambda found: self._recalled(username, found)
        )

    def _recalled(self, username: str, password: str | None) -> None:
        if password and not self.password.text() and self.username.text().strip() == username:
            self.password.setText(password)
            self.remember.setChecked(True)

    def sign_in(self) -> None:
        if self._connecting:
            return
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not server or not username:
            self.status.setText(self.tr("Indiquez le serveur et votre nom d'utilisateur."))
            (self.server if not server else self.username).setFocus()
            return
        self._set_connecting(True)
        connect = self._connect
        self._tasks.run(
            lambda: connect(server, username, password),
            lambda result: self._connected(server, username, password, result),
            self._failed,
            key="sign-in",
        )

    def _set_connecting(self, connecting: bool) -> None:
        self._connecting = connecting
        for widget in (self.server, self.username, self.password, self.remember):
            widget.setEnabled(not connecting)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not connecting)
        if connecting:
            self.status.setText(self.tr("Connexion en cours…"))

    def _connected(self, server: str, username: str, password: str, result: object) -> None:
        self._set_connecting(False)
        remember = self.remember.isChecked()
        self._settings.setValue(SERVER_KEY, server)
        self._settings.setValue(USERNAME_KEY, username)
        self._settings.setValue(REMEMBER_KEY, remember)
        self._settings.sync()
        passwords = self._passwords
        if remember:
            self._tasks.run(lambda: passwords.set(username, password), lambda _none: None)
        else:
            self._tasks.run(lambda: passwords.delete(username), lambda _none: None)
        self.password.clear()
        self.signed_in.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_connecting(False)
        self.status.setText(error_text(error))
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password.selectAll()


def _truthy(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1")
