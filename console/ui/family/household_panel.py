"""The whole family file at a glance: who they are, members, and tabs for carts,
registrations, waitlist, payments, messages and call notes (the account is a tab added
by ``account_screens``).

Later screens plug in here: :meth:`HouseholdPanel.add_action` puts a button in the
header (enabled while a household is shown), :meth:`HouseholdPanel.add_tab` adds a tab,
and ``Workspace.household_changed`` tells them which household is on screen.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.views.households import (
    CallNoteView,
    HouseholdView,
    MemberView,
    MessageView,
    PaymentView,
    RegistrationView,
    WaitlistView,
)
from console.ui.family.household_sections import (
    MEMBER_ELASTIC_COLUMN,
    CartsTree,
    member_columns,
    message_columns,
    note_columns,
    payment_columns,
    registration_columns,
    waitlist_columns,
)
from console.ui.family.members_pane import MembersPane
from console.ui.kit.action_strip import LAST, ActionStrip
from console.ui.kit.formatting import format_minutes_left
from console.ui.kit.table_model import RowsModel, fit_columns, table_for
from console.ui.kit.workspace import Workspace

REFRESH_MS = 30_000


def _badge(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("badge", "true")
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    font = label.font()
    font.setBold(True)  # in code, not the style sheet, so the size hint counts it
    label.setFont(font)
    label.hide()
    return label


class HouseholdPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdPanel")
        self._workspace = workspace
        self._view: HouseholdView | None = None
        self._received = QElapsedTimer()
        self._household_actions: list[QAction] = []

        self._stack = QStackedWidget()
        self.placeholder = QLabel(
            self.tr(
                "Aucun dossier ouvert.\n\nCherchez la personne qui appelle dans la zone de "
                "recherche (Ctrl+K) : nom, courriel, téléphone ou numéro de dossier, de panier, "
                "de reçu ou de transaction."
            )
        )
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._build_file())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self.refresh_action = QAction(self.tr("Actualiser"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setToolTip(self.tr("Relire le dossier (F5)"))
        self.refresh_action.triggered.connect(workspace.reload_household)
        self.add_action(self.refresh_action, rank=LAST)  # F5; the file refreshes itself

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        workspace.household_loading.connect(self._loading)
        workspace.household_changed.connect(self.show_household)

    def prepare(self) -> None:
        """Lay out and paint the family-file page once, off screen, before the first call:
        style sheets are applied and layouts computed the first time a widget is shown,
        which would otherwise stall the GUI thread when the agent opens the first file."""
        shown = self._stack.currentIndex()
        self._stack.setCurrentIndex(1)
        page = self._stack.currentWidget()
        if page is not None:
            page.grab()
        self._stack.setCurrentIndex(shown)

    # --- building ---------------------------------------------------------------------

    def _build_file(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._build_header())
        self.members_model: RowsModel[MemberView] = RowsModel(member_columns(), self)
        self.members_pane = MembersPane(
            self.members_model, self.tr("Membres du dossier"), MEMBER_ELASTIC_COLUMN
        )
        self.members_table = self.members_pane.table

        self._unfitted: set[QTableView] = set()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdTabs")
        self.tabs.setAccessibleName(self.tr("Sections du dossier"))
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _index: self._fit_current_tab())
        self.carts_tree = CartsTree()
        self.tabs.addTab(self.carts_tree, "")
        self.registrations_model: RowsModel[RegistrationView] = RowsModel(
            registration_columns(), self
        )
        self.waitlist_model: RowsModel[WaitlistView] = RowsModel(waitlist_columns(), self)
        self.payments_model: RowsModel[PaymentView] = RowsModel(payment_columns(), self)
        self.messages_model: RowsModel[MessageView] = RowsModel(message_columns(), self)
        self.notes_model: RowsModel[CallNoteView] = RowsModel(note_columns(), self)
        self._tables: list[QTableView] = []
        for model, name in (
            (self.registrations_model, self.tr("Inscriptions")),
            (self.waitlist_model, self.tr("Liste d'attente")),
            (self.payments_model, self.tr("Paiements")),
            (self.messages_model, self.tr("Courriels envoyés")),
            (self.notes_model, self.tr("Notes d'appel")),
        ):
            table = table_for(model, name)
            self._tables.append(table)
            self.tabs.addTab(table, name)
        for index, section in enumerate([self.carts_tree, *self._tables]):
            # The full name where the tab is short, and the key that shows it.
            self.tabs.setTabToolTip(index, f"{section.accessibleName()} (Ctrl+{index + 1})")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("householdSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.members_pane)
        splitter.addWidget(self.tabs)
        # The members keep the height of a whole family (MembersTable.ROWS); the sections
        # take whatever else the window has.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        return page

    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("householdHeader")
        rows = QVBoxLayout(header)
        rows.setContentsMargins(12, 6, 8, 6)
        rows.setSpacing(2)

        first = QHBoxLayout()
        first.setSpacing(6)
        self.number_label = QLabel()
        self.number_label.setObjectName("householdNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label = QLabel()
        self.name_label.setObjectName("householdName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        first.addWidget(self.number_label)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name_label.setMinimumWidth(120)
        first.addWidget(self.name_label, 1)
        self.locked_badge = _badge("lockedBadge")
        self.unconfirmed_badge = _badge("unconfirmedBadge")
        self.live_cart_badge = _badge("liveCartBadge")
        self.loading_label = QLabel(self.tr("Chargement…"))
        self.loading_label.setObjectName("loadingLabel")
        self.loading_label.hide()
        # Badges (caller verified, …) stand beside the name; the actions get a row of their
        # own, one row whatever the width: what does not fit goes under its "Plus" button.
        self._badges_row = QHBoxLayout()
        self._badges_row.setSpacing(4)
        first.addLayout(self._badges_row)
        rows.addLayout(first)
        self.action_strip = ActionStrip()

        second = QHBoxLayout()
        second.setSpacing(6)
        self.place_label = QLabel()
        self.place_label.setObjectName("householdPlace")
        self.place_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        second.addWidget(self.place_label, 1)
        for badge in (
            self.loading_label,
            self.live_cart_badge,
            self.unconfirmed_badge,
            self.locked_badge,
        ):
            second.addWidget(badge)
        rows.addLayout(second)
        rows.addSpacing(2)
        rows.addWidget(self.action_strip)
        return header

    # --- extension points -------------------------------------------------------------

    def add_action(
        self, action: QAction, *, needs_household: bool = True, rank: int = 0
    ) -> QToolButton:
        """A button in the household header (its shortcut works anywhere in the window);
        the higher its ``rank``, the sooner it goes under "Plus" when the row is short."""
        button = self.action_strip.add(action, rank)
        self.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if needs_household:
            self._household_actions.append(action)
            action.setEnabled(self._view is not None)
        return button

    def add_badge(self, label: QLabel) -> None:
        """A state shown in the header, left of the action buttons."""
        label.setProperty("badge", "true")
        self._badges_row.addWidget(label)

    def add_member_tools(self, widget: QWidget) -> None:
        """Controls under the members table that act on the selected member."""
        self.members_pane.add_tools(widget)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another section of the family file; redraw it on ``household_changed``.

        The section scrolls when it is taller than what the tabs get, rather than
        squeezing the members table above."""
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(widget)
        scroller.setFocusProxy(widget)
        # Painted by the file behind, as the other sections are (setWidget turned it on).
        widget.setAutoFillBackground(False)
        scroller.viewport().setAutoFillBackground(False)
        return self.tabs.addTab(scroller, title)

    def _fit_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._unfitted:
            self._unfitted.discard(current)  # type: ignore[arg-type]
            fit_columns(current)  # type: ignore[arg-type]

    def show_tab(self, index: int) -> None:
        if self._view is not None and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def view(self) -> HouseholdView | None:
        return self._view

    # --- showing ----------------------------------------------------------------------

    def _loading(self, _household_id: int) -> None:
        self.loading_label.show()

    def show_household(self, view: HouseholdView | None) -> None:
        self.loading_label.hide()
        self._view = view
        for action in self._household_actions:
            action.setEnabled(view is not None)
        if view is None:
            self._timer.stop()
            self._stack.setCurrentIndex(0)
            return
        self._received.start()
        self._show_header(view)
        self.members_model.set_rows(view.members)  # its columns fit themselves
        self.carts_tree.set_carts(view.carts, self._now())
        self.registrations_model.set_rows(view.registrations)
        self.waitlist_model.set_rows(view.waitlist)
        self.payments_model.set_rows(view.payments)
        self.messages_model.set_rows(view.messages)
        self.notes_model.set_rows(view.call_notes)
        # Only the table on screen is fitted now; the others when their tab is shown, so
        # opening a busy file does not lay out six tables on the GUI thread at once.
        self._unfitted = set(self._tables)
        self._fit_current_tab()
        self._retitle_tabs(view)
        self._stack.setCurrentIndex(1)
        self._timer.start()

    def _now(self) -> datetime:
        if self._view is None:
            raise RuntimeError("no household on screen")
        return self._view.as_of + timedelta(milliseconds=self._received.elapsed())

    def _tick(self) -> None:
        if self._view is not None:
            self.carts_tree.refresh(self._now())
            self._show_live_cart(self._view)

    def _retitle_tabs(self, view: HouseholdView) -> None:
        counts = (
            (self.tr("Paniers"), len(view.carts)),
            (self.tr("Inscriptions"), len(view.registrations)),
            (self.tr("Liste d'attente"), len(view.waitlist)),
            (self.tr("Paiements"), len(view.payments)),
            (self.tr("Courriels"), len(view.messages)),  # short: every tab fits at 1366 px
            (self.tr("Notes d'appel"), len(view.call_notes)),
        )
        for index, (title, count) in enumerate(counts):
            self.tabs.setTabText(index, f"{title} ({count})")

    def _show_header(self, view: HouseholdView) -> None:
        self.number_label.setText(self.tr("Dossier {number}").format(number=view.number))
        responsible = view.responsible
        self.name_label.setText(
            responsible.name if responsible else self.tr("(aucune personne responsable active)")
        )
        self.name_label.setToolTip(self.name_label.text())
        parts = [view.borough, view.postal_code]
        if view.address:
            parts.append(view.address)
        self.place_label.setText(" · ".join(parts))
        self.place_label.setToolTip(self.place_label.text())
        self.setAccessibleDescription(
            self.tr("Dossier {number}, {name}").format(
                number=view.number, name=self.name_label.text()
            )
        )
        account = view.account
        self.locked_badge.setText(self.tr("Compte verrouillé"))
        self.locked_badge.setVisible(account.locked)
        self.unconfirmed_badge.setText(self.tr("Courriel non confirmé"))
        self.unconfirmed_badge.setVisible(not account.confirmed)
        self._show_live_cart(view)

    def _show_live_cart(self, view: HouseholdView) -> None:
        live = [c for c in view.carts if c.live]
        if not live:
            self.live_cart_badge.hide()
            return
        cart = live[0]
        deadline = cart.checkout_locked_until or cart.hold_expires_at
        self.live_cart_badge.setText(
            self.tr("Panier actif : {left}").format(left=format_minutes_left(deadline, self._now()))
        )
        self.live_cart_badge.show()
