"""Housekeeping: forget expired idempotency records and refresh tokens every hour."""

from __future__ import annotations

from huey import crontab

from core.db import transaction
from core.jobs import queue
from services import ops


@queue.periodic_task(crontab(minute="17"))
def purge_expired() -> dict[str, int]:
    with transaction(write=True) as session:
        return ops.purge_expired(session)
