"""Long work (seeding, bulk emails) behind a progress dialog with a Cancel button.

The work runs on the task runner and reports ``(done, total)``; Cancel asks it to stop at
its next check, and the dialog stays until the work has really stopped::

    run_with_progress(parent, tasks, seed_demo, on_done, title=..., label=...)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.ui.kit.tasks import Progress, TaskRunner

T = TypeVar("T")


class ProgressDialog(QProgressDialog):
    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, self.tr("Annuler"), 0, 0, parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(380)
        self.progress: Progress | None = None

    def report(self, done: int, total: int) -> None:
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))

    def cancel(self) -> None:
        """Ask the work to stop; the dialog closes once it has."""
        if self.progress is not None and not self.progress.cancelled:
            self.progress.cancel()
            self.setLabelText(self.tr("Annulation…"))
            self.setCancelButtonText("")  # hides the button: cancelling is under way


def run_with_progress(
    parent: QWidget | None,
    tasks: TaskRunner,
    work: Callable[[Progress], T],
    on_done: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    title: str,
    label: str,
) -> ProgressDialog:
    """Run ``work`` off the GUI thread behind a progress dialog; returns the dialog."""
    dialog = ProgressDialog(title, label, parent)
    dialog.canceled.disconnect()  # QProgressDialog would reset and hide at once
    dialog.canceled.connect(dialog.cancel)

    def finished(result: T) -> None:
        dialog.done(0)
        dialog.deleteLater()
        on_done(result)

    def failed(error: BaseException) -> None:
        dialog.done(0)
        dialog.deleteLater()
        if on_failure is not None:
            on_failure(error)
        else:
            tasks.failed.emit(error)

    dialog.progress = tasks.run_with_progress(work, finished, dialog.report, failed)
    dialog.show()
    return dialog
