"""One call, one path: search → verify → the family's whole picture → act → note.

:func:`install_call_flow` adds to the main window the call panel (a dock), the "Appel"
and "Aide" menus with their shortcuts, caller ID, and the presence banner. A call starts
when a household opens (or with Ctrl+N, or as soon as the agent picks a reason or types a
note) and ends with "Terminer l'appel" (Ctrl+Shift+E), which saves the note. If the save
fails, everything the agent typed stays on screen for a retry.

Rules when a household opens during a call: a call without a household takes it; a call
on another household restarts on the new one if the agent has entered nothing yet, and
otherwise stays on its household until the agent ends it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QSplitter, QWidget

from console.domain.views.households import CallNoteView, HouseholdView
from console.ui.call.call_panel import CallPanel
from console.ui.call.presence_banner import PresenceWatcher
from console.ui.kit.call_wording import (
    actions_text,
    duration_text,
    elapsed_text,
    register_messages,
)
from console.ui.kit.formatting import call_reason_name
from console.ui.kit.messages import error_text
from console.ui.kit.workspace import Workspace
from console.ui.search.caller_id import CallerLookup, CallForwardServer, CallListener
from console.ui.window.shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from console.ui.window.frame import WindowFrame

TICK_MS = 1000
DOCK_WIDTH = 300
DOCK_MAX = 480
SEARCH_WIDTH = 260
SEARCH_MAX = 400


@dataclass
class _Call:
    household_id: int | None
    household_number: int | None
    household_name: str | None = None
    elapsed: QElapsedTimer = field(default_factory=QElapsedTimer)
    started_at: datetime | None = None  # from the service's clock, once it answered
    starting: bool = False
    saving: bool = False


def _keys(*sequences: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    return [QKeySequence(s) for s in sequences]


class CallFlow(QObject):
    call_started = Signal(object)  # household id | None
    call_saved = Signal(object)  # CallNoteView

    def __init__(self, window: WindowFrame, workspace: Workspace) -> None:
        super().__init__(window)
        register_messages()
        self._window = window
        self._workspace = workspace
        self._call: _Call | None = None
        self._close_warned = False
        self._shown_household: int | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None

        self.panel = CallPanel()
        self.dock = QDockWidget(self.tr("Appel"), window)
        self.dock.setObjectName("callDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._splitter = window.findChild(QSplitter, "mainSplitter")
        # Until the agent drags a divider (or the layout was restored), the call panel and
        # the search grow with the window: a wide screen gives them room too.
        self._layout_kept = False
        if self._splitter is not None:
            self._splitter.splitterMoved.connect(lambda *_args: self.keep_layout())
        self.fit_panes()

        self._build_actions()
        self.lookup = CallerLookup(
            workspace, window.open_household, window.search_panel.search, self
        )
        self.forward_server: CallForwardServer | None = None
        self.listener: CallListener | None = None
        header = window.household_panel.findChild(QWidget, "householdHeader")
        self.presence = PresenceWatcher(workspace, header or window.household_panel, self)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show_elapsed)
        self.panel.reason_changed.connect(self._reason_changed)
        self.panel.note_edited.connect(self._note_edited)
        self.panel.end_requested.connect(self.end_call)
        self.panel.new_requested.connect(self.new_call)
        workspace.household_changed.connect(self._household_changed)
        workspace.actor_changed.connect(lambda _actor: self._register_start())
        window.installEventFilter(self)
        self._show_idle()

    # --- building ---------------------------------------------------------------------

    def keep_layout(self) -> None:
        """The agent's own widths (dragged, or restored from the last run) stay."""
        self._layout_kept = True

    def fit_panes(self) -> None:
        """The call panel and the search at their share of the window's width: 300 and
        260 pixels on a 1366-pixel laptop, about 440 and 370 on a 1920-pixel screen; the
        family file takes the rest."""
        extra = max(0, self._window.width() - 1366)
        dock = min(DOCK_WIDTH + extra // 4, DOCK_MAX)
        search = min(SEARCH_WIDTH + extra // 5, SEARCH_MAX)
        self._window.resizeDocks([self.dock], [dock], Qt.Orientation.Horizontal)
        if self._splitter is not None:  # the dock takes its width from the search
            self._splitter.setSizes([search, max(self._splitter.width() - search, 1000)])

    def _action(self, text: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _build_actions(self) -> None:
        panel = self.panel
        self.new_call_action = self._action(
            self.tr("&Nouvel appel"), _keys("Ctrl+N"), self.new_call
        )
        self.end_call_action = self._action(
            self.tr("&Terminer l'appel"), _keys("Ctrl+Shift+E"), self.end_call
        )
        self.reason_action = self._action(
            self.tr("Choisir le &motif"), _keys("Ctrl+Shift+M"), self.focus_reason
        )
        self.note_action = self._action(
            self.tr("É&crire la note"), _keys("Ctrl+Shift+N"), self.focus_note
        )
        self.language_action = self._action(
            self.tr("Réponse en &français / en anglais"),
            _keys("Ctrl+Shift+F"),
            panel.toggle_language,
        )
        self.notice_action = self._action(
            self.tr("&Avis de collecte (Loi sur l'accès)"),
            _keys("Ctrl+Shift+A"),
            self.show_access_notice,
        )
        self.dock_action = self.dock.toggleViewAction()
        self.dock_action.setText(self.tr("&Panneau d'appel"))
        self.dock_action.setShortcut(QKeySequence("F12"))
        self._window.addAction(self.dock_action)
        self.shortcuts_action = self._action(
            self.tr("&Raccourcis clavier"),
            _keys(QKeySequence.StandardKey.HelpContents, "Ctrl+?"),
            self.show_shortcuts,
        )
        if not self.shortcuts_action.shortcuts():  # no HelpContents key on this platform
            self.shortcuts_action.setShortcuts(_keys("F1", "Ctrl+?"))

        bar = self._window.menuBar()
        menu = bar.addMenu(self.tr("A&ppel"))
        menu.addAction(self.new_call_action)
        menu.addAction(self.end_call_action)
        menu.addSeparator()
        for action in (self.reason_action, self.note_action, self.language_action):
            menu.addAction(action)
        menu.addAction(self.notice_action)
        menu.addSeparator()
        menu.addAction(self.dock_action)
        self.help_menu = bar.addMenu(self.tr("Aid&e"))
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.shortcuts_action)
        panel.new_button.setToolTip(self.tr("Nouvel appel (Ctrl+N)"))
        panel.end_button.setToolTip(self.tr("Terminer l'appel et enregistrer la note (Ctrl+Maj+E)"))

    # --- caller ID ----------------------------------------------------------------------

    def listen(self, *, local_name: str | None = None, http_port: int | None = None) -> None:
        """Answer forwarded ``console --call`` invocations, and the phone system's HTTP
        call when ``http_port`` is given."""
        self.forward_server = CallForwardServer(self)
        self.forward_server.call_received.connect(self.open_caller)
        self.forward_server.listen(local_name)
        if http_port is not None:
            self.listener = CallListener(self)
            self.listener.call_received.connect(self.open_caller)
            if not self.listener.listen(http_port):
                self._window.message_bar.show_error(
                    self.tr("Impossible d'écouter les appels sur le port {port} : {error}").format(
                        port=http_port, error=self.listener.error_text()
                    )
                )

    def open_caller(self, number: str) -> None:
        """The phone rings: a new call, and the caller's household or the search."""
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if self._call is None or not self._dirty():
            self._start(None, None)
        self.lookup.open(number)

    # --- the call -----------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._call is not None

    @property
    def household_id(self) -> int | None:
        return self._call.household_id if self._call is not None else None

    def new_call(self) -> None:
        """Ctrl+N: the next caller; the search is one key away."""
        if self._call is not None and self._dirty():
            self.panel.show_error(
                self.tr(
                    "Terminez d'abord l'appel en cours (Ctrl+Maj+E) : sa note est à moitié écrite."
                )
            )
            self.dock.show()
            self.panel.end_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._start(None, None)
        self._window.search_panel.focus_search()

    def end_call(self) -> None:
        call = self._call
        if call is None or call.saving:
            return
        self.dock.show()
        reason = self.panel.reason
        if reason is None:
            self.panel.show_error(
                self.tr("Choisissez le motif de l'appel avant de le terminer (Ctrl+Maj+M).")
            )
            self.focus_reason()
            return
        if not self._workspace.ready:
            self.panel.show_error(
                self.tr(
                    "Aucune session de membre du personnel n'est ouverte : la note ne peut pas "
                    "être enregistrée."
                )
            )
            return
        api = self._workspace.api
        household_id = call.household_id
        started_at = call.started_at
        elapsed_ms = call.elapsed.elapsed()
        note = self.panel.note

        def save() -> CallNoteView:
            started = started_at
            if started is None:  # the start never reached the database: count back
                begun = api.start_call(household_id)
                started = begun.started_at - timedelta(milliseconds=elapsed_ms)
            return api.end_call(household_id, reason, started, note)

        call.saving = True
        self.panel.set_saving(True)
        self.panel.show_error("")
        self._workspace.tasks.run(
            save,
            lambda view: self._saved(call, view),
            lambda error: self._save_failed(call, error),
            key="call-end",
        )

    def _start(
        self,
        household_id: int | None,
        number: int | None,
        *,
        clear: bool = True,
        name: str | None = None,
    ) -> None:
        self._call = _Call(household_id, number, name)
        self._call.elapsed.start()
        self._tick.start()
        if clear:
            self.panel.clear()
        self._show_active()
        self._register_start()
        self.call_started.emit(household_id)

    def _register_start(self) -> None:
        call = self._call
        if call is None or call.started_at is not None or call.starting:
            return
        if not self._workspace.ready:
            return  # the end counts back from the elapsed time
        api = self._workspace.api
        household_id = call.household_id
        call.starting = True

        def started(active: object) -> None:
            call.starting = False
            call.started_at = getattr(active, "started_at", None)

        def failed(_error: BaseException) -> None:
            call.starting = False  # retried at the end of the call

        self._workspace.tasks.run(lambda: api.start_call(household_id), started, failed)

    def _saved(self, call: _Call, view: CallNoteView) -> None:
        if not shiboken6.isValid(self.panel):
            return  # the window closed while the note was being saved
        if self._call is call:
            self._call = None
            self._tick.stop()
        self.panel.set_saving(False)
        self.panel.clear()
        self._show_idle()
        parts = [call_reason_name(view.reason), duration_text(view.started_at, view.ended_at)]
        done = actions_text(view.actions)
        text = self.tr("Note d'appel enregistrée : {details}.").format(details=", ".join(parts))
        if done:
            text += " " + self.tr("Actions : {actions}.").format(actions=done)
        self._window.message_bar.show_info(text)
        shown = self._workspace.household
        if shown is not None and view.note_id and shown.household_id == call.household_id:
            self._workspace.reload_household()
        self.call_saved.emit(view)

    def _save_failed(self, call: _Call, error: BaseException) -> None:
        if not shiboken6.isValid(self.panel):
            return
        call.saving = False
        self.panel.set_saving(False)
        self.panel.show_error(
            self.tr(
                "La note n'est pas enregistrée : {error} Ce que vous avez saisi est conservé ; "
                "réessayez avec Ctrl+Maj+E."
            ).format(error=error_text(error))
        )
        self._workspace.report(error)

    def _dirty(self) -> bool:
        return self.panel.reason is not None or bool(self.panel.note.strip())

    # --- what the agent does ------------------------------------------------------------

    def _household_changed(self, view: HouseholdView | None) -> None:
        shown = self._shown_household
        self._shown_household = view.household_id if view is not None else None
        call = self._call
        if view is None:
            self._show_active()
            return  # closing the file does not end the call
        if call is None and shown == view.household_id:
            return  # a reload (after the previous call's note, an action): no new call
        if call is not None and call.household_id == view.household_id:
            call.household_name = _name(view)
            self._show_active()  # a reload after an action, or back to the call's file
            return
        if call is not None and call.saving:
            return
        if call is None or (call.household_id is not None and not self._dirty()):
            self._start(view.household_id, view.number, name=_name(view))
        elif call.household_id is None:
            call.household_id, call.household_number = view.household_id, view.number
            call.household_name = _name(view)
            self._show_active()
            self._register_start()
        else:
            self._show_active()
            self.panel.show_error(
                self.tr(
                    "L'appel en cours porte sur le dossier {number} : terminez-le "
                    "(Ctrl+Maj+E) avant de passer au suivant."
                ).format(number=call.household_number)
            )
            return
        self.panel.set_language("en" if view.account.language == "en" else "fr")

    def _reason_changed(self, reason: str | None) -> None:
        if reason is not None and self._call is None:
            self._start_keeping_input()

    def _note_edited(self) -> None:
        if self._call is None and self.panel.note.strip():
            self._start_keeping_input()

    def _start_keeping_input(self) -> None:
        """The agent began a note with no call running: that is the call starting."""
        self._start(None, None, clear=False)

    def focus_reason(self) -> None:
        self.dock.show()
        self.panel.reason_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_note(self) -> None:
        self.dock.show()
        self.panel.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_access_notice(self) -> None:
        """Before changing the family file: the Access Act notice to read."""
        self.dock.show()
        self.panel.show_access_notice()

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = ShortcutsDialog(self._window)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog.open()

    # --- showing ------------------------------------------------------------------------

    def _show_idle(self) -> None:
        self.panel.set_state(
            self.tr("Aucun appel en cours. Ouvrez un dossier ou appuyez sur Ctrl+N."),
            active=False,
        )
        self.panel.clear_file()
        self.panel.set_elapsed("00:00")

    def _show_active(self) -> None:
        call = self._call
        if call is None:
            return
        if call.household_number is None:
            text = self.tr("Appel en cours · personne non identifiée")
        else:
            text = self.tr("Appel en cours · dossier {number}").format(number=call.household_number)
        self.panel.set_state(text, active=True)
        self.panel.set_file(
            call.household_name,
            call.household_number,
            elsewhere=self._shown_household not in (None, call.household_id),
        )
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        if self._call is not None:
            self.panel.set_elapsed(elapsed_text(self._call.elapsed.elapsed()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize
        if watched is self._window and resized and not self._layout_kept:
            QTimer.singleShot(0, self, self.fit_panes)
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self._call is not None and self._dirty() and not self._close_warned:
                self._close_warned = True
                self._window.message_bar.show_error(
                    self.tr(
                        "La note de l'appel en cours n'est pas enregistrée. Terminez l'appel "
                        "(Ctrl+Maj+E), ou fermez de nouveau pour quitter sans l'enregistrer."
                    )
                )
                event.ignore()
                return True
            self.presence.leave()
        return super().eventFilter(watched, event)


def _name(view: HouseholdView) -> str | None:
    responsible = view.responsible
    return responsible.name if responsible is not None else None


def install_call_flow(window: WindowFrame, workspace: Workspace) -> CallFlow:
    """The call panel, its menus and shortcuts, caller ID and presence, on ``window``."""
    return CallFlow(window, workspace)
