"""The server proofs: a real ``console serve`` over HTTPS on the run's PostgreSQL database.

A test arranges its data directly in the database (``Site.ctx``, on the system clock: the
server keeps real time), which is also what an attacker with the database credentials
could do; the desktop under test holds only the server's URL, its certificate authority
and a session token.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher, profiles
from cryptography.fernet import Fernet
from sqlalchemy import text

from console.client.remote import RemoteApi, sign_in
from console.db.sin import SinCipher
from console.domain.clock import SystemClock
from console.domain.views.staff import Actor
from console.domain.vocabulary import Role
from console.services import staff_auth
from console.services.context import ServiceContext
from tests.helpers.builders import BuiltHousehold, make_household
from tests.helpers.databases import PG_ENV, PostgresRun
from tests.helpers.secrets import TEST_SIN_KEY
from tests.helpers.server_process import ServerProcess

PASSWORD = "Mot-de-passe-2026!"
_names = itertools.count(1)
# What a server's settings must hold besides the database (keys it never makes itself),
# for the tests that run ``python -m console …`` without ServerProcess.
SERVER_KEYS = {
    "CONSOLE_SIN_KEY": TEST_SIN_KEY,
    "CONSOLE_OUTBOX_KEY": Fernet.generate_key().decode("ascii"),
}

# Hashing here must be as cheap as in the server processes (which get the same variable).
os.environ.setdefault(staff_auth.ARGON2_FAST_ENV, "1")


def require_postgres(run: PostgresRun | None) -> PostgresRun:
    if run is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} to run the server proofs")
    return run


@dataclass
class Staffer:
    username: str
    actor: Actor


@dataclass
class Site:
    """The run's database as its owner sees it, and one server in front of it."""

    ctx: ServiceContext
    server: ServerProcess
    _opened: list[RemoteApi] = field(default_factory=list)

    def staff(self, role: Role, *, borough_code: str | None = None) -> Staffer:
        username = f"{role.value}{next(_names)}"
        actor = staff_auth.add_staff(
            self.ctx, username, role, f"{role.value.title()} {username}", PASSWORD, borough_code
        )
        return Staffer(username, actor)

    def remote(self, who: Staffer | Role, server: ServerProcess | None = None) -> RemoteApi:
        """``RemoteApi`` signed in with a password, as the desktop signs in."""
        staffer = who if isinstance(who, Staffer) else self.staff(who)
        target = server or self.server
        api = sign_in(
            target.url, staffer.username, PASSWORD, ca_file=str(target.certificates.ca_file)
        )
        self._opened.append(api)
        return api

    def household(self, **kwargs: Any) -> BuiltHousehold:
        with self.ctx.db.write() as session:
            return make_household(session, **kwargs)

    def sql(self, statement: str, **params: Any) -> Any:
        """One statement with the database owner's credentials (what a console holding
        them could run); the rows, for a query."""
        with self.ctx.db.engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else result.rowcount

    def close(self) -> None:
        for api in self._opened:
            if api._token:  # not signed out by the test already
                api.sign_out()


def open_session(http: httpx.Client, username: str, password: str = PASSWORD) -> str:
    """Sign in with plain HTTP calls; the session token."""
    answer = http.post("/api/v1/session", json={"username": username, "password": password})
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def fast_context(database: Any) -> ServiceContext:
    ctx = ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY), clock=SystemClock())
    ctx.ports[staff_auth.HASHER_PORT] = PasswordHasher.from_parameters(profiles.CHEAPEST)
    return ctx


@pytest.fixture
def pg_run(_postgres_run: PostgresRun | None) -> PostgresRun:
    return require_postgres(_postgres_run)


@pytest.fixture
def site(pg_run: PostgresRun, request: pytest.FixtureRequest) -> Iterator[Site]:
    """An emptied database and the shared server (``console_server``) in front of it."""
    database = pg_run.fresh()
    server: ServerProcess = request.getfixturevalue("console_server")
    arranged = Site(fast_context(database), server)
    yield arranged
    arranged.close()
    database.dispose()


@pytest.fixture
def http(site: Site) -> Iterator[httpx.Client]:
    """A bare HTTPS client of the server: it trusts the test authority and holds nothing."""
    with site.server.client() as client:
        yield client
