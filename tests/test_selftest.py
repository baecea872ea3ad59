"""``console --self-test`` from the source tree (CI runs the bundle's and the installed
package's own, see .ci/run): every step passes here, and a broken step stops the run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console import __version__, selftest

ROOT = Path(__file__).resolve().parents[1]


def test_version_prints_the_packages_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "console", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout.strip() == f"console {__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{__version__}"\n' in pyproject  # one version, said twice


def test_the_self_test_passes_every_step_as_a_program() -> None:
    env = dict(os.environ, CONSOLE_SYSTEM_SETTINGS="")
    result = subprocess.run(
        [sys.executable, "-m", "console", "--self-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"console {__version__} self-test (source)"
    for number, (name, _step) in enumerate(selftest.STEPS, start=1):
        assert any(
            line.startswith(f"[{number}/{len(selftest.STEPS)}] {name}: ok") for line in lines
        )
    assert lines[-1] == "self-test passed"


def test_a_missing_translation_stops_the_self_test_at_that_step(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.ui.kit import resources

    monkeypatch.setattr(resources, "TRANSLATIONS", tmp_path)  # as a bundle without its .qm
    out = io.StringIO()
    assert selftest.run(out) == 1
    text = out.getvalue()
    assert "[3/6] translations: FAILED" in text and "console_en.qm" in text
    assert "receipt PDF" not in text  # the first broken step ends the run


def test_a_store_that_accepts_any_certificate_fails_the_tls_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    real = ssl.create_default_context

    def accepting(*args: object, **kwargs: object) -> ssl.SSLContext:
        context = real(*args, **kwargs)  # type: ignore[arg-type]
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context

    monkeypatch.setattr(ssl, "create_default_context", accepting)
    with pytest.raises(selftest.SelfTestFailed, match="accepted an unknown certificate"):
        selftest._tls(tmp_path)
