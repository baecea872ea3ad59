"""Every French string of the interface has its English translation, compiled and shipped."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from console.ui.kit.resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "console_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            text = translation.text if translation is not None and finished else None
            found[(name, message.findtext("source") or "")] = text
    return found


def test_every_string_has_an_english_translation() -> None:
    untranslated = [key for key, text in _messages(TS).items() if not text]
    assert untranslated == []


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "console" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run: uv run python scripts/update_translations.py"


def test_the_compiled_catalogue_ships_in_the_package() -> None:
    qm = TRANSLATIONS / "console_en.qm"
    assert qm.exists()
    assert qm.stat().st_size > 1000
