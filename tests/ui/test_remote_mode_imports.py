"""Against the server, the desktop holds no database: the window and every screen but the
embedded demo's tools load, and the window builds, with SQLAlchemy, the drivers, the
database layer and the services all missing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import console.ui

ROOT = Path(__file__).resolve().parents[2]
DEMO_ONLY = {"demo_data", "demo_simulation", "sweeper"}
BLOCKED = ("sqlalchemy", "psycopg", "alembic", "console.db", "console.services")


def screen_modules() -> list[str]:
    folder = Path(console.ui.__file__).parent
    return sorted(
        "console.ui." + ".".join(path.relative_to(folder).with_suffix("").parts)
        for path in folder.rglob("*.py")
        if path.stem != "__init__" and path.stem not in DEMO_ONLY
    )


SCRIPT = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import sys

    BLOCKED = {blocked!r}

    class NoDatabase(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                raise ImportError(f"remote mode imported {{name}}")
            return None

    sys.meta_path.insert(0, NoDatabase())

    for name in {modules!r}:
        importlib.import_module(name)
    importlib.import_module("console.client.remote")
    # The program itself: its command line and composition root, as `console` starts.
    importlib.import_module("console.app")
    importlib.import_module("console.cli").build_parser()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from console.ui.window.main_window import MainWindow
    from console.ui.window.payment_actions import install_payments
    from console.ui.window.places_wiring import install_places
    from console.ui.kit.tasks import TaskRunner
    from console.ui.kit.workspace import Workspace

    app = QApplication([])
    settings = QSettings({settings!r}, QSettings.Format.IniFormat)
    window = MainWindow(Workspace(TaskRunner(app)), settings)
    install_places(window)
    install_payments(window)
    window.show_connecting()
    loaded = sorted(m for m in sys.modules if any(m == b or m.startswith(b + ".") for b in BLOCKED))
    assert not loaded, loaded
    print("remote mode ok")
    """
)


def test_the_window_and_its_screens_load_without_a_database(tmp_path: Path) -> None:
    script = SCRIPT.format(
        blocked=BLOCKED, modules=screen_modules(), settings=str(tmp_path / "console.ini")
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "remote mode ok" in result.stdout


def test_every_screen_module_is_checked() -> None:
    modules = screen_modules()
    assert "console.ui.window.main_window" in modules and "console.ui.kit.workspace" in modules
    assert len(modules) > 30
