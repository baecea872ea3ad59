"""Regenerate the screenshots in docs/screenshots/ from a fresh demo database: the main
window as ``console`` builds it (every household action, the call panel open), the
household's account tab (household-account.png) and the supervisors' journal (audit.png).

Renders the window offscreen at 1366×768 with ``QWidget.grab()``: no display needed.

    uv run python scripts/screenshots.py                  # French, docs/screenshots/
    uv run python scripts/screenshots.py --language en --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from console.db.engine import Database  # noqa: E402
from console.db.migrate import upgrade  # noqa: E402
from console.db.models import Cart, Household, Member  # noqa: E402
from console.db.sin import SinCipher  # noqa: E402
from console.domain.clock import FixedClock, SystemClock  # noqa: E402
from console.domain.vocabulary import Role  # noqa: E402
from console.services.accounts import unlock_account  # noqa: E402
from console.services.api import EmbeddedDemo  # noqa: E402
from console.services.context import ServiceContext  # noqa: E402
from console.services.staff import Actor, list_staff  # noqa: E402
from console.services.verification import CallerAnswers, verify_caller  # noqa: E402
from console.ui.kit.tasks import TaskRunner  # noqa: E402
from console.ui.kit.workspace import Workspace  # noqa: E402
from console.ui.supervision.dashboard import Dashboard  # noqa: E402
from console.ui.window.main_window import MainWindow  # noqa: E402
from console.ui.window.payment_actions import install_payments  # noqa: E402
from console.ui.window.places_wiring import install_places  # noqa: E402
from console.ui.window.startup import install_language, install_style  # noqa: E402

SIN_KEY = "fXo1cNuU4f0n2p3o6GQ8lq3kqkH4nQmTqf8qQ0pQe0s="  # demo only


def demo_database(path: Path) -> tuple[Database, datetime]:
    """A migrated database with the demo data (or the UI tests' families until the
    generator is available)."""
    database = Database(f"sqlite:///{path}")
    upgrade(database.engine)
    try:
        from console.db import seed  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        from tests.ui.families import T0, insert_families

        insert_families(database)
        return database, T0
    now = SystemClock().now()
    seed.seed_database(database, SinCipher(SIN_KEY), scale="demo", seed=1, now=now)
    return database, now


def telling_household(database: Database) -> tuple[int, str]:
    """A household that shows a lot at once: a live cart, several members."""
    with database.read() as session:
        members = (
            select(Member.household_id, func.count().label("n"))
            .where(Member.removed_at.is_(None))
            .group_by(Member.household_id)
            .subquery()
        )
        row = session.execute(
            select(Household.id, Member.last_name)
            .join(members, members.c.household_id == Household.id)
            .join(Member, Member.household_id == Household.id)
            .outerjoin(Cart, (Cart.household_id == Household.id) & (Cart.state == "open"))
            .where(Member.relationship == "responsible", Member.removed_at.is_(None))
            .order_by((Cart.id.is_(None)).asc(), members.c.n.desc(), Household.id)
            .limit(1)
        ).one()
        return int(row[0]), str(row[1])


def record_a_call(ctx: ServiceContext, actor: Actor, household_id: int) -> None:
    """Something for the journal: the caller verified, the account unlocked if it was."""
    with ctx.db.read() as session:
        household = session.get(Household, household_id)
        assert household is not None
        born = session.scalar(
            select(Member.birth_date).where(
                Member.household_id == household_id, Member.relationship == "responsible"
            )
        )
        answers = CallerAnswers(birth_date=born, postal_code=household.postal_code)
        locked = household.account.locked_at is not None
    verify_caller(ctx, actor, household_id, answers)
    if locked:
        unlock_account(ctx, actor, household_id, reason="Appel au soutien")


def wait_until(condition: object, timeout_ms: int = 10000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition():  # type: ignore[operator]
        if timer.elapsed() > timeout_ms:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()


def call_panel_shot(window: MainWindow, workspace: Workspace, tasks: TaskRunner) -> QPixmap:
    """The call under way: a reason picked, its FAQ answer, the notice, a note begun."""
    flow = window.call_flow
    flow.panel.set_reason("F12")
    flow.panel.note_edit.setPlainText(
        QCoreApplication.translate(
            "screenshots",
            "Le conjoint n'apparaît pas parmi les personnes qui paient\u00a0; lien de parenté"
            " à corriger.",
        )
    )
    household = workspace.household
    if household is not None and household.members:
        flow.presence.show_names(("Sophie Tremblay",))
    flow.panel.note_edit.setFocus()
    wait_until(lambda: not tasks.busy)
    QCoreApplication.processEvents()
    return window.grab()


def dashboard_database(path: Path) -> tuple[Database, datetime]:
    """A database busy enough for the supervisors' dashboard to show something: the
    generator's "test" scale (400 households)."""
    database = Database(f"sqlite:///{path}")
    upgrade(database.engine)
    now = SystemClock().now()
    from console.db.seed import seed_database

    seed_database(database, SinCipher(SIN_KEY), scale="test", seed=1, now=now)
    return database, now


def shoot_dashboard(tmp: Path, target: Path) -> None:
    database, now = dashboard_database(tmp / "dashboard.sqlite3")
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(SIN_KEY), clock=FixedClock(now))
    tasks = TaskRunner()
    workspace = Workspace(tasks)
    demo = EmbeddedDemo(ctx)
    supervisor = next(a for a in list_staff(ctx) if a.role is Role.SUPERVISOR)
    workspace.set_api(demo.api_for(supervisor), demo=demo)
    dashboard = Dashboard(workspace)
    dashboard.resize(1366, 768)
    dashboard.open()
    wait_until(lambda: dashboard.figures is not None and not tasks.busy)
    settle = QElapsedTimer()
    settle.start()
    wait_until(lambda: settle.elapsed() > 300)  # the charts lay their axes out late
    dashboard.grab().save(str(target))
    print(target)
    dashboard.close()
    tasks.wait_idle()
    database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=["fr", "en"], default="fr")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    install_language(app, args.language)
    install_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        database, now = demo_database(Path(tmp) / "demo.sqlite3")
        ctx = ServiceContext(db=database, sin_cipher=SinCipher(SIN_KEY), clock=FixedClock(now))
        tasks = TaskRunner()
        workspace = Workspace(tasks)
        window = MainWindow(
            workspace, QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        )
        install_places(window)  # the household actions of the real window (console.app)
        install_payments(window)
        window.resize(1366, 768)
        window.show()
        window.attach_demo(EmbeddedDemo(ctx))
        wait_until(lambda: workspace.actor is not None)
        household_id, last_name = telling_household(database)
        window.search_panel.box.setText(last_name[:5])
        wait_until(lambda: window.search_panel.model.rowCount() > 0)
        window.open_household(household_id)
        wait_until(lambda: workspace.household is not None and not tasks.busy)
        window.household_panel.carts_tree.setFocus()
        suffix = "" if args.language == "fr" else f"-{args.language}"
        args.out.mkdir(parents=True, exist_ok=True)

        def shoot(widget: object, name: str) -> None:
            wait_until(lambda: not tasks.busy)
            QCoreApplication.processEvents()
            target = args.out / f"{name}{suffix}.png"
            widget.grab().save(str(target))  # type: ignore[attr-defined]
            print(target)

        shoot(window, "main-window")
        target = args.out / f"call-panel{suffix}.png"
        call_panel_shot(window, workspace, tasks).save(str(target))
        print(target)
        screens = window.account_screens
        window.household_panel.show_tab(screens.account_tab)
        member = next(
            r
            for r in range(window.household_panel.members_model.rowCount())
            if window.household_panel.members_model.row(r).relationship != "responsible"
        )
        window.household_panel.members_table.selectRow(member)
        shoot(window, "household-account")

        agent = workspace.actor
        assert agent is not None
        record_a_call(ctx, agent, household_id)
        supervisor = next(i for i, a in enumerate(window._staff) if a.role is Role.SUPERVISOR)
        window.staff_combo.setCurrentIndex(supervisor)
        wait_until(lambda: not tasks.busy)
        screens.open_audit()
        assert screens.audit_window is not None
        screens.audit_window.resize(1100, 560)
        shoot(screens.audit_window, "audit")
        tasks.wait_idle()
        database.dispose()
        shoot_dashboard(Path(tmp), args.out / f"dashboard{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
