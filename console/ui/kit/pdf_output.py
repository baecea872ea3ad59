"""Showing, saving and printing PDF bytes from the desktop.

Qt's PDF module (``PySide6.QtPdf``) is optional: when it is installed the receipt is
previewed inside the console and printed page by page; otherwise the PDF opens in the
system's viewer and goes to the printer through the system's print spooler.
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPrintSupport import QPrinter

try:  # PySide6-Addons builds without Qt PDF exist; the console works without it
    _qtpdf: Any = importlib.import_module("PySide6.QtPdf")
except ImportError:  # pragma: no cover - depends on the installed wheel
    _qtpdf = None
HAS_QTPDF = _qtpdf is not None

_spool: Path | None = None


def _spool_dir() -> Path:
    """A private directory for receipts handed to other programs, removed at exit."""
    global _spool
    if _spool is None:
        _spool = Path(tempfile.mkdtemp(prefix="console-recus-"))
        os.chmod(_spool, 0o700)
        atexit.register(shutil.rmtree, _spool, True)
    return _spool


def write_temp(pdf: bytes, file_name: str) -> Path:
    path = _spool_dir() / Path(file_name).name
    path.write_bytes(pdf)
    return path


def open_externally(pdf: bytes, file_name: str) -> bool:
    """Open the PDF in the system's viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(write_temp(pdf, file_name))))


def print_pdf(pdf: bytes, file_name: str, printer: QPrinter) -> bool:
    """Send the PDF to the printer the agent chose in the print dialog."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # "Print to file": the receipt already is the PDF wanted.
        Path(printer.outputFileName()).write_bytes(pdf)
        return True
    if HAS_QTPDF:
        return _paint_pages(pdf, printer)
    path = write_temp(pdf, file_name)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        os.startfile(str(path), "print")  # type: ignore[attr-defined]
        return True
    lp = shutil.which("lp")
    if lp is None:
        return False
    copies = max(1, printer.copyCount())
    result = subprocess.run(
        [lp, "-d", printer.printerName(), "-n", str(copies), str(path)],
        capture_output=True,
        check=False,
        timeout=30,
    )
    return result.returncode == 0


def _paint_pages(pdf: bytes, printer: QPrinter) -> bool:  # pragma: no cover - needs QtPdf
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    document = _qtpdf.QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport().size()
            image = document.render(page, target)
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return True
