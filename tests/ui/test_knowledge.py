"""The knowledge panel shows, for every reason, the FAQ answer to read — in French or in
English — and the Access Act notice where information is collected by phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.services.calls import CALL_REASONS
from console.ui.call import knowledge
from console.ui.call.call_panel import CallPanel
from console.ui.kit.resources import TRANSLATIONS

# The offscreen platform cannot resize a shown top-level widget to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

# A few words each answer must hold, so a script cannot drift to another topic.
FRENCH = {
    "F1": ("J'ai oublié mon mot de passe", "8 caractères", "majuscule"),
    "F2": ("Hotmail", "courriers indésirables"),
    "F3": ("identifiant unique", "nouveau Dossier loisir"),
    "F4": ("bureau d'arrondissement",),
    "F5": ("bloqueur de fenêtres publicitaires", "Safari 7, 8, 9 et 10"),
    "F6": ("liste d'attente", "une place se libère"),
    "F7": ("autre panier", "liste d'attente"),
    "F8": ("20 minutes", "une seule reprise", "libérées"),
    "F9": ("Paiement effectué avec succès", "Paiement refusé"),
    "F10": ("Windows XP", "VISA et Mastercard", "tirets ou des espaces", "3 chiffres"),
    "F11": ("Passer à la caisse", "compteur", "numéro de votre panier"),
    "F12": ("Conjoint et parent des enfants", "Père ou mère du responsable de dossier"),
    "F13": ("relevé 24", "Programme Vacances-Été", "numéro d'assurance sociale"),
    "F14": ("numéro du propriétaire du panier", "Soumettre"),
    "other": ("note d'appel",),
}
ENGLISH = {
    "F1": ("password", "8 characters", "uppercase"),
    "F2": ("Hotmail", "junk mail"),
    "F3": ("unique identifier", "new Dossier loisir"),
    "F4": ("borough office",),
    "F5": ("pop-up blocker", "Safari 7, 8, 9 and 10"),
    "F6": ("waitlist", "place frees up"),
    "F7": ("another cart", "waitlist"),
    "F8": ("20 minutes", "once", "released"),
    "F9": ("Paiement effectué avec succès", "Paiement refusé", "not registered"),
    "F10": ("Windows XP", "VISA and Mastercard", "dashes or spaces", "3 digits"),
    "F11": ("checkout", "counter", "cart number"),
    "F12": ("Conjoint et parent des enfants", "receipt is issued in the name"),
    "F13": ("RL-24", "Programme Vacances-Été", "social insurance number"),
    "F14": ("cart owner's number", "Soumettre"),
    "other": ("call note",),
}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_every_reason_has_a_script_in_both_languages() -> None:
    assert set(FRENCH) == set(CALL_REASONS) == set(ENGLISH)


@pytest.mark.parametrize("reason", CALL_REASONS)
def test_the_panel_shows_the_answer_of_the_reason_in_french_and_english(
    qtbot: QtBot, reason: str
) -> None:
    panel = CallPanel()
    qtbot.add_widget(panel)
    panel.set_reason(reason)
    french = _plain(panel.script.toPlainText())
    for words in FRENCH[reason]:
        assert words in french
    panel.english_button.click()
    assert panel.language == "en"
    english = _plain(panel.script.toPlainText())
    assert english != french
    for words in ENGLISH[reason]:
        assert words in english
    assert panel.french_button.isEnabled()
    panel.toggle_language()
    assert _plain(panel.script.toPlainText()) == french


def test_the_hint_says_what_to_do_in_the_console(qtbot: QtBot) -> None:
    panel = CallPanel()
    qtbot.add_widget(panel)
    panel.show()
    assert not panel.hint_label.isVisible()
    panel.set_reason("F11")
    assert panel.hint_label.isVisible()
    assert "site de paiement" in panel.hint_label.text()


@pytest.mark.parametrize(("reason", "shown"), [("F12", True), ("F13", True), ("F1", False)])
def test_the_access_notice_shows_where_information_is_collected(
    qtbot: QtBot, reason: str, shown: bool
) -> None:
    panel = CallPanel()
    qtbot.add_widget(panel)
    panel.show()
    panel.set_reason(reason)
    assert panel.notice.isVisible() is shown
    if shown:
        text = panel.notice_text.text()
        assert "Ville de Québec" in text and "pas obligé de répondre" in text
        assert "droit de consulter" in text
        panel.set_language("en")
        assert "right to see the information" in panel.notice_text.text()


def test_the_notice_can_be_shown_before_changing_the_file(qtbot: QtBot) -> None:
    panel = CallPanel()
    qtbot.add_widget(panel)
    panel.show()
    panel.set_reason("F1")
    panel.show_access_notice()
    assert panel.notice.isVisible()
    panel.clear()
    assert not panel.notice.isVisible()


@pytest.fixture
def english_interface() -> Iterator[None]:
    app = QApplication.instance()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "console_en.qm"))
    app.installTranslator(translator)  # type: ignore[union-attr]
    yield
    app.removeTranslator(translator)  # type: ignore[union-attr]


def test_the_reason_titles_follow_the_interface_language(
    qtbot: QtBot, english_interface: None
) -> None:
    panel = CallPanel()
    qtbot.add_widget(panel)
    assert panel.reason_combo.itemText(1) == "F1 — Forgotten password"
    assert knowledge.title("other") == "Other reason"
    panel.set_reason("F2")
    # The agent reads English, the caller may still get the French answer.
    assert "Hotmail" in panel.script.toPlainText()
    assert "courriers indésirables" in panel.script.toPlainText()
