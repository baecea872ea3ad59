"""One whole call in the real window against a real ``console serve`` over HTTPS: sign in
with a password, search, open, verify the caller, unlock, save the note. The desktop
side holds only the server's URL, its certificate authority and the session token."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from console import app
from console.config import load_settings
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.errors import Unauthenticated
from console.domain.vocabulary import Role
from console.services import staff_auth
from console.services.accounts import account_summary
from console.services.calls import list_calls
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import MainWindow
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import ServerProcess, TestCertificates
from tests.ui.families import Families, insert_families
from tests.ui.test_account_screens import search_and_open, settle, verify_by_keyboard

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

PASSWORD = "Appel-a-distance-2026"


@pytest.fixture(scope="module")
def remote_server(
    _postgres_run: PostgresRun | None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    if _postgres_run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run the remote call")
    directory = tmp_path_factory.mktemp("remote-call")
    server = ServerProcess(_postgres_run.url, directory, TestCertificates(directory / "tls"))
    yield server
    server.stop()


@pytest.fixture
def server_world(
    remote_server: ServerProcess, _postgres_run: PostgresRun
) -> Iterator[tuple[ServiceContext, Families]]:
    database = _postgres_run.fresh()
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    families = insert_families(database)
    staff_auth.add_staff(ctx, "nadia", Role.AGENT, "Nadia Agent", PASSWORD)
    yield ctx, families
    database.dispose()


def test_a_whole_call_through_the_server(
    qtbot: QtBot,
    tmp_path: Path,
    remote_server: ServerProcess,
    server_world: tuple[ServiceContext, Families],
) -> None:
    ctx, families = server_world
    settings = replace(
        load_settings({}),
        server_url=remote_server.url,
        server_ca=str(remote_server.certificates.ca_file),
    )
    with pytest.raises(Unauthenticated):
        app.remote_sign_in(settings, settings.server_url, "nadia", "pas le bon")
    api, info = app.remote_sign_in(settings, settings.server_url, "nadia", PASSWORD)
    assert api.actor.role is Role.AGENT
    assert info.sandbox_gateway and not info.embedded

    tasks = TaskRunner()
    window = MainWindow(
        Workspace(tasks), QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)
    )
    qtbot.add_widget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(api, info=info)
    assert window.sandbox_banner.isVisible()
    assert not window.staff_combo.isVisible()

    search_and_open(qtbot, window, "cote")
    assert window.workspace.household is not None
    assert window.workspace.household.household_id == families.cote

    screens = window.account_screens
    verify_by_keyboard(qtbot, window, "1985-04-01", "g1r 2b5")
    assert screens.verification.verified
    account = screens.account_panel
    window.household_panel.show_tab(screens.account_tab)
    qtbot.keyClick(account.unlock_button, Qt.Key.Key_Space)
    # The unlock asks first, naming the account; confirmed, it goes through the server.
    qtbot.waitUntil(lambda: account.confirmation is not None and account.confirmation.isVisible())
    assert account.confirmation is not None
    with qtbot.waitSignal(window.workspace.household_changed, timeout=10000):
        account.confirmation.confirm_button.click()
    settle(qtbot, window)
    assert "Compte déverrouillé" in account.outcome.text()

    flow = window.call_flow
    flow.panel.set_reason("F1")
    flow.panel.note_edit.setPlainText("Compte débloqué par téléphone.")
    with qtbot.waitSignal(flow.call_saved, timeout=10000):
        flow.end_call_action.trigger()
    settle(qtbot, window)

    # What the server wrote, read straight from the database.
    supervisor_view = staff_auth.list_staff_accounts(ctx)
    nadia = next(s for s in supervisor_view if s.username == "nadia")
    assert nadia.last_sign_in_at is not None
    actor = api.actor
    assert not account_summary(ctx, actor, families.cote).locked
    saved = list_calls(ctx, actor, families.cote)[0]
    assert (saved.reason, saved.note) == ("F1", "Compte débloqué par téléphone.")
    assert "account_unlocked" in saved.actions
    tasks.wait_idle()
    api.sign_out()  # type: ignore[attr-defined]


def test_signing_in_through_the_window_and_out_again_ends_the_session(
    qtbot: QtBot,
    tmp_path: Path,
    remote_server: ServerProcess,
    server_world: tuple[ServiceContext, Families],
) -> None:
    from PySide6.QtWidgets import QApplication

    from console.ui.window.sign_in import SignInDialog

    settings = replace(
        load_settings({}),
        server_url=remote_server.url,
        server_ca=str(remote_server.certificates.ca_file),
    )
    tasks = TaskRunner()
    qsettings = QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    window.show()
    started: list[bool] = []
    app._remote(
        QApplication.instance(), window, tasks, qsettings, settings, lambda: started.append(True)
    )

    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.server.text() == remote_server.url
    dialog.username.setText("nadia")
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    qtbot.waitUntil(lambda: window.workspace.ready, timeout=10000)
    assert started == [True]
    assert window.sign_out_action.isVisible()
    api = window.workspace.api
    token = api._token  # type: ignore[attr-defined]

    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: not window.workspace.ready, timeout=5000)
    tasks.wait_idle()
    with remote_server.client() as http:
        refused = http.post("/api/v1/ping", json={}, headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401  # the session ended on the server, not just here
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(SignInDialog)), timeout=5000
    )
