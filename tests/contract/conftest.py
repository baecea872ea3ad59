"""The contract suite: the same scenarios, the same assertions, through every ``ConsoleApi``.

- ``inprocess-sqlite`` and ``inprocess-postgresql``: ``InProcessApi`` over the services,
  as the embedded demo runs them;
- ``remote-postgresql``: ``RemoteApi`` over HTTPS to a real ``console serve`` process
  (trustme certificates) on the run's PostgreSQL database, signed in as a staff member
  with a password, holding nothing but the session token.

Scenarios arrange their data directly in the database (``backend.ctx``, on the system
clock, since the server keeps real time) and then act only through ``backend.api_as``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from console.db.engine import Database
from console.db.sin import SinCipher
from console.domain.api import ConsoleApi
from console.domain.clock import SystemClock
from console.domain.vocabulary import Role
from console.services import staff_auth
from console.services.api import InProcessApi
from console.services.context import ServiceContext
from tests.helpers.databases import PG_ENV, PostgresRun, fresh_sqlite
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import ServerProcess

PASSWORD = "Mot-de-passe-2026!"
_names = itertools.count(1)


@dataclass
class Backend:
    kind: str
    ctx: ServiceContext
    server: ServerProcess | None = None
    _opened: list[Any] = field(default_factory=list)

    @property
    def remote(self) -> bool:
        return self.server is not None

    def api_as(self, role: Role, *, borough_code: str | None = None) -> ConsoleApi:
        """A staff member of ``role``, signed in the way this backend signs in."""
        username = f"{role.value}{next(_names)}"
        actor = staff_auth.add_staff(
            self.ctx,
            username,
            role,
            f"{role.value.title()} {username}",
            PASSWORD,
            borough_code=borough_code,
        )
        if self.server is None:
            return InProcessApi(self.ctx, actor)
        from console.client.remote import sign_in

        api = sign_in(
            self.server.url, username, PASSWORD, ca_file=str(self.server.certificates.ca_file)
        )
        self._opened.append(api)
        return api

    def close(self) -> None:
        for api in self._opened:
            api.sign_out()


@pytest.fixture(params=["inprocess-sqlite", "inprocess-postgresql", "remote-postgresql"])
def backend(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    _sqlite_template: Path,
    _postgres_run: PostgresRun | None,
) -> Iterator[Backend]:
    kind: str = request.param
    server: ServerProcess | None = None
    database: Database
    if kind == "inprocess-sqlite":
        database = fresh_sqlite(_sqlite_template, tmp_path / "contract.sqlite3")
    else:
        if _postgres_run is None:
            pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run this test on PostgreSQL")
        database = _postgres_run.fresh()
        if kind == "remote-postgresql":
            server = request.getfixturevalue("console_server")
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    chosen = Backend(kind, ctx, server)
    yield chosen
    chosen.close()
    database.dispose()
