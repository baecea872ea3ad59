"""The "Supervision" menu of the main window, shared by the supervisors' screens (journal,
dashboard, …), shown only while a supervisor is signed in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from console.domain.views.staff import Actor
from console.domain.vocabulary import Role

MENU_OBJECT_NAME = "supervisionMenu"


def _title() -> str:
    return QCoreApplication.translate("supervision", "&Supervision")


def supervision_menu(window: QMainWindow) -> QMenu:
    """The window's "&Supervision" menu, created (hidden) the first time it is asked for."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and (
            menu.objectName() == MENU_OBJECT_NAME
            or action.text().replace("&", "") in ("Supervision", _title().replace("&", ""))
        ):
            return menu
    menu = window.menuBar().addMenu(_title())
    menu.setObjectName(MENU_OBJECT_NAME)
    menu.menuAction().setVisible(False)
    return menu


def show_for(menu: QMenu, actor: Actor | None) -> None:
    """Roles decide which actions are shown: the menu is for supervisors only."""
    menu.menuAction().setVisible(actor is not None and actor.role is Role.SUPERVISOR)
