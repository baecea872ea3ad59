"""Composition root: settings → (database → services) or (server → client) → main window.

The only module that sees every layer. The window shows first; opening, migrating and
(on a first embedded start) seeding the database run on the task runner, so the GUI
thread never waits on the database. The window reaches the use cases only through a
``ConsoleApi``: in the embedded demo the services in this process (``EmbeddedDemo``, its
staff picker marked DÉMO), otherwise the signed-in staff member's.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from console.bootstrap import build_context, open_database, sin_cipher
from console.config import APP_AUTHOR, APP_NAME, Settings, load_settings
from console.db.engine import Database
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.context import ServiceContext
from console.services.staff import Actor

ProgressFn = Callable[[int, int], None]


def sign_in(settings: Settings, server: str, username: str, password: str) -> SignedIn:
    """Connect as ``username`` (PostgreSQL); the staff member of that username decides the
    role. The password goes to the driver only, never into a URL, a file or a log."""
    from console.db.urls import for_user
    from console.domain.errors import Refused
    from console.services.staff import actor_for_username

    try:
        url = for_user(server, username)
    except Exception as exc:
        raise Refused("database_url_invalid") from exc
    database = Database(url, lock_timeout_ms=settings.lock_timeout_ms, password=password or None)
    try:
        ctx = build_context(replace(settings, database_url=url), database)
        actor = actor_for_username(ctx, username)
    except BaseException:
        database.dispose()
        raise
    return SignedIn(ctx, actor)


@dataclass(frozen=True)
class SignedIn:
    ctx: ServiceContext
    actor: Actor


def rebuild_demo(
    settings: Settings,
    scale: str,
    progress: ProgressFn,
    cancelled: Callable[[], bool],
    replacing: Database | None,
) -> ServiceContext:
    """The embedded demo database made again at ``scale``: built beside the old one, which
    it replaces only once complete (a cancelled or failed build leaves the demo as it was).
    """
    import os
    from pathlib import Path

    from console.db.migrate import upgrade
    from console.db.seed import seed_database
    from console.domain.clock import SystemClock

    if not settings.embedded:
        raise RuntimeError("only the embedded demo database is rebuilt")
    path = Path(settings.database_url.removeprefix("sqlite:///"))
    building = path.with_name(path.name + ".building")
    suffixes = ("", "-wal", "-shm")
    for suffix in suffixes:
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    fresh = Database(f"sqlite:///{building}", lock_timeout_ms=settings.lock_timeout_ms)
    try:
        upgrade(fresh.engine)
        seed_database(
            fresh,
            sin_cipher(settings),
            scale=scale,
            seed=1,
            now=SystemClock().now(),
            progress=progress,
            cancelled=cancelled,
        )
    except BaseException:
        fresh.dispose()
        for suffix in suffixes:
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        raise
    fresh.dispose()  # the last connection checkpoints and removes its write-ahead log
    if replacing is not None:
        replacing.dispose()
    os.replace(building, path)
    for suffix in suffixes[1:]:  # the old database's log must not replay onto the new one
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return build_context(
        settings, Database(settings.database_url, lock_timeout_ms=settings.lock_timeout_ms)
    )


GUI_SWITCH_INTERVAL_S = 0.0002


def settle_interpreter() -> None:
    """Once started, keep Python's own pauses off the GUI thread.

    Collect the start-up garbage and move every object that lives on into the collector's
    permanent generation, so a full collection walks only what a call creates instead of
    stalling for tens of milliseconds. And while a worker runs Python (SQLAlchemy builds
    its rows in Python), hand the interpreter back to the GUI thread every 0.2 ms rather
    than every 5: each table cell the GUI paints calls Python, and each call may wait one
    switch interval for a busy worker (measured on the scripted call: 1 ms gave spikes
    of 45-53 ms, 0.2 ms keeps it under 35 ms).
    """
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


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

    def started() -> None:
        settle_interpreter()
        if getattr(args, "call", None):
            window.open_caller(args.call)  # waits for the staff member if need be

    if not settings.embedded:

        def signed_in(context: ServiceContext, actor: Actor) -> None:
            window.attach(InProcessApi(context, actor))
            started()

        _sign_in_gui(app, window, tasks, qsettings, settings, signed_in)
        code = app.exec()
        tasks.wait_idle()
        return int(code)

    from console.ui.demo_data import install_demo_data
    from console.ui.demo_simulation import install_demo_simulation

    def opened(context: ServiceContext) -> None:
        """The demo database is open (or made again): its staff picker chooses who acts."""
        window.attach_demo(EmbeddedDemo(context))
        started()

    install_demo_data(
        window,
        workspace,
        lambda scale, progress: rebuild_demo(
            settings,
            scale,
            progress.report,
            lambda: progress.cancelled,
            workspace.demo.ctx.db if workspace.demo is not None else None,
        ),
        opened,
    )
    simulation = install_demo_simulation(window, workspace)
    app.aboutToQuit.connect(simulation.stop)

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


def _sign_in_gui(
    app: Any,
    window: Any,
    tasks: Any,
    qsettings: Any,
    settings: Settings,
    opened: Callable[[ServiceContext, Actor], None],
) -> None:
    """PostgreSQL: staff sign in with their own database credentials before anything opens."""
    from console.db.urls import without_password
    from console.ui.sign_in import SignInDialog

    dialog = SignInDialog(
        tasks,
        lambda server, user, password: sign_in(settings, server, user, password),
        qsettings,
        default_server=without_password(settings.database_url),
        parent=window,
    )
    dialog.signed_in.connect(lambda signed: opened(signed.ctx, signed.actor))
    dialog.rejected.connect(app.quit)
    dialog.open()
