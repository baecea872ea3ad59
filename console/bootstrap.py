"""Opening the configured database and the services over it, for every program that runs
them in-process: the embedded demo's window, the server, the command-line jobs. No Qt."""

from __future__ import annotations

from collections.abc import Callable

from console.config import Settings, data_dir, load_settings
from console.db import outbox_key
from console.db.engine import Database, PoolBounds
from console.db.outbox_key import OutboxCipher
from console.db.sin import (
    KEYRING_SERVICE,
    SinCipher,
    cipher_from_settings,
    keyring_key,
    load_or_create_key,
)
from console.services.context import ServiceContext

ProgressFn = Callable[[int, int], None]


def open_database(
    migrate: bool = True,
    *,
    settings: Settings | None = None,
    seed_demo: bool = True,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Database:
    """The configured database. The embedded SQLite default is created and migrated and,
    while it holds no household, filled with demo data (unless ``seed_demo`` is false);
    a shared PostgreSQL database is only migrated when ``console db upgrade`` asks."""
    settings = settings or load_settings()
    if settings.embedded:
        data_dir().mkdir(parents=True, exist_ok=True)
    database = configured_database(settings)
    if migrate and settings.embedded:
        from console.db.migrate import upgrade

        upgrade(database.engine)
        if seed_demo and _is_empty(database):
            _seed_demo(database, settings, progress, cancelled)
    return database


def configured_database(settings: Settings) -> Database:
    """The database the settings name, with their lock timeout, bounded pool and pooler."""
    bounds = PoolBounds(
        size=settings.db_pool_size,
        overflow=settings.db_max_overflow,
        lookups=settings.db_lookup_pool_size,
        lookup_overflow=settings.db_lookup_max_overflow,
    )
    return Database(
        settings.database_url,
        lock_timeout_ms=settings.lock_timeout_ms,
        statement_timeout_ms=settings.statement_timeout_ms,
        pool=bounds,
        pgbouncer=settings.pgbouncer,
    )


def _is_empty(database: Database) -> bool:
    from sqlalchemy import select

    from console.db.models import Household

    with database.read() as session:
        return session.scalar(select(Household.id).limit(1)) is None


def _seed_demo(
    database: Database,
    settings: Settings,
    progress: ProgressFn | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    from console.db.seed import seed_database
    from console.domain.clock import SystemClock

    seed_database(
        database,
        sin_cipher(settings),
        scale="demo",
        seed=1,
        now=SystemClock().now(),
        progress=progress,
        cancelled=cancelled,
    )


class MissingKey(Exception):
    """A shared database and no key configured: one sentence for the operator. Only the
    embedded demo makes a key of its own (a key made elsewhere could read nothing of what
    is stored, and what it sealed no one else could read)."""


def configured_sin_cipher(settings: Settings) -> SinCipher | None:
    """The ring of SIN keys the settings name: ``sin_keys`` and ``sin_key_id``, and
    ``sin_key`` as the key of id ``k1`` (or, with neither, the keyring's
    ``console-loisirs-sin``); ``None`` without any. Raises ``SinKeyError``."""
    single = settings.sin_key
    if not single and not settings.sin_keys:
        single = keyring_key(KEYRING_SERVICE)
    return cipher_from_settings(settings.sin_keys, settings.sin_key_id, single)


def sin_cipher(settings: Settings) -> SinCipher:
    """The configured ring; the embedded demo without one uses its local key file (k1)."""
    configured = configured_sin_cipher(settings)
    if configured is not None:
        return configured
    if not settings.embedded:
        raise MissingKey(
            "no SIN key: set sin_key (or sin_keys and sin_key_id) in the server's settings"
            " (or CONSOLE_SIN_KEY, or the keyring's console-loisirs-sin); the server never"
            " makes one"
        )
    return SinCipher(load_or_create_key(None, data_dir() / "sin.key"))


def outbox_cipher(settings: Settings) -> OutboxCipher:
    """The key of the secrets waiting in the outbox: ``outbox_key``, else the keyring's
    ``console-loisirs-outbox``; the embedded demo without one uses its local key file."""
    configured = settings.outbox_key or keyring_key(outbox_key.KEYRING_SERVICE)
    if configured:
        return OutboxCipher(configured)
    if not settings.embedded:
        raise MissingKey(
            "no outbox key: set outbox_key in the server's settings (or CONSOLE_OUTBOX_KEY,"
            " or the keyring's console-loisirs-outbox), a Fernet key; the server never"
            " makes one"
        )
    key_file = data_dir() / "outbox.key"
    return OutboxCipher(load_or_create_key(None, key_file, outbox_key.KEYRING_SERVICE))


def build_context(settings: Settings, database: Database | None = None) -> ServiceContext:
    """Everything the services need; opens the database when none is given."""
    from console.domain.clock import SystemClock

    return ServiceContext(
        db=database if database is not None else open_database(settings=settings),
        sin_cipher=sin_cipher(settings),
        clock=SystemClock(),
        settings=settings,
        outbox_cipher=outbox_cipher(settings),
    )


def rebuild_demo(
    settings: Settings,
    scale: str,
    progress: ProgressFn,
    cancelled: Callable[[], bool],
    replacing: Database | None,
) -> ServiceContext:
    """The embedded demo database made again at ``scale``: built beside the old one, which
    it replaces only once complete (a cancelled or failed build leaves the demo as it was).
    """
    import os
    from pathlib import Path

    from console.db.migrate import upgrade
    from console.db.seed import seed_database
    from console.domain.clock import SystemClock

    if not settings.embedded:
        raise RuntimeError("only the embedded demo database is rebuilt")
    path = Path(settings.database_url.removeprefix("sqlite:///"))
    building = path.with_name(path.name + ".building")
    suffixes = ("", "-wal", "-shm")
    for suffix in suffixes:
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    fresh = Database(f"sqlite:///{building}", lock_timeout_ms=settings.lock_timeout_ms)
    try:
        upgrade(fresh.engine)
        seed_database(
            fresh,
            sin_cipher(settings),
            scale=scale,
            seed=1,
            now=SystemClock().now(),
            progress=progress,
            cancelled=cancelled,
        )
    except BaseException:
        fresh.dispose()
        for suffix in suffixes:
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        raise
    fresh.dispose()  # the last connection checkpoints and removes its write-ahead log
    if replacing is not None:
        replacing.dispose()
    os.replace(building, path)
    for suffix in suffixes[1:]:  # the old database's log must not replay onto the new one
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return build_context(settings, configured_database(settings))
