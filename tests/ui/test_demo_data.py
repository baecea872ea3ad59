"""Fichier → Données de démonstration…: rebuilt behind a progress dialog, demo only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console import bootstrap
from console.config import Settings, load_settings
from console.db.models import Household
from console.db.seed import SeedCancelled
from console.services.api import InProcessApi
from console.services.context import ServiceContext
from console.ui.kit.tasks import Progress
from console.ui.window.demo_data import install_demo_data
from console.ui.window.main_window import MainWindow
from tests.conftest import TEST_SIN_KEY
from tests.ui.call_helpers import staff_named

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "settings.toml"))
    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    monkeypatch.setenv("CONSOLE_SIN_KEY", TEST_SIN_KEY)
    return load_settings()


def _households(ctx: ServiceContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count(Household.id))) or 0)


def test_the_demo_is_made_again_at_the_chosen_size(embedded: Settings) -> None:
    old = bootstrap.open_database(settings=embedded, seed_demo=False)
    reports: list[tuple[int, int]] = []
    ctx = bootstrap.rebuild_demo(
        embedded, "demo", lambda d, t: reports.append((d, t)), lambda: False, old
    )
    try:
        assert _households(ctx) == 60
        assert reports and reports[-1][0] == reports[-1][1]
        assert not Path(embedded.database_url.removeprefix("sqlite:///") + ".building").exists()
    finally:
        ctx.db.dispose()


def test_a_cancelled_rebuild_leaves_the_demo_as_it_was(embedded: Settings) -> None:
    old = bootstrap.open_database(settings=embedded, seed_demo=False)
    with pytest.raises(SeedCancelled):
        bootstrap.rebuild_demo(embedded, "demo", lambda _d, _t: None, lambda: True, old)
    ctx = bootstrap.build_context(embedded, old)
    try:
        assert _households(ctx) == 0  # the old (empty) database is still the one in use
    finally:
        old.dispose()


def test_the_menu_entry_rebuilds_behind_a_progress_dialog(
    qtbot: QtBot, window: MainWindow, ui_ctx: ServiceContext
) -> None:
    attached: list[ServiceContext] = []

    def rebuild(scale: str, progress: Progress) -> ServiceContext:
        for done in range(1, 4):
            progress.report(done, 3)
        assert scale == "test"
        return ui_ctx

    demo = install_demo_data(window, window.workspace, rebuild, attached.append)
    assert demo.action.isVisible()
    demo.rebuild("test")
    qtbot.waitUntil(lambda: attached == [ui_ctx])


def test_the_entry_is_hidden_outside_the_demo(window: MainWindow, ui_ctx: ServiceContext) -> None:
    demo = install_demo_data(window, window.workspace, lambda *_a: ui_ctx, lambda _c: None)
    agent = staff_named(ui_ctx, "Martine Lavoie")
    window.workspace.set_api(InProcessApi(ui_ctx, agent), demo=None)
    assert not demo.action.isVisible()
