"""Composition root: settings → database → service context → main window.

The only module that sees every layer. The window shows first; opening, migrating and
(on a first embedded start) seeding the database run on the task runner, so the GUI
thread never waits on the database.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from console.config import APP_AUTHOR, APP_NAME, Settings, data_dir, load_settings
from console.db.engine import Database
from console.db.sin import SinCipher, load_or_create_key
from console.services.context import ServiceContext

ProgressFn = Callable[[int, int], None]


def open_database(
    migrate: bool = True,
    *,
    settings: Settings | None = None,
    seed_demo: bool = True,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Database:
    """The configured database. The embedded SQLite default is created and migrated and,
    while it holds no household, filled with demo data (unless ``seed_demo`` is false);
    a shared PostgreSQL database is only migrated when ``console db upgrade`` asks."""
    settings = settings or load_settings()
    if settings.embedded:
        data_dir().mkdir(parents=True, exist_ok=True)
    database = Database(settings.database_url, lock_timeout_ms=settings.lock_timeout_ms)
    if migrate and settings.embedded:
        from console.db.migrate import upgrade

        upgrade(database.engine)
        if seed_demo and _is_empty(database):
            _seed_demo(database, settings, progress, cancelled)
    return database


def _is_empty(database: Database) -> bool:
    from sqlalchemy import select

    from console.db.models import Household

    with database.read() as session:
        return session.scalar(select(Household.id).limit(1)) is None


def _seed_demo(
    database: Database,
    settings: Settings,
    progress: ProgressFn | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    from console.db.seed import seed_database
    from console.domain.clock import SystemClock

    seed_database(
        database,
        sin_cipher(settings),
        scale="demo",
        seed=1,
        now=SystemClock().now(),
        progress=progress,
        cancelled=cancelled,
    )


def sin_cipher(settings: Settings) -> SinCipher:
    """The SIN key from settings, the keyring, or the local key file."""
    return SinCipher(load_or_create_key(settings.sin_key, data_dir() / "sin.key"))


def build_context(settings: Settings, database: Database | None = None) -> ServiceContext:
    """Everything the services need; opens the database when none is given."""
    from console.domain.clock import SystemClock

    return ServiceContext(
        db=database if database is not None else open_database(settings=settings),
        sin_cipher=sin_cipher(settings),
        clock=SystemClock(),
        settings=settings,
    )


def choose_language(args: argparse.Namespace, settings: Settings, stored: str | None) -> str:
    """The command line wins, then the language picked in the menu, then the settings."""
    for candidate in (getattr(args, "language", None), stored, settings.language):
        if candidate in ("fr", "en"):
            return str(candidate)
    return "fr"


def call_port(args: argparse.Namespace, settings: Settings) -> int | None:
    """The caller-ID HTTP port: ``--listen-calls [PORT]`` or the settings; ``None`` = off."""
    port = getattr(args, "listen_calls", None)
    if port is not None:
        return settings.call_port if port < 0 else int(port)
    return settings.call_port if settings.listen_calls else None


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from console.ui.main_window import LANGUAGE_KEY, MainWindow
    from console.ui.startup import install_language, install_style
    from console.ui.tasks import Progress, TaskRunner
    from console.ui.workspace import Workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Console de soutien")
    from console.ui.caller_id import forward_call

    if getattr(args, "call", None) and forward_call(args.call):
        return 0  # the running console took the call
    settings = load_settings()
    qsettings = QSettings()
    stored = qsettings.value(LANGUAGE_KEY)
    language = choose_language(args, settings, str(stored) if stored else None)
    install_language(app, language)
    install_style(app)

    tasks = TaskRunner(app)
    workspace = Workspace(tasks)
    window = MainWindow(workspace, qsettings)
    from console.ui.payment_actions import install_payments
    from console.ui.places_wiring import install_places

    install_places(window)
    install_payments(window)
    window.call_flow.listen(http_port=call_port(args, settings))
    window.show()
    window.show_connecting()

    def opened(context: ServiceContext) -> None:
        window.attach(context, demo=settings.embedded)
        if getattr(args, "call", None):
            window.open_caller(args.call)

    def open_in_background(progress: Progress) -> ServiceContext:
        database = open_database(
            settings=settings, progress=progress.report, cancelled=lambda: progress.cancelled
        )
        return build_context(settings, database)

    startup = tasks.run_with_progress(
        open_in_background, opened, window.show_startup_progress, window.startup_failed
    )
    app.aboutToQuit.connect(startup.cancel)
    code = app.exec()
    tasks.wait_idle()
    return int(code)
