"""No user-visible text reaches a widget without going through Qt's translation system.

Every call that puts text on screen (``setText``, ``QLabel(...)``, ``addTab``, …) must be
given ``self.tr(...)`` / ``translate(...)`` or text built from data, never a bare literal
with words in it: such a string would stay French in the English interface.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "console" / "ui"

TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setAccessibleName",
    "setAccessibleDescription",
    "addTab",
    "addItem",
    "addAction",
    "addMenu",
    "showMessage",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setTabText",
    "setPlainText",
    "setLabelText",
    "setWindowIconText",
}
TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
}


# Text that reads the same in both languages: the language switch's own codes.
SAME_IN_BOTH = {"FR", "EN"}
TAG = re.compile(r"<[^>]+>")


def _has_words(node: ast.AST) -> bool:
    """A literal (or f-string part) that contains letters: words a person reads.
    Markup (``<b>``) is not words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = TAG.sub("", node.value)
        return text.strip() not in SAME_IN_BOTH and any(c.isalpha() for c in text)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_has_words(e) for e in node.elts)
    return False


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in TEXT_METHODS:
            # addTab(widget, text) / addItem(icon, text): the text is the last literal.
            candidates = node.args
        elif name in TEXT_WIDGETS:
            candidates = node.args[:1]
        else:
            continue
        if any(_has_words(arg) for arg in candidates):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
    return found


def test_no_widget_text_is_a_bare_literal() -> None:
    offences = [o for path in sorted(UI.rglob("*.py")) for o in _offences(path)]
    assert offences == []
