from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.services.verification import verification_status
from console.ui.family.verification_dialog import VerificationDialog
from tests.ui.support_scene import Scene, build_scene

# The offscreen platform warns when a shown top-level widget's size hints change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def scene(tmp_path: Path, _sqlite_template: Path) -> Iterator[Scene]:
    built = build_scene(_sqlite_template, tmp_path / "ui.sqlite3")
    yield built
    built.tasks.wait_idle()
    built.db.dispose()


def _dialog(qtbot: QtBot, scene: Scene) -> VerificationDialog:
    dialog = VerificationDialog(scene.tasks, scene.api(scene.agent), scene.family.household_id)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_two_right_answers_verify_the_caller_with_the_keyboard(qtbot: QtBot, scene: Scene) -> None:
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.birth_date, scene.family.responsible_birth_date.isoformat())
    qtbot.keyClicks(dialog.postal_code, "g1r2b5")
    qtbot.keyClick(dialog.postal_code, Qt.Key.Key_Return)  # Enter in an answer checks nothing
    assert not scene.tasks.busy and dialog.result_value is None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.verified, timeout=10000):
        qtbot.keyClick(dialog.postal_code, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert dialog.result_value is not None and dialog.result_value.passed
    assert verification_status(scene.ctx, scene.agent, scene.family.household_id).verified


def test_a_wrong_answer_says_how_many_tries_are_left(qtbot: QtBot, scene: Scene) -> None:
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.birth_date, "1999-01-01")
    qtbot.keyClicks(dialog.postal_code, "G1R 2B5")
    dialog.check()
    scene.settle(qtbot)
    assert "2" in dialog.outcome.text() and dialog.isVisible()


def test_a_malformed_date_is_explained_and_nothing_is_recorded(qtbot: QtBot, scene: Scene) -> None:
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.birth_date, "12 juin 84")
    qtbot.keyClicks(dialog.postal_code, "G1R 2B5")
    dialog.check()
    assert "3/12/2016" in dialog.outcome.text()
    assert not scene.tasks.busy


def test_a_single_answer_is_refused_with_a_clear_message(qtbot: QtBot, scene: Scene) -> None:
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.postal_code, "G1R 2B5")
    dialog.check()
    scene.settle(qtbot)
    assert "deux questions" in dialog.outcome.text()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("3/12/2016", "Compris\u00a0: 3 décembre 2016 (lu le jour d'abord, puis le mois)"),
        ("03 12 2016", "Compris\u00a0: 3 décembre 2016 (lu le jour d'abord, puis le mois)"),
        ("2016-12-03", "Compris\u00a0: 3 décembre 2016"),
        ("3 déc. 2016", "Compris\u00a0: 3 décembre 2016"),
        ("December 3, 2016", "Compris\u00a0: 3 décembre 2016"),
        ("25/12/2016", "Compris\u00a0: 25 décembre 2016"),
        ("1 mars 1984", "Compris\u00a0: 1er mars 1984"),
        ("3/12/16", "Date non comprise."),
    ],
)
def test_the_dialog_says_which_date_it_understood(
    qtbot: QtBot, scene: Scene, typed: str, shown: str
) -> None:
    dialog = _dialog(qtbot, scene)
    dialog.birth_date.setText(typed)  # keyClicks cannot type "é" offscreen
    assert dialog.birth_date_read.text() == shown


def test_a_birth_date_typed_day_first_verifies_the_caller(qtbot: QtBot, scene: Scene) -> None:
    born = scene.family.responsible_birth_date
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.birth_date, f"{born.day}/{born.month}/{born.year}")
    qtbot.keyClicks(dialog.postal_code, "G1R 2B5")
    with qtbot.waitSignal(dialog.verified, timeout=10000):
        dialog.check()
    assert dialog.result_value is not None and dialog.result_value.passed


def test_a_birth_date_read_month_first_does_not_match(qtbot: QtBot, scene: Scene) -> None:
    born = scene.family.responsible_birth_date
    if born.day > 12 or born.day == born.month:
        pytest.skip("the scene's birth date reads the same both ways")
    dialog = _dialog(qtbot, scene)
    qtbot.keyClicks(dialog.birth_date, f"{born.month}/{born.day}/{born.year}")
    qtbot.keyClicks(dialog.postal_code, "G1R 2B5")
    dialog.check()
    scene.settle(qtbot)
    assert dialog.result_value is not None and not dialog.result_value.passed


@pytest.mark.parametrize(
    ("language", "shown"),
    [("fr", "Compris\u00a0: 3 DÉCEMBRE 2016"), ("en", "Understood: DECEMBER 3, 2016")],
)
def test_the_understood_date_takes_its_month_from_the_one_table(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch, language: str, shown: str
) -> None:
    """The month the dialog says back is the domain's (console.domain.calendar_words), the
    table the date reader and the receipts read — not Qt's locale: a change to the table
    shows here."""
    from PySide6.QtWidgets import QApplication

    from console.domain import calendar_words
    from tests.ui.console_window import language_installed

    for table in ("FRENCH_MONTHS", "ENGLISH_MONTHS"):
        monkeypatch.setattr(
            calendar_words, table, tuple(m.upper() for m in getattr(calendar_words, table))
        )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with language_installed(app, language):
        dialog = _dialog(qtbot, scene)
        dialog.birth_date.setText("2016-12-03")
        assert dialog.birth_date_read.text() == shown


def test_the_dialog_says_the_date_in_english_from_the_same_table(
    qtbot: QtBot, scene: Scene
) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.console_window import language_installed

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with language_installed(app, "en"):
        dialog = _dialog(qtbot, scene)
        dialog.birth_date.setText("1 mars 1984")
        assert dialog.birth_date_read.text() == "Understood: March 1, 1984"


def test_no_screen_spells_a_month_through_qts_locale() -> None:
    """Qt's month names (``MMMM``, ``monthName``) are a second table beside the domain's."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "console" / "ui"
    users = sorted(
        str(path.relative_to(ui))
        for path in ui.rglob("*.py")
        if "MMM" in (text := path.read_text(encoding="utf-8")) or "monthName" in text
    )
    assert users == []
