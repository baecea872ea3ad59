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
from typing import TYPE_CHECKING, Any

from console.config import APP_AUTHOR, APP_NAME, Settings, load_settings

if TYPE_CHECKING:
    from console.domain.api import ConsoleApi
    from console.domain.views.service import ServiceInfo
    from console.services.context import ServiceContext


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

    from console.ui.kit.tasks import Progress, TaskRunner
    from console.ui.kit.workspace import Workspace
    from console.ui.window.main_window import LANGUAGE_KEY, MainWindow
    from console.ui.window.startup import install_language, install_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Console de soutien")
    from console.ui.search.caller_id import forward_call

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
    from console.ui.window.payment_actions import install_payments
    from console.ui.window.places_wiring import install_places

    install_places(window)
    install_payments(window)
    window.call_flow.listen(http_port=call_port(args, settings))
    window.show()
    window.show_connecting()

    def started() -> None:
        settle_interpreter()
        if getattr(args, "call", None):
            window.open_caller(args.call)  # waits for the staff member if need be

    if settings.server_url:
        _remote(app, window, tasks, qsettings, settings, started)
        code = app.exec()
        tasks.wait_idle()
        return int(code)
    if not settings.embedded:
        # A desktop never opens the shared database itself: it signs in to the server.
        from console.domain.errors import Refused

        window.startup_failed(Refused("desktop_needs_server"))
        code = app.exec()
        tasks.wait_idle()
        return int(code)

    from console.bootstrap import build_context, open_database, rebuild_demo
    from console.services.api import EmbeddedDemo
    from console.ui.window.demo_cases import install_demo_cases
    from console.ui.window.demo_data import install_demo_data
    from console.ui.window.demo_simulation import install_demo_simulation

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
    install_demo_cases(window, workspace)
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


def remote_sign_in(
    settings: Settings, server: str, username: str, password: str
) -> tuple[ConsoleApi, ServiceInfo]:
    """A session on the console server (off the GUI thread), and what the server says of
    itself (its clock, whether its payment gateway is the sandbox)."""
    from console.client.remote import sign_in

    api = sign_in(server, username, password, ca_file=settings.server_ca or None)
    return api, api.service_info()


def _remote(
    app: Any,
    window: Any,
    tasks: Any,
    qsettings: Any,
    settings: Settings,
    started: Callable[[], None],
) -> None:
    """Server mode: sign in before anything opens, and again whenever the session ends
    (idle timeout, lifetime, disabled, signed out elsewhere)."""
    from PySide6.QtCore import QObject, Signal

    from console.ui.window.sign_in import SignInDialog

    class SessionWatch(QObject):
        ended = Signal()

    watch = SessionWatch(window)
    asking = {"open": False}

    def ask(reason: str = "") -> None:
        if asking["open"]:
            return
        asking["open"] = True
        dialog = SignInDialog(
            tasks,
            lambda server, user, password: remote_sign_in(settings, server, user, password),
            qsettings,
            server_url=settings.server_url,
            reason=reason,
            parent=window,
        )
        first = not window.workspace.ready

        def signed_in(result: tuple[Any, ServiceInfo]) -> None:
            api, info = result
            asking["open"] = False
            # The client tells us, from its worker thread, when the server ends the session.
            api.on_session_ended = watch.ended.emit
            window.attach(api, info=info)
            if first:
                started()

        def gave_up() -> None:
            asking["open"] = False
            if first:
                app.quit()
            else:
                window.workspace.clear_api(demo=None)

        dialog.signed_in.connect(signed_in)
        dialog.rejected.connect(gave_up)
        dialog.open()

    watch.ended.connect(
        lambda: ask(
            window.tr("Votre session a pris fin. Connectez-vous de nouveau pour continuer.")
        )
    )

    def sign_out(then_ask: bool) -> None:
        """End the session on the server (off the GUI thread); the window keeps nothing."""
        if not window.workspace.ready:
            return
        api = window.workspace.api
        window.workspace.close_household()
        window.workspace.clear_api(demo=None)
        tasks.run(api.sign_out, lambda _none: ask() if then_ask else None, lambda _e: None)

    window.sign_out_requested.connect(lambda: sign_out(then_ask=True))
    app.aboutToQuit.connect(lambda: sign_out(then_ask=False))  # run_gui waits for it
    ask()
