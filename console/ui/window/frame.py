"""The window's frame: search on the left, the family file on the right, a message bar
above them, the menus, the signed-in staff member and a busy indicator in the status bar.

The screens' wiring (``install_*``) takes a :class:`WindowFrame`; :class:`~console.ui.window.
main_window.MainWindow` is the frame with every screen installed. So the wiring never
imports the window that imports it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.domain.api import ConsoleApi
from console.domain.errors import ConsoleError
from console.domain.views.service import ServiceInfo
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.ui.family.household_panel import HouseholdPanel
from console.ui.kit import (
    server_messages,  # noqa: F401 (the sentences of the server's codes)
    text_messages,  # noqa: F401 (the sentences of the text rules)
)
from console.ui.kit.formatting import role_name
from console.ui.kit.message_bar import MessageBar
from console.ui.kit.workspace import Workspace
from console.ui.payments import payment_wording  # noqa: F401 (the payment codes' sentences)
from console.ui.places import places_wording  # noqa: F401 (the places and cart codes' sentences)
from console.ui.search.search_panel import SearchPanel
from console.ui.window.sandbox_banner import SandboxBanner

if TYPE_CHECKING:
    from console.services.api import EmbeddedDemo

LANGUAGE_KEY = "ui/language"
GEOMETRY_KEY = "ui/geometry"
BUSY_DELAY_MS = 200


class WindowFrame(QMainWindow):
    staff_loaded = Signal(object)  # list[Actor]
    sign_out_requested = Signal()

    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        super().__init__()
        self.workspace = workspace
        self._settings = settings
        self._staff: list[Actor] = []
        self._demo: EmbeddedDemo | None = None
        self._info: ServiceInfo | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Console de soutien — Mes loisirs en ligne"))
        self.setMinimumSize(1024, 640)

        self.message_bar = MessageBar()
        self.search_panel = SearchPanel(workspace)
        self.household_panel = HouseholdPanel(workspace)
        self.search_panel.household_requested.connect(self.open_household)
        workspace.error.connect(self.message_bar.show_error)
        workspace.actor_changed.connect(self._show_actor)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        # The results stay readable (name and email) however wide the family file grows.
        self.search_panel.setMinimumWidth(240)
        splitter.addWidget(self.search_panel)
        splitter.addWidget(self.household_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 790])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)
        self.sandbox_banner = SandboxBanner()
        layout.addWidget(self.sandbox_banner)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

    # --- building ---------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Personnel"))
        toolbar.setObjectName("staffToolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        title = QLabel(self.tr("Console de soutien — Mes loisirs en ligne"))
        title.setObjectName("appTitle")
        toolbar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.demo_badge = QLabel(self.tr("DÉMO"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setToolTip(
            self.tr(
                "Base de démonstration : les données sont fictives et le choix du membre du "
                "personnel n'est pas une vraie connexion."
            )
        )
        self.demo_badge.hide()
        self.staff_label = QLabel(self.tr("A&gent (démo) :"))
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("staffCombo")
        # As wide as its longest name and role (« … — soutien téléphonique »), never cut.
        self.staff_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff_combo.setMinimumWidth(260)
        self.staff_combo.setAccessibleName(self.tr("Membre du personnel de démonstration"))
        self.staff_label.setBuddy(self.staff_combo)
        self.staff_combo.currentIndexChanged.connect(self._staff_picked)
        self._demo_actions = [
            toolbar.addWidget(self.demo_badge),
            toolbar.addWidget(self.staff_label),
            toolbar.addWidget(self.staff_combo),
        ]
        for action in self._demo_actions:
            action.setVisible(False)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Fichier"))
        # Signed in to the server: end the session now (a shared desk changes hands).
        self.sign_out_action = file_menu.addAction(self.tr("Se dé&connecter"))
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.setVisible(False)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        quit_action = file_menu.addAction(self.tr("&Quitter"))
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.triggered.connect(self.close)

        household_menu = menu.addMenu(self.tr("&Dossier"))
        self.search_action = QAction(self.tr("&Rechercher la personne qui appelle"), self)
        self.search_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K),
                QKeySequence(Qt.Key.Key_F3),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F),
            ]
        )
        self.search_action.triggered.connect(self.search_panel.focus_search)
        household_menu.addAction(self.search_action)
        self.addAction(self.search_action)
        household_menu.addAction(self.household_panel.refresh_action)
        self.close_household_action = QAction(self.tr("&Fermer le dossier"), self)
        self.close_household_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_W))
        self.close_household_action.triggered.connect(self.workspace.close_household)
        household_menu.addAction(self.close_household_action)
        household_menu.addSeparator()
        members_action = QAction(self.tr("&Membres"), self)
        members_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_M))
        members_action.triggered.connect(
            lambda: self.household_panel.members_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        household_menu.addAction(members_action)
        self.addAction(members_action)
        sections = household_menu.addMenu(self.tr("&Sections"))
        titles = (
            self.tr("Paniers"),
            self.tr("Inscriptions"),
            self.tr("Liste d'attente"),
            self.tr("Paiements"),
            self.tr("Courriels envoyés"),
            self.tr("Notes d'appel"),
        )
        for index, title in enumerate(titles):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(
                lambda _checked=False, i=index: self.household_panel.show_tab(i)
            )
            sections.addAction(action)
            self.addAction(action)

        view_menu = menu.addMenu(self.tr("&Affichage"))
        language_menu = view_menu.addMenu(self.tr("&Langue / Language"))
        group = QActionGroup(self)
        current = self.language()
        self.language_actions: dict[str, QAction] = {}
        for code, label, keys in (("fr", "Français", "Ctrl+F9"), ("en", "English", "Ctrl+F10")):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(keys))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.actor_label = QLabel()
        self.actor_label.setObjectName("actorLabel")
        self.actor_label.setAccessibleName(self.tr("Membre du personnel en session"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Travail en cours"))
        self.busy_bar.hide()
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.actor_label)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy_bar.show)
        self.workspace.tasks.busy_changed.connect(self._busy_changed)

    # --- start-up ---------------------------------------------------------------------

    def show_connecting(self) -> None:
        self.statusBar().showMessage(self.tr("Connexion à la base de données…"))
        self.actor_label.setText(self.tr("Aucune session ouverte"))
        self.search_panel.focus_search()

    def show_startup_progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 0
        self.statusBar().showMessage(
            self.tr("Préparation des données de démonstration… {percent} %").format(percent=percent)
        )

    def startup_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Base de données inaccessible"))
        self.message_bar.show_error(error)

    def attach(self, api: ConsoleApi, *, info: ServiceInfo | None = None) -> None:
        """Signed in: ``api`` acts as the staff member the server's session names."""
        self._demo = None
        self._prepare(demo=False)
        self._info = info
        self.sign_out_action.setVisible(True)
        # A shared database running the sandbox gateway on purpose: no money moves.
        self.sandbox_banner.show_for(bool(info and info.sandbox_gateway and not info.embedded))
        self.workspace.set_api(api, demo=None, info=info)
        self._search_again()

    def attach_demo(self, demo: EmbeddedDemo) -> None:
        """The embedded demo is open: list its staff (off the GUI thread) for the picker
        marked DÉMO, and act as the first agent until another is picked."""
        self._demo = demo
        self._prepare(demo=True)
        self.workspace.tasks.run(
            lambda: _staff_and_info(demo), self._demo_staff, self._no_staff, key="demo-staff"
        )

    def _prepare(self, *, demo: bool) -> None:
        self.statusBar().showMessage(self.tr("Prêt"), 3000)
        self.household_panel.prepare()
        for action in self._demo_actions:
            action.setVisible(demo)

    def _search_again(self) -> None:
        if self.search_panel.box.text().strip():
            self.search_panel.search(self.search_panel.box.text())

    def _demo_staff(self, found: tuple[list[Actor], ServiceInfo | None]) -> None:
        staff, self._info = found
        self._staff = staff
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        for actor in staff:
            self.staff_combo.addItem(f"{actor.display_name} — {role_name(actor.role)}")
        self.staff_combo.blockSignals(False)
        if not staff:
            self._no_staff(ConsoleError("no_staff"))
            return
        first = next((i for i, a in enumerate(staff) if a.role is Role.AGENT), 0)
        self.staff_combo.setCurrentIndex(first)
        self._staff_picked(first)
        self._search_again()
        self.staff_loaded.emit(staff)

    def _no_staff(self, error: BaseException) -> None:
        self.workspace.clear_api(demo=self._demo)
        self.actor_label.setText(self.tr("Aucun membre du personnel"))
        self.message_bar.show_error(error)

    def _staff_picked(self, index: int) -> None:
        """Demo only: another staff member picked = the same services acting as them."""
        demo = self._demo
        if demo is None or not 0 <= index < len(self._staff):
            return
        actor = self._staff[index]
        if self.workspace.demo is demo and self.workspace.actor == actor:
            return  # already acting as them (the picker set twice)
        self.workspace.set_api(demo.api_for(actor), demo=demo, info=self._info)

    def _show_actor(self, actor: Actor | None) -> None:
        if actor is None:
            self.actor_label.setText(self.tr("Aucun membre du personnel"))
            return
        text = self.tr("Session : {name} ({role})").format(
            name=actor.display_name, role=role_name(actor.role)
        )
        if actor.borough_name:
            text += f" · {actor.borough_name}"
        if self.workspace.demo is not None:
            text += " · " + self.tr("DÉMO")
        self.actor_label.setText(text)

    # --- actions ----------------------------------------------------------------------

    def open_household(self, household_id: int) -> None:
        self.message_bar.dismiss()
        self.workspace.open_household(household_id)

    def language(self) -> str:
        return str(self._settings.value(LANGUAGE_KEY, "fr"))

    def choose_language(self, code: str) -> None:
        if code == self.language():
            return
        self._settings.setValue(LANGUAGE_KEY, code)
        self._settings.sync()
        self.message_bar.show_info(
            self.tr(
                "La langue choisie s'appliquera au prochain démarrage de la console. "
                "/ The new language applies the next time the console starts."
            )
        )

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy_bar.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.message_bar.isVisible():
            self.message_bar.dismiss()
            return
        super().keyPressEvent(event)


def _staff_and_info(demo: EmbeddedDemo) -> tuple[list[Actor], ServiceInfo | None]:
    """On the worker: the demo's staff, and what its services say of themselves."""
    staff = demo.staff()
    return staff, demo.api_for(staff[0]).service_info() if staff else None
