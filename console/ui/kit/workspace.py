"""What every screen shares during a call: the use cases (``ConsoleApi``) of the signed-in
staff member, the task runner and the household on screen.

A screen never keeps its own copy: it reads ``workspace.api`` when it acts (on the task
runner, never on the GUI thread), listens to ``household_changed`` to redraw, and calls
``reload_household()`` after a change so every panel shows the new state. The same
screens run in-process (the embedded demo, ``demo`` set) or against ``console serve``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from console.domain.api import ConsoleApi
from console.domain.views.households import HouseholdView
from console.domain.views.service import ServiceInfo
from console.domain.views.staff import Actor
from console.ui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from console.services.api import EmbeddedDemo


class Workspace(QObject):
    # An api was set (the first one, or another staff member's) or the demo changed:
    # re-read ``api``, ``demo`` and ``info``.
    context_ready = Signal()
    actor_changed = Signal(object)  # Actor | None
    household_loading = Signal(int)  # household id
    household_changed = Signal(object)  # HouseholdView | None
    error = Signal(object)  # an exception for the message bar

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._api: ConsoleApi | None = None
        self._demo: EmbeddedDemo | None = None
        self._info: ServiceInfo | None = None
        self._household: HouseholdView | None = None

    @property
    def api(self) -> ConsoleApi:
        if self._api is None:
            raise RuntimeError("no staff member is signed in yet")
        return self._api

    @property
    def ready(self) -> bool:
        return self._api is not None

    @property
    def demo(self) -> EmbeddedDemo | None:
        """The embedded demo (its staff picker and demo-only tools), or None when remote."""
        return self._demo

    @property
    def info(self) -> ServiceInfo | None:
        """What the service said of itself (its clock, a sandbox gateway), when known."""
        return self._info

    def set_api(
        self, api: ConsoleApi, *, demo: EmbeddedDemo | None, info: ServiceInfo | None = None
    ) -> None:
        previous = self.actor
        self._api, self._demo, self._info = api, demo, info
        self.context_ready.emit()
        if api.actor != previous:
            self.actor_changed.emit(api.actor)

    def clear_api(self, *, demo: EmbeddedDemo | None = None) -> None:
        """Nobody is signed in (the demo found no staff); the demo's own tools, such as
        making its data again, stay available."""
        previous = self.actor
        self._api, self._demo = None, demo
        self.context_ready.emit()
        if previous is not None:
            self.actor_changed.emit(None)

    @property
    def actor(self) -> Actor | None:
        return self._api.actor if self._api is not None else None

    @property
    def household(self) -> HouseholdView | None:
        return self._household

    def open_household(self, household_id: int) -> None:
        """Load the whole family file; the panels redraw on ``household_changed``."""
        api = self.api
        self.household_loading.emit(household_id)
        self.tasks.run(
            lambda: api.household_view(household_id),
            self._household_loaded,
            self.report,
            key="household",
        )

    def reload_household(self) -> None:
        if self._household is not None:
            self.open_household(self._household.household_id)

    def close_household(self) -> None:
        self._household = None
        self.household_changed.emit(None)

    def report(self, error: BaseException) -> None:
        self.error.emit(error)

    def _household_loaded(self, view: HouseholdView) -> None:
        self._household = view
        self.household_changed.emit(view)
