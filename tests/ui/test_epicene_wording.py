"""The French interface fits every gender (OQLF, rédaction épicène) and writes real plurals.

The strings are every ``<source>`` of resources/translations/console_en.ts: all the
``tr``/``translate``/``QT_TRANSLATE_NOOP`` literals of console/ui, the FAQ scripts of
console/ui/call/knowledge.py included. Words the city's site itself prints are quoted in
« guillemets » (the caller reads them on screen, so the staff say them as printed) and are
not checked; the site's own payer-list labels are listed in ``SITE_LABELS`` for the same
reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "console_en.ts"

# The site's relationship choices (F12), shown as the site prints them.
SITE_LABELS = frozenset(
    {"Conjoint et parent des enfants", "Conjoint", "Père ou mère du responsable de dossier"}
)
# Masculine words for a person whose gender is unknown, each with how the console says it
# instead. Only words that name or describe a person: « le délai inscrit », « il » for a
# cart or a code are not about anyone.
GENDERED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("l'appelant → la personne qui appelle", re.compile(r"\bappelants?\b", re.I)),
    ("l'agent → le membre du personnel", re.compile(r"\bagents?\b", re.I)),
    (
        "le responsable → la personne responsable",
        re.compile(r"\b(le|du|au|un) responsable\b", re.I),
    ),
    ("aucun responsable → aucune personne responsable", re.compile(r"\baucun responsable\b")),
    ("les superviseurs → la supervision", re.compile(r"\bsuperviseurs?\b", re.I)),
    ("l'administrateur → l'équipe d'administration", re.compile(r"\badministrateurs?\b", re.I)),
    ("un commis → le personnel du bureau", re.compile(r"\b(un|seuls?) commis\b", re.I)),
    ("les utilisateurs → les personnes", re.compile(r"\butilisateurs\b", re.I)),
    ("le payeur → la personne qui paie", re.compile(r"\bpayeurs?\b", re.I)),
    ("connecté (a person) → en session", re.compile(r"\b(non )?connecté\b", re.I)),
    (
        "vous êtes inscrit → votre inscription",
        re.compile(
            r"\b(êtes|est|sera|serez|être) (déjà |pas |y )*(inscrit|placé|avisé)\b(?! au dossier)",
            re.I,
        ),
    ),
    ("il/lui for a person → the person, rephrased", re.compile(r"\bavant lui\b|\bIl sera\b")),
)
PLURAL_HACK = re.compile(r"\((e|s|es|x)\)")
QUOTED = re.compile(r"«[^«»]*»")


def french_sources() -> list[str]:
    root = ET.parse(TS).getroot()
    return [s.text or "" for s in root.iter("source")]


def gendered_words(text: str) -> list[str]:
    if text in SITE_LABELS:
        return []
    prose = QUOTED.sub(" ", text)
    return [name for name, rule in GENDERED if rule.search(prose)]


def test_there_are_sources_to_check() -> None:
    assert len(french_sources()) > 500


def test_no_french_source_writes_a_plural_or_feminine_in_brackets() -> None:
    found = [s for s in french_sources() if PLURAL_HACK.search(s)]
    assert found == []


def test_no_french_source_uses_a_masculine_word_for_an_unknown_person() -> None:
    found = {s: gendered_words(s) for s in french_sources() if gendered_words(s)}
    assert found == {}


@pytest.mark.parametrize(
    "text",
    [
        "Vérifiez l'identité de l'appelant.",
        "Autres agents sur ce dossier",
        "Seul le responsable du dossier peut payer ce panier.",
        "Avisez l'administrateur du serveur.",
        "Non connecté",
        "Vous êtes déjà inscrit à cette activité.",
        "Le payeur ne fait pas partie de ce dossier.",
    ],
)
def test_the_list_catches_the_old_wordings(text: str) -> None:
    assert gendered_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vérifiez l'identité de la personne qui appelle.",
        "Il faut attendre la fin du délai inscrit sur le compteur.",
        "Le site affiche «\u00a0Vous êtes déjà inscrit à cette activité\u00a0».",
        "Père ou mère du responsable de dossier",
        "Responsable du dossier",
        "Aucun numéro d'assurance sociale n'est inscrit au dossier de {name}.",
        "Le code de validation a 3 chiffres\u00a0; il est au dos de la carte.",
    ],
)
def test_the_list_leaves_words_about_things_and_the_sites_quotes(text: str) -> None:
    assert gendered_words(text) == []


def test_the_bracket_rule_catches_place_s() -> None:
    assert PLURAL_HACK.search("{n} place(s) libre(s)")
    assert PLURAL_HACK.search("Né(e) le {date}")
    assert not PLURAL_HACK.search("Vérifiez (Ctrl+Maj+V) et le relevé 24 (RL-24)")
