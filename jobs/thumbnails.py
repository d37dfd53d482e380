"""Thumbnail jobs: one per job row (its id only), and a sweep every minute.

`render_thumbnails` claims the job (one conditional UPDATE, committed, starting a new generation),
deletes what a killed earlier run left unseen, decodes the original once with no transaction
open, and for each size either keeps the recorded thumbnail (its stored bytes still match) or
renders it, writes it whole under the generation's key and commits its row — the step that makes
it visible — fenced by the generation and by the file still existing. A run whose fence fails
deletes what it just wrote and, if the file was deleted meanwhile, the orphaned job with every
object under it. Running it again for a job that is DONE, FAILED, deleted or held by a live worker
does nothing, so duplicate jobs are harmless. The sweep first deletes the orphans no live worker
holds, then re-queues stale jobs. `sweep_stray_thumbnails`, hourly, deletes stored objects
whose job row is gone (an account deletion cascades to the rows only). Importing this module
installs the function `services.thumbnails` uses to queue jobs after commit.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from huey import crontab

from core.db import transaction
from core.jobs import queue
from services import thumbnails


def process(job_id: uuid.UUID, *, now: datetime | None = None) -> str:
    """One run of a job: `done`, `skipped` (not claimable), `lost`, or the status a failure left
    (`failed`, or `pending` to be retried by the sweep)."""
    with transaction(write=True) as session:
        claim = thumbnails.claim_job(session, job_id=job_id, now=now)
    if claim is None:
        return "skipped"
    try:
        thumbnails.clean_earlier_runs(claim)
        with thumbnails.opened_original(claim) as base:
            for size in claim.sizes:
                if thumbnails.is_current(claim, size):
                    continue
                rendered = thumbnails.render(claim, base, size)
                with transaction(write=True) as session:
                    recorded = thumbnails.record_image(session, claim, rendered)
                if not recorded:
                    thumbnails.discard(rendered)
                    return _lost(claim)
    except thumbnails.Unrenderable as error:
        with transaction(write=True) as session:
            status = thumbnails.record_failure(session, claim, str(error), permanent=True)
        return status.lower() if status else _lost(claim)
    except Exception as error:  # storage unreachable and the like: retried, then FAILED
        reason = f"the thumbnail job crashed ({type(error).__name__})"
        with transaction(write=True) as session:
            status = thumbnails.record_failure(session, claim, reason, permanent=False)
        return status.lower() if status else _lost(claim)
    with transaction(write=True) as session:
        finished = thumbnails.finish_job(session, claim)
    return "done" if finished else _lost(claim)


def _lost(claim: thumbnails.Claim) -> str:
    """`lost`, after deleting the job if it was lost because its file was deleted."""
    with transaction(write=True) as session:
        thumbnails.release_lost(session, claim)
    return "lost"


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def render_thumbnails(job_id: str) -> str:
    return process(uuid.UUID(job_id))


@queue.periodic_task(crontab())  # type: ignore[untyped-decorator]
def sweep_thumbnails() -> int:
    with transaction(write=True) as session:
        thumbnails.drop_orphans(session)
    with transaction(write=True) as session:
        stale = thumbnails.stale_job_ids(session)
    for job_id in stale:
        render_thumbnails(str(job_id))
    return len(stale)


@queue.periodic_task(crontab(minute="37"))  # type: ignore[untyped-decorator]
def sweep_stray_thumbnails() -> int:
    """Hourly (it lists every object under thumbnails/): objects whose job row went without them."""
    with transaction(write=False) as session:
        return thumbnails.drop_stray_objects(session)


thumbnails.rendering.install(lambda job_id: render_thumbnails(str(job_id)))
