"""``console --self-test``: prove that this build of the console works on this machine.

Run from a frozen bundle (PyInstaller) before it is packaged, and from the installed
package after: each step prints one line and the first that breaks stops the run with a
non-zero exit. The steps are the ones a frozen PySide6 program classically loses — the
Qt platform plugin, the translations, data files beside the code — and the ones the
console cannot work without: the receipt fonts, the embedded database's migrations, TLS.
Nothing here reads or writes the user's settings or data: the window's settings and the
database live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import os
import socket
import ssl
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

Step = Callable[[Path], str]


class SelfTestFailed(Exception):
    pass


def _qt_platform(work: Path) -> str:
    """The Qt platform plugins are there, and one loads (offscreen: no screen needed)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QApplication

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    found = sorted(p.name for p in plugins.glob("*")) if plugins.is_dir() else []
    native = {"linux": "xcb", "win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "")
    if native and not any(native in name for name in found):
        raise SelfTestFailed(f"no native Qt platform plugin ({native}) in {plugins}: {found}")
    app = QApplication.instance() or QApplication(["console", "-platform", "offscreen"])
    assert isinstance(app, QApplication)
    return f"{app.platformName()} loaded; platform plugins: {', '.join(found)}"


def _main_window(work: Path) -> str:
    """The real main window, with every screen installed, shown offscreen and closed."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from console.ui.kit.tasks import TaskRunner
    from console.ui.kit.workspace import Workspace
    from console.ui.window.main_window import MainWindow
    from console.ui.window.payment_actions import install_payments
    from console.ui.window.places_wiring import install_places
    from console.ui.window.startup import install_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Every Qt module the screens import loads (a bundle can lose one of its libraries),
    # and a chart — the dashboard's — draws.
    from PySide6 import QtCharts, QtNetwork, QtPrintSupport  # noqa: F401

    chart = QtCharts.QChartView(QtCharts.QChart())
    chart.resize(200, 100)
    chart.grab()
    install_style(app)
    settings = QSettings(str(work / "window.ini"), QSettings.Format.IniFormat)
    tasks = TaskRunner(app)
    window = MainWindow(Workspace(tasks), settings)
    install_places(window)
    install_payments(window)
    window.show()
    deadline = time.monotonic() + 5
    while not window.isVisible() and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()
    shown = window.isVisible()
    size = window.size()
    window.close()
    app.processEvents()
    tasks.wait_idle()
    if not shown:
        raise SelfTestFailed("the main window did not show")
    return f"shown at {size.width()}×{size.height()} and closed"


def _translations(work: Path) -> str:
    """French (Qt's own strings) and English (the console's) load and translate."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from console.ui.kit.resources import TRANSLATIONS

    ours = QTranslator()
    qm = TRANSLATIONS / "console_en.qm"
    if not ours.load(str(qm)):
        raise SelfTestFailed(f"cannot load {qm}")
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(ours)
    try:
        english = QCoreApplication.translate("WindowFrame", "&Fichier")
    finally:
        app.removeTranslator(ours)
    if english == "&Fichier":
        raise SelfTestFailed("console_en.qm loaded but translates nothing")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    french = QTranslator()
    fr = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    qt_french = french.load(fr, "qtbase", "_", qt_dir)
    return f"English: «&Fichier» → «{english}»; Qt's French: {'yes' if qt_french else 'no'}"


def _receipt_pdf(work: Path) -> str:
    """A receipt rendered with its embedded fonts (DejaVu, for every French letter)."""
    from console.domain.views.receipt_pdf import ReceiptData, ReceiptLine
    from console.domain.vocabulary import CardBrand, Language, PaymentStatus
    from console.services.receipt_pdf import render_receipt_pdf

    data = ReceiptData(
        receipt_number=1,
        cart_number=1,
        owner_number=1,
        transaction_number=1,
        payer_name="Hélène Bérubé",
        lines=(ReceiptLine("Zoé Bérubé", "Natation", "NAT-1", "Hiver · Samedi 9 h", 8_500),),
        total_cents=8_500,
        status=PaymentStatus.APPROVED,
        card_brand=CardBrand.VISA,
        card_last4="1111",
        authorization_code="SELF",
        issued_at=datetime(2026, 1, 1, 12, tzinfo=UTC),
        language=Language.FR,
    )
    pdf = render_receipt_pdf(data)
    if not pdf.startswith(b"%PDF-") or b"/FontFile2" not in pdf:
        raise SelfTestFailed("the receipt PDF has no embedded TrueType font")
    (work / "receipt.pdf").write_bytes(pdf)
    return f"{len(pdf)} bytes, fonts embedded"


def _embedded_database(work: Path) -> str:
    """The embedded database: migrated with the bundled Alembic scripts, then queried."""
    from sqlalchemy import func, select

    from console.db.engine import Database
    from console.db.migrate import current_revision, upgrade
    from console.db.models import Household

    database = Database(f"sqlite:///{work / 'self-test.sqlite3'}")
    try:
        upgrade(database.engine)
        with database.engine.connect() as connection:
            households = connection.execute(select(func.count()).select_from(Household))
            count = households.scalar_one()
        revision = current_revision(database.engine)
    finally:
        database.dispose()
    return f"migrated to {revision}; {count} household(s)"


def _tls(work: Path) -> str:
    """A TLS handshake, twice, against a loopback server with a certificate made here: the
    bundled certificate store must refuse it (verification is on and the store loads),
    and a context trusting that certificate must complete it."""
    import certifi

    store = ssl.create_default_context(cafile=certifi.where())
    authorities = len(store.get_ca_certs())
    if authorities < 50:
        raise SelfTestFailed(f"the bundled certificate store holds {authorities} authorities")
    cert, key = _self_signed(work)
    with _tls_listener(cert, key) as port:
        try:
            _handshake(store, port)
        except ssl.SSLCertVerificationError:
            pass
        else:
            raise SelfTestFailed("the bundled store accepted an unknown certificate")
        trusting = ssl.create_default_context(cafile=str(cert))
        version = _handshake(trusting, port)
    return f"{authorities} authorities in the bundled store; {version} handshake on loopback"


def _self_signed(work: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = work / "self-test.crt", work / "self-test.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def _tls_listener(cert: Path, key: Path) -> Iterator[int]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)  # a closed listener does not wake accept(): poll for the end
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(5)
            try:
                with context.wrap_socket(connection, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                pass  # the refused handshake ends here

    thread = threading.Thread(target=serve, name="self-test-tls", daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()
        thread.join(5)


def _handshake(context: ssl.SSLContext, port: int) -> str:
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        version = tls.version() or "TLS"
        tls.sendall(b"x")
        return version


STEPS: tuple[tuple[str, Step], ...] = (
    ("Qt platform plugin", _qt_platform),
    ("main window", _main_window),
    ("translations", _translations),
    ("receipt PDF", _receipt_pdf),
    ("embedded database", _embedded_database),
    ("TLS", _tls),
)


def run(out: TextIO | None = None) -> int:
    """Every step in order; 0 when all passed, 1 at the first that fails."""
    from console import __version__

    stream = out or sys.stdout
    frozen = getattr(sys, "frozen", False)
    print(f"console {__version__} self-test ({'bundle' if frozen else 'source'})", file=stream)
    with tempfile.TemporaryDirectory(prefix="console-self-test-") as folder:
        work = Path(folder)
        for number, (name, step) in enumerate(STEPS, start=1):
            started = time.perf_counter()
            try:
                detail = step(work)
            except Exception as error:  # any failure is the answer: report it and stop
                print(f"[{number}/{len(STEPS)}] {name}: FAILED — {error!r}", file=stream)
                return 1
            took = (time.perf_counter() - started) * 1000
            print(f"[{number}/{len(STEPS)}] {name}: ok ({took:.0f} ms) — {detail}", file=stream)
    print("self-test passed", file=stream)
    return 0
