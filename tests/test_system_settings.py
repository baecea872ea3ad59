"""The administrator's system-wide settings file, read before the user's own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from console.config import SettingsFileError, load_settings, system_settings_file


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_system_file_preconfigures_a_pc_with_no_file_of_its_own(tmp_path: Path) -> None:
    system = _write(
        tmp_path / "system.toml",
        'server_url = "https://console.ville.example:8443"\n'
        'server_ca = "/etc/console-loisirs/ca.pem"\nlanguage = "en"\n',
    )
    settings = load_settings(
        {"CONSOLE_SYSTEM_SETTINGS": str(system), "CONSOLE_SETTINGS": str(tmp_path / "none")}
    )
    assert settings.server_url == "https://console.ville.example:8443"
    assert settings.server_ca == "/etc/console-loisirs/ca.pem"
    assert settings.language == "en"


def test_the_users_file_wins_key_by_key_and_table_by_table(tmp_path: Path) -> None:
    system = _write(
        tmp_path / "system.toml",
        'server_url = "https://a.example"\nlanguage = "fr"\n'
        '[smtp]\nhost = "smtp.ville.example"\nport = 587\n',
    )
    user = _write(tmp_path / "user.toml", 'language = "en"\n[smtp]\nport = 2525\n')
    settings = load_settings(
        {"CONSOLE_SYSTEM_SETTINGS": str(system), "CONSOLE_SETTINGS": str(user)}
    )
    assert settings.language == "en"  # the user's
    assert settings.server_url == "https://a.example"  # the system's, not in the user's file
    assert (settings.smtp.host, settings.smtp.port) == ("smtp.ville.example", 2525)


def test_an_enforced_key_is_the_administrators_whatever_the_users_file_says(
    tmp_path: Path,
) -> None:
    system = _write(
        tmp_path / "system.toml",
        'enforced = ["server_url", "server_ca"]\n'
        'server_url = "https://console.ville.example"\nserver_ca = "/etc/ca.pem"\n',
    )
    user = _write(
        tmp_path / "user.toml",
        'server_url = "https://elsewhere.example"\nserver_ca = ""\nlanguage = "en"\n'
        "enforced = []\n",
    )
    settings = load_settings(
        {"CONSOLE_SYSTEM_SETTINGS": str(system), "CONSOLE_SETTINGS": str(user)}
    )
    assert settings.server_url == "https://console.ville.example"
    assert settings.server_ca == "/etc/ca.pem"
    assert settings.language == "en"  # not enforced: the user's


def test_the_environment_still_comes_first(tmp_path: Path) -> None:
    system = _write(tmp_path / "system.toml", 'server_url = "https://a.example"\n')
    settings = load_settings(
        {
            "CONSOLE_SYSTEM_SETTINGS": str(system),
            "CONSOLE_SETTINGS": str(tmp_path / "none"),
            "CONSOLE_SERVER_URL": "https://b.example",
        }
    )
    assert settings.server_url == "https://b.example"


def test_a_broken_file_is_named_not_ignored(tmp_path: Path) -> None:
    system = _write(tmp_path / "system.toml", "server_url = \n")
    with pytest.raises(SettingsFileError, match=r"system\.toml"):
        load_settings({"CONSOLE_SYSTEM_SETTINGS": str(system), "CONSOLE_SETTINGS": "x"})


def test_where_the_system_file_lives() -> None:
    assert system_settings_file({"CONSOLE_SYSTEM_SETTINGS": ""}) is None
    assert system_settings_file({"CONSOLE_SYSTEM_SETTINGS": "/x/s.toml"}) == Path("/x/s.toml")
    default = system_settings_file({})
    assert default is not None and default.name == "settings.toml"
    if sys.platform.startswith("linux"):
        assert default == Path("/etc/console-loisirs/settings.toml")
