"""A real ``console serve`` process over HTTPS, with trustme certificates.

The process gets what a production server gets from its settings (database URL, SIN and
outbox keys, certificate and key) through its environment and a settings file of its own;
a desktop under test gets only the server's URL and the certificate authority.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx
import trustme

from tests.helpers.secrets import TEST_OUTBOX_KEY, TEST_SIN_KEY


class TestCertificates:
    """A throwaway certificate authority and a server certificate for 127.0.0.1."""

    __test__ = False  # a helper, not a test class, wherever it is imported

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.authority = trustme.CA()
        issued = self.authority.issue_cert("127.0.0.1", "localhost")
        self.ca_file = directory / "ca.pem"
        self.cert_file = directory / "server.pem"
        self.key_file = directory / "server.key"
        self.authority.cert_pem.write_to_path(str(self.ca_file))
        issued.private_key_pem.write_to_path(str(self.key_file))
        # The chain: the leaf, then the authority's certificate.
        with self.cert_file.open("wb") as handle:
            for blob in issued.cert_chain_pems:
                handle.write(blob.bytes())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """``python -m console serve`` against ``database_url``, until ``stop()``."""

    def __init__(
        self,
        database_url: str,
        directory: Path,
        certificates: TestCertificates,
        *,
        jobs: bool = False,
        extra_args: tuple[str, ...] = (),
        settings: Mapping[str, object] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.certificates = certificates
        directory.mkdir(parents=True, exist_ok=True)
        settings_file = directory / f"server-{self.port}.toml"
        lines = [f"{key} = {_toml(value)}" for key, value in (settings or {}).items()]
        settings_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.log_file = directory / f"server-{self.port}.log"
        environment = {k: v for k, v in os.environ.items() if not k.startswith("CONSOLE_")} | {
            "CONSOLE_SETTINGS": str(settings_file),
            "CONSOLE_DATABASE_URL": database_url,
            "CONSOLE_SIN_KEY": TEST_SIN_KEY,
            "CONSOLE_OUTBOX_KEY": TEST_OUTBOX_KEY,
            "CONSOLE_ALLOW_SANDBOX_GATEWAY": "1",
            "CONSOLE_ARGON2_FAST": "1",
            "PYTHONUNBUFFERED": "1",
            # The suites sign in far more often than a person does, all from 127.0.0.1.
            "CONSOLE_SIGN_IN_ATTEMPTS_PER_MINUTE": "100000",
        }
        environment.update(env or {})
        command = [
            sys.executable,
            "-m",
            "console",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--cert",
            str(certificates.cert_file),
            "--key",
            str(certificates.key_file),
        ]
        if not jobs:
            command.append("--no-jobs")
        command.extend(extra_args)
        self._log = self.log_file.open("wb")
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=environment
        )
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def client(self) -> httpx.Client:
        trust = ssl.create_default_context(cafile=str(self.certificates.ca_file))
        return httpx.Client(base_url=self.url, verify=trust)

    def wait_ready(self, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        with self.client() as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"console serve exited:\n{self.log()}")
                try:
                    if http.get("/health", timeout=2).status_code in (200, 503):
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"console serve did not answer in {timeout_s} s:\n{self.log()}")

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
