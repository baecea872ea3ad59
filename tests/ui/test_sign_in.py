"""Signing in with one's own database credentials; what is remembered, and where."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from console import app
from console.config import load_settings
from console.domain.errors import NotFound, Unavailable
from console.domain.vocabulary import Role
from console.services.api import InProcessApi
from console.services.context import ServiceContext
from console.services.staff import Actor
from console.ui.main_window import MainWindow
from console.ui.sign_in import (
    KEYRING_SERVICE,
    REMEMBER_KEY,
    SERVER_KEY,
    USERNAME_KEY,
    SignInDialog,
)
from console.ui.supervision_menu import supervision_menu
from console.ui.tasks import TaskRunner
from console.ui.workspace import Workspace
from tests.conftest import TEST_SIN_KEY
from tests.helpers.databases import PG_ENV, PostgresRun

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SERVER = "postgresql://db.loisirs.example:5432/inscriptions"
SECRET = "Secret#2026"


class MemoryPasswords:
    def __init__(self) -> None:
        self.stored: dict[str, str] = {}

    def get(self, username: str) -> str | None:
        return self.stored.get(username)

    def set(self, username: str, password: str) -> None:
        self.stored[username] = password

    def delete(self, username: str) -> None:
        self.stored.pop(username, None)


class FakeServer:
    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.refuse = refuse

    def connect(self, server: str, username: str, password: str) -> str:
        self.calls.append((server, username, password))
        if self.refuse:
            raise Unavailable("database_login_refused")
        return f"signed in as {username}"


def _dialog(
    qtbot: QtBot,
    tasks: TaskRunner,
    qsettings: QSettings,
    server: FakeServer,
    passwords: MemoryPasswords,
) -> SignInDialog:
    dialog = SignInDialog(
        tasks, server.connect, qsettings, default_server=SERVER, passwords=passwords
    )
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_signing_in_remembers_server_and_user_and_the_password_only_in_the_keyring(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, tmp_path: Path
) -> None:
    server, passwords = FakeServer(), MemoryPasswords()
    dialog = _dialog(qtbot, tasks, qsettings, server, passwords)
    assert dialog.server.text() == SERVER
    qtbot.keyClicks(dialog.username, "sboucher")
    qtbot.keyClicks(dialog.password, SECRET)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        dialog.sign_in()
    assert signed.args == ["signed in as sboucher"]
    assert server.calls == [(SERVER, "sboucher", SECRET)]
    qtbot.waitUntil(lambda: passwords.stored == {"sboucher": SECRET})
    assert qsettings.value(SERVER_KEY) == SERVER
    assert qsettings.value(USERNAME_KEY) == "sboucher"
    qsettings.sync()
    assert SECRET not in Path(qsettings.fileName()).read_text(encoding="utf-8")
    assert dialog.password.text() == ""


def test_a_remembered_password_is_filled_in_and_can_be_forgotten(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    qsettings.setValue(USERNAME_KEY, "sboucher")
    qsettings.setValue(REMEMBER_KEY, True)
    passwords = MemoryPasswords()
    passwords.set("sboucher", SECRET)
    server = FakeServer()
    dialog = _dialog(qtbot, tasks, qsettings, server, passwords)
    qtbot.waitUntil(lambda: dialog.password.text() == SECRET)
    assert dialog.username.text() == "sboucher"
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000):
        dialog.sign_in()
    qtbot.waitUntil(lambda: passwords.stored == {})


def test_a_refused_password_says_so_and_keeps_the_dialog_open(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    server, passwords = FakeServer(refuse=True), MemoryPasswords()
    dialog = _dialog(qtbot, tasks, qsettings, server, passwords)
    dialog.username.setText("sboucher")
    dialog.password.setText("wrong")
    dialog.sign_in()
    qtbot.waitUntil(lambda: "refusé" in dialog.status.text())
    assert dialog.isVisible()
    assert dialog.password.isEnabled()
    assert passwords.stored == {}
    assert qsettings.value(USERNAME_KEY) is None


def test_a_missing_username_is_asked_for_before_connecting(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings
) -> None:
    server = FakeServer()
    dialog = _dialog(qtbot, tasks, qsettings, server, MemoryPasswords())
    dialog.sign_in()
    assert server.calls == []
    assert "utilisateur" in dialog.status.text()


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


@pytest.fixture
def pg_run(
    _postgres_run: PostgresRun | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PostgresRun]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CONSOLE_SIN_KEY", TEST_SIN_KEY)
    database = _postgres_run.fresh()
    with database.write() as session:
        session.execute(
            text(
                "INSERT INTO staff (username, display_name, role, active) "
                "VALUES ('postgres', 'Sylvie Boucher', 'supervisor', true)"
            )
        )
    database.dispose()
    yield _postgres_run


def test_the_database_user_decides_the_role(
    pg_run: PostgresRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSOLE_DATABASE_URL", pg_run.url)
    settings = load_settings()
    server = pg_run.url.replace("postgres@", "someone@")
    signed = app.sign_in(settings, server, "postgres", SECRET)
    try:
        assert signed.actor.role is Role.SUPERVISOR
        assert signed.actor.username == "postgres"
        assert SECRET not in signed.ctx.db.url
        assert signed.ctx.settings is not None
        assert SECRET not in signed.ctx.settings.database_url
        assert "postgres@" in signed.ctx.db.url
    finally:
        signed.ctx.db.dispose()


def test_an_unknown_database_user_is_refused(pg_run: PostgresRun) -> None:
    with pytest.raises(Unavailable) as refused:
        app.sign_in(load_settings(), pg_run.url, "nobody_of_ours", SECRET)
    assert refused.value.code == "database_login_refused"


def test_a_database_user_who_is_not_active_staff_is_refused(pg_run: PostgresRun) -> None:
    database = pg_run.fresh()  # no staff member at all
    database.dispose()
    with pytest.raises(NotFound) as missing:
        app.sign_in(load_settings(), pg_run.url, "postgres", "")
    assert missing.value.code == "staff_not_found"


def test_the_keyring_service_is_the_consoles_own() -> None:
    assert KEYRING_SERVICE == "console-loisirs-db"
