"""The desk benchmark played on the real window with the keyboard, so the benchmark (and
the keys it counts) cannot rot as the window changes: F2 (resend the confirmation) and
F11 (release a locked cart) must meet the goal — no mouse, at most 4 actions beyond the
search, the verification and the note — and F6 (register and pay by phone) must be played
with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from benchmarks import desk
from console.db.models import CallNote, OutboxMessage

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_the_quick_calls_meet_the_desk_goal(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = desk.build_demo(tmp_path)
    window = desk.open_window(ctx, tmp_path)
    qtbot.add_widget(window)
    try:
        for faq in ("F2", "F11"):
            tally = desk.play(window, ctx, faq)
            assert tally.done, (faq, tally.error)
            assert not tally.mouse, (faq, tally.mouse)
            assert tally.beyond <= desk.GOAL, (faq, tally.steps)
            assert desk.met(tally)
            assert tally.actions["search"] == 3 and tally.actions["note"] >= 4
        # The calls really happened: a confirmation queued, the notes saved.
        with ctx.db.read() as session:
            assert session.scalar(
                select(func.count(OutboxMessage.id)).where(
                    OutboxMessage.to_address == "kevin.nguyen@hotmail.example",
                    OutboxMessage.state == "queued",
                )
            )
            for faq in ("F2", "F11"):
                assert session.scalar(
                    select(func.count(CallNote.id)).where(CallNote.reason == faq)
                ), faq
    finally:
        window.close()
        window.workspace.tasks.wait_idle()
        ctx.db.dispose()
