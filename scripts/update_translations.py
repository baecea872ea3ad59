"""Refresh the English translation: lupdate collects the French source strings of
``console/ui/**/*.py`` into ``resources/translations/console_en.ts`` (keeping the existing
translations), then lrelease compiles it to ``console/ui/translations/console_en.qm``,
which ships inside the package.

    uv run python scripts/update_translations.py            # lupdate + lrelease
    uv run python scripts/update_translations.py --release  # lrelease only
    uv run python scripts/update_translations.py --check    # fail on unfinished strings
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "console" / "ui").rglob("*.py"))
TS = ROOT / "resources" / "translations" / "console_en.ts"
QM = ROOT / "console" / "ui" / "translations" / "console_en.qm"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: run inside the project venv (uv run …)")
    return found


def lupdate() -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *(str(p.relative_to(ROOT)) for p in SOURCES),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "fr_CA",
            "-target-language",
            "en_CA",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease() -> None:
    QM.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)


def unfinished() -> list[str]:
    missing = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not (translation.text or "").strip()
        ):
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts")
    parser.add_argument("--check", action="store_true", help="fail when strings lack English")
    args = parser.parse_args()
    if not args.release:
        lupdate()
    lrelease()
    missing = unfinished()
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
