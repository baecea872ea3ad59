"""Files shipped inside the package: icons, the style sheet, compiled translations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

HERE = Path(__file__).parent
ICONS = HERE / "icons"
STYLE_SHEET = HERE / "style" / "console.qss"
TRANSLATIONS = HERE / "translations"


@cache
def icon(name: str) -> QIcon:
    """One of ``icons/*.svg`` by its stem (``lock``, ``error``, …)."""
    return QIcon(str(ICONS / f"{name}.svg"))


def style_sheet() -> str:
    return STYLE_SHEET.read_text(encoding="utf-8")
