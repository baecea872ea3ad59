"""``console staff``: accounts added, listed, given a password and disabled from the command
line, the password read from standard input or asked twice, never an argument."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import build_parser, main
from console.db.engine import Database
from console.db.models import Borough, Staff
from console.db.sin import SinCipher
from console.domain.errors import Unauthenticated
from console.services.context import ServiceContext
from console.services.staff_auth import resolve_session, sign_in
from tests.conftest import TEST_SIN_KEY

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "une phrase de passe assez longue"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    path = tmp_path / "console.sqlite3"
    monkeypatch.setenv("CONSOLE_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("CONSOLE_SETTINGS", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("CONSOLE_ARGON2_FAST", "1")
    assert main(["db", "upgrade"]) == 0
    database = Database(f"sqlite:///{path}")
    with database.write() as session:
        session.add(Borough(code="CL", name="La Cité-Limoilou"))
    yield database
    database.dispose()


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str, *, tty: bool = False) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(text) if tty else io.StringIO(text))


def _ctx(database: Database) -> ServiceContext:
    return ServiceContext(db=database, sin_cipher=SinCipher(TEST_SIN_KEY))


def test_add_reads_the_password_from_standard_input(
    configured: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASSWORD + "\n")
    code = main(
        ["staff", "add", "MPelletier", "--role", "clerk", "--borough", "CL", "--name", "Martine P."]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "added mpelletier (clerk, La Cité-Limoilou): Martine P." in out
    assert PASSWORD not in out + err
    opened = sign_in(_ctx(configured), "mpelletier", PASSWORD)
    assert opened.actor.borough_name == "La Cité-Limoilou"
    with configured.read() as session:
        stored = session.scalars(select(Staff.password_hash)).one()
        assert stored is not None and stored.startswith("$argon2id$")


def test_a_terminal_is_asked_twice_without_echo(
    configured: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "", tty=True)
    typed = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda *a, **k: next(typed))
    assert main(["staff", "add", "ecote", "--role", "agent", "--name", "Éric Côté"]) == 1
    assert "the two passwords differ; nothing changed" in capsys.readouterr().err
    typed = iter([PASSWORD, PASSWORD])
    assert main(["staff", "add", "ecote", "--role", "agent", "--name", "Éric Côté"]) == 0
    assert sign_in(_ctx(configured), "ecote", PASSWORD).actor.display_name == "Éric Côté"


def test_the_password_is_never_an_argument(configured: Database) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(
            ["staff", "add", "x", "--role", "agent", "--name", "X", "--password", "y"]
        )
    with pytest.raises(SystemExit):
        parser.parse_args(["staff", "set-password", "x", PASSWORD])


def test_refusals_change_nothing_and_say_why(
    configured: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [
        (["--role", "clerk", "--name", "X"], PASSWORD, "a clerk needs --borough CODE"),
        (["--role", "clerk", "--borough", "ZZ", "--name", "X"], PASSWORD, "no borough"),
        (["--role", "agent", "--name", "X"], "too short\n", "at least 12 characters"),
        (["--role", "agent", "--name", "X"], "", "no password on standard input"),
    ]
    for options, password, said in cases:
        _stdin(monkeypatch, password)
        assert main(["staff", "add", "someone", *options]) == 1
        assert said in capsys.readouterr().err
    with configured.read() as session:
        assert session.scalars(select(Staff)).all() == []


def test_set_password_disable_and_list(
    configured: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["staff", "add", "mroy", "--role", "agent", "--name", "Mélanie Roy"]) == 0
    token = sign_in(_ctx(configured), "mroy", PASSWORD).token
    _stdin(monkeypatch, "un tout autre mot de passe\r\n")
    assert main(["staff", "set-password", "mroy"]) == 0
    assert "password set for mroy; sessions ended: 1" in capsys.readouterr().out
    with pytest.raises(Unauthenticated):
        resolve_session(_ctx(configured), token)
    token = sign_in(_ctx(configured), "mroy", "un tout autre mot de passe").token

    assert main(["staff", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["username", "name", "role", "borough", "state", "locked", "until",
                                "last", "sign-in"]  # fmt: skip
    assert lines[1].startswith("mroy") and "Mélanie Roy" in lines[1] and "active" in lines[1]

    assert main(["staff", "disable", "mroy"]) == 0
    assert "disabled mroy; sessions ended: 1" in capsys.readouterr().out
    with pytest.raises(Unauthenticated):
        resolve_session(_ctx(configured), token)
    assert main(["staff", "list"]) == 0
    assert "disabled" in capsys.readouterr().out.splitlines()[1]
    assert main(["staff", "disable", "nobody"]) == 1
    assert "no staff member is named 'nobody'" in capsys.readouterr().err


def test_the_command_reads_a_piped_password(tmp_path: Path, configured: Database) -> None:
    """As an administrator runs it: ``… | console staff add …``, nothing in argv."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = [sys.executable, "-m", "console", "staff", "add", "kbeaulieu", "--role", "supervisor"]
    argv += ["--name", "Karine Beaulieu"]
    result = subprocess.run(
        argv, input=PASSWORD + "\n", capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in " ".join(argv) + result.stdout + result.stderr
    assert sign_in(_ctx(configured), "kbeaulieu", PASSWORD).actor.role.value == "supervisor"
