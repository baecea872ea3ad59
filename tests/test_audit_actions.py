"""Every journal entry a service writes uses a code of the shared vocabulary, and the
supervisors' screens have a name for every code (an unnamed code showed as itself)."""

from __future__ import annotations

import ast
from pathlib import Path

from console.domain.audit_actions import AuditAction

SERVICES = Path(__file__).resolve().parents[1] / "console" / "services"
# The functions that write a journal entry, and the position of their action argument.
WRITERS = {"record": 3, "_audit": 3, "audit_cart": 3, "_system": 2}


def _written_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = WRITERS.get(name)
            if position is None or len(node.args) <= position:
                continue
            for part in ast.walk(node.args[position]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    codes[part.value] = f"{path.name}:{node.lineno}"
    return codes


def test_services_write_only_codes_of_the_vocabulary() -> None:
    codes = _written_codes()
    assert len(codes) > 20  # the scan finds the writers
    unknown = {code: where for code, where in codes.items() if code not in set(AuditAction)}
    assert unknown == {}


def test_every_code_of_the_vocabulary_has_a_name_on_screen() -> None:
    from console.ui.kit.formatting import audit_action_name

    unnamed = [action.value for action in AuditAction if audit_action_name(action) == action]
    assert unnamed == []
