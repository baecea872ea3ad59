"""Every French interface string follows the OQLF's typography: a non-breaking space
before « : », « ; », « ! » and « ? » and inside « guillemets », and times written
« 14 h 05 ».

The strings are every ``<source>`` of resources/translations/console_en.ts (all the
``tr``/``translate`` literals of console/ui) and every FAQ script, title and hint of
console/ui/call/knowledge.py. Placeholders (``{minute:02d}``), URLs, HTML tags and
entities are not prose and are not checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from console.ui.call import knowledge

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "console_en.ts"
SPACES = "\u00a0\u202f"
NOT_PROSE = re.compile(
    r"\{[^{}]*\}|(?:https?://|www\.)\S+|<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"
)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an ordinary space before a high mark", re.compile(r" [:;!?]")),
    # (a colon between digits is a time: its own rule below)
    ("no space before a high mark", re.compile(rf"[^\s{SPACES}:;!?](?:[;!?]|:(?!\d\d))")),
    ("no non-breaking space after «", re.compile(rf"«(?![{SPACES}])")),
    ("no non-breaking space before »", re.compile(rf"(?<![{SPACES}])»")),
    ("a time written 14:05", re.compile(r"\b\d{1,2}:\d{2}\b")),
    ("a time written 14h05", re.compile(r"\b\d{1,2}h\d{2}\b")),
)


def problems(text: str) -> list[str]:
    prose = NOT_PROSE.sub(" ", text)
    return [name for name, rule in RULES if rule.search(prose)]


def catalogue_sources() -> list[str]:
    return [m.findtext("source") or "" for m in ET.parse(TS).getroot().iter("message")]


def knowledge_strings() -> list[str]:
    return [
        *knowledge._TITLES.values(),
        *knowledge._SCRIPTS.values(),
        *knowledge._HINTS.values(),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Courriel :", ["an ordinary space before a high mark"]),
        ("Erreur: {detail}", ["no space before a high mark"]),
        ("Vraiment?", ["no space before a high mark"]),
        (
            "le site affiche « Bonjour »",
            ["no non-breaking space after «", "no non-breaking space before »"],
        ),
        ("avant 14:05", ["a time written 14:05"]),
        ("avant 14h05", ["a time written 14h05"]),
        ("Courriel\u00a0: {minute:02d} «\u00a0oui\u00a0» à 14\u00a0h\u00a005\u00a0!", []),
        ("voir https://example.ca/a?b=1 et &nbsp; <b>x</b>", []),
    ],
)
def test_the_rules_catch_each_fault(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_the_strings_are_found() -> None:
    assert len(catalogue_sources()) > 500
    assert len(knowledge_strings()) > 30


def test_every_interface_string_follows_the_oqlf() -> None:
    faults = [
        f"{', '.join(found)}: {text!r}"
        for text in sorted(set(catalogue_sources()) | set(knowledge_strings()))
        if (found := problems(text))
    ]
    assert faults == [], "run /tmp/tools/oqlf_sweep.py or fix by hand:\n" + "\n".join(faults)
