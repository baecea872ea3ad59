"""Caller ID: the phone system tells the console who is calling.

Three doors, all ending in :class:`CallerLookup`:

* ``console --call 418-555-0199`` on the command line;
* a second ``console --call …`` while a console runs: it forwards the number to the
  running one over a local socket (:func:`forward_call`, :class:`CallForwardServer`)
  instead of opening a second window;
* ``GET http://127.0.0.1:8765/call?number=…`` from the phone system
  (:class:`CallListener`, off unless enabled; it only listens on the loopback address).

Everything here is event-driven on the GUI thread's loop; nothing blocks it.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import shiboken6
from PySide6.QtCore import QByteArray, QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtNetwork import QHostAddress, QLocalServer, QLocalSocket, QTcpServer, QTcpSocket

from console.domain.views.search import MatchedOn, SearchResult
from console.ui.workspace import Workspace

DEFAULT_PORT = 8765
MAX_REQUEST_BYTES = 4096
REQUEST_TIMEOUT_MS = 5000
PROBE_TIMEOUT_MS = 200
_NUMBER = re.compile(r"^\+?[0-9 ().\-]{4,25}$")


def server_name() -> str:
    """One running console per user on the workstation answers forwarded calls."""
    user = re.sub(r"[^A-Za-z0-9_.-]", "_", getpass.getuser())
    return f"console-loisirs-calls-{user}"


def valid_number(text: str) -> str | None:
    """A phone number as the phone system sends it, or ``None`` for anything else."""
    number = text.strip()
    return number if _NUMBER.match(number) else None


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
    """``GET /call?number=…`` on 127.0.0.1 emits ``call_received(number)``."""

    call_received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        return self._server.errorString()

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
        request_line = data.split(b"\n", 1)[0].decode("latin-1").strip()
        status, text, number = self._handle(request_line)
        self._reply(socket, status, text)
        if number is not None:
            self.call_received.emit(number)

    @staticmethod
    def _handle(request_line: str) -> tuple[int, str, str | None]:
        parts = request_line.split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return 400, "bad request", None
        method, target, _version = parts
        url = urlsplit(target)
        if url.path != "/call":
            return 404, "not found", None
        if method != "GET":
            return 405, "use GET", None
        values = parse_qs(url.query).get("number", [])
        number = valid_number(values[0]) if values else None
        if number is None:
            return 400, "number missing or not a phone number", None
        return 200, "ok", number

    def _reply(self, socket: QTcpSocket, status: int, text: str) -> None:
        reasons = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}
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
