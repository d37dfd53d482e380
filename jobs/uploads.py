"""Uploads metadata: one job per file (its id only), and a sweep every minute.

`sweep_stray_uploads`, hourly, deletes stored objects whose file row is gone (an account deletion
cascades to the rows only). `extract_file_metadata` claims the file (one conditional UPDATE,
committed), reads it from storage and extracts with no transaction open, then records the
outcome in a second transaction, only if its claim is still current. Running it again for a file
that is DONE, FAILED, deleted or held by another worker does nothing, so duplicate jobs are
harmless. Importing this module installs the
dispatcher `services.uploads` uses to queue jobs after commit.
"""

from __future__ import annotations

import uuid

from huey import crontab

from core.db import transaction
from core.jobs import queue
from services import uploads


def process(file_id: uuid.UUID) -> str:
    """One metadata attempt: `done`, `skipped` (not claimable), `lost`, or the status a failure
    left (`failed`, or `pending` to be retried by the sweep)."""
    with transaction(write=True) as session:
        claim = uploads.claim_file(session, file_id=file_id)
    if claim is None:
        return "skipped"
    try:
        findings = uploads.extract_metadata(claim)
    except uploads.Unreadable as error:
        with transaction(write=True) as session:
            status = uploads.record_failure(session, claim, str(error), permanent=True)
        return (status or "lost").lower()
    except Exception as error:  # storage unreachable and the like: retried, then FAILED
        reason = f"the metadata job crashed ({type(error).__name__})"
        with transaction(write=True) as session:
            status = uploads.record_failure(session, claim, reason, permanent=False)
        return (status or "lost").lower()
    with transaction(write=True) as session:
        recorded = uploads.record_findings(session, claim, findings)
    if not recorded:
        uploads.discard(findings)
        return "lost"
    return "done"


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def extract_file_metadata(file_id: str) -> str:
    return process(uuid.UUID(file_id))


@queue.periodic_task(crontab())  # type: ignore[untyped-decorator]
def sweep_uploads() -> int:
    with transaction(write=True) as session:
        uploads.drop_abandoned_uploads(session)
        stale = uploads.stale_file_ids(session)
    for file_id in stale:
        extract_file_metadata(str(file_id))
    return len(stale)


@queue.periodic_task(crontab(minute="23"))  # type: ignore[untyped-decorator]
def sweep_stray_uploads() -> int:
    """Hourly (it lists every object under uploads/): objects whose file row went without them."""
    with transaction(write=False) as session:
        return uploads.drop_stray_objects(session)


uploads.set_dispatch(lambda file_id: extract_file_metadata(str(file_id)))
