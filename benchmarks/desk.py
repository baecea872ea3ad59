"""The desk benchmark: each FAQ call the desk handles, played on the real window with the
keyboard alone, on a freshly built demo.

It builds the demo database in a temporary directory (the seed's ``demo`` scale, the
services on the real clock), opens the main window as the console does (offscreen), and
plays each call of the demo's cases (Aide → Cas de démonstration…) as an agent would:

    search (Ctrl+K, the identifier, Enter) → verify (Ctrl+Shift+V, the caller's answers)
    → the action the call is about → the note (reason, text, Ctrl+Shift+E)

Every key goes to the focused widget through ``QTest.keyClick``/``keyClicks`` — never a
widget's method. Typing a whole value counts as one action; each key chord counts one
(Tab, Enter, Down, Ctrl+Shift+V…). A dialog the services' answer opens, a question box
included, is answered with the keyboard and its keys count. A step the keyboard cannot
reach is done with a mouse click, and the call is marked ``mouse = yes``.

Goals: no call needs a mouse; beyond the search, the verification and the note, a call
needs at most 4 actions (F6, with its payment, at most 10).

    uv run python benchmarks/desk.py [--calls F2,F11] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cryptography.fernet import Fernet
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from console.db.engine import Database
from console.db.migrate import upgrade
from console.db.outbox_key import OutboxCipher
from console.db.seed import seed_database
from console.db.seed.cases import CASES, DemoCase
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.views.households import HouseholdView
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services.api import EmbeddedDemo, InProcessApi
from console.services.context import ServiceContext

PHASES = ("search", "verify", "act", "note")
_DIALOGS_THE_CALLS_USE: tuple[type, ...] = ()
GOAL = 4
GOAL_F6 = 10
TIMEOUT_S = 15.0
CONFIRM = "confirm"  # an answer's key: the confirm button's Alt+letter


# --- the demo and the window ---------------------------------------------------------


def build_demo(directory: Path) -> ServiceContext:
    """A fresh demo database (the seed's ``demo`` scale) and its services, real clock."""
    db = Database(f"sqlite:///{directory / 'demo.sqlite3'}")
    upgrade(db.engine)
    cipher = SinCipher(Fernet.generate_key())
    seed_database(db, cipher, scale="demo", seed=1, now=SystemClock().now())
    return ServiceContext(
        db=db,
        sin_cipher=cipher,
        clock=SystemClock(),
        outbox_cipher=OutboxCipher(Fernet.generate_key().decode()),
    )


def open_window(ctx: ServiceContext, directory: Path) -> Any:
    """The main window as ``console`` opens it on the embedded demo."""
    from console.ui.kit.tasks import TaskRunner
    from console.ui.kit.workspace import Workspace
    from console.ui.window.demo_cases import install_demo_cases
    from console.ui.window.demo_simulation import install_demo_simulation
    from console.ui.window.main_window import MainWindow
    from console.ui.window.payment_actions import install_payments
    from console.ui.window.places_wiring import install_places

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tasks = TaskRunner(app)
    window = MainWindow(
        Workspace(tasks), QSettings(str(directory / "console.ini"), QSettings.Format.IniFormat)
    )
    install_places(window)
    install_payments(window)
    install_demo_simulation(window, window.workspace)
    install_demo_cases(window, window.workspace)
    window.show()
    window.activateWindow()
    loaded: list[object] = []
    window.staff_loaded.connect(loaded.append)
    window.attach_demo(EmbeddedDemo(ctx))
    _wait(lambda: bool(loaded), "the demo's staff")
    return window


def _wait(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        QTest.qWait(20)


# --- the keyboard --------------------------------------------------------------------


class Unreachable(Exception):
    """No key reaches this control."""


@dataclass
class Tally:
    call: str
    actions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PHASES, 0))
    mouse: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    done: bool = False
    error: str = ""

    @property
    def total(self) -> int:
        return sum(self.actions.values())

    @property
    def beyond(self) -> int:
        return self.actions["act"]


class Desk:
    """The agent's hands: keys to whatever has the focus, each one counted."""

    def __init__(self, window: Any, ctx: ServiceContext, verbose: bool = False) -> None:
        self.window = window
        self.ctx = ctx
        self.verbose = verbose
        self.tally = Tally("")
        self.phase = "search"
        self._answers: list[tuple[str, Callable[[QWidget], bool], list[str | tuple[str]]]] = []
        from PySide6.QtCore import QTimer

        self._unexpected_since: float | None = None
        self.unexpected: list[str] = []
        self._modal_timer = QTimer()
        self._modal_timer.setInterval(30)
        self._modal_timer.timeout.connect(self._answer_modal)
        self._modal_timer.start()

    # what has the focus
    def focus(self) -> QWidget:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        widget = app.focusWidget()
        if widget is None:
            widget = app.activeModalWidget() or app.activeWindow() or self.window
        return widget

    def _count(self, what: str) -> None:
        self.tally.actions[self.phase] += 1
        self.tally.steps.append(f"{self.phase}: {what}")
        if self.verbose:
            target = self.focus()
            print(
                f"    [{self.phase}] {what}  → focus {type(target).__name__} "
                f"{target.objectName() or target.accessibleName()!r}"
            )

    def settle(self) -> None:
        """Let the window answer: the worker's tasks done, their results shown."""
        tasks = self.window.workspace.tasks
        QTest.qWait(30)
        _wait(lambda: not tasks.busy, "the services")
        QTest.qWait(30)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if app.activeModalWidget() is None and app.activeWindow() is None:
            # A dialog closed: the window manager gives the window (and the widget that
            # had the focus in it) back; the offscreen platform needs to be asked.
            self.window.activateWindow()
            QTest.qWaitForWindowActive(self.window, 1000)

    def activate(self, dialog: QWidget) -> None:
        """A window that just opened becomes the active one, as a real screen's window
        manager makes it (the offscreen platform needs to be asked); not a key."""
        if not dialog.isActiveWindow():
            dialog.activateWindow()
            _wait(dialog.isActiveWindow, f"« {dialog.windowTitle()} » active", 5)

    def chord(self, sequence: str) -> None:
        """One key chord (``Tab``, ``Return``, ``Ctrl+Shift+V``) to the focused widget."""
        combined = QKeySequence(sequence)[0]
        QTest.keyClick(self.focus(), combined.key(), combined.keyboardModifiers())
        self._count(sequence)
        self.settle()

    def type(self, text: str) -> None:
        """A whole value typed into the focused widget: one action."""
        _type_into(self.focus(), text)
        self._count(f"type {text!r}")
        self.settle()

    def tab_to(self, widget: QWidget) -> None:
        """Tab or Shift+Tab (each counted), whichever reaches ``widget`` sooner along the
        window's focus chain, as an agent who knows the screen would; Unreachable if
        neither does (a table whose Tab moves between its cells keeps the focus)."""
        start = self.focus()
        if start is widget:
            return
        forward = _chain_distance(start, widget, forward=True)
        backward = _chain_distance(start, widget, forward=False)
        if forward is None and backward is None:
            raise Unreachable(_name(widget))
        if backward is None or (forward is not None and forward <= backward):
            steps, key = forward or 0, "Tab"
        else:
            steps, key = backward, "Shift+Tab"
        for _ in range(steps):
            self.chord(key)
        if self.focus() is not widget:
            raise Unreachable(_name(widget))

    def reach(self, widget: QWidget) -> None:
        """A field: the keys that reach it, or (none does) a mouse click, recorded."""
        try:
            self.tab_to(widget)
        except Unreachable:
            self.click(widget)

    def press(self, button: QAbstractButton) -> None:
        """A button: its Alt+letter when that clicks it, else Tab (or Shift+Tab) to it and
        Space, else (no key reaches it) a mouse click, recorded. A letter that does not
        click it (another control or menu has the same one) is noted, not counted."""
        _wait(button.isEnabled, f"« {_plain(button.text())} » enabled", 5)
        mnemonic = _mnemonic(button.text())
        if mnemonic:
            clicked: list[bool] = []
            button.clicked.connect(lambda *_: clicked.append(True))
            before = self.focus()
            combined = QKeySequence(f"Alt+{mnemonic}")[0]
            QTest.keyClick(before, combined.key(), combined.keyboardModifiers())
            # A mnemonic presses its button as a click would look (animateClick: the
            # button shows down, then clicks ~100 ms later).
            deadline = time.monotonic() + 0.5
            while not clicked and time.monotonic() < deadline:
                QTest.qWait(20)
            if clicked:
                self._count(f"Alt+{mnemonic}")
                self.settle()
                return
            self.tally.notes.append(
                f"Alt+{mnemonic} does not press « {_plain(button.text())} » "
                f"(the letter is taken: {_owner(self.focus(), before)})"
            )
            while QApplication.activePopupWidget() is not None:
                QApplication.activePopupWidget().close()
                QTest.qWait(10)
            before.setFocus(Qt.FocusReason.OtherFocusReason)
            QTest.qWait(10)
        try:
            self.tab_to(button)
            self.chord("Space")
        except Unreachable:
            self.click(button)

    def click(self, widget: QWidget) -> None:
        """The mouse: only when no key reaches the control."""
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.tally.mouse.append(
            widget.accessibleName() or widget.objectName() or type(widget).__name__
        )
        self._count(f"mouse click {self.tally.mouse[-1]!r}")
        self.settle()

    def pick(self, combo: QComboBox, text: str) -> None:
        """A closed combo with the focus: typing the start of an item picks it."""
        if self.focus() is not combo:
            self.tab_to(combo)
        self.type(text)

    # question boxes and input dialogs that block while open (QMessageBox.question,
    # QInputDialog.getText): their keys are queued before the key that opens them
    def answer(
        self, what: str, match: Callable[[QWidget], bool], keys: list[str | tuple[str]]
    ) -> None:
        """When a modal dialog matching ``match`` opens, send ``keys`` to it: a string is
        a chord, a 1-tuple a value to type."""
        self._answers.append((what, match, keys))

    def _answer_modal(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            self._unexpected_since = None
            return
        if not self._answers or not self._answers[0][1](modal):
            # A box nobody expected blocks the call (its key press never returns):
            # after a few seconds it is closed and the call reported as not played.
            if isinstance(modal, QDialog) and not isinstance(modal, _DIALOGS_THE_CALLS_USE):
                since = self._unexpected_since or time.monotonic()
                self._unexpected_since = since
                if time.monotonic() - since > 3:
                    self.unexpected.append(modal.windowTitle())
                    modal.reject()
            return
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not modal:
            modal.activateWindow()  # not ready for keys yet: the next tick
            return
        what, _match, keys = self._answers.pop(0)
        self._modal_timer.stop()
        try:
            for key in keys:
                if key == CONFIRM:
                    self._confirm(modal, what)
                elif isinstance(key, tuple):
                    _type_into(self.focus(), key[0])
                    self._count(f"{what}: type {key[0]!r}")
                else:
                    combined = QKeySequence(key)[0]
                    QTest.keyClick(self.focus(), combined.key(), combined.keyboardModifiers())
                    self._count(f"{what}: {key}")
                QTest.qWait(30)
        finally:
            self._modal_timer.start()

    def confirm(self, title_part: str) -> None:
        """The question an irreversible change asks first (Cancel its default): answered
        with its confirm button's Alt+letter."""
        self.answer(f"« {title_part} » confirmed", is_dialog(title_part), [CONFIRM])

    def _confirm(self, box: QWidget, what: str) -> None:
        assert isinstance(box, QMessageBox)
        button = next(
            b
            for b in box.buttons()
            if box.buttonRole(b)
            in (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)
        )
        letter = _mnemonic(button.text())
        if not letter:
            raise Unreachable(f"{what}: « {_plain(button.text())} » has no letter")
        clicked: list[bool] = []
        button.clicked.connect(lambda *_: clicked.append(True))
        combined = QKeySequence(f"Alt+{letter}")[0]
        QTest.keyClick(self.focus(), combined.key(), combined.keyboardModifiers())
        self._count(f"{what}: Alt+{letter}")
        deadline = time.monotonic() + 0.5
        while not clicked and time.monotonic() < deadline:
            QTest.qWait(20)
        if not clicked:
            self.tally.notes.append(
                f"{what}: Alt+{letter} did not press « {_plain(button.text())} »"
            )

    def pending_answers(self) -> int:
        return len(self._answers)


def _dialogs_the_calls_use() -> tuple[type, ...]:
    from console.ui.family.verification_dialog import VerificationDialog
    from console.ui.payments.payment_dialog import PaymentDialog
    from console.ui.payments.receipt_dialog import ReceiptDialog
    from console.ui.places.register_dialog import RegisterDialog

    return (VerificationDialog, PaymentDialog, ReceiptDialog, RegisterDialog)


def _type_into(widget: QWidget, text: str) -> None:
    """Each character as the keyboard sends it (QTest.keyClicks knows only ASCII)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or _plain(text) or widget.objectName() or type(widget).__name__


def _takes_tab(widget: QWidget) -> bool:
    return bool(
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    )


def _chain_distance(start: QWidget, target: QWidget, *, forward: bool) -> int | None:
    """How many Tab (or Shift+Tab) presses lead from ``start`` to ``target``, walking the
    window's focus chain as Qt does — read, not pressed, so nothing moves."""
    if isinstance(start, QAbstractItemView) and start.tabKeyNavigation():
        return None  # Tab moves between the table's cells
    window = start.window()
    widget, steps = start, 0
    for _ in range(2000):
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is start:
            return None
        if widget.window() is window and _takes_tab(widget):
            steps += 1
            if widget is target:
                return steps
            if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
                return None  # the focus would stay in that table
    return None


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _owner(now: QWidget, before: QWidget) -> str:
    popup = QApplication.activePopupWidget()
    if isinstance(popup, QMenu):
        return f"menu « {_plain(popup.title())} »"
    if now is not before:
        return f"focus went to « {now.accessibleName() or now.objectName()} »"
    return "ambiguous, nothing happened"


def _mnemonic(text: str) -> str:
    i = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[i + 1].upper() if 0 <= i < len(plain) - 1 else ""


def is_dialog(title_part: str) -> Callable[[QWidget], bool]:
    return lambda w: isinstance(w, QDialog) and title_part in w.windowTitle()


# --- one call ------------------------------------------------------------------------


def staff(ctx: ServiceContext, role: Role, borough_id: int | None = None) -> Actor:
    return next(
        a
        for a in EmbeddedDemo(ctx).staff()
        if a.role is role and (borough_id is None or a.borough_id == borough_id)
    )


def act_as(desk: Desk, actor: Actor) -> None:
    """The desk's staff member (the demo's picker: who sits at the desk, not a step of
    the call)."""
    window = desk.window
    names = [window.staff_combo.itemText(i) for i in range(window.staff_combo.count())]
    index = next(i for i, n in enumerate(names) if n.startswith(actor.display_name))
    window.staff_combo.setCurrentIndex(index)
    _wait(lambda: window.workspace.actor == actor, "the staff member")


def services(desk: Desk) -> InProcessApi:
    actor = desk.window.workspace.actor
    return EmbeddedDemo(desk.ctx).api_for(actor)


def open_case(desk: Desk, case: DemoCase) -> HouseholdView:
    """Search: Ctrl+K, the identifier, Enter; the family file opens."""
    desk.phase = "search"
    window = desk.window
    desk.chord("Ctrl+K")
    desk.type(case.identifier)
    desk.chord("Return")
    _wait(
        lambda: window.workspace.household is not None
        and window.workspace.household.number == case.household_number,
        f"household {case.household_number}",
    )
    desk.settle()
    view = window.workspace.household
    assert view is not None
    return view


def verify(desk: Desk, view: HouseholdView) -> None:
    """The caller's answers (the responsible's birth date and the postal code)."""
    desk.phase = "verify"
    responsible = view.responsible
    assert responsible is not None
    desk.chord("Ctrl+Shift+V")
    _wait(lambda: isinstance(QApplication.activeModalWidget(), QDialog), "the questions")
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    desk.activate(dialog)
    desk.type(responsible.birth_date.isoformat())
    desk.chord("Tab")
    desk.type(view.postal_code)
    # Enter in a field never checks (a check is journaled and a wrong one counts toward
    # the block): the dialog's « &Vérifier » button, Alt+V.
    desk.press(dialog.check_button)  # type: ignore[attr-defined]
    watch = desk.window.account_screens.verification
    _wait(lambda: watch.verified, "the verification")


def note(desk: Desk, faq: str, text: str) -> None:
    """Reason, note, Ctrl+Shift+E; waits for the note saved."""
    desk.phase = "note"
    panel = desk.window.call_flow.panel
    combo = panel.reason_combo
    index = combo.findData(faq)
    if index < 0:  # the reasons are the FAQ questions' codes
        index = next(i for i in range(combo.count()) if str(combo.itemData(i) or "") == faq)
    saved: list[object] = []
    desk.window.call_flow.call_saved.connect(saved.append)
    desk.chord("Ctrl+Shift+M")
    # The start of its title, up to its first space (a space opens a combo's list).
    desk.type(combo.itemText(index).split(" ")[0])
    if combo.currentIndex() != index:
        raise Unreachable(f"reason {faq}: typed its title, got {combo.currentText()!r}")
    desk.chord("Ctrl+Shift+N")
    desk.type(text)
    desk.chord("Ctrl+Shift+E")
    _wait(lambda: bool(saved), "the call note")


def outcome_text(desk: Desk) -> str:
    return str(desk.window.message_bar.findChild(QWidget) and desk.window.message_bar.text())


# --- the calls -----------------------------------------------------------------------


def case_of(faq: str) -> DemoCase:
    return next(c for c in CASES if c.faq == faq)


def account_tab(desk: Desk) -> Any:
    desk.chord("Ctrl+Shift+C")
    return desk.window.account_screens.account_panel


def call_f2(desk: Desk) -> None:
    """F2: the confirmation email failed — send it again."""
    case = case_of("F2")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    panel = account_tab(desk)
    _wait(lambda: panel.confirm_button.isEnabled(), "the account's buttons")
    sent_before = len(services(desk).account_summary(view.household_id).messages)
    desk.confirm("Renvoyer la confirmation")
    desk.press(panel.confirm_button)
    _wait(
        lambda: len(services(desk).account_summary(view.household_id).messages) > sent_before,
        "the confirmation queued",
    )
    note(desk, "F2", "Confirmation renvoyée; vérifier les courriels indésirables.")


def call_f1(desk: Desk) -> None:
    """F1: the account locked after failed sign-ins — unlock it, send a reset link."""
    case = case_of("F1")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    panel = desk.window.account_screens.account_panel
    desk.confirm("Déverrouiller le compte")
    desk.chord("Ctrl+Shift+U")  # the account tab and its question
    api = services(desk)
    _wait(lambda: not api.account_summary(view.household_id).locked, "the account unlocked")
    _wait(lambda: panel.reset_button.isEnabled(), "the reset button")
    desk.confirm("Envoyer un lien de réinitialisation")
    desk.press(panel.reset_button)
    _wait(
        lambda: api.account_summary(view.household_id).reset_link_valid_until is not None,
        "the reset link queued",
    )
    note(desk, "F1", "Compte déverrouillé, lien de réinitialisation envoyé (60 min).")


def call_f11(desk: Desk) -> None:
    """F11: the cart locked at checkout — release it (the payment site is asked first)."""
    case = case_of("F11")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    desk.answer(
        "reason", is_dialog("Raison"), [("Appel de la cliente, navigateur fermé",), "Return"]
    )
    desk.confirm("Libérer le panier verrouillé")
    desk.chord("Ctrl+Shift+L")
    api = services(desk)
    _wait(
        lambda: not any(
            c.state.value == "checkout" for c in api.household_view(view.household_id).carts
        ),
        "the cart released",
    )
    note(desk, "F11", "Panier libéré après vérification auprès du site de paiement.")


def call_f14(desk: Desk) -> None:
    """F14: a lost receipt — reprint it and email it."""
    case = case_of("F14")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    desk.chord("Ctrl+Shift+R")  # the family's latest receipt
    _wait(
        lambda: any(d.isVisible() for d in desk.window.findChildren(QDialog, "receiptDialog")),
        "the receipt dialog",
    )
    dialog = next(d for d in desk.window.findChildren(QDialog, "receiptDialog") if d.isVisible())
    _wait(lambda: dialog.document is not None, "the receipt shown (reprinted)")
    desk.answer("send it?", lambda w: w.windowTitle() == "Envoyer le reçu", ["Return"])
    sent_before = len(services(desk).account_summary(view.household_id).messages)
    desk.press(dialog.email_button)
    _wait(
        lambda: len(services(desk).account_summary(view.household_id).messages) > sent_before,
        "the receipt emailed",
    )
    desk.chord("Escape")  # close the receipt
    note(desk, "F14", "Reçu réimprimé et envoyé par courriel.")


def _member_row(desk: Desk, first_name: str) -> int:
    model = desk.window.household_panel.members_model
    for row in range(model.rowCount()):
        if model.row(row).first_name == first_name:
            return row
    raise LookupError(first_name)


def _to_member(desk: Desk, first_name: str) -> None:
    """Ctrl+M (unless the members already have the focus), then Down (or Up) to the
    member's row, one key per row, until it is the selected one."""
    table = desk.window.household_panel.members_table
    if desk.focus() is not table:
        desk.chord("Ctrl+M")
    target = _member_row(desk, first_name)

    def selected() -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    for _ in range(2 * table.model().rowCount() + 2):
        if selected() == target:
            return
        current = table.currentIndex().row()
        desk.chord("Up" if current > target else "Down")
    raise Unreachable(f"member row {first_name}")


def _question(desk: Desk, family: Any) -> Any:
    """The member question open, its reason typed (the answer queued before it opened)."""
    _wait(lambda: family.confirmation is not None, "the question")
    question = family.confirmation
    _wait(lambda: desk.pending_answers() == 0, "the reason typed")
    return question


def _choice(question: Any, text: str) -> QAbstractButton:
    return next(b for b in question.choice_buttons if _plain(b.text()) == text)


def call_f12(desk: Desk) -> None:
    """F12: the husband is not in the payer list — he was recorded as a child."""
    case = case_of("F12")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    _to_member(desk, "Eric")
    family = desk.window.account_screens.family_panel
    # One question names Eric and the file and takes the reason (its field has the
    # focus); each other relationship is a button saying what it does to the payer list,
    # and pressing one (its Alt+letter) is the change.
    reason = "Personne inscrite comme enfant par erreur"  # one of the usual reasons
    desk.answer("« Modifier le lien d'un membre »", is_dialog("Modifier le lien"), [(reason,)])
    desk.press(family.change_button)
    question = _question(desk, family)
    desk.press(_choice(question, "Conjoint et parent des enfants"))
    api = services(desk)
    _wait(
        lambda: next(
            m for m in api.household_view(view.household_id).members if m.first_name == "Eric"
        ).may_pay,
        "Eric in the payer list",
    )
    note(desk, "F12", "Lien d'Eric corrigé : il paraît dans la liste des payeurs.")


def call_f4(desk: Desk) -> None:
    """F4: removing a member — the agent reads at once that it is the borough office's
    (no key), then the borough's clerk removes him (a second call: the clerk's desk)."""
    case = case_of("F4")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    family = desk.window.account_screens.family_panel
    _wait(lambda: family.file is not None, "the family file")
    if family.remove_button.isEnabled() or not family.removal_rule.isVisible():
        raise AssertionError("the agent is not told at once that removal is the office's")
    api = services(desk)
    moussa = next(
        m for m in api.household_view(view.household_id).members if m.first_name == "Moussa"
    )
    if moussa.removed:
        raise AssertionError("an agent removed a member")
    desk.tally.notes.append(f"the agent reads, no key pressed: « {family.removal_rule.text()} »")
    note(desk, "F4", "Retrait de Moussa demandé : transféré au commis de l'arrondissement.")
    # The clerk's desk takes the transferred call: another console, where nothing of the
    # agent's call is on screen (not a key of the call).
    desk.window.workspace.close_household()
    desk.settle()
    act_as(desk, staff(desk.ctx, Role.CLERK, view.borough_id))
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    _to_member(desk, "Moussa")
    family = desk.window.account_screens.family_panel
    # The removal's question names Moussa and the file and takes the reason (its field
    # has the focus); Cancel is its default, « Retirer Moussa … » answers Alt+R only.
    desk.answer("« Retirer un membre »", is_dialog("Retirer un membre"), [("Séparation",)])
    desk.press(family.remove_button)
    question = _question(desk, family)
    desk.press(question.confirm_button)
    api = services(desk)
    _wait(
        lambda: next(
            m for m in api.household_view(view.household_id).members if m.first_name == "Moussa"
        ).removed,
        "Moussa removed",
    )
    note(desk, "F4", "Moussa retiré du dossier (séparation).")


def call_f7(desk: Desk) -> None:
    """F7: "already registered" — Maëlle is registered and still held in the open cart:
    free the stale hold."""
    from console.ui.places.already_registered_dialog import AlreadyRegisteredDialog

    case = case_of("F7")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    registered = next(r for r in view.registrations if r.member_name.startswith("Maëlle"))
    desk.chord("Ctrl+Shift+I")  # on the file's one cart line held twice, if it finds it
    dialog = _visible(desk, AlreadyRegisteredDialog, "the « déjà inscrit » dialog")
    desk.activate(dialog)
    panel = dialog.panel
    _wait(lambda: panel.diagnosis is not None, "what holds the member")
    diagnosis = panel.diagnosis
    assert diagnosis is not None
    if not (
        diagnosis.member_name.startswith("Maëlle")
        and diagnosis.activity_code == registered.activity_code
    ):  # no context: the member, the activity and the hold by hand
        desk.reach(dialog.members)
        desk.type("Maëlle")
        desk.reach(dialog.picker.box)
        desk.type(registered.activity_code)
        desk.chord("Return")
        desk.reach(dialog.picker.list)
        desk.chord("Down")
        _wait(
            lambda: panel.diagnosis is not None
            and panel.diagnosis.activity_code == registered.activity_code,
            "what holds Maëlle",
        )
    hold = panel.selected()
    if hold is None or not hold.releasable:
        desk.reach(panel.table)
        desk.chord("Down")
    desk.reach(panel.reason)
    desk.chord("Down")  # the first usual reason for that hold
    desk.tally.notes.append(f"reason picked: « {panel.reason_text()} »")
    desk.confirm("Libérer la réservation")
    desk.press(panel.release_button)
    api = services(desk)
    _wait(
        lambda: not any(
            i.state == "held"
            and i.member_name.startswith("Maëlle")
            and i.activity_code == registered.activity_code
            for c in api.household_view(view.household_id).carts
            for i in c.items
        ),
        "the stale hold freed",
    )
    _wait(lambda: not dialog.isVisible() or not panel.release_button.isEnabled(), "the answer")
    if dialog.isVisible():
        desk.chord("Escape")
    else:
        desk.tally.notes.append(f"the message bar says: « {desk.window.message_bar.text} »")
    note(desk, "F7", "Réservation de Maëlle libérée : elle était déjà inscrite.")


def _visible(desk: Desk, kind: type[QDialog], what: str) -> Any:
    _wait(lambda: any(d.isVisible() for d in desk.window.findChildren(kind)), what)
    return next(d for d in desk.window.findChildren(kind) if d.isVisible())


def call_f6(desk: Desk) -> None:
    """F6: Zoé's group shows places but she lands on the waitlist (its last places are
    held in other carts): the register dialog shows the real places; register her in an
    activity that has some and pay by phone with the sandbox's approved VISA."""
    from console.domain.ages import age_fits
    from console.ui.places.register_dialog import RegisterDialog

    case = case_of("F6")
    view = open_case(desk, case)
    verify(desk, view)
    desk.phase = "act"
    api = services(desk)
    zoe = next(m for m in view.members if m.first_name.startswith("Zo"))
    taken = {r.activity_code for r in view.registrations if r.member_name.startswith("Zo")}
    activity = next(
        a
        for a in api.find_activities("")
        if a.real_remaining > 0 and a.code not in taken and age_fits(zoe.age, a.age_min, a.age_max)
    )
    paid_before = len(view.payments)
    desk.chord("Ctrl+I")  # on the file's one waitlist entry, if it finds it: Zoé's group
    dialog = _visible(desk, RegisterDialog, "the register dialog")
    desk.activate(dialog)
    _wait(lambda: dialog.members.count() > 0, "the family's members")
    group = dialog.selected_activity()
    if group is not None:  # the check: its real places, beside the site's figure
        _wait(lambda: dialog.places.places is not None, f"{group.code}'s places")
        desk.tally.notes.append(
            f"{group.code} (Zoé waits on it): {group.real_remaining} real places, "
            f"the site shows {group.site_remaining}"
        )
    desk.reach(dialog.search)
    desk.type(activity.code)  # the filter; the real places show in the table
    _wait(
        lambda: (chosen := dialog.selected_activity()) is not None and chosen.code == activity.code,
        f"activity {activity.code} chosen",
    )
    if dialog.selected_member() != zoe.member_id:
        desk.reach(dialog.members)
        desk.type(zoe.first_name)  # typing a name in the members list picks the member
    if dialog.selected_member() != zoe.member_id:
        raise Unreachable(f"member {zoe.first_name}: typed, got {dialog.selected_member()}")
    desk.tally.notes.append(f"{activity.code}: {activity.real_remaining} real places seen")
    desk.press(dialog.add_button)
    _wait(lambda: dialog.cart is not None and bool(dialog.cart.held), "the place held")
    desk.press(dialog.pay_button)
    _wait(
        lambda: any(d.isVisible() for d in desk.window.findChildren(QDialog, "paymentDialog")),
        "the payment dialog",
    )
    pay = next(d for d in desk.window.findChildren(QDialog, "paymentDialog") if d.isVisible())
    desk.activate(pay)
    _wait(lambda: pay.pay_button.isEnabled(), "the cart's amount and payers")
    desk.reach(pay.card.number)
    desk.type("4242 4242 4242 4242")  # the sandbox's approved VISA (never stored)
    desk.reach(pay.card.expiry)
    desk.type("12/" + str((time.localtime().tm_year + 2) % 100))
    desk.reach(pay.card.cvv)
    desk.type("123")
    desk.confirm("Payer le panier")
    desk.press(pay.pay_button)
    _wait(
        lambda: len(services(desk).household_view(view.household_id).payments) > paid_before,
        "the payment recorded",
    )
    _wait(lambda: pay.receipt_button.isVisible() or not pay.isVisible(), "the payment's answer")
    desk.chord("Escape")  # close the payment (its receipt is one key away: « Reçu… »)
    note(desk, "F6", "Zoé inscrite dans une activité qui a des places, payée par téléphone.")


CALLS: dict[str, Callable[[Desk], None]] = {
    "F1": call_f1,
    "F2": call_f2,
    "F4": call_f4,
    "F6": call_f6,
    "F7": call_f7,
    "F11": call_f11,
    "F12": call_f12,
    "F14": call_f14,
}


def play(window: Any, ctx: ServiceContext, faq: str, verbose: bool = False) -> Tally:
    global _DIALOGS_THE_CALLS_USE
    _DIALOGS_THE_CALLS_USE = _dialogs_the_calls_use()
    desk = Desk(window, ctx, verbose)
    desk.tally = Tally(faq)
    act_as(desk, staff(ctx, Role.AGENT))
    if verbose:
        print(f"  {faq}")
    try:
        CALLS[faq](desk)
        desk.tally.done = True
    except Exception as exc:  # the table says which call could not be played, and why
        desk.tally.error = f"{type(exc).__name__}: {exc}"
    finally:
        if desk.unexpected:
            desk.tally.done = False
            desk.tally.error = f"an unexpected dialog blocked the call: {desk.unexpected}"
        desk._modal_timer.stop()
        _close_dialogs(desk)
    return desk.tally


def _close_dialogs(desk: Desk) -> None:
    for _ in range(5):
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        modal.close()
        QTest.qWait(30)
    for dialog in desk.window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.close()
    desk.window.workspace.close_household()
    desk.settle()


def goal(faq: str) -> int:
    return GOAL_F6 if faq == "F6" else GOAL


def met(tally: Tally) -> bool:
    return tally.done and not tally.mouse and tally.beyond <= goal(tally.call)


def table(tallies: list[Tally]) -> str:
    beyond_title = "beyond search/verify/note"
    head = f"{'call':<5} | {'actions':>7} | {beyond_title:>25} | {'mouse':<5} | goal met"
    lines = [head, "-" * len(head)]
    for t in tallies:
        if not t.done:
            lines.append(
                f"{t.call:<5} | {'—':>7} | {'—':>25} | {'?':<5} | no — not played: {t.error}"
            )
            continue
        beyond = f"{t.beyond} (goal ≤ {goal(t.call)})"
        mouse = "yes" if t.mouse else "no"
        lines.append(
            f"{t.call:<5} | {t.total:>7} | {beyond:>25} | {mouse:<5} | {'yes' if met(t) else 'no'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", default=",".join(CALLS), help="comma-separated, e.g. F2,F11")
    parser.add_argument("--verbose", action="store_true", help="print every key")
    args = parser.parse_args(argv)
    chosen = [c.strip().upper() for c in args.calls.split(",") if c.strip()]
    with tempfile.TemporaryDirectory(prefix="console-desk-") as tmp:
        directory = Path(tmp)
        print("Building the demo database…", flush=True)
        ctx = build_demo(directory)
        window = open_window(ctx, directory)
        tallies = [play(window, ctx, faq, args.verbose) for faq in chosen]
        window.close()
        window.workspace.tasks.wait_idle()
        ctx.db.dispose()
    print()
    print(table(tallies))
    print()
    print(f"Goals: no call needs a mouse; beyond search, verification and the note, at most "
          f"{GOAL} actions per call ({GOAL_F6} for F6 with its payment).")  # fmt: skip
    for t in tallies:
        for n in dict.fromkeys(t.notes):
            print(f"  {t.call}: {n}")
        if t.mouse:
            print(f"  {t.call}: mouse needed for {', '.join(t.mouse)}")
        if t.done and t.beyond > goal(t.call):
            act = [s.removeprefix("act: ") for s in t.steps if s.startswith("act: ")]
            print(f"  {t.call}: {t.beyond} actions beyond search/verify/note: {'; '.join(act)}")
    return 0 if all(t.done for t in tallies) else 1


if __name__ == "__main__":
    sys.exit(main())
