"""Files shipped inside the package: icons, the style sheet, compiled translations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

HERE = Path(__file__).parent.parent  # console/ui: icons, style and translations
ICONS = HERE / "icons"
STYLE_SHEET = HERE / "style" / "console.qss"
TRANSLATIONS = HERE / "translations"


@cache
def icon(name: str) -> QIcon:
    """One of ``icons/*.svg`` by its stem (``lock``, ``error``, …)."""
    return QIcon(str(ICONS / f"{name}.svg"))


def style_sheet() -> str:
    """``console.qss``, then each screen's own ``style/*.qss``."""
    extra = sorted(p for p in STYLE_SHEET.parent.glob("*.qss") if p != STYLE_SHEET)
    return "\n".join(p.read_text(encoding="utf-8") for p in (STYLE_SHEET, *extra))
