"""What the account, verification and audit panel tests share: a migrated SQLite
database with one family and staff of each role, a task runner, and a way to wait.

The panels are the same on both dialects, so these tests run on SQLite; the services
below them are tested on both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.clock import FixedClock
from console.domain.vocabulary import Role
from console.services.api import InProcessApi
from console.services.context import ServiceContext
from console.services.staff import Actor
from console.ui.kit.tasks import TaskRunner
from console.ui.kit.workspace import Workspace
from tests.conftest import TEST_SIN_KEY
from tests.helpers.builders import BuiltHousehold, make_household, make_staff
from tests.helpers.databases import fresh_sqlite


@dataclass
class Scene:
    db: Database
    ctx: ServiceContext
    clock: FixedClock
    tasks: TaskRunner
    family: BuiltHousehold
    agent: Actor
    clerk: Actor
    supervisor: Actor

    def api(self, actor: Actor) -> InProcessApi:
        """The use cases on this scene's database, acting as ``actor``."""
        return InProcessApi(self.ctx, actor)

    def workspace(self, actor: Actor) -> Workspace:
        """What the panels read: this scene's database, ``actor`` signed in."""
        workspace = Workspace(self.tasks)
        workspace.set_api(self.api(actor), demo=None)
        return workspace

    def settle(self, qtbot: QtBot) -> None:
        """Wait until every service call has answered on the GUI thread."""
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=10000)


def build_scene(template: Path, target: Path, **household: object) -> Scene:
    db = fresh_sqlite(template, target)
    clock = FixedClock()
    ctx = ServiceContext(db=db, sin_cipher=SinCipher(TEST_SIN_KEY), clock=clock)
    with db.write() as session:
        family = make_household(session, **household)  # type: ignore[arg-type]
        agent = make_staff(session, Role.AGENT, display_name="Alice Agente")
        clerk = make_staff(session, Role.CLERK, borough=family.borough_id)
        supervisor = make_staff(session, Role.SUPERVISOR)
    return Scene(db, ctx, clock, TaskRunner(), family, agent, clerk, supervisor)
