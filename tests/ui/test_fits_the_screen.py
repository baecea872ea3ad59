"""Fits the screen: on a 1366×768 laptop with the call panel open, and on a 1920×1080
screen, no visible label, button, combo box's current item, tab title, group-box title or
table header shows cut text — in the main window (a household open) and in each dialog,
in French and in English — and the members table never scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from benchmarks import desk
from console.db.models import Borough, Household
from console.domain.vocabulary import Role
from console.services.context import ServiceContext
from console.ui.kit.tasks import TaskRunner
from tests.ui.console_window import ConsoleWindow, language_installed
from tests.ui.families import Families

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

SCREENS = {"laptop": (1366, 768), "wide": (1920, 1080)}


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisible() and widget.window() is top.window() and widget.width() > 0


def _where(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.textFormat() == Qt.TextFormat.RichText or ("<" in text and ">" in text):
        return None  # a rich text label lays itself out (links, bold runs)
    rect = label.contentsRect()
    room = rect.width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    shown = _plain(text) if label.buddy() is not None else text
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"wraps to {needed}px high in {label.height()}px"
        words = [w for line in shown.splitlines() for w in line.split()]
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return f"a word {widest}px wide in {room}px" if widest > room else None
    needed = max((metrics.horizontalAdvance(line) for line in shown.splitlines()), default=0)
    return f"{needed}px of text in {room}px" if needed > room else None


def button_cut(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint().width()
    if hint > button.width():
        return f"needs {hint}px, has {button.width()}px"
    return None


def combo_cut(combo: QComboBox) -> str | None:
    """The current item's text must show whole in the box's field (the arrow and the
    style sheet's padding take their share)."""
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = field.width()
    if not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    needed = QFontMetrics(combo.font()).horizontalAdvance(text)
    return f"{needed}px of text in {room}px" if needed > room else None


def cuts(top: QWidget) -> list[str]:
    """Every visible text in ``top``'s window that does not show whole."""
    found: list[str] = []
    for label in top.findChildren(QLabel):
        if _shown(label, top) and (why := label_cut(label)):
            found.append(f"label {_where(label)} « {label.text()[:60]} »: {why}")
    for button in top.findChildren(QAbstractButton):
        if _shown(button, top) and (why := button_cut(button)):
            found.append(f"button {_where(button)} « {button.text()} »: {why}")
    for combo in top.findChildren(QComboBox):
        if _shown(combo, top) and (why := combo_cut(combo)):
            found.append(f"combo {_where(combo)} « {combo.currentText()} »: {why}")
    for bar in top.findChildren(QTabBar):
        if not _shown(bar, top):
            continue
        if bar.sizeHint().width() > bar.width() + 1:
            titles = ", ".join(bar.tabText(i) for i in range(bar.count()))
            found.append(f"tabs « {titles} »: {bar.sizeHint().width()}px in {bar.width()}px")
    for box in top.findChildren(QGroupBox):
        if _shown(box, top) and box.title():
            needed = QFontMetrics(box.font()).horizontalAdvance(_plain(box.title())) + 16
            if needed > box.width():
                found.append(f"group « {box.title()} »: {needed}px in {box.width()}px")
    for header in top.findChildren(QHeaderView):
        if _shown(header, top) and header.orientation() == Qt.Orientation.Horizontal:
            found += header_cuts(header, whole=_whole(header))
    return found


def _whole(header: QHeaderView) -> bool:
    """The family file's tables show all their columns at once; a list elsewhere may
    scroll sideways to its last columns (the search results in a narrow pane)."""
    widget: QWidget | None = header
    while widget is not None:
        if widget.objectName() == "householdPanel":
            return True
        widget = widget.parentWidget()
    return False


def header_cuts(header: QHeaderView, *, whole: bool) -> list[str]:
    model = header.model()
    if model is None:
        return []
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        # The style sheet's font and padding count: the section's own size hint has them.
        needed = max(metrics.horizontalAdvance(text) + margin, header.sectionSizeHint(section))
        size = header.sectionSize(section)
        left = header.sectionViewportPosition(section)
        table = _where(header.parentWidget() or header)
        if text and needed > size:
            found.append(f"column « {text} » of {table}: {needed}px in {size}px")
        elif whole and left + size > header.viewport().width() + 1:
            found.append(f"column « {text} » of {table} past the edge: {left + size}px")
    return found


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with language_installed(qapp, request.param) as language:
        yield language


@pytest.fixture(params=list(SCREENS))
def console(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    language: str,
    tasks: TaskRunner,
    ui_ctx: ServiceContext,
    families: Families,
    qsettings: QSettings,
) -> ConsoleWindow:
    """The window as ``console`` builds it, at the screen's size, the Côté family open
    (a live cart, a locked account, the whole history) and the call panel open."""
    console = ConsoleWindow(qtbot, tasks, ui_ctx, qsettings)
    window = console.show(*SCREENS[request.param])
    console.open_household(families.cote)
    assert window.call_flow.dock.isVisible()
    return console


def test_the_main_window_shows_every_text_whole(console: ConsoleWindow, language: str) -> None:
    window = console.window
    panel = window.household_panel
    found = cuts(window)
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        tab_name = _plain(panel.tabs.tabText(tab))
        found += [f"[{tab_name}] {c}" for c in cuts(window) if c not in found]
    window.call_flow.show_access_notice()  # the notice beside the FAQ answer
    window.call_flow.panel.set_reason(window.call_flow.panel.reason_combo.itemData(1))
    QApplication.processEvents()
    found += cuts(window)
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceContext]:
    """The demo's own data (``console`` fills it on first start): its longest names,
    compound surnames, relationships and boroughs."""
    ctx = desk.build_demo(tmp_path_factory.mktemp("demo"))
    yield ctx
    ctx.db.dispose()


@pytest.fixture(params=list(SCREENS))
def demo_console(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    language: str,
    tasks: TaskRunner,
    demo: ServiceContext,
    qsettings: QSettings,
) -> ConsoleWindow:
    """The window on the demo at the screen's size, the call panel open, the first agent
    signed in."""
    console = ConsoleWindow(qtbot, tasks, demo, qsettings)
    console.show(*SCREENS[request.param])
    return console


def demo_households(ctx: ServiceContext) -> list[int]:
    with ctx.db.read() as session:
        return list(session.scalars(select(Household.id).order_by(Household.id)))


def sideways(table: QTableView) -> str | None:
    header = table.horizontalHeader()
    if table.horizontalScrollBar().isVisible() or header.length() > table.viewport().width():
        return f"{header.length()}px of columns in {table.viewport().width()}px"
    return None


def test_the_members_table_never_scrolls_sideways(
    demo_console: ConsoleWindow, demo: ServiceContext
) -> None:
    """Every family of the demo, with the call panel open: every column in sight, every
    title whole, whatever the names and relationships; a name or a relationship the table
    cannot show whole is whole in its tooltip and its spoken text."""
    table = demo_console.window.household_panel.members_table
    model = table.model()
    found = []
    for household_id in demo_households(demo):
        demo_console.open_household(household_id)
        QApplication.processEvents()
        assert model.rowCount() > 0
        if why := sideways(table):
            found.append(f"household {household_id}: {why}")
        header = table.horizontalHeader()
        found += [f"household {household_id}: {c}" for c in header_cuts(header, whole=True)]
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                text = str(index.data() or "")
                if cell_cut(table, index) and (
                    index.data(Qt.ItemDataRole.ToolTipRole) != text
                    or text not in str(index.data(Qt.ItemDataRole.AccessibleTextRole))
                ):
                    found.append(f"household {household_id}: « {text} » cut, no tooltip")
    assert found == [], "\n".join(found)


def one_household_per_borough(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.read() as session:
        rows = session.execute(
            select(Borough.name, func.min(Household.id))
            .join(Household, Household.borough_id == Borough.id)
            .group_by(Borough.name)
        )
        return {str(name): int(household_id) for name, household_id in rows}


@pytest.mark.parametrize("who", ["agent", "clerk of another borough"])
def test_who_removes_a_member_takes_one_line_and_names_the_borough(
    demo_console: ConsoleWindow, demo: ServiceContext, language: str, who: str
) -> None:
    """Under the members table, whoever may not remove reads who does (F4) in one line —
    the borough named whole, the longest one too — so the sections below keep their
    height; the whole explanation is in its tooltip and its accessible description."""
    if who != "agent":
        demo_console._act_as_staff(
            lambda a: a.role is Role.CLERK and a.borough_name == "Charlesbourg"
        )
    households = one_household_per_borough(demo)
    assert "Sainte-Foy–Sillery–Cap-Rouge" in households  # the longest name
    rule = demo_console.window.account_screens.family_panel.removal_rule
    found = []
    for borough, household_id in households.items():
        if who != "agent" and borough == "Charlesbourg":
            continue  # this clerk's own borough: nothing to explain
        demo_console.open_household(household_id)
        QApplication.processEvents()
        assert rule.isVisible(), borough
        spacing = QFontMetrics(rule.font()).lineSpacing()
        if rule.height() >= 2 * spacing:
            found.append(f"{borough}: {rule.height()}px high, {spacing}px a line")
        if borough not in rule.text() or "…" in rule.text():
            found.append(f"{borough}: « {rule.text()} » shown")
        if (why := label_cut(rule)) is not None:
            found.append(f"{borough}: {why}")
        for whole in (rule.toolTip(), rule.accessibleDescription()):
            if borough not in whole or ("Notez" not in whole and "Note" not in whole):
                found.append(f"{borough}: « {whole} » as the whole explanation")
    assert found == [], "\n".join(found)


def cell_cut(table: QTableView, index: QModelIndex) -> bool:
    """Whether the cell shows less than its text (the view elides it)."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.font = table.font()
    needed = table.itemDelegate().sizeHint(option, index).width()
    return needed > table.columnWidth(index.column())


def test_the_faq_answer_keeps_its_room_beside_the_notice(console: ConsoleWindow) -> None:
    """The Access Act notice never squeezes the answer to read to a few lines."""
    panel = console.window.call_flow.panel
    console.window.call_flow.show_access_notice()
    panel.set_reason(panel.reason_combo.itemData(1))
    QApplication.processEvents()
    lines = panel.script.viewport().height() // QFontMetrics(panel.script.font()).lineSpacing()
    assert lines >= 6, f"{lines} lines of the answer"


def test_each_dialog_shows_every_text_whole(console: ConsoleWindow, families: Families) -> None:
    found: list[str] = []
    names = []
    for name, dialog in console.dialogs(families):
        names.append(name)
        found += [f"{name}: {c}" for c in cuts(dialog)]
    assert len(names) >= 12
    assert found == [], "\n".join(found)


def test_the_check_sees_a_cut_label(qtbot: QtBot) -> None:
    label = QLabel("Une phrase bien trop longue pour sa petite place")
    qtbot.add_widget(label)
    label.setFixedWidth(60)
    label.show()
    assert label_cut(label) is not None
    label.setFixedWidth(600)
    assert label_cut(label) is None


def test_the_check_sees_a_cut_combo_box(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.add_widget(combo)
    combo.addItem("Sylvie Boucher — superviseure (DÉMO)")
    combo.setFixedWidth(90)
    combo.show()
    assert combo_cut(combo) is not None
    combo.setFixedWidth(600)
    assert combo_cut(combo) is None
