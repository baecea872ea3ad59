"""No error code ever reaches the screen: every code the services, the server, the client
and the domain can raise reads as a sentence, in French and in English.

The codes are collected from the source (console/, but not console/ui): every call of an
error class or of ``Reason`` whose first argument is a literal or a module constant. A call
whose code is computed is listed in ``DYNAMIC_SITES`` with the codes it can carry; a new
one fails the test until it is listed. Codes only the command line meets are in
``CLI_ONLY``, and the command line must print a sentence for them instead.

The payment site's answers are codes too, though nothing raises them: a refusal
(``expired_card``) or why a payment is pending (``gateway_timeout``) is stored on the
payment and shown by the payment dialog, the household's payments and the journal. They are
collected from every ``refusal_code=`` / ``refusal_reason=`` / ``pending_reason=`` the
services pass, following a name back to what the function assigns it (a literal, either
branch of a conditional, the values of a module table read with ``.get``).
"""

from __future__ import annotations

import ast
import importlib
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import console
import console.ui.window.main_window
from console.cli_keys import database_problem as cli_keys_sentence
from console.cli_staff import _explain as cli_staff_sentence
from console.domain.errors import ConsoleError, Reason
from console.ui.kit import call_wording, messages, refusal_messages
from console.ui.window.startup import LOCALES, install_language

PACKAGE = Path(console.__file__).resolve().parent
ROOT = PACKAGE.parent
ERROR_CALLS = frozenset(
    {
        "Refused",
        "NotFound",
        "Forbidden",
        "Busy",
        "Unavailable",
        "StaleData",
        "VerificationRequired",
        "Unauthenticated",
        "ConsoleError",
    }
)
REASON_CALL = "Reason"

# Calls whose code is not a literal nor a module constant: (file, first argument as
# written) → the codes that argument can hold, each with why.
DYNAMIC_SITES: dict[tuple[str, str], tuple[str, ...]] = {
    # clean_text raises what text_problem() answered: one of its two literal returns.
    ("console/domain/text.py", "problem"): ("text_invalid", "text_too_long"),
    # _check_rate(times, code) is called with these two literals (password reset link,
    # confirmation email).
    ("console/services/accounts.py", "code"): ("reset_rate_limited", "confirmation_rate_limited"),
    # apply_hold raises the cart timer's refusal (console/domain/cart_timer.py) as the code.
    ("console/services/carts.py", "hold.code"): (
        "cart_extension_used",
        "cart_hold_lapsed",
        "cart_not_open",
        "cart_not_in_checkout",
    ),
    # add_to_cart raises already_holding()'s reason (console/services/places.py) as the code.
    ("console/services/carts.py", "refusal.code"): (
        "already_registered",
        "already_in_cart",
        "already_waitlisted",
    ),
    # add_item (accepting an offer) refuses what already_holding() found, the same codes.
    ("console/services/carts.py", "holding.code"): (
        "already_registered",
        "already_in_cart",
        "already_waitlisted",
    ),
    # validate_payer raises the first blocking payer rule (console/domain/payers.py).
    ("console/services/payers.py", "check.blocking[0].code"): (
        "payer_not_member",
        "payer_removed",
        "payer_is_child",
        "childcare_requires_responsible",
        "household_has_no_responsible",
    ),
    # The wire decodes the reasons the server sent: codes raised elsewhere, none of its own.
    ("console/domain/wire.py", "str(r['code'])"): (),
}

# Codes only the command line meets (``console staff …``, run on the server machine: the
# staff administration of console/services/staff_auth.py is called by console/cli_staff.py
# alone). The window never sees them; the command line words them in English.
CLI_ONLY: dict[str, str] = {
    "staff_password_too_short": "console staff add / set-password",
    "staff_password_too_long": "console staff add / set-password",
    "staff_username_invalid": "console staff add",
    "staff_username_taken": "console staff add",
    "staff_role_invalid": "console staff add",
    "staff_name_required": "console staff add",
    "clerk_needs_borough": "console staff add",
    "borough_not_found": "console staff add",
}
CLI_FUNCTIONS = ("add_staff", "check_staff_password", "set_password", "disable_staff")
# What else ``console staff`` can meet: the database and the text rules.
CLI_STAFF_ALSO = (
    "staff_not_found",
    "database_busy",
    "database_unavailable",
    "database_login_refused",
    "text_invalid",
    "text_too_long",
)


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    call: str
    keys: tuple[str, ...]
    function: str


@dataclass
class Scan:
    codes: dict[str, list[Site]]
    dynamic: dict[tuple[str, str], list[Site]]


def _module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


class _Module:
    """One source file: its string constants and what it imports, to resolve a name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.constants: dict[str, str] = {}
        self.imported: dict[str, tuple[str, str]] = {}  # name → (module, name there)
        self.modules: dict[str, str] = {}  # alias → module
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        for node in self.tree.body:
            target, value = None, None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            if (
                isinstance(target, ast.Name)
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
            ):
                self.constants[target.id] = value.value
        for found in ast.walk(self.tree):
            if isinstance(found, ast.ImportFrom):
                source = found.module or ""
                if found.level:
                    parts = package.split(".")[: len(package.split(".")) - found.level + 1]
                    source = ".".join([*parts, source] if source else parts)
                for alias in found.names:
                    local = alias.asname or alias.name
                    if _module_path(f"{source}.{alias.name}") is not None:
                        self.modules[local] = f"{source}.{alias.name}"
                    else:
                        self.imported[local] = (source, alias.name)
            elif isinstance(found, ast.Import):
                for alias in found.names:
                    if alias.asname:
                        self.modules[alias.asname] = alias.name


class _Resolver:
    def __init__(self) -> None:
        self._modules: dict[Path, _Module] = {}

    def module(self, path: Path) -> _Module:
        if path not in self._modules:
            self._modules[path] = _Module(path)
        return self._modules[path]

    def constant(self, module: str, name: str, depth: int = 0) -> str | None:
        path = _module_path(module)
        if path is None or depth > 5:
            return None
        there = self.module(path)
        if name in there.constants:
            return there.constants[name]
        if name in there.imported:
            return self.constant(*there.imported[name], depth=depth + 1)
        return None

    def code(self, node: ast.expr, here: _Module) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in here.constants:
                return here.constants[node.id]
            if node.id in here.imported:
                return self.constant(*here.imported[node.id])
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in here.modules
        ):
            return self.constant(here.modules[node.value.id], node.attr)
        return None


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _keys(node: ast.Call, call: str) -> tuple[str, ...]:
    """The parameter names a call site gives its code."""
    keys = [k.arg for k in node.keywords if k.arg not in (None, "code", "reasons", "params")]
    given = [k.value for k in node.keywords if k.arg == "params"]
    if call == REASON_CALL and len(node.args) > 1:
        given.append(node.args[1])
    for value in given:
        if isinstance(value, ast.Dict):
            keys += [
                k.value
                for k in value.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
    return tuple(str(k) for k in keys)


def _functions(tree: ast.Module) -> dict[int, str]:
    """Line → the name of the top-level function (or class) that holds it."""
    owner: dict[int, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                owner[line] = node.name
    return owner


def scan() -> Scan:
    resolver = _Resolver()
    codes: dict[str, list[Site]] = defaultdict(list)
    dynamic: dict[tuple[str, str], list[Site]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("console/ui/"):
            continue
        here = resolver.module(path)
        owners = _functions(here.tree)
        for node in ast.walk(here.tree):
            if not isinstance(node, ast.Call):
                continue
            call = _call_name(node)
            if call not in ERROR_CALLS and call != REASON_CALL:
                continue
            first = node.args[0] if node.args else None
            if first is None:
                first = next((k.value for k in node.keywords if k.arg == "code"), None)
            if first is None:
                continue
            site = Site(relative, node.lineno, call, _keys(node, call), owners.get(node.lineno, ""))
            code = resolver.code(first, here)
            if code is not None:
                codes[code].append(site)
            else:
                dynamic[(relative, ast.unparse(first).replace('"', "'"))].append(site)
    for key, sites in dynamic.items():
        for code in DYNAMIC_SITES.get(key, ()):
            codes[code].extend(sites)
    return Scan(dict(codes), dict(dynamic))


GATEWAY_KEYWORDS = frozenset({"refusal_code", "refusal_reason", "pending_reason"})


def _gateway_strings(
    node: ast.expr, function: ast.AST | None, here: _Module, seen: frozenset[str] = frozenset()
) -> set[str]:
    """The literal codes an expression can carry (see the module's docstring)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _gateway_strings(node.body, function, here, seen) | _gateway_strings(
            node.orelse, function, here, seen
        )
    if isinstance(node, ast.BoolOp):
        return {c for v in node.values for c in _gateway_strings(v, function, here, seen)}
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
    ):
        table = _module_dict(here.tree, node.func.value.id)
        return {v.value for v in table if isinstance(v, ast.Constant) and isinstance(v.value, str)}
    if isinstance(node, ast.Name) and function is not None and node.id not in seen:
        found: set[str] = set()
        for assign in ast.walk(function):
            if isinstance(assign, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == node.id for t in assign.targets
            ):
                found |= _gateway_strings(assign.value, function, here, seen | {node.id})
        return found
    return set()


def _module_dict(tree: ast.Module, name: str) -> list[ast.expr]:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.Dict)
        ):
            return [v for v in node.value.values if v is not None]
    return []


def gateway_codes() -> dict[str, list[str]]:
    """Each code the payment site's answers can carry → where it comes from."""
    resolver = _Resolver()
    codes: dict[str, list[str]] = defaultdict(list)
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        here = resolver.module(path)
        for function in ast.walk(here.tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                for keyword in node.keywords:
                    if keyword.arg in GATEWAY_KEYWORDS:
                        for code in _gateway_strings(keyword.value, function, here):
                            where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
                            codes[code].append(where)
    return dict(codes)


SCAN = scan()
GATEWAY_CODES = gateway_codes()
SCREEN_CODES = sorted(code for code in SCAN.codes if code not in CLI_ONLY)
REASON_CODES = frozenset(
    code for code, sites in SCAN.codes.items() for s in sites if s.call == REASON_CALL
)

# Plausible values by parameter name; every other one is a name or a word.
_MOMENT = datetime(2026, 3, 2, 19, 5, tzinfo=UTC)
_SAMPLES: dict[str, Any] = {
    "allowed": (16,),
    "brand": "visa",
    "network": "amex",
    "exp_month": 7,
    "exp_year": 2025,
    "field": "reason",
    "state": "locked",
    "role": "agent",
    "gateway": "ct_paiement",
    "season_ends_on": date(2026, 6, 14),
    "activities": "Camp de jour",
    "member_name": "Camille Tremblay",
    "responsible_name": "Camille Tremblay",
    "name": "Camille Tremblay",
    "username": "ctremblay",
    "email": "camille@example.ca",
    "borough": "LIM",
    "activity_code": "NAT-101",
    "activity_title": "Natation débutant",
    "reason": "Inscription",
    "detail": "connection refused",
    "action": "member_remove",
    "relationship": "child",
}
_MOMENTS = ("retry_at", "until", "next_release", "deadline", "expires_at")


def sample_value(key: str) -> Any:
    if key in _SAMPLES:
        return _SAMPLES[key]
    if key in _MOMENTS or key.endswith("_at"):
        return _MOMENT
    if key.endswith("_on"):
        return _MOMENT.date()
    return 3  # counts, numbers and ids


def sample_params(code: str) -> dict[str, Any]:
    keys = {k for site in SCAN.codes.get(code, ()) for k in site.keys}
    return {k: sample_value(k) for k in sorted(keys)}


@pytest.fixture(scope="module")
def registrations(qapp: QApplication) -> None:
    """Every screen module imported, as the window's screens are once installed."""
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        importlib.import_module("console." + ".".join(p for p in parts if p != "__init__"))
    call_wording.register_messages()  # what install_call_flow does for the window


@pytest.fixture
def french(qapp: QApplication, registrations: None) -> Iterator[None]:
    installed = install_language(qapp, "fr")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication, registrations: None) -> Iterator[list[QTranslator]]:
    installed = install_language(qapp, "en")
    assert any(t.filePath().endswith("console_en.qm") for t in installed)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])


def sentences() -> dict[tuple[str, str], str]:
    """(code, "error" or "reason") → the sentence in the installed language."""
    out: dict[tuple[str, str], str] = {}
    for code in SCREEN_CODES:
        params = sample_params(code)
        out[(code, "error")] = messages.error_text(ConsoleError(code, **params))
        if code in REASON_CODES:
            out[(code, "reason")] = messages.reason_text(Reason(code, params))
    return out


def _problems(texts: Mapping[tuple[str, str], str]) -> list[str]:
    return [
        f"{code} ({kind}): {text!r}"
        for (code, kind), text in texts.items()
        if not messages.knows(code) or code in text or not text.strip()
    ]


def test_the_scan_finds_the_codes() -> None:
    assert len(SCAN.codes) > 80
    for code in ("household_not_found", "places_full", "card_checksum", "database_busy"):
        assert code in SCAN.codes
    # Module constants, here and imported, are resolved.
    assert any(s.path == "console/services/payers.py" for s in SCAN.codes["no_sin_no_releve24"])
    assert {"site_remaining", "in_carts"} <= set(sample_params("places_held_in_carts"))


def test_the_scan_finds_the_payment_sites_answers() -> None:
    # A literal, a name assigned a literal, a module table read with .get, a conditional.
    assert {"card_declined", "expired_card", "insufficient_funds", "incorrect_cvc"} <= set(
        GATEWAY_CODES
    )
    assert {"card_not_accepted", "gateway_down", "gateway_timeout", "not_charged"} <= set(
        GATEWAY_CODES
    )


def _gateway_problems() -> dict[str, str]:
    generic = refusal_messages.refusal_text("\x00 not a code")
    return {
        code: text
        for code in GATEWAY_CODES
        if (text := refusal_messages.refusal_text(code)) == generic or code in text
    }


def test_every_payment_site_answer_reads_as_a_sentence(english: list[QTranslator]) -> None:
    english_texts = {code: refusal_messages.refusal_text(code) for code in GATEWAY_CODES}
    assert _gateway_problems() == {}, "give these their sentence in kit/refusal_messages.py"
    for translator in english:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])
    assert _gateway_problems() == {}
    untranslated = sorted(
        code for code in GATEWAY_CODES if english_texts[code] == refusal_messages.refusal_text(code)
    )
    assert untranslated == [], "give these their English in console_en.ts"


def test_every_refusal_of_the_payment_site_has_its_receipt_words() -> None:
    """A refused payment's receipt prints its reason (FAQ F9), in French and English."""
    from console.domain.receipt_words import REFUSALS
    from console.domain.vocabulary import Language

    refusals = {
        code for code, sites in GATEWAY_CODES.items() if any("gateway" in where for where in sites)
    }
    assert "expired_card" in refusals
    for language in (Language.FR, Language.EN):
        assert sorted(refusals - set(REFUSALS[language])) == [], language


def test_every_computed_code_is_explained() -> None:
    unexplained = sorted(set(SCAN.dynamic) - set(DYNAMIC_SITES))
    assert unexplained == [], "add these call sites to DYNAMIC_SITES with the codes they carry"
    gone = sorted(set(DYNAMIC_SITES) - set(SCAN.dynamic))
    assert gone == [], "these DYNAMIC_SITES entries no longer exist: remove them"


def test_every_code_reads_as_a_sentence_in_french(french: None) -> None:
    problems = _problems(sentences())
    assert not problems, "\n".join(problems)


def test_every_code_reads_as_a_sentence_in_english(english: list[QTranslator]) -> None:
    english_texts = sentences()
    problems = _problems(english_texts)
    assert not problems, "\n".join(problems)
    for translator in english:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(LOCALES["fr"])
    french_texts = sentences()
    untranslated = [
        f"{code} ({kind}): {text!r}"
        for (code, kind), text in english_texts.items()
        if text == french_texts[(code, kind)]
    ]
    assert not untranslated, "give these their English in console_en.ts:\n" + "\n".join(
        untranslated
    )


def test_no_sentence_ends_a_time_with_two_periods(english: list[QTranslator]) -> None:
    """« Try again after 2026-03-02 2:05 p.m. », not « p.m.. »: the time's own period
    ends the sentence, whether the code comes as an error or as a reason."""
    doubled = {
        f"{code} ({kind}): {text!r}"
        for (code, kind), text in sentences().items()
        if re.search(r"(?<!\.)\.\.(?!\.)", text)
    }
    assert not doubled, "\n".join(sorted(doubled))
    assert messages.error_text(ConsoleError("reset_rate_limited", retry_at=_MOMENT)).endswith(
        "2:05\u00a0p.m."
    )


# Run in a fresh interpreter that imports the message table and one screen only: what a
# screen shows must not depend on which other screens registered their sentences first.
_ALONE = """
import json, sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
import console.ui.payments.payment_dialog
from console.domain.errors import ConsoleError, Reason, VerificationRequired
from console.ui.kit import messages
codes = json.load(sys.stdin)
texts = {c: messages.error_text(ConsoleError(c)) + " " + messages.reason_text(Reason(c))
         for c in codes}
texts["caller_not_verified"] = messages.error_text(VerificationRequired("caller_not_verified"))
print(json.dumps(texts))
"""


def test_no_code_reaches_the_screen_whatever_the_screens_imported() -> None:
    import json
    import subprocess
    import sys

    answer = subprocess.run(
        [sys.executable, "-c", _ALONE],
        input=json.dumps(SCREEN_CODES),
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    texts: dict[str, str] = json.loads(answer.stdout)
    shown = sorted(code for code, text in texts.items() if code in text)
    assert shown == [], "a general sentence must not quote the code"
    assert texts["caller_not_verified"].startswith("Vérifiez d'abord l'identité")


def test_cli_only_codes_are_met_by_the_command_line_only() -> None:
    for code in CLI_ONLY:
        assert code in SCAN.codes, f"{code} is raised no more: remove it from CLI_ONLY"
        for site in SCAN.codes[code]:
            assert (site.path, site.function) in {
                ("console/services/staff_auth.py", f) for f in CLI_FUNCTIONS
            }, site
    for function in CLI_FUNCTIONS:
        users = {
            path.relative_to(ROOT).as_posix()
            for path in PACKAGE.rglob("*.py")
            if re.search(rf"\b{function}\b", path.read_text(encoding="utf-8"))
        }
        assert users <= {"console/services/staff_auth.py", "console/cli_staff.py"}, function


@pytest.mark.parametrize("code", [*CLI_ONLY, *CLI_STAFF_ALSO])
def test_the_command_line_prints_a_sentence(code: str) -> None:
    params = sample_params(code)
    if code.startswith("text_"):
        params["field"] = "username"
    text = cli_staff_sentence(ConsoleError(code, **params))
    assert code not in text
    assert text.strip()


@pytest.mark.parametrize(
    "code", ["database_busy", "database_unavailable", "database_login_refused"]
)
def test_console_keys_prints_a_sentence_for_the_database(code: str) -> None:
    text = cli_keys_sentence(ConsoleError(code, **sample_params(code)))
    assert code not in text
    assert text.startswith("the database")


def _shown_exception_texts(tree: ast.AST) -> list[int]:
    """Lines that turn an exception into text: ``str(error)``, ``f"{error}"``,
    ``.format(x=error)`` of a caught exception or of a parameter typed as one, or Qt's
    ``errorString()`` (English system words). A screen's own ``ValueError``, raised with a
    translated sentence by its form checks, is the one exception whose text is a sentence."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.name:
            caught = ast.unparse(node.type) if node.type is not None else ""
            if caught != "ValueError":
                names.add(node.name)
        if (
            isinstance(node, ast.arg)
            and node.annotation is not None
            and any(k in ast.unparse(node.annotation) for k in ("BaseException", "Error"))
        ):
            names.add(node.arg)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr == "errorString":
                lines.append(node.lineno)
            used = [*node.args, *(k.value for k in node.keywords)]
            if _call_name(node) in ("str", "repr", "format") and any(
                isinstance(a, ast.Name) and a.id in names for a in used
            ):
                lines.append(node.lineno)
        if (
            isinstance(node, ast.FormattedValue)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            lines.append(node.lineno)
    return lines


def test_no_screen_shows_an_exceptions_text() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for line in _shown_exception_texts(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == [], "route these through messages.error_text"
