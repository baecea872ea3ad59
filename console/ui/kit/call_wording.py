"""Words for the call note: the actions a call collected (audit action codes) and the
refusals of the call services, in the interface's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.ui.kit import messages
from console.ui.kit.formatting import audit_action_name

translate = QCoreApplication.translate


def actions_text(actions: str) -> str:
    """A note's stored actions (one code a line) as one line: repeats counted once."""
    counts: dict[str, int] = {}
    for line in actions.splitlines():
        if line.strip():
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    return ", ".join(
        audit_action_name(code) if n == 1 else f"{audit_action_name(code)} (×{n})"
        for code, n in counts.items()
    )


def duration_text(started_at: datetime, ended_at: datetime) -> str:
    seconds = max(0, int((ended_at - started_at).total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    if minutes == 0:
        return translate("calls", "{seconds} s").format(seconds=seconds)
    return translate("calls", "{minutes} min {seconds:02d} s").format(
        minutes=minutes, seconds=seconds
    )


def elapsed_text(msecs: int) -> str:
    """The running call timer: ``04:12``, ``1:02:03`` past an hour."""
    seconds = max(0, msecs // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def register_messages() -> None:
    messages.register(
        "call_reason_unknown",
        lambda p: translate("calls", "Motif d'appel inconnu : {reason}.").format(
            reason=p.get("reason", "?")
        ),
    )
    messages.register(
        "call_note_too_long",
        lambda p: translate(
            "calls", "La note d'appel est trop longue (au plus {max} caractères)."
        ).format(max=p.get("max", "?")),
    )
