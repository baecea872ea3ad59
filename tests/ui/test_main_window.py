"""The agent's path through the window: search, open, read the family file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.db.models import Account, Borough, Household, Member
from console.domain.errors import Busy
from console.domain.views.staff import Actor
from console.services.api import EmbeddedDemo
from console.services.context import ServiceContext
from console.services.search import MAX_HITS, MatchedOn
from console.ui.kit.table_model import DETAIL_ROLE
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from console.ui.window.main_window import LANGUAGE_KEY, MainWindow
from tests.ui.families import T0, Families


def _type_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    panel = window.search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        qtbot.keyClicks(panel.box, text)


def _open_and_wait(qtbot: QtBot, window: MainWindow, action: object) -> None:
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000):
        action()  # type: ignore[operator]


def test_typing_a_name_lists_households_with_the_reason(qtbot: QtBot, window: MainWindow) -> None:
    _type_search(qtbot, window, "cote")
    model = window.search_panel.model
    assert model.rowCount() == 1
    hit = model.row(0)
    assert hit.responsible_name == "Hélène Côté"
    assert hit.matched_on in (MatchedOn.NAME, MatchedOn.NAME_PREFIX)
    reason = model.data(model.index(0, 3))
    assert reason.startswith("Nom") or reason.startswith("Début du nom")
    assert "Côté" in reason
    assert model.data(model.index(0, 1)) == "100001"
    assert model.data(model.index(0, 0), DETAIL_ROLE) == "helene.cote@example.ca"
    assert "1 dossier" in window.search_panel.status.text()


def test_a_list_cut_at_its_limit_asks_to_narrow_the_search(
    qtbot: QtBot, window: MainWindow, ui_ctx: ServiceContext
) -> None:
    with ui_ctx.db.write() as s:
        borough = s.query(Borough).filter_by(code="CL").one()
        for i in range(MAX_HITS + 1):
            household = Household(
                number=400000 + i,
                account=Account(email=f"fortier{i}@example.ca", created_at=T0),
                borough=borough,
                postal_code="G1R 2B5",
                created_at=T0,
            )
            s.add(household)
            s.add(
                Member(
                    household=household,
                    first_name=f"Anne{i:02}",
                    last_name="Fortier",
                    first_name_key=f"anne{i:02}",
                    last_name_key="fortier",
                    birth_date=date(1980, 1, 1),
                    relationship="responsible",
                )
            )
    _type_search(qtbot, window, "fortier")
    assert window.search_panel.model.rowCount() == MAX_HITS
    status = window.search_panel.status.text()
    assert f"{MAX_HITS} dossiers affichés" in status
    assert "précisez la recherche" in status


def test_locked_account_is_marked_in_the_results(qtbot: QtBot, window: MainWindow) -> None:
    _type_search(qtbot, window, "helene")
    model = window.search_panel.model
    rows = {model.row(i).responsible_name: i for i in range(model.rowCount())}
    locked, unlocked = rows["Hélène Côté"], rows["Helene Tremblay"]
    assert model.data(model.index(locked, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert "Compte verrouillé" in model.data(model.index(locked, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(unlocked, 0), Qt.ItemDataRole.DecorationRole) is None


def test_typing_an_exact_household_number_opens_it(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        qtbot.keyClicks(window.search_panel.box, str(families.gagnon_number))
    assert opened.args[0].household_id == families.gagnon
    assert window.household_panel.number_label.text() == f"Dossier {families.gagnon_number}"


def test_a_cart_number_jumps_to_its_household(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        window.search_panel.search(str(families.live_cart_number))
    assert opened.args[0].household_id == families.cote


def test_enter_opens_the_selected_hit(qtbot: QtBot, window: MainWindow, families: Families) -> None:
    _type_search(qtbot, window, "helene")
    panel = window.search_panel
    assert panel.model.rowCount() == 2
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    second = panel.model.row(1)
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args[0].household_id == second.household_id


def test_enter_in_the_box_before_the_results_opens_the_first_hit(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    panel = window.search_panel
    with qtbot.waitSignal(window.workspace.household_changed, timeout=5000) as opened:
        qtbot.keyClicks(panel.box, "gagnon")
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert opened.args[0].household_id == families.gagnon


def test_household_panel_shows_members_relationships_and_lock(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    _open_and_wait(qtbot, window, lambda: window.open_household(families.cote))
    panel = window.household_panel
    assert panel.name_label.text() == "Hélène Côté"
    assert panel.locked_badge.isVisibleTo(window)
    account = window.account_screens.account_panel
    qtbot.waitUntil(lambda: account.summary is not None, timeout=5000)
    assert account.locked.text().startswith("oui")
    assert account.failures.text().startswith("5")
    members = panel.members_model
    shown = {
        members.data(members.index(r, 0)): members.data(members.index(r, 1))
        for r in range(members.rowCount())
    }
    assert shown == {
        "Hélène Côté": "Responsable du dossier",
        "Jean Côté": "Conjoint et parent des enfants",
        "Zoé Côté": "Enfant",
    }
    payer = {members.data(members.index(r, 0)): members.data(members.index(r, 4)) for r in range(3)}
    assert payer["Jean Côté"] == "Peut payer"
    assert payer["Zoé Côté"] == ""


def test_removed_member_is_greyed_and_unlocked_account_says_active(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    _open_and_wait(qtbot, window, lambda: window.open_household(families.gagnon))
    panel = window.household_panel
    assert not panel.locked_badge.isVisibleTo(window)
    assert panel.unconfirmed_badge.isVisibleTo(window)
    account = window.account_screens.account_panel
    qtbot.waitUntil(lambda: account.summary is not None, timeout=5000)
    assert account.locked.text() == "non"
    members = panel.members_model
    removed = next(r for r in range(members.rowCount()) if members.row(r).removed)
    assert members.data(members.index(removed, 0)).endswith("(retiré)")
    assert members.data(members.index(removed, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_live_cart_shows_its_deadline_and_minutes_left(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    _open_and_wait(qtbot, window, lambda: window.open_household(families.cote))
    panel = window.household_panel
    tree = panel.carts_tree
    live = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if str(families.live_cart_number) in tree.topLevelItem(i).text(0)
    )
    assert live.text(1) == "Ouvert"
    assert live.text(2) == "jusqu'à 9\u00a0h\u00a012 — encore 12 min"  # 14:12 UTC, Québec time
    assert live.childCount() == 1
    assert "Poterie" in live.child(0).text(0)
    assert panel.live_cart_badge.isVisibleTo(window)
    assert panel.tabs.tabText(0) == "Paniers (2)"
    payments = panel.payments_model
    assert payments.data(payments.index(0, 4)) == "VISA •••• 4242"
    assert payments.data(payments.index(0, 5)) == "Paiement effectué"


def test_a_failing_search_shows_the_error_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*_args: object, **_kwargs: object) -> None:
        raise Busy("database_busy")

    monkeypatch.setattr(window.workspace.api, "search_callers", busy)
    qtbot.keyClicks(window.search_panel.box, "cote")
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    assert window.message_bar.level == "error"
    assert "occupée" in window.message_bar.text
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.message_bar.isVisible()


def test_an_unknown_household_shows_the_error_bar(qtbot: QtBot, window: MainWindow) -> None:
    window.open_household(999_999)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    assert "n'existe plus" in window.message_bar.text


def test_demo_agent_is_signed_in_and_can_be_switched(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workspace.actor is not None
    assert window.workspace.actor.username == "mlavoie"
    assert "Martine Lavoie" in window.actor_label.text()
    assert "DÉMO" in window.actor_label.text()
    assert window.demo_badge.isVisibleTo(window)
    with qtbot.waitSignal(window.workspace.actor_changed):
        window.staff_combo.setCurrentIndex(
            window.staff_combo.findText("Sylvie Boucher", Qt.MatchFlag.MatchStartsWith)
        )
    assert "Sylvie Boucher" in window.actor_label.text()
    assert window.workspace.api.actor.username == "sboucher"  # the use cases act as her now
    assert window.workspace.demo is not None


def test_a_demo_without_staff_says_so_and_keeps_its_own_tools(
    qtbot: QtBot, tasks: TaskRunner, qsettings: QSettings, ui_ctx: ServiceContext
) -> None:
    class NoStaff(EmbeddedDemo):
        def staff(self) -> list[Actor]:
            return []

    window = MainWindow(Workspace(tasks), qsettings)
    qtbot.add_widget(window)
    demo = NoStaff(ui_ctx)
    window.attach_demo(demo)
    qtbot.waitUntil(lambda: window.message_bar.level == "error", timeout=5000)
    assert not window.workspace.ready and window.workspace.actor is None
    assert window.workspace.demo is demo  # making the demo data again stays possible
    assert window.actor_label.text() == "Aucun membre du personnel"


def test_shortcuts_return_to_the_search_box(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    _open_and_wait(qtbot, window, lambda: window.open_household(families.cote))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for shortcut in ("Ctrl+K", "F3", "Ctrl+F"):
        window.household_panel.members_table.setFocus()
        qtbot.waitUntil(lambda: window.household_panel.members_table.hasFocus())
        _press(qtbot, window, shortcut)
        qtbot.waitUntil(lambda: window.search_panel.box.hasFocus())


def _press(qtbot: QtBot, window: MainWindow, shortcut: str) -> None:
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(shortcut)[0]
    qtbot.keyClick(
        QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers()
    )


def test_close_household_shows_the_placeholder(
    qtbot: QtBot, window: MainWindow, families: Families
) -> None:
    _open_and_wait(qtbot, window, lambda: window.open_household(families.cote))
    _open_and_wait(qtbot, window, window.close_household_action.trigger)
    assert window.household_panel.view is None
    assert not window.household_panel.refresh_action.isEnabled()


def test_main_widgets_have_accessible_names(window: MainWindow) -> None:
    for widget in (
        window.search_panel.box,
        window.search_panel.table,
        window.household_panel.members_table,
        window.household_panel.tabs,
        window.staff_combo,
        window.actor_label,
    ):
        assert widget.accessibleName(), widget.objectName()


def test_language_choice_is_remembered(window: MainWindow, qsettings: QSettings) -> None:
    window.language_actions["en"].trigger()
    assert qsettings.value(LANGUAGE_KEY) == "en"
    assert window.message_bar.level == "info"
