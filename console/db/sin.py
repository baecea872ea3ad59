"""Social insurance numbers are encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

The keys form a ring, each with an id: a number is sealed with the current key and its
row keeps the id of that key (``member.sin_key_id``) beside the ciphertext, so it is
opened with that key whatever key is current. ``console keys rotate`` re-seals every
number under the current key; an older key is then retired (nothing is stored under it)
and leaves the settings.

The single ``sin_key`` setting of earlier releases is the key of id ``k1``, and a row
without a key id was sealed with it (the rows written before key ids, or by a program
that does not know them).

Only the server holds the ring. Nothing but the reveal use case and the rotation opens a
number: the last three digits, shown masked (``*** *** 123``), are kept beside the
ciphertext (``member.sin_last3``) when the number is sealed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from console.domain.sin import SHOWN_DIGITS, normalize_sin

KEYRING_SERVICE = "console-loisirs-sin"
LEGACY_KEY_ID = "k1"  # the single ``sin_key`` of earlier releases
KEY_ID_MAX = 16
_KEY_ID = re.compile(rf"^[A-Za-z0-9_-]{{1,{KEY_ID_MAX}}}$")


class SinKeyError(ValueError):
    """The keys in the settings cannot form a ring, in one sentence for the operator."""


class SinKeyMissing(LookupError):
    """A number was sealed with a key the ring does not hold (or no longer holds)."""

    def __init__(self, key_id: str) -> None:
        super().__init__(f"no SIN key {key_id!r} in the settings")
        self.key_id = key_id


@dataclass(frozen=True)
class SealedSin:
    """What a member row keeps of a number: never the digits themselves."""

    ciphertext: bytes
    key_id: str
    last3: str


class SinCipher:
    """The ring of SIN keys; :meth:`seal` uses the current one.

    ``SinCipher(key)`` is a ring of one key, of id ``k1`` (the single ``sin_key``
    setting); :meth:`ring` makes one of several keys.
    """

    def __init__(self, key: str | bytes) -> None:
        self._fernets = {LEGACY_KEY_ID: _fernet(LEGACY_KEY_ID, key)}
        self._current = LEGACY_KEY_ID

    @classmethod
    def ring(cls, keys: Mapping[str, str | bytes], current: str) -> SinCipher:
        if current not in keys:
            raise SinKeyError(f"the current SIN key {current!r} is not among the keys")
        cipher = cls.__new__(cls)
        cipher._fernets = {key_id: _fernet(key_id, key) for key_id, key in keys.items()}
        cipher._current = current
        return cipher

    @property
    def current_id(self) -> str:
        return self._current

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._fernets))

    def holds(self, key_id: str | None) -> bool:
        return (key_id or LEGACY_KEY_ID) in self._fernets

    def seal(self, sin: str) -> SealedSin:
        """The number (separators allowed) sealed with the current key."""
        digits = normalize_sin(sin)
        return SealedSin(
            ciphertext=self._fernets[self._current].encrypt(digits.encode()),
            key_id=self._current,
            last3=digits[-SHOWN_DIGITS:],
        )

    def encrypt(self, sin_digits: str) -> bytes:
        """The ciphertext alone, with the current key (its id: :attr:`current_id`)."""
        return self.seal(sin_digits).ciphertext

    def decrypt(self, token: bytes, key_id: str | None = None) -> str:
        """The digits of a number sealed with the key ``key_id`` (``None``: ``k1``)."""
        key_id = key_id or LEGACY_KEY_ID
        fernet = self._fernets.get(key_id)
        if fernet is None:
            raise SinKeyMissing(key_id)
        try:
            return fernet.decrypt(bytes(token)).decode()
        except InvalidToken as exc:  # wrong key: never show garbage
            raise ValueError(f"SIN cannot be decrypted with key {key_id!r}") from exc


def _fernet(key_id: str, key: str | bytes) -> Fernet:
    if not _KEY_ID.match(key_id):
        raise SinKeyError(
            f"{key_id!r} is not a SIN key id (letters, digits, - and _, at most {KEY_ID_MAX})"
        )
    try:
        return Fernet(key if isinstance(key, bytes) else key.encode())
    except ValueError as exc:
        raise SinKeyError(f"the SIN key {key_id!r} is not a Fernet key") from exc


def cipher_from_settings(
    keys: Mapping[str, str], current: str, single: str | None
) -> SinCipher | None:
    """The ring the settings describe: ``sin_keys`` (id → key), ``sin_key_id`` (the
    current one) and ``sin_key`` (the key of id ``k1``); ``None`` when they hold no key.

    Raises :class:`SinKeyError` for keys that cannot be used as given."""
    ring = dict(keys)
    if single:
        if ring.get(LEGACY_KEY_ID, single) != single:
            raise SinKeyError(
                f"sin_key and sin_keys.{LEGACY_KEY_ID} are two different keys: keep one"
            )
        ring[LEGACY_KEY_ID] = single
    if not ring:
        return None
    if not current:
        if len(ring) > 1:
            raise SinKeyError("several SIN keys and no sin_key_id: name the current one")
        (current,) = ring
    if current not in ring:
        raise SinKeyError(f"sin_key_id = {current!r} names none of the SIN keys")
    return SinCipher.ring(ring, current)


def configured_key(configured: str | None) -> str | None:
    """The configured key, else the keyring's; ``None`` when neither has one."""
    return configured or keyring_key(KEYRING_SERVICE)


def keyring_key(service: str) -> str | None:
    """The operating system keyring's key for ``service`` (user "default"), if any."""
    try:
        import keyring

        stored = keyring.get_password(service, "default")
        if stored:
            return str(stored)
    except Exception:  # no keyring backend on this machine
        pass
    return None


def load_or_create_key(
    configured: str | None, key_file: Path, service: str = KEYRING_SERVICE
) -> str:
    """The configured key, else the keyring's, else a local key file (created 0600): for
    the embedded demo only; a server never makes a key of its own."""
    found = configured or keyring_key(service)
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
