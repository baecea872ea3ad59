"""The composition root: settings to database to context, and the language picked."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from console import app, bootstrap
from console.config import Settings, load_settings
from console.services.context import ServiceContext
from tests.conftest import TEST_SIN_KEY


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "settings.toml"))
    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    monkeypatch.setenv("CONSOLE_SIN_KEY", TEST_SIN_KEY)
    settings = load_settings()
    assert settings.embedded
    return settings


def test_first_embedded_start_migrates_and_fills_the_demo(
    embedded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded: list[str] = []
    monkeypatch.setattr(bootstrap, "_seed_demo", lambda db, *_args: seeded.append(db.url))
    database = bootstrap.open_database(settings=embedded)
    try:
        assert seeded == [embedded.database_url]
        assert Path(embedded.database_url.removeprefix("sqlite:///")).exists()
    finally:
        database.dispose()


def test_build_context_opens_the_database(
    embedded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bootstrap, "_seed_demo", lambda *_args: None)
    ctx = bootstrap.build_context(embedded)
    try:
        assert isinstance(ctx, ServiceContext)
        assert ctx.dialect == "sqlite"
        assert ctx.sin_cipher.decrypt(ctx.sin_cipher.encrypt("046454286")) == "046454286"
    finally:
        ctx.db.dispose()


@pytest.mark.parametrize(
    ("command_line", "stored", "configured", "expected"),
    [
        ("en", "fr", "fr", "en"),
        (None, "en", "fr", "en"),
        (None, None, "en", "en"),
        (None, None, "xx", "fr"),
    ],
)
def test_language_choice_order(
    embedded: Settings,
    command_line: str | None,
    stored: str | None,
    configured: str,
    expected: str,
) -> None:
    args = argparse.Namespace(language=command_line, call=None)
    settings = Settings(database_url=embedded.database_url, embedded=True, language=configured)
    assert app.choose_language(args, settings, stored) == expected
