"""An English time ends a sentence with its own period: « valid until 2:05 p.m. », never
« p.m.. ».

Two nets. The source: every translatable sentence of console/ui whose time (a value of
``format_time``, ``format_datetime`` or ``format_deadline``) stands before a period, in
French or in its English translation, is formatted inside ``one_period(...)``; so is
every template formatted with a time that the code receives from elsewhere (its words
are not known where it is formatted). The screens: the account tab, the verification
badge and the verification dialog, in English with times in the morning and the
afternoon, show no doubled period anywhere (text, tooltip, accessible description).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.domain.views.verification import Factor, VerificationResult
from console.ui.family.account_panel import AccountPanel
from console.ui.family.verification_dialog import VerificationDialog
from console.ui.kit.formatting import one_period
from console.ui.window.account_screens import CallerVerification
from console.ui.window.startup import LOCALES, install_language
from tests.helpers.builders import verify_call
from tests.ui.support_scene import Scene, build_scene

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "console" / "ui"
TS = ROOT / "resources" / "translations" / "console_en.ts"
TIME_FORMATTERS = frozenset({"format_time", "format_datetime", "format_deadline"})
TRANSLATORS = frozenset({"tr", "translate"})
DOUBLED = re.compile(r"\b[ap]\.m\.\.")


def _english() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        found.setdefault(source, []).append(message.findtext("translation") or "")
    return found


ENGLISH = _english()


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_time(node: ast.expr, times: set[str]) -> bool:
    """A value that reads as a time: a time formatter's answer, or a name given one."""
    if isinstance(node, ast.Call):
        return _name(node.func) in TIME_FORMATTERS
    return isinstance(node, ast.Name) and node.id in times


def _template(node: ast.expr) -> str | None:
    """The French words of ``translate(…, "…")`` / ``self.tr("…")``, if that is what
    ``node`` is."""
    if isinstance(node, ast.Call) and _name(node.func) in TRANSLATORS:
        literals = [a.value for a in node.args if isinstance(a, ast.Constant)]
        texts = [t for t in literals if isinstance(t, str)]
        return texts[-1] if texts else None
    return None


def _before_a_period(template: str, keyword: str) -> bool:
    pattern = re.compile(r"\{" + re.escape(keyword) + r"(?:[:!][^{}]*)?\}\.")
    return any(pattern.search(t) for t in (template, *ENGLISH.get(template, ())))


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    words: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.words[:70]!r}"


class _Scan(ast.NodeVisitor):
    """The ``.format(...)`` calls that put a time before a period, and whether each sits
    inside ``one_period(...)``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.bare: list[Site] = []
        self.wrapped: list[Site] = []
        self._inside_one_period = 0
        self._times: list[set[str]] = [set()]

    def _visit_function(self, node: ast.FunctionDef | ast.Lambda) -> None:
        times = set(self._times[-1])
        for child in ast.walk(node):
            if (
                isinstance(child, ast.Assign)
                and isinstance(child.value, ast.Call)
                and _name(child.value.func) in TIME_FORMATTERS
            ):
                times |= {t.id for t in child.targets if isinstance(t, ast.Name)}
        self._times.append(times)
        self.generic_visit(node)
        self._times.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_Call(self, node: ast.Call) -> None:
        if _name(node.func) == "one_period":
            self._inside_one_period += 1
            self.generic_visit(node)
            self._inside_one_period -= 1
            return
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            timed = [k.arg for k in node.keywords if k.arg and _is_time(k.value, self._times[-1])]
            template = _template(node.func.value)
            if timed and (template is None or any(_before_a_period(template, k) for k in timed)):
                words = template if template is not None else ast.unparse(node.func.value)
                site = Site(self.path, node.lineno, words)
                (self.wrapped if self._inside_one_period else self.bare).append(site)
        self.generic_visit(node)


def scan() -> _Scan:
    total = _Scan("")
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        found = _Scan(relative)
        found.visit(ast.parse(path.read_text(encoding="utf-8"), relative))
        total.bare += found.bare
        total.wrapped += found.wrapped
    return total


SCAN = scan()


def test_the_scan_sees_a_time_before_a_period_and_one_period_around_it() -> None:
    bare = _Scan("sample.py")
    bare.visit(
        ast.parse(
            "def f(self, at, now):\n"
            "    a = self.tr('Valide {until}.').format(until=format_deadline(at, now))\n"
            "    until = format_time(at)\n"
            "    b = template.format(until=until)\n"
            "    c = one_period(self.tr('Valide {until}.').format(until=format_time(at)))\n"
            "    d = self.tr('Valide {until}').format(until=format_time(at))\n"
            "    e = self.tr('{n} min.').format(n=3)\n"
        )
    )
    assert [s.line for s in bare.bare] == [2, 4]
    assert [s.line for s in bare.wrapped] == [5]


def test_the_scan_finds_the_sentences_that_end_with_a_time() -> None:
    words = {s.words for s in SCAN.bare + SCAN.wrapped}
    assert "Identité vérifiée ({matched}). Valide {until}." in words
    assert "Les actions sur le compte et les membres sont permises {until}." in words
    assert "Une place pourrait se libérer à {at}." in words


def test_every_time_before_a_period_goes_through_one_period() -> None:
    assert SCAN.bare == [], "wrap these in one_period(...):\n" + "\n".join(map(str, SCAN.bare))


def test_one_period_keeps_the_other_periods() -> None:
    assert one_period("Valid until 2:05\u00a0p.m..") == "Valid until 2:05\u00a0p.m."
    assert (
        one_period("blocked until 9:05 a.m.. Do not act.") == "blocked until 9:05 a.m. Do not act."
    )
    assert one_period("Receipt no. 12. Done...") == "Receipt no. 12. Done..."


# --- the screens, in English ----------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])


@pytest.fixture(params=[(9, 5), (14, 5)], ids=["morning", "afternoon"])
def scene(
    request: pytest.FixtureRequest, tmp_path: Path, _sqlite_template: Path
) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3", locked=True, confirmed=False)
    hour, minute = request.param
    # Québec is UTC−5 in January: the clock reads hour:minute there.
    built.clock.set(datetime(2027, 1, 12, hour + 5, minute, tzinfo=UTC))
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


def shown_texts(top: QWidget) -> list[str]:
    """Every text the widget and its children show or say."""
    texts = []
    for widget in [top, *top.findChildren(QWidget)]:
        for read in ("text", "toolTip", "accessibleDescription", "statusTip"):
            value = getattr(widget, read, None)
            if callable(value):
                text = value()
                if isinstance(text, str) and text:
                    texts.append(text)
    return texts


def doubled(top: QWidget) -> list[str]:
    return [t for t in shown_texts(top) if DOUBLED.search(t)]


def test_the_account_tab_ends_its_times_once(english: None, qtbot: QtBot, scene: Scene) -> None:
    workspace = scene.workspace(scene.agent)
    panel = AccountPanel(workspace)
    qtbot.add_widget(panel)
    panel.show()
    workspace.open_household(scene.family.household_id)
    scene.settle(qtbot)
    verify_call(scene.ctx, scene.agent, scene.family)
    panel.show_verified(True)
    panel.reset_button.click()
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    assert panel.confirmation is not None
    panel.confirmation.confirm_button.click()
    scene.settle(qtbot)
    assert panel.outcome.text().startswith("Reset link sent to")
    assert panel.outcome.text().endswith(".m."), panel.outcome.text()
    assert doubled(panel) == []


def test_the_verification_badge_ends_its_times_once(
    english: None, qtbot: QtBot, scene: Scene
) -> None:
    workspace = scene.workspace(scene.agent)
    verify_call(scene.ctx, scene.agent, scene.family)
    header = QWidget()
    qtbot.add_widget(header)
    verification = CallerVerification(workspace, header)
    workspace.open_household(scene.family.household_id)
    scene.settle(qtbot)
    assert verification.verified
    tip = verification.badge.toolTip()
    assert tip.startswith("Account and member actions are allowed until"), tip
    assert doubled(verification.badge) == []


def test_the_verification_dialog_ends_its_times_once(
    english: None, qtbot: QtBot, scene: Scene
) -> None:
    dialog = VerificationDialog(scene.tasks, scene.api(scene.agent), scene.family.household_id)
    qtbot.add_widget(dialog)
    now = scene.clock.now()
    asked = (Factor.BIRTH_DATE, Factor.POSTAL_CODE)
    blocked = VerificationResult(False, (), asked, None, now + timedelta(minutes=30), 0)
    dialog._show(blocked)
    assert "verification is blocked until" in dialog.outcome.text()
    assert doubled(dialog) == []
    passed = VerificationResult(True, asked, asked, now + timedelta(minutes=30), None, 3)
    dialog._show(passed)
    assert dialog.outcome.text().startswith("Identity verified"), dialog.outcome.text()
    assert doubled(dialog) == []
