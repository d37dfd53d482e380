"""Feed polling: one job per feed (its id only), and a sweep every minute that queues due feeds.

`poll` claims the feed (one conditional UPDATE, committed), fetches and parses it with no
transaction open, then records the outcome in a second transaction (core.callout): the new
entries and the validators for the next conditional request, or the failure and the backoff.
A duplicate job finds the feed not due or held and does nothing; a poller that outlives its
lease and races a successor cannot store an entry twice (services.feeds.store_entries).
Importing this module installs the dispatcher `services.feeds` uses to queue a new feed's first
fetch after commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from huey import crontab
from sqlalchemy.orm import Session

from core.callout import Done, read_call_write
from core.db import transaction
from core.errors import DomainError
from core.jobs import queue
from services import feeds


@dataclass(frozen=True)
class Outcome:
    """What one poll did: `fetched`, `not-modified`, `failed` or `skipped` (not claimable)."""

    status: str
    new_entries: int = 0
    #: The problem a failure is recorded as (an unexpected crash is recorded as not-a-feed).
    error: DomainError | None = None


def poll(feed_id: uuid.UUID, *, force: bool = False) -> Outcome:
    """One poll of a feed (see the module docstring); `force` polls it even if not due."""

    def claim(session: Session) -> feeds.Claim | Done[Outcome]:
        claimed = feeds.claim_feed(session, feed_id=feed_id, force=force)
        return Done(Outcome("skipped")) if claimed is None else claimed

    def store(
        session: Session, claimed: feeds.Claim, result: feeds.Fresh | feeds.NotModified
    ) -> Outcome:
        added = feeds.record_success(session, claimed, result)
        status = "not-modified" if isinstance(result, feeds.NotModified) else "fetched"
        return Outcome(status, new_entries=added)

    def failed(session: Session, claimed: feeds.Claim, error: Exception) -> Done[Outcome]:
        # Every failure is recorded on the feed; none stops the worker.
        feeds.record_failure(session, claimed, error)
        if not isinstance(error, DomainError):
            error = feeds.NotAFeed(f"the feed could not be read ({type(error).__name__})")
        return Done(Outcome("failed", error=error))

    return read_call_write(
        claim, feeds.fetch_feed, store, failures=(Exception,), recover=failed, read_writes=True
    )


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def poll_feed(feed_id: str) -> str:
    return poll(uuid.UUID(feed_id)).status


@queue.periodic_task(crontab())  # type: ignore[untyped-decorator]
def sweep_feeds() -> int:
    with transaction(write=False) as session:
        due = feeds.due_feed_ids(session, limit=feeds.feeds_settings().poll_batch)
    for feed_id in due:
        poll_feed(str(feed_id))
    return len(due)


feeds.set_dispatch(lambda feed_id: poll_feed(str(feed_id)))
