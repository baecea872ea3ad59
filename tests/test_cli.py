"""The command line: ``console db upgrade`` and ``console db seed`` on a configured database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from console.cli import SEED_SCALES, ProgressBar, main
from console.db.seed import SCALES
from tests.conftest import TEST_SIN_KEY


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    database = tmp_path / "console.sqlite3"
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("CONSOLE_SIN_KEY", TEST_SIN_KEY)
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    return database


def test_scales_offered_are_the_generators(configured: Path) -> None:
    assert tuple(SCALES) == SEED_SCALES


def test_upgrade_then_seed_prints_the_summary(
    configured: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert "schema at revision" in capsys.readouterr().out
    assert main(["db", "seed", "--scale", "demo", "--seed", "3"]) == 0
    captured = capsys.readouterr()
    assert "households" in captured.out and "rows in" in captured.out
    assert "100.0%" in captured.err and "rows/s" in captured.err


def test_seed_refuses_a_seeded_database(
    configured: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "seed"]) == 0
    assert main(["db", "seed"]) == 1
    assert "refused" in capsys.readouterr().err


def test_progress_bar_line() -> None:
    bar = ProgressBar(io.StringIO(), width=10)
    line = bar.line(250, 1000, 2.0)
    assert line.startswith("[###.......]") or line.startswith("[##........]")
    assert " 25.0%" in line and "125 rows/s" in line and "ETA 0:06" in line
