"""The server key that protects a secret while its message waits in the outbox.

A password-reset message is queued with a placeholder where its link's token goes; the
token itself is kept beside it encrypted with this key (``outbox_message.sealed_secret``,
Fernet). The mail relay opens it when it builds the email, and the row loses it in the
transaction that records the message sent or failed. A dump of the database taken while
the mail server is down therefore holds no usable link; the key lives in the server's
settings (``outbox_key``, or the keyring's ``console-loisirs-outbox``), never in the
database.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

KEYRING_SERVICE = "console-loisirs-outbox"


class SecretUnreadable(ValueError):
    """The sealed secret was not made with this key (another server's, or a lost key)."""


class OutboxCipher:
    def __init__(self, key: str | bytes) -> None:
        try:
            self._fernet = Fernet(key if isinstance(key, bytes) else key.encode())
        except ValueError as exc:
            raise ValueError("the outbox key is not a Fernet key") from exc

    @classmethod
    def ephemeral(cls) -> OutboxCipher:
        """A key of this process only: what it seals, only it can open (tests, tools that
        never hand a queued secret to another process)."""
        return cls(Fernet.generate_key())

    def seal(self, secret: str) -> bytes:
        return self._fernet.encrypt(secret.encode())

    def open(self, sealed: bytes) -> str:
        try:
            return self._fernet.decrypt(bytes(sealed)).decode()
        except InvalidToken as exc:
            raise SecretUnreadable("the secret was sealed with another outbox key") from exc
