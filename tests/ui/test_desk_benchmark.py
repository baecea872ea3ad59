"""The desk benchmark's quickest call (F2, resend the confirmation) played on the real
window with the keyboard, so the benchmark cannot rot as the window changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks import desk

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_f2_call_is_played_with_the_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = desk.build_demo(tmp_path)
    window = desk.open_window(ctx, tmp_path)
    qtbot.add_widget(window)
    try:
        tally = desk.play(window, ctx, "F2")
        assert tally.done, tally.error
        assert not tally.mouse
        assert tally.beyond <= desk.GOAL, tally.steps
        assert tally.actions["search"] == 3 and tally.actions["note"] >= 4
        # The call really happened: a confirmation queued and the note saved.
        with ctx.db.read() as session:
            from sqlalchemy import func, select

            from console.db.models import CallNote, OutboxMessage

            assert session.scalar(
                select(func.count(OutboxMessage.id)).where(
                    OutboxMessage.to_address == "kevin.nguyen@hotmail.example",
                    OutboxMessage.state == "queued",
                )
            )
            assert session.scalar(select(func.count(CallNote.id)).where(CallNote.reason == "F2"))
    finally:
        window.close()
        window.workspace.tasks.wait_idle()
        ctx.db.dispose()
