"""Settings: environment first, then the user's settings file, then the system-wide one,
then defaults.

The system-wide file is how an administrator preconfigures every PC (server URL,
certificate authority, language): ``/etc/console-loisirs/settings.toml`` on Linux,
``%PROGRAMDATA%\\VilleDeQuebec\\console-loisirs\\settings.toml`` on Windows,
``/Library/Application Support/console-loisirs/settings.toml`` on macOS
(``CONSOLE_SYSTEM_SETTINGS`` names another file; set empty, none is read). The user's own
file (``CONSOLE_SETTINGS``, default in the user's config directory) is read after it and
wins key by key, except for the keys the system file lists in ``enforced``.

``CONSOLE_DATABASE_URL`` selects PostgreSQL; without it the console uses an embedded
SQLite database in the user's data directory, migrated and filled with demo data on
first start.
"""

from __future__ import annotations

import os
import sys
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
    statement_timeout_ms: int = 5000  # reads on PostgreSQL: past it, "busy, try again"
    offer_validity_hours: int = 48
    language: str = "fr"
    sin_key: str | None = None  # the SIN key of id "k1" (the one key of earlier releases)
    # The ring of SIN keys, id → Fernet key, and the id of the current one (the key new
    # numbers are sealed with); `console keys rotate` moves every number to it.
    sin_keys: dict[str, str] = field(default_factory=dict)
    sin_key_id: str = ""
    # The server's key for the secrets an outbox message waits with (a reset link's token).
    outbox_key: str | None = None
    # Caller ID over HTTP (GET http://127.0.0.1:<call_port>/call?number=…), off by default.
    listen_calls: bool = False
    call_port: int = 8765
    # Server mode: the desktop talks to `console serve` at this URL and holds no database
    # credentials or keys. Empty = the embedded demo (in-process, SQLite).
    server_url: str = ""
    # The certificate authority a desktop trusts for the server (PEM file); empty = the
    # system's store.
    server_ca: str = ""
    # `console serve`: TLS certificate and key (PEM files), where it listens.
    server_cert: str = ""
    server_key: str = ""
    server_host: str = "127.0.0.1"
    server_port: int = 8443
    # Staff sessions and sign-in lockout (Keycloak-style temporary lockout).
    session_idle_minutes: int = 30
    session_lifetime_hours: int = 12
    sign_in_max_failures: int = 5
    sign_in_lockout_minutes: int = 15
    # The sandbox payment gateway on a shared (PostgreSQL) database must be named on purpose.
    allow_sandbox_gateway: bool = False
    # PostgreSQL reached through PgBouncer in transaction pooling: no prepared statements.
    pgbouncer: bool = False
    # The connections one process may open (see Database): the units of work's pool, and
    # the lookups' kept and extra connections; 20 in all by default.
    db_pool_size: int = 5
    db_max_overflow: int = 9
    db_lookup_pool_size: int = 4
    db_lookup_max_overflow: int = 2
    extra: dict[str, object] = field(default_factory=dict)


def settings_file() -> Path:
    return Path(os.environ.get("CONSOLE_SETTINGS", config_dir() / "settings.toml"))


def system_settings_file(environ: dict[str, str] | None = None) -> Path | None:
    """The administrator's file for every user of this PC (None: not read at all)."""
    env = os.environ if environ is None else environ
    if "CONSOLE_SYSTEM_SETTINGS" in env:
        named = env["CONSOLE_SYSTEM_SETTINGS"]
        return Path(named) if named else None
    if sys.platform in ("win32", "darwin"):
        return Path(platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)) / "settings.toml"
    return Path("/etc") / APP_NAME / "settings.toml"  # Linux: where the .deb puts it


class SettingsFileError(ValueError):
    """A settings file that cannot be read as TOML: named, never silently ignored."""


def _read_toml(path: Path | None) -> dict[str, object]:
    if path is None or not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsFileError(f"{path}: {error}") from error


def merged_files(system: dict[str, object], user: dict[str, object]) -> dict[str, object]:
    """The user's keys over the system's, table by table (``[smtp]``), but for the keys the
    system file enforces (``enforced = ["server_url", …]``), which the user cannot change."""
    enforced_raw = system.get("enforced", [])
    enforced = {str(k) for k in enforced_raw} if isinstance(enforced_raw, list) else set()
    merged = {k: v for k, v in system.items() if k != "enforced"}
    for key, value in user.items():
        if key in enforced or key == "enforced":
            continue
        below = merged.get(key)
        if isinstance(below, dict) and isinstance(value, dict):
            merged[key] = {**below, **value}
        else:
            merged[key] = value
    return merged


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    path = Path(env.get("CONSOLE_SETTINGS", settings_file()))
    file = merged_files(_read_toml(system_settings_file(env)), _read_toml(path))
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
        sin_keys=_keys(file.get("sin_keys")),
        sin_key_id=env.get("CONSOLE_SIN_KEY_ID") or str(file.get("sin_key_id", "") or ""),
        outbox_key=env.get("CONSOLE_OUTBOX_KEY") or (str(file.get("outbox_key", "")) or None),
        listen_calls=str(env.get("CONSOLE_LISTEN_CALLS", file.get("listen_calls", False))).lower()
        in ("1", "true", "yes", "on"),
        call_port=int(str(env.get("CONSOLE_CALL_PORT") or file.get("call_port", 8765))),
        server_url=env.get("CONSOLE_SERVER_URL") or str(file.get("server_url", "") or ""),
        server_ca=env.get("CONSOLE_SERVER_CA") or str(file.get("server_ca", "") or ""),
        server_cert=env.get("CONSOLE_SERVER_CERT") or str(file.get("server_cert", "") or ""),
        server_key=env.get("CONSOLE_SERVER_KEY") or str(file.get("server_key", "") or ""),
        server_host=env.get("CONSOLE_SERVER_HOST") or str(file.get("server_host", "127.0.0.1")),
        server_port=int(str(env.get("CONSOLE_SERVER_PORT") or file.get("server_port", 8443))),
        session_idle_minutes=int(str(file.get("session_idle_minutes", 30))),
        session_lifetime_hours=int(str(file.get("session_lifetime_hours", 12))),
        sign_in_max_failures=int(str(file.get("sign_in_max_failures", 5))),
        sign_in_lockout_minutes=int(str(file.get("sign_in_lockout_minutes", 15))),
        allow_sandbox_gateway=_flag(
            env.get("CONSOLE_ALLOW_SANDBOX_GATEWAY", file.get("allow_sandbox_gateway", False))
        ),
        pgbouncer=_flag(env.get("CONSOLE_PGBOUNCER", file.get("pgbouncer", False))),
        statement_timeout_ms=int(str(file.get("statement_timeout_ms", 5000))),
        db_pool_size=int(str(file.get("db_pool_size", 5))),
        db_max_overflow=int(str(file.get("db_max_overflow", 9))),
        db_lookup_pool_size=int(str(file.get("db_lookup_pool_size", 4))),
        db_lookup_max_overflow=int(str(file.get("db_lookup_max_overflow", 2))),
    )


def _keys(value: object) -> dict[str, str]:
    """``sin_keys = {k2 = "…", k1 = "…"}`` (or a ``[sin_keys]`` table) as id → key."""
    if not isinstance(value, dict):
        return {}
    return {str(key_id): str(key) for key_id, key in value.items()}


def _flag(value: object) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")
