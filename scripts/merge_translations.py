"""Union the finished translations of several .ts files into the project's catalogue.

Branches that each add strings conflict in the generated .ts; after a merge:

    git show :2:resources/translations/console_en.ts > /tmp/ours.ts
    git show :3:resources/translations/console_en.ts > /tmp/theirs.ts
    uv run python scripts/merge_translations.py /tmp/ours.ts /tmp/theirs.ts
    uv run python scripts/update_translations.py

Every (context, source) pair translated in any input keeps its translation; lupdate then
drops what the sources no longer use and lrelease rebuilds the .qm.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "console_en.ts"


def main(paths: list[str]) -> int:
    trees = [ET.parse(p) for p in paths]
    base = trees[0].getroot()
    contexts = {c.findtext("name"): c for c in base.iter("context")}
    for tree in trees[1:]:
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            target = contexts.get(name)
            if target is None:
                base.append(context)
                contexts[name] = context
                continue
            known = {m.findtext("source"): m for m in target.iter("message")}
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                finished = translation is not None and translation.get("type") is None
                mine = known.get(source)
                if mine is None:
                    target.append(message)
                elif finished:
                    mine_translation = mine.find("translation")
                    if mine_translation is None or mine_translation.get("type") is not None:
                        target.remove(mine)
                        target.append(message)
    ET.indent(base)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(base, encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
