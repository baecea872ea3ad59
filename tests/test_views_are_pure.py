"""The desktop in server mode reads the services' result types without SQLAlchemy, psycopg
or Qt: every module of ``console.domain`` (``console.domain.views`` included) imports in a
fresh interpreter where those packages cannot be imported at all."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKED = ("sqlalchemy", "psycopg", "PySide6")

# Run in a child process: this one has long imported SQLAlchemy and Qt.
CHILD = textwrap.dedent(
    """
    import importlib
    import json
    import pkgutil
    import sys
    import traceback

    BLOCKED = {blocked!r}


    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{{name}} is blocked: console.domain must not need it")
            return None


    sys.meta_path.insert(0, Blocker())
    try:
        import sqlalchemy  # noqa: F401
    except ImportError:
        blocker_works = True
    else:
        blocker_works = False

    import console.domain

    imported, failed = [], {{}}
    for info in pkgutil.walk_packages(console.domain.__path__, "console.domain."):
        try:
            importlib.import_module(info.name)
        except Exception:
            failed[info.name] = traceback.format_exc(limit=-3)
        else:
            imported.append(info.name)
    loaded = sorted(
        name for name in sys.modules if name.split(".")[0] in BLOCKED
    )
    print(json.dumps(
        {{"blocker_works": blocker_works, "imported": imported, "failed": failed,
          "loaded": loaded}}
    ))
    """
).format(blocked=BLOCKED)


def test_every_domain_module_imports_without_sqlalchemy_psycopg_or_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["blocker_works"]
    assert report["failed"] == {}, "\n".join(report["failed"].values())
    assert report["loaded"] == []
    # The walk reached the views and the moved pure modules.
    assert {
        "console.domain.views",
        "console.domain.views.households",
        "console.domain.views.staff",
        "console.domain.quebec_time",
        "console.domain.receipt_words",
    } <= set(report["imported"])
