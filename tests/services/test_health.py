"""The ping the connection monitor relies on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from console.domain.errors import Unavailable
from console.services.context import ServiceContext
from console.services.health import ping, reconnect


def test_a_reachable_database_answers_the_ping(ctx: ServiceContext) -> None:
    ping(ctx)
    reconnect(ctx)


def test_a_moved_sqlite_file_is_unavailable_until_it_comes_back(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    if ctx.dialect != "sqlite":
        pytest.skip("the file of an embedded database")
    path = Path(str(ctx.db.engine.url.database))
    ping(ctx)  # a pooled connection now holds the file open
    aside = tmp_path / "aside.sqlite3"
    os.replace(path, aside)
    try:
        with pytest.raises(Unavailable) as caught:
            ping(ctx)
        assert caught.value.code == "database_unavailable"
        assert not path.exists()  # the ping did not create an empty database
    finally:
        os.replace(aside, path)
    reconnect(ctx)
