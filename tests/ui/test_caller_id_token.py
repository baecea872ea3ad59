"""The caller-ID listener takes a call only with this install's token.

Without it, any web page the agent visits could send ``GET http://127.0.0.1:8765/call?…``
from the browser and switch the family on screen. Every request here is a real HTTP
request to the listening socket.
"""

from __future__ import annotations

import os
import stat
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.ui.search import caller_id
from console.ui.search.caller_id import CallListener, call_token, call_url
from console.ui.window.main_window import MainWindow
from tests.ui.call_helpers import settle
from tests.ui.families import Families

CALLER = "418-555-0199"  # Hélène Côté
OTHER = "+14185550100"

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagate")


@pytest.fixture(autouse=True)
def token_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "call-token"
    monkeypatch.setattr(caller_id, "call_token_path", lambda: path)
    return path


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _call(qtbot: QtBot, url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """The request from another thread (as the phone system would), the GUI loop serving."""
    answers: list[tuple[int, str]] = []
    thread = threading.Thread(target=lambda: answers.append(_get(url, headers)))
    thread.start()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    thread.join()
    return answers[0]


@pytest.fixture
def listener(qtbot: QtBot) -> Iterator[CallListener]:
    server = CallListener()  # this install's token, made on first use
    assert server.listen(0)
    yield server
    server.close()


def test_the_token_is_made_once_and_kept_for_the_user_alone(token_file: Path) -> None:
    first = call_token()
    assert len(first) >= 43 and call_token() == first
    assert token_file.read_text(encoding="ascii").strip() == first
    if os.name == "posix":
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        token_file.chmod(0o644)
        assert call_token() == first
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert [p.name for p in token_file.parent.iterdir()] == ["call-token"]  # no leftovers


def test_a_damaged_token_file_is_replaced(token_file: Path) -> None:
    token_file.parent.mkdir(parents=True)
    token_file.write_text("\n", encoding="ascii")
    token = call_token()
    assert token and token_file.read_text(encoding="ascii").strip() == token


def test_the_url_to_give_the_phone_system_carries_the_token() -> None:
    assert call_url(8765, "abc") == "http://127.0.0.1:8765/call?token=abc&number={number}"


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ("", {}),
        ("&token=", {}),
        ("&token=not-this-install-s-token-0123456789abcdef", {}),
        ("", {"X-Console-Token": "not-this-install-s-token-0123456789abcdef"}),
    ],
)
def test_without_the_right_token_the_call_is_forbidden_and_opens_nothing(
    qtbot: QtBot, listener: CallListener, query: str, headers: dict[str, str]
) -> None:
    received: list[str] = []
    listener.call_received.connect(received.append)
    url = f"http://127.0.0.1:{listener.port}/call?number=4185550199{query}"
    assert _call(qtbot, url, headers) == (403, "token missing or wrong\n")
    assert received == []


@pytest.mark.parametrize("in_header", [False, True])
def test_with_the_token_in_the_query_or_a_header_the_call_is_taken(
    qtbot: QtBot, listener: CallListener, in_header: bool
) -> None:
    token = call_token()
    url = f"http://127.0.0.1:{listener.port}/call?number=418-555-0199"
    with qtbot.waitSignal(listener.call_received, timeout=5000) as received:
        if in_header:
            answer = _call(qtbot, url, {"X-Console-Token": token})
        else:
            answer = _call(qtbot, f"{url}&token={token}")
    assert answer == (200, "ok\n")
    assert received.args == [CALLER]


def test_a_web_page_cannot_switch_the_family_on_screen(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    window.call_flow.listen(local_name=f"console-token-{os.getpid()}", http_port=0)
    listener = window.call_flow.listener
    assert listener is not None and listener.listening
    base = f"http://127.0.0.1:{listener.port}/call"
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        status, _ = _call(qtbot, f"{base}?number={CALLER}&token={call_token()}")
    assert status == 200 and opened.args[0].household_id == families.cote
    settle(qtbot, window)
    changes: list[object] = []
    window.workspace.household_changed.connect(changes.append)
    # What a page in the agent's browser can send: no token, or a guessed one.
    assert _call(qtbot, f"{base}?number={OTHER}")[0] == 403
    assert _call(qtbot, f"{base}?number={OTHER}&token=guess{'0' * 40}")[0] == 403
    qtbot.wait(200)
    settle(qtbot, window)
    assert changes == []
    assert window.call_flow.household_id == families.cote
