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
