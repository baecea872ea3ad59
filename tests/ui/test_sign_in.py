"""Signing in to the console server: what is remembered (the username), what never is
(the password), and what the window shows once signed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.domain.errors import Unauthenticated
from console.domain.views.service import ServiceInfo
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services.api import InProcessApi
from console.services.context import ServiceContext
from console.ui.kit.supervision_menu import supervision_menu
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from console.ui.window.sign_in import USERNAME_KEY, SignInDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SERVER = "https://console.loisirs.example:8443"
SECRET = "Secret#2026-longue"


class FakeServer:
    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.refuse = refuse

    def connect(self, server: str, username: str, password: str) -> str:
        self.calls.append((server, username, password))
        if self.refuse:
            raise Unauthenticated("sign_in_refused")
        return f"signed in as {username}"


def _dialog(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, server: FakeServer
) -> SignInDialog:
    dialog = SignInDialog(tasks, server.connect, qsettings, server_url=SERVER)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_signing_in_remembers_the_username_and_never_the_password(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    touched: list[str] = []
    monkeypatch.setattr(keyring, "set_password", lambda *a: touched.append("set"))
    server = FakeServer()
    dialog = _dialog(qtbot, tasks, qsettings, server)
    assert dialog.server.text() == SERVER
    qtbot.keyClicks(dialog.username, "sboucher")
    qtbot.keyClicks(dialog.password, SECRET)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        dialog.sign_in()
    assert signed.args == ["signed in as sboucher"]
    assert server.calls == [(SERVER, "sboucher", SECRET)]
    assert qsettings.value(USERNAME_KEY) == "sboucher"
    qsettings.sync()
    assert SECRET not in Path(qsettings.fileName()).read_text(encoding="utf-8")
    assert dialog.password.text() == ""
    assert touched == []  # the keyring never holds the password


def test_the_next_sign_in_asks_only_for_the_password(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    qsettings.setValue(USERNAME_KEY, "sboucher")
    dialog = _dialog(qtbot, tasks, qsettings, FakeServer())
    assert dialog.username.text() == "sboucher"
    assert dialog.password.text() == ""
    qtbot.waitUntil(lambda: dialog.password.hasFocus())


def test_a_refused_password_says_so_and_keeps_the_dialog_open(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    server = FakeServer(refuse=True)
    dialog = _dialog(qtbot, tasks, qsettings, server)
    dialog.username.setText("sboucher")
    dialog.password.setText("wrong")
    dialog.sign_in()
    qtbot.waitUntil(lambda: "refusé" in dialog.status.text())
    assert "sign_in_refused" not in dialog.status.text()
    assert dialog.isVisible()
    assert dialog.password.isEnabled()
    assert dialog.password.text() == ""
    assert qsettings.value(USERNAME_KEY) is None


def test_a_missing_username_or_password_is_asked_for_before_connecting(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    server = FakeServer()
    dialog = _dialog(qtbot, tasks, qsettings, server)
    dialog.sign_in()
    dialog.username.setText("sboucher")
    dialog.sign_in()
    assert server.calls == []
    assert "mot de passe" in dialog.status.text()


def test_the_signed_in_supervisor_sees_the_supervision_menu(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, ui_ctx: ServiceContext
) -> None:
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    window.show()
    supervisor = Actor(2, "sboucher", "Sylvie Boucher", Role.SUPERVISOR)
    window.attach(InProcessApi(ui_ctx, supervisor))
    assert window.workspace.actor == supervisor
    assert not window.staff_combo.isVisible()
    assert supervision_menu(window).menuAction().isVisible()
    assert not window.sandbox_banner.isVisible()


def test_a_server_on_the_sandbox_gateway_shows_the_banner(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, ui_ctx: ServiceContext
) -> None:
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    window.show()
    agent = Actor(1, "agent", "Agent", Role.AGENT)
    info = ServiceInfo(embedded=False, sandbox_gateway=True, version="1", now=ui_ctx.clock.now())
    window.attach(InProcessApi(ui_ctx, agent), info=info)
    assert window.sandbox_banner.isVisible()
    assert "BAC À SABLE" in window.sandbox_banner.text()
