"""Social insurance numbers are encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256)."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

KEYRING_SERVICE = "console-loisirs-sin"


class SinCipher:
    def __init__(self, key: str | bytes) -> None:
        self._fernet = Fernet(key if isinstance(key, bytes) else key.encode())

    def encrypt(self, sin_digits: str) -> bytes:
        return self._fernet.encrypt(sin_digits.encode())

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode()
        except InvalidToken as exc:  # wrong key: never show garbage
            raise ValueError("SIN cannot be decrypted with this key") from exc


def configured_key(configured: str | None) -> str | None:
    """The configured key, else the keyring's; ``None`` when neither has one."""
    if configured:
        return configured
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, "default")
        if stored:
            return str(stored)
    except Exception:  # no keyring backend on this machine
        pass
    return None


def load_or_create_key(configured: str | None, key_file: Path) -> str:
    """The configured key, else the keyring's, else a local key file (created 0600): for
    the embedded demo only; a server never makes a key of its own."""
    found = configured_key(configured)
    if found:
        return found
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
