"""Settings: environment first, then the settings file, then defaults.

``CONSOLE_DATABASE_URL`` selects PostgreSQL; without it the console uses an embedded
SQLite database in the user's data directory, migrated and filled with demo data on
first start.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "console-loisirs"
APP_AUTHOR = "VilleDeQuebec"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 25
    starttls: bool = False
    use_ssl: bool = False
    username: str = ""
    sender: str = "Mes loisirs en ligne <ne-pas-repondre@loisirs.example.ca>"
    # The password is read from the keyring (service "console-loisirs-smtp"), never a file.


@dataclass(frozen=True)
class Settings:
    database_url: str
    embedded: bool
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    gateway: str = "sandbox"
    lock_timeout_ms: int = 3000
    offer_validity_hours: int = 48
    language: str = "fr"
    sin_key: str | None = None
    # Caller ID over HTTP (GET http://127.0.0.1:<call_port>/call?number=…), off by default.
    listen_calls: bool = False
    call_port: int = 8765
    extra: dict[str, object] = field(default_factory=dict)


def settings_file() -> Path:
    return Path(os.environ.get("CONSOLE_SETTINGS", config_dir() / "settings.toml"))


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    path = Path(env.get("CONSOLE_SETTINGS", settings_file()))
    file: dict[str, object] = {}
    if path.exists():
        file = tomllib.loads(path.read_text(encoding="utf-8"))
    url = env.get("CONSOLE_DATABASE_URL") or str(file.get("database_url", "") or "")
    embedded = not url
    if embedded:
        url = f"sqlite:///{data_dir() / 'console.sqlite3'}"
    smtp_raw = file.get("smtp", {})
    smtp = SmtpSettings(**smtp_raw) if isinstance(smtp_raw, dict) else SmtpSettings()
    if "CONSOLE_SMTP_HOST" in env:
        smtp = SmtpSettings(
            host=env["CONSOLE_SMTP_HOST"],
            port=int(env.get("CONSOLE_SMTP_PORT", smtp.port)),
            starttls=smtp.starttls,
            use_ssl=smtp.use_ssl,
            username=env.get("CONSOLE_SMTP_USER", smtp.username),
            sender=smtp.sender,
        )
    return Settings(
        database_url=url,
        embedded=embedded,
        smtp=smtp,
        gateway=env.get("CONSOLE_GATEWAY") or str(file.get("gateway", "sandbox")),
        lock_timeout_ms=int(str(file.get("lock_timeout_ms", 3000))),
        offer_validity_hours=int(str(file.get("offer_validity_hours", 48))),
        language=env.get("CONSOLE_LANGUAGE") or str(file.get("language", "fr")),
        sin_key=env.get("CONSOLE_SIN_KEY") or (str(file["sin_key"]) if "sin_key" in file else None),
        listen_calls=str(env.get("CONSOLE_LISTEN_CALLS", file.get("listen_calls", False))).lower()
        in ("1", "true", "yes", "on"),
        call_port=int(str(env.get("CONSOLE_CALL_PORT") or file.get("call_port", 8765))),
    )
