"""The server's jobs: the sweep (holds and offers that lapse) and the mail relay.

Several server processes may run against one database; each job runs in exactly one of
them at a time. A process runs a job only while it holds that job's lease, a row in the
database renewed at every pass (``console.services.job_lease``): a lease that is not
renewed (the process died) passes to another process once it runs out.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.domain.errors import ConsoleError
from console.services import job_lease
from console.services.context import ServiceContext

log = logging.getLogger("console.server.jobs")


@dataclass
class Job:
    name: str
    interval_s: float
    run: Callable[[], object]
    # Seen by /health: when the job's thread last went round, and what it last did.
    last_beat: datetime | None = None
    last_run: datetime | None = None
    last_error: str | None = None
    leader: bool = False
    runs: int = 0
    thread: threading.Thread | None = field(default=None, repr=False)


class Jobs:
    def __init__(self, ctx: ServiceContext, jobs: list[Job]) -> None:
        self.ctx = ctx
        self.jobs = jobs
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()

    def start(self) -> None:
        for job in self.jobs:
            if job.thread is not None:
                continue  # started already
            job.thread = threading.Thread(
                target=self._loop, args=(job,), name=f"job-{job.name}", daemon=True
            )
            job.thread.start()

    def stop(self) -> None:
        """Stop every job and give its lease back; a second call does nothing more."""
        self._stop.set()
        for job in self.jobs:
            if job.thread is not None:
                job.thread.join(timeout=10)
        for job in self.jobs:
            if job.leader:
                with contextlib.suppress(ConsoleError):  # the lease runs out on its own
                    job_lease.release(self.ctx, job.name, self.holder)
                job.leader = False

    def _loop(self, job: Job) -> None:
        # A lease outlives a few missed passes, so one slow pass does not hand it over.
        ttl_s = max(3 * job.interval_s, 10.0)
        while not self._stop.is_set():
            job.last_beat = self.ctx.clock.now()
            try:
                job.leader = job_lease.acquire(self.ctx, job.name, self.holder, ttl_s)
                if job.leader:
                    job.run()
                    job.runs += 1
                    job.last_run, job.last_error = self.ctx.clock.now(), None
            except ConsoleError as error:  # busy or unreachable database: the next pass retries
                job.last_error = error.code
            except Exception as error:  # a bug in a job must not stop the other passes
                log.exception("job %s failed", job.name)
                job.last_error = type(error).__name__
            self._stop.wait(job.interval_s)

    def status(self) -> dict[str, Any]:
        now = self.ctx.clock.now()
        report: dict[str, Any] = {}
        for job in self.jobs:
            alive = job.thread is not None and job.thread.is_alive()
            late = job.last_beat is None or (now - job.last_beat).total_seconds() > (
                3 * job.interval_s + 30
            )
            report[job.name] = {
                "alive": alive and not late,
                "leader": job.leader,
                "runs": job.runs,
                "last_run": job.last_run.isoformat() if job.last_run else None,
                "last_error": job.last_error,
            }
        return report


def server_jobs(
    ctx: ServiceContext, *, sweep_s: float, relay_s: float, seal_s: float = 0.0
) -> Jobs:
    from console.services import audit_seal
    from console.services.mail_relay import SmtpTransport, deliver_due, smtp_password
    from console.services.sweep import sweep

    settings = ctx.settings
    assert settings is not None
    jobs = [Job("sweep", sweep_s, lambda: sweep(ctx))]
    if relay_s > 0:
        # The SMTP password is read (from the keyring) only by a process that relays.
        transport = SmtpTransport(settings.smtp, smtp_password(settings.smtp))
        jobs.append(
            Job(
                "mail_relay",
                relay_s,
                lambda: deliver_due(ctx, transport, sender=settings.smtp.sender),
            )
        )
    if seal_s > 0:
        # Each complete Québec day of the journal and the file-access log sealed soon
        # after it ends (``console audit verify`` then names any entry changed since).
        jobs.append(Job("audit_seal", seal_s, lambda: audit_seal.seal(ctx)))
    return Jobs(ctx, jobs)
