"""The packaged server's SMTP password arrives as a systemd credential, not a variable."""

from __future__ import annotations

from pathlib import Path

from console.config import SmtpSettings
from console.services.mail_relay import SMTP_CREDENTIAL, smtp_password


def test_the_systemd_credential_is_the_password(tmp_path: Path) -> None:
    (tmp_path / SMTP_CREDENTIAL).write_text("s3cret-pass\n", encoding="utf-8")
    settings = SmtpSettings(username="console-loisirs")
    assert smtp_password(settings, {"CREDENTIALS_DIRECTORY": str(tmp_path)}) == "s3cret-pass"


def test_no_credential_and_no_username_means_no_password(tmp_path: Path) -> None:
    assert (
        smtp_password(SmtpSettings(username=""), {"CREDENTIALS_DIRECTORY": str(tmp_path)}) is None
    )
