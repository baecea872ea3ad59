"""Caller ID: ``console --call``, a second invocation forwarding to the running console,
and the phone system's ``GET /call?number=…`` all open the caller's household."""

from __future__ import annotations

import argparse
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console import app
from console.config import Settings
from console.db.engine import Database
from console.db.models import Member
from console.domain.names import search_key
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.search import caller_id
from console.ui.search.caller_id import CallForwardServer, CallListener, forward_call, valid_number
from console.ui.window.main_window import MainWindow
from tests.ui.call_helpers import settle
from tests.ui.families import Families

CALLER = "418-555-0199"  # Hélène Côté
TOKEN = "jeton-du-poste-pour-les-tests-0123456789"  # as the phone system was given it

# The offscreen platform cannot raise a window or resize it to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagate")


@pytest.fixture(autouse=True)
def _call_token_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This install's caller-ID token lives in the test's directory, not the user's."""
    monkeypatch.setattr(caller_id, "call_token_path", lambda: tmp_path / "call-token")


@pytest.fixture
def local_name(request: pytest.FixtureRequest) -> str:
    return f"console-test-{os.getpid()}-{request.node.name[:40]}"


def _get(url: str, answers: list[tuple[int, str]]) -> threading.Thread:
    """Call the listener from another thread, as the phone system would."""

    def run() -> None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                answers.append((response.status, response.read().decode()))
        except urllib.error.HTTPError as error:
            answers.append((error.code, error.read().decode()))

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_the_caller_number_opens_the_one_household_that_has_it(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        window.open_caller(CALLER)
    assert opened.args[0].household_id == families.cote
    assert window.search_panel.box.text() == CALLER
    assert window.call_flow.household_id == families.cote


def test_a_number_shared_by_two_households_shows_the_search(
    qtbot: QtBot, window: MainWindow, families: Families, sqlite_db: Database
) -> None:
    with sqlite_db.write() as session:
        session.add(
            Member(
                household_id=families.tremblay,
                first_name="Paul",
                last_name="Tremblay",
                first_name_key=search_key("Paul"),
                last_name_key=search_key("Tremblay"),
                birth_date=__import__("datetime").date(1988, 1, 1),
                relationship="spouse",
                phone="+14185550199",
            )
        )
    with qtbot.waitSignal(window.search_panel.results_shown, timeout=5000):
        window.open_caller(CALLER)
    settle(qtbot, window)
    assert window.workspace.household is None
    assert window.search_panel.box.text() == CALLER
    assert window.search_panel.model.rowCount() == 2
    assert window.call_flow.active and window.call_flow.household_id is None


def test_an_unknown_number_shows_the_empty_search(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.search_panel.results_shown, timeout=5000):
        window.open_caller("418-555-0000")
    settle(qtbot, window)
    assert window.workspace.household is None
    assert window.search_panel.model.rowCount() == 0


def test_a_number_given_before_the_database_opens_waits_for_it(
    qtbot: QtBot,
    tasks: TaskRunner,
    ui_ctx: ServiceContext,
    qsettings: QSettings,
    families: Families,
) -> None:
    workspace = Workspace(tasks)
    window = MainWindow(workspace, qsettings)
    qtbot.add_widget(window)
    window.open_caller(CALLER)
    with qtbot.waitSignal(workspace.household_changed, timeout=5000) as opened:
        window.attach_demo(EmbeddedDemo(ui_ctx))
    assert opened.args[0].household_id == families.cote
    settle(qtbot, window)


# --- the phone system's HTTP call ----------------------------------------------------


@pytest.fixture
def listener(qtbot: QtBot) -> Iterator[CallListener]:
    server = CallListener(token=TOKEN)
    assert server.listen(0)
    yield server
    server.close()


def test_get_call_emits_the_number(qtbot: QtBot, listener: CallListener) -> None:
    answers: list[tuple[int, str]] = []
    with qtbot.waitSignal(listener.call_received, timeout=5000) as received:
        thread = _get(
            f"http://127.0.0.1:{listener.port}/call?number=418-555-0199&token={TOKEN}", answers
        )
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    thread.join()
    assert received.args == [CALLER]
    assert answers == [(200, "ok\n")]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/call?token={TOKEN}", 400),
        (f"/call?token={TOKEN}&number=drop%20table", 400),
        ("/calls?number=4185550199", 404),
        ("/call?number=4185550199", 403),
    ],
)
def test_a_bad_request_is_refused_and_opens_nothing(
    qtbot: QtBot, listener: CallListener, path: str, status: int
) -> None:
    received: list[str] = []
    listener.call_received.connect(received.append)
    answers: list[tuple[int, str]] = []
    thread = _get(f"http://127.0.0.1:{listener.port}{path}", answers)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    thread.join()
    assert answers[0][0] == status
    assert received == []


def test_a_silent_connection_is_dropped(
    qtbot: QtBot, listener: CallListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    monkeypatch.setattr(caller_id, "REQUEST_TIMEOUT_MS", 100)
    closed: list[bytes] = []

    def idle() -> None:
        with socket.create_connection(("127.0.0.1", listener.port), timeout=10) as conn:
            closed.append(conn.recv(100))

    thread = threading.Thread(target=idle)
    thread.start()
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    thread.join()
    assert closed == [b""]


def test_the_listener_only_listens_on_the_loopback(listener: CallListener) -> None:
    assert listener._server.serverAddress().toString() == "127.0.0.1"


def test_the_window_opens_the_household_the_phone_system_names(
    qtbot: QtBot, window: MainWindow, families: Families, local_name: str
) -> None:
    window.call_flow.listen(local_name=local_name, http_port=0)
    listener = window.call_flow.listener
    assert listener is not None and listener.listening
    answers: list[tuple[int, str]] = []
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        url = f"http://127.0.0.1:{listener.port}/call?number=%2B14185550199"
        thread = _get(f"{url}&token={caller_id.call_token()}", answers)
    thread.join()
    assert opened.args[0].household_id == families.cote
    settle(qtbot, window)


# --- a second ``console --call`` forwards --------------------------------------------


def test_a_second_invocation_forwards_the_number(qtbot: QtBot, local_name: str) -> None:
    server = CallForwardServer()
    assert server.listen(local_name)
    with qtbot.waitSignal(server.call_received, timeout=5000) as received:
        assert forward_call(CALLER, local_name)
    assert received.args == [CALLER]
    server.close()


def test_without_a_running_console_nothing_is_forwarded(local_name: str) -> None:
    assert not forward_call(CALLER, local_name, timeout_ms=200)


def test_a_second_console_does_not_take_over_the_first(qtbot: QtBot, local_name: str) -> None:
    first, second = CallForwardServer(), CallForwardServer()
    assert first.listen(local_name)
    assert not second.listen(local_name)
    with qtbot.waitSignal(first.call_received, timeout=5000):
        assert forward_call(CALLER, local_name)
    first.close()


def test_the_running_window_opens_a_forwarded_call(
    qtbot: QtBot, window: MainWindow, families: Families, local_name: str
) -> None:
    window.call_flow.listen(local_name=local_name)
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        assert forward_call(CALLER, local_name)
    assert opened.args[0].household_id == families.cote
    settle(qtbot, window)


def test_run_gui_forwards_and_opens_no_window(
    qtbot: QtBot, local_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = CallForwardServer()
    assert server.listen(local_name)
    monkeypatch.setattr(caller_id, "server_name", lambda: local_name)

    def no_window() -> Settings:
        raise AssertionError("a second console must not start")

    monkeypatch.setattr(app, "load_settings", no_window)
    args = argparse.Namespace(call=CALLER, language=None, listen_calls=None)
    with qtbot.waitSignal(server.call_received, timeout=5000) as received:
        assert app.run_gui(args) == 0
    assert received.args == [CALLER]
    server.close()


# --- settings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "enabled", "expected"),
    [(None, False, None), (None, True, 8765), (-1, False, 8765), (9100, False, 9100)],
)
def test_the_http_listener_is_off_unless_asked(
    flag: int | None, enabled: bool, expected: int | None
) -> None:
    settings = Settings(database_url="sqlite://", embedded=True, listen_calls=enabled)
    args = argparse.Namespace(listen_calls=flag)
    assert app.call_port(args, settings) == expected


def test_the_command_line_accepts_listen_calls() -> None:
    from console.cli import build_parser

    assert build_parser().parse_args(["--listen-calls"]).listen_calls == -1
    assert build_parser().parse_args(["--listen-calls", "9100"]).listen_calls == 9100
    assert build_parser().parse_args([]).listen_calls is None


@pytest.mark.parametrize(
    ("text", "number"),
    [(" 418-555-0199 ", "418-555-0199"), ("+1 (418) 555-0199", "+1 (418) 555-0199"), ("x", None)],
)
def test_only_phone_numbers_are_accepted(text: str, number: str | None) -> None:
    assert valid_number(text) == number
