"""What every screen shares during a call: the service context, the signed-in staff
member, the task runner and the household on screen.

A screen never keeps its own copy: it reads ``workspace.ctx`` / ``workspace.actor`` when
it acts, listens to ``household_changed`` to redraw, and calls ``reload_household()``
after a change so every panel shows the new state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.domain.views.households import HouseholdView
from console.domain.views.staff import Actor
from console.services.context import ServiceContext
from console.services.households import household_view
from console.ui.tasks import TaskRunner


class Workspace(QObject):
    context_ready = Signal()
    actor_changed = Signal(object)  # Actor | None
    household_loading = Signal(int)  # household id
    household_changed = Signal(object)  # HouseholdView | None
    error = Signal(object)  # an exception for the message bar

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._ctx: ServiceContext | None = None
        self._actor: Actor | None = None
        self._household: HouseholdView | None = None
        self.demo = False

    @property
    def ctx(self) -> ServiceContext:
        if self._ctx is None:
            raise RuntimeError("the database is not open yet")
        return self._ctx

    @property
    def ready(self) -> bool:
        return self._ctx is not None

    def set_context(self, ctx: ServiceContext, *, demo: bool) -> None:
        self._ctx = ctx
        self.demo = demo
        self.context_ready.emit()

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def set_actor(self, actor: Actor | None) -> None:
        if actor != self._actor:
            self._actor = actor
            self.actor_changed.emit(actor)

    @property
    def household(self) -> HouseholdView | None:
        return self._household

    def open_household(self, household_id: int) -> None:
        """Load the whole family file; the panels redraw on ``household_changed``."""
        ctx = self.ctx
        self.household_loading.emit(household_id)
        self.tasks.run(
            lambda: household_view(ctx, household_id),
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
