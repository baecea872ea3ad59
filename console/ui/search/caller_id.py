"""Caller ID: the phone system tells the console who is calling.

Three doors, all ending in :class:`CallerLookup`:

* ``console --call 418-555-0199`` on the command line;
* a second ``console --call …`` while a console runs: it forwards the number to the
  running one over a local socket (:func:`forward_call`, :class:`CallForwardServer`)
  instead of opening a second window;
* ``GET http://127.0.0.1:8765/call?number=…&token=…`` from the phone system
  (:class:`CallListener`, off unless enabled; it only listens on the loopback address).
  The token is this install's own (:func:`call_token`), given to the phone system once:
  without it any web page the agent visits could switch the family on screen.

Everything here is event-driven on the GUI thread's loop; nothing blocks it.
"""

from __future__ import annotations

import getpass
import hmac
import os
import re
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtNetwork import (
    QAbstractSocket,
    QHostAddress,
    QLocalServer,
    QLocalSocket,
    QTcpServer,
    QTcpSocket,
)

from console.config import config_dir
from console.domain.views.search import MatchedOn, SearchResult
from console.ui.kit.workspace import Workspace

DEFAULT_PORT = 8765
MAX_REQUEST_BYTES = 4096
REQUEST_TIMEOUT_MS = 5000
PROBE_TIMEOUT_MS = 200
_NUMBER = re.compile(r"^\+?[0-9 ().\-]{4,25}$")
TOKEN_FILE = "call-token"
TOKEN_HEADER = "x-console-token"  # or ``token=`` in the query
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


def server_name() -> str:
    """One running console per user on the workstation answers forwarded calls."""
    user = re.sub(r"[^A-Za-z0-9_.-]", "_", getpass.getuser())
    return f"console-loisirs-calls-{user}"


def valid_number(text: str) -> str | None:
    """A phone number as the phone system sends it, or ``None`` for anything else."""
    number = text.strip()
    return number if _NUMBER.match(number) else None


def call_token_path() -> Path:
    """Where this install keeps the phone system's token: the user's config directory."""
    return config_dir() / TOKEN_FILE


def call_token(path: Path | None = None) -> str:
    """This install's caller-ID token: made once (256 random bits), then read back.

    The file is the user's alone (0600). Give the token to the phone system, which sends
    it with every call (``token=…`` or the ``X-Console-Token`` header); ``python -m
    console.ui.search.caller_id`` prints the URL to configure.
    """
    path = path or call_token_path()
    token = _read_token(path)
    if token:
        return token
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
        try:
            os.link(fresh, path)  # made once: a console that made it first keeps its own
        except FileExistsError:
            if not _read_token(path):
                os.replace(fresh, path)  # an empty or damaged file is replaced
    finally:
        fresh.unlink(missing_ok=True)
    return _read_token(path)


def _read_token(path: Path) -> str:
    """The token in the file, or "" when there is none (or not one this module made)."""
    try:
        token = path.read_text(encoding="ascii").strip()
        if os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(0o600)  # the user's alone, whoever loosened it
    except (OSError, UnicodeDecodeError):
        return ""
    return token if _TOKEN.match(token) else ""


def _install_token() -> str:
    """:func:`call_token`, or, when it cannot be kept (an unwritable config directory), a
    token nobody knows: every call is then refused rather than let in without one."""
    try:
        return call_token() or secrets.token_urlsafe(32)
    except OSError:
        return secrets.token_urlsafe(32)


def call_url(port: int, token: str) -> str:
    """The URL the phone system calls, with ``{number}`` where the caller's number goes."""
    return f"http://127.0.0.1:{port}/call?token={token}&number={{number}}"


def _sweeper(
    owner: QObject, server: QObject, kind: type[QLocalSocket] | type[QTcpSocket]
) -> tuple[QElapsedTimer, QTimer]:
    """Drops connections that stay open past :data:`REQUEST_TIMEOUT_MS` without asking.

    One timer per server rather than one per connection: a Python slot bound to a
    connection would keep its wrapper alive past the connection itself.
    """
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer(owner)
    timer.setInterval(1000)

    def sweep() -> None:
        for socket in server.findChildren(kind):
            accepted = socket.property("accepted_ms")
            if accepted is not None and clock.elapsed() - int(accepted) > REQUEST_TIMEOUT_MS:
                socket.abort()

    timer.timeout.connect(sweep)
    timer.start()
    return clock, timer


# --- a second invocation forwards to the first --------------------------------------


def forward_call(number: str, name: str | None = None, timeout_ms: int = 1000) -> bool:
    """Hand ``number`` to a running console; ``False`` when none is listening.

    Runs before the second console shows anything, so waiting here blocks no window.
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(QByteArray(f"call {number.strip()}\n".encode()))
    written = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return written


class CallForwardServer(QObject):
    """Listens for numbers forwarded by :func:`forward_call`."""

    call_received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._clock, self._sweeper = _sweeper(self, self._server, QLocalSocket)

    def listen(self, name: str | None = None) -> bool:
        name = name or server_name()
        # Qt replaces an existing socket file, so ask first whether a console answers.
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(PROBE_TIMEOUT_MS):
            probe.disconnectFromServer()
            return False  # another console of this user answers forwarded calls
        QLocalServer.removeServer(name)  # a socket file left behind by a crash
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Only C++ slots on teardown: a Python slot could run mid-destruction.
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(self._ready_read)
            socket.setProperty("accepted_ms", self._clock.elapsed())
            self._read(socket)

    def _ready_read(self) -> None:
        # sender(), not a lambda holding the socket: a closure that outlives the socket
        # releases its wrapper while Qt destroys it.
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine(MAX_REQUEST_BYTES).data()).strip()
            command, _, argument = line.decode("utf-8", "replace").partition(" ")
            number = valid_number(argument)
            if command == "call" and number is not None:
                self.call_received.emit(number)
        if socket.bytesAvailable() > MAX_REQUEST_BYTES:
            socket.abort()


# --- the phone system's HTTP call -----------------------------------------------------


class CallListener(QObject):
    """``GET /call?number=…&token=…`` on 127.0.0.1 emits ``call_received(number)``.

    A call without this install's token (:func:`call_token`, or ``token`` when given)
    or with a wrong one is answered 403 and opens nothing.
    """

    call_received = Signal(str)

    def __init__(self, parent: QObject | None = None, *, token: str | None = None) -> None:
        super().__init__(parent)
        self._token = (token if token is not None else _install_token()).encode()
        if not self._token:
            raise ValueError("a caller-ID listener needs a token")
        self._server = QTcpServer(self)
        self._server.newConnection.connect(self._accept)
        self._clock, self._sweeper = _sweeper(self, self._server, QTcpSocket)

    def listen(self, port: int = DEFAULT_PORT) -> bool:
        return self._server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), port)

    @property
    def port(self) -> int:
        return int(self._server.serverPort())

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def error_text(self) -> str:
        """Why listening failed, as a sentence (Qt's own text is English system words)."""
        error = self._server.serverError()
        if error == QAbstractSocket.SocketError.AddressInUseError:
            return QCoreApplication.translate(
                "CallerId", "un autre programme utilise déjà ce port."
            )
        if error == QAbstractSocket.SocketError.SocketAccessError:
            return QCoreApplication.translate("CallerId", "le système refuse l'accès à ce port.")
        return QCoreApplication.translate("CallerId", "le poste refuse d'ouvrir ce port.")

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(self._ready_read)
            socket.setProperty("accepted_ms", self._clock.elapsed())

    def _ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QTcpSocket):
            self._read(socket)

    def _read(self, socket: QTcpSocket) -> None:
        if socket.property("answered"):
            return
        # The socket keeps what arrived; answer once the headers are all there.
        data = bytes(socket.peek(MAX_REQUEST_BYTES + 1).data())
        if len(data) > MAX_REQUEST_BYTES:
            self._reply(socket, 413, "request too large")
            return
        if b"\r\n\r\n" not in data and b"\n\n" not in data:
            return
        head = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].decode("latin-1")
        request_line, *header_lines = head.split("\n")
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in header_lines)
        }
        status, text, number = self._handle(request_line.strip(), headers)
        self._reply(socket, status, text)
        if number is not None:
            self.call_received.emit(number)

    def _handle(self, request_line: str, headers: Mapping[str, str]) -> tuple[int, str, str | None]:
        parts = request_line.split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return 400, "bad request", None
        method, target, _version = parts
        url = urlsplit(target)
        if url.path != "/call":
            return 404, "not found", None
        if method != "GET":
            return 405, "use GET", None
        query = parse_qs(url.query)
        given = query.get("token", [headers.get(TOKEN_HEADER, "")])[0]
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self._token):
            return 403, "token missing or wrong", None
        values = query.get("number", [])
        number = valid_number(values[0]) if values else None
        if number is None:
            return 400, "number missing or not a phone number", None
        return 200, "ok", number

    def _reply(self, socket: QTcpSocket, status: int, text: str) -> None:
        reasons = {
            200: "OK",
            400: "Bad Request",
            403: "Forbidden",
            404: "Not Found",
            405: "Method Not Allowed",
        }
        body = f"{text}\n".encode()
        head = (
            f"HTTP/1.1 {status} {reasons.get(status, 'Payload Too Large')}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n"
        ).encode()
        socket.setProperty("answered", True)
        socket.readAll()
        socket.write(QByteArray(head + body))
        socket.disconnectFromHost()


# --- from a number to the household ------------------------------------------------


class CallerLookup(QObject):
    """Opens the caller's household when exactly one has the number, otherwise shows the
    search with the number filled in. A number that arrives before the database is open
    waits for it."""

    looked_up = Signal(object)  # SearchResult

    def __init__(
        self,
        workspace: Workspace,
        open_household: Callable[[int], None],
        show_search: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._open_household = open_household
        self._show_search = show_search
        self._pending: str | None = None
        workspace.context_ready.connect(self._ready)

    def open(self, number: str) -> None:
        if not self._workspace.ready:
            self._pending = number
            return
        api = self._workspace.api
        self._workspace.tasks.run(
            lambda: api.search_callers(number),
            self._found,
            lambda error: self._failed(number, error),
            key="caller-id",
        )

    def _ready(self) -> None:
        if self._pending is not None:
            number, self._pending = self._pending, None
            self.open(number)

    def _found(self, result: SearchResult) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed before the answer came
        households = {h.household_id for h in result.hits if h.matched_on is MatchedOn.PHONE}
        self._show_search(result.query)
        if len(households) == 1:
            self._open_household(households.pop())
        self.looked_up.emit(result)

    def _failed(self, number: str, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._show_search(number)
        self._workspace.report(error)


if __name__ == "__main__":  # python -m console.ui.search.caller_id: what to give the phone system
    print(call_url(DEFAULT_PORT, call_token()))
    print(f"(token kept in {call_token_path()})")
