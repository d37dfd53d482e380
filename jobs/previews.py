"""Link previews: an hourly purge of the cached pages no lookup shows, PREVIEWS_PURGE_AFTER_SECONDS
after they expired."""

from __future__ import annotations

from huey import crontab

from core.db import transaction, utcnow
from core.jobs import queue
from services import previews


@queue.periodic_task(crontab(minute="29"))  # type: ignore[untyped-decorator]
def purge_previews() -> int:
    with transaction(write=True) as session:
        return previews.purge_expired_pages(session, now=utcnow())
