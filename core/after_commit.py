"""Jobs queued once a transaction commits: the service names the job, the jobs module queues it.

A job queued before its row commits may run before the row exists (or for a row a rollback
removes), and services cannot import `jobs/` (layers). So a service declares

    delivery = AfterCommit("outbox-delivery")

calls `delivery.queue(session, message_id, delay)` inside its transaction, and jobs/<domain>.py
installs the function that queues the huey job (`delivery.install(send)`) when imported (the app
through its handlers, `trellis worker` through `jobs.load_all()`). Nothing is queued on rollback.
A failure to queue is logged and swallowed: the row is the truth and the domain's periodic sweep
queues it later; the same holds in a process that never installed a function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import structlog
from sqlalchemy import event
from sqlalchemy.orm import Session

log = structlog.get_logger("trellis.jobs")


class AfterCommit:
    """One kind of job a service queues after commit (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._send: Callable[..., None] | None = None

    def install(self, send: Callable[..., None]) -> None:
        self._send = send

    def queue(self, session: Session, *args: Any) -> None:
        """Queues the job with `args` once `session` commits (never if it rolls back)."""

        def send(_session: Session) -> None:
            if self._send is None:
                return
            try:
                self._send(*args)
            except Exception as error:  # the row is safe: the sweep queues it later
                log.warning("job-dispatch-failed", job=self.name, error=type(error).__name__)

        event.listen(session, "after_commit", send, once=True)
