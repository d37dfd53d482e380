"""Weather: a sweep every five minutes deletes the places nobody subscribes to any more
(WEATHER_PURGE_UNUSED_SECONDS after their last use) and fans out one job per due location (ids
only).

`refresh_weather_location` claims its location under a lease, fetches the forecast with no
transaction open, then stores it and queues the alerts in one transaction (or records the
failure and the location's backoff). A duplicate job, or one for a location another worker
holds or that is not due, does nothing; a lost job leaves the location due for the next sweep.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from huey import crontab

from core.callout import read_call_write
from core.db import transaction, utcnow
from core.jobs import queue
from services import weather


def refresh_location(location_id: uuid.UUID, *, now: datetime | None = None) -> str:
    """One location's turn: claim, fetch with no transaction open, store and alert (or record
    the failure). `skipped`, `alerted:<n>`, or the failure's problem type."""
    at = now or utcnow()
    return read_call_write(
        lambda session: weather.claim_point(session, location_id=location_id, now=at),
        weather.fetch_point,
        lambda session, _point, hours: weather.alerted(
            session, location_id=location_id, hours=hours, now=at
        ),
        failures=weather.PROVIDER_FAILURES,
        recover=lambda session, _point, error: weather.failed(
            session, location_id=location_id, error=error, now=at
        ),
        read_writes=True,
    )


def sweep(*, now: datetime | None = None) -> dict[str, str]:
    """Every due location refreshed in turn, in this process (what the periodic job fans out
    as one job per location); location id -> outcome."""
    at = now or utcnow()
    with transaction(write=False) as session:
        due = weather.due_location_ids(session, now=at)
    return {str(location_id): refresh_location(location_id, now=at) for location_id in due}


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def refresh_weather_location(location_id: str) -> str:
    return refresh_location(uuid.UUID(location_id))


@queue.periodic_task(crontab(minute="*/5"))  # type: ignore[untyped-decorator]
def sweep_weather() -> int:
    with transaction(write=True) as session:
        weather.purge_unused_locations(session, now=utcnow())
    with transaction(write=False) as session:
        due = weather.due_location_ids(session, now=utcnow())
    for location_id in due:
        refresh_weather_location(str(location_id))
    return len(due)
