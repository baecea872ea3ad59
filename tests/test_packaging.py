"""What the packages promise, read from the files they are made of (CI builds and runs
them: .ci/run)."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEBIAN = ROOT / "packaging" / "debian"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_the_menu_entry_names_the_console_in_french_and_english() -> None:
    entry = _ini(DEBIAN / "console-loisirs.desktop")["Desktop Entry"]
    assert entry["Exec"] == "/opt/console-loisirs/console"
    assert entry["Name[fr]"].startswith("Console de soutien")
    assert entry["Name[en]"].startswith("Support console")
    assert (ROOT / "packaging" / f"{entry['Icon']}.svg").is_file()
    assert entry["Terminal"] == "false"


def test_the_server_unit_runs_as_its_own_user_with_settings_from_etc() -> None:
    unit = (DEBIAN / "console-serve.service").read_text(encoding="utf-8")
    service = _ini(DEBIAN / "console-serve.service")["Service"]
    assert service["User"] == service["Group"] == "console-loisirs"
    assert service["ExecStart"] == "/opt/console-loisirs/console serve"
    assert "Environment=CONSOLE_SETTINGS=/etc/console-loisirs/server.toml" in unit
    assert "Environment=CONSOLE_SYSTEM_SETTINGS=" in unit  # no desktop settings
    assert service["LoadCredential"].startswith("smtp-password:/etc/console-loisirs/")
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"


def test_installing_the_package_never_enables_or_starts_the_server() -> None:
    for script in ("postinst", "prerm", "postrm"):
        text = (DEBIAN / script).read_text(encoding="utf-8")
        assert "systemctl enable" not in text and "systemctl start" not in text, script
    assert "adduser --system" in (DEBIAN / "postinst").read_text(encoding="utf-8")


def test_the_windows_installer_speaks_french_first() -> None:
    script = (ROOT / "packaging" / "windows" / "console.nsi").read_text(encoding="utf-8")
    languages = [line.split('"')[1] for line in script.splitlines() if "MUI_LANGUAGE " in line]
    assert languages == ["French", "English"]
    assert "WriteUninstaller" in script and "$SMPROGRAMS" in script
