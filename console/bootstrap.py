"""Opening the configured database and the services over it, for every program that runs
them in-process: the embedded demo's window, the server, the command-line jobs. No Qt."""

from __future__ import annotations

from collections.abc import Callable

from console.config import Settings, data_dir, load_settings
from console.db.engine import Database
from console.db.sin import SinCipher, load_or_create_key
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
    database = Database(settings.database_url, lock_timeout_ms=settings.lock_timeout_ms)
    if migrate and settings.embedded:
        from console.db.migrate import upgrade

        upgrade(database.engine)
        if seed_demo and _is_empty(database):
            _seed_demo(database, settings, progress, cancelled)
    return database


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


def sin_cipher(settings: Settings) -> SinCipher:
    """The SIN key from settings, the keyring, or the local key file."""
    return SinCipher(load_or_create_key(settings.sin_key, data_dir() / "sin.key"))


def build_context(settings: Settings, database: Database | None = None) -> ServiceContext:
    """Everything the services need; opens the database when none is given."""
    from console.domain.clock import SystemClock

    return ServiceContext(
        db=database if database is not None else open_database(settings=settings),
        sin_cipher=sin_cipher(settings),
        clock=SystemClock(),
        settings=settings,
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
    return build_context(
        settings, Database(settings.database_url, lock_timeout_ms=settings.lock_timeout_ms)
    )
