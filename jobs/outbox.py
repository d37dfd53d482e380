"""Outbox delivery: one job per message (ids only), and a sweep every minute.

`send_message` claims the message (one conditional UPDATE, committed), sends it with no
transaction open, then records the outcome in a second transaction. Running it again for a
message that is SENT, DEAD, not yet due or held by another worker does nothing, so duplicate jobs
(a retry queued twice, the sweep re-queueing a message whose job is still waiting) are harmless.
Importing this module installs the dispatcher `services.outbox` uses to queue jobs after commit.
"""

from __future__ import annotations

import uuid

from huey import crontab

from core import mail
from core.db import transaction
from core.jobs import queue
from services import outbox


def deliver(message_id: uuid.UUID) -> str:
    """One delivery attempt: `sent`, `skipped` (not claimable), or the status a failure left."""
    with transaction(write=True) as session:
        claim = outbox.claim_message(session, message_id=message_id)
    if claim is None:
        return "skipped"
    try:
        mail.mailer().send(claim.mail)
    except Exception as error:  # every failure is recorded on the row
        with transaction(write=True) as session:
            status = outbox.record_failure(session, claim, error)
        return (status or "lost").lower()
    with transaction(write=True) as session:
        recorded = outbox.record_sent(session, claim)
    return "sent" if recorded else "sent-lost"


@queue.task()  # type: ignore[untyped-decorator]  # huey is untyped
def send_message(message_id: str) -> str:
    return deliver(uuid.UUID(message_id))


@queue.periodic_task(crontab())  # type: ignore[untyped-decorator]
def sweep_outbox() -> int:
    with transaction(write=True) as session:
        stale = outbox.stale_message_ids(session)
    for message_id in stale:
        send_message(str(message_id))
    return len(stale)


def _dispatch(message_id: uuid.UUID, delay: float) -> None:
    if delay > 0:
        send_message.schedule(args=(str(message_id),), delay=delay)
    else:
        send_message(str(message_id))


outbox.set_dispatch(_dispatch)
