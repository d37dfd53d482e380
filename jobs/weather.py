"""Weather: a sweep every five minutes fans out one job per due location (ids only).

`refresh_weather_location` claims its location under a lease, fetches the forecast with no
transaction open, then stores it and queues the alerts in one transaction (or records the
failure and the location's backoff). A duplicate job, or one for a location another worker
holds or that is not due, does nothing; a lost job leaves the location due for the next sweep.
"""

from __future__ import annotations

import uuid

from huey import crontab

from core.db import transaction, utcnow
from core.jobs import queue
from services import weather


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def refresh_weather_location(location_id: str) -> str:
    return weather.refresh_location(uuid.UUID(location_id))


@queue.periodic_task(crontab(minute="*/5"))  # type: ignore[untyped-decorator]
def sweep_weather() -> int:
    with transaction(write=False) as session:
        due = weather.due_location_ids(session, now=utcnow())
    for location_id in due:
        refresh_weather_location(str(location_id))
    return len(due)
