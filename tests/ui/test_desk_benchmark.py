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


def test_f6_and_f7_meet_the_desk_goal(qtbot: QtBot, tmp_path: Path) -> None:
    """F7 frees the stale hold in 4 actions (the dialog opens on the file's line held twice,
    the hold selected, the reason box next: a usual reason, Alt+L, Alt+C — and it closes
    itself once nothing is left to free); F6 checks Zoé's group, registers her elsewhere
    and pays in 10 (the dialog opens on her waitlist entry; the card's three fields, Pay
    and its question, Escape to close the payment all count)."""
    from console.db.models import AuditEntry, Payment

    ctx = desk.build_demo(tmp_path)
    window = desk.open_window(ctx, tmp_path)
    qtbot.add_widget(window)
    try:
        tallies = {faq: desk.play(window, ctx, faq) for faq in ("F7", "F6")}
        for faq, tally in tallies.items():
            assert tally.done, (faq, tally.error)
            assert not tally.mouse, (faq, tally.mouse)
            assert desk.met(tally), (faq, tally.steps)
        f7 = [s.removeprefix("act: ") for s in tallies["F7"].steps if s.startswith("act: ")]
        assert f7 == [
            "Ctrl+Shift+I",
            "Down",
            "« Libérer la réservation » confirmed: Alt+C",
            "Alt+L",
        ]
        assert tallies["F6"].beyond == 10, tallies["F6"].steps
        assert any("0 real places" in n for n in tallies["F6"].notes)  # the check was seen
        with ctx.db.read() as session:
            release = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "hold.release")
                .order_by(AuditEntry.id.desc())
            ).first()
            assert release is not None  # the reason picked is journaled
            assert release.reason.startswith("Inscription déjà faite")
            assert session.scalar(
                select(func.count(Payment.id)).where(Payment.status == "approved")
            )
            for faq in ("F6", "F7"):
                assert session.scalar(
                    select(func.count(CallNote.id)).where(CallNote.reason == faq)
                ), faq
    finally:
        window.close()
        window.workspace.tasks.wait_idle()
        ctx.db.dispose()
