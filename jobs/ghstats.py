"""GitHub stats: an hourly purge of what was kept for usernames nobody asked for in
GHSTATS_PURGE_AFTER_SECONDS (stats, repositories, stored pages, leases)."""

from __future__ import annotations

from huey import crontab

from core.db import transaction, utcnow
from core.jobs import queue
from services import ghstats


@queue.periodic_task(crontab(minute="23"))  # type: ignore[untyped-decorator]
def purge_ghstats() -> dict[str, int]:
    with transaction(write=True) as session:
        return ghstats.purge_unasked(session, now=utcnow())
