"""Outbox fixtures: the example message id becomes a message queued through the API; the
requeue of a dead letter is skipped (no message is dead without a worker's failed attempts)."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import skip, use_a_created_row

EXAMPLE_ID = "5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e"
FIXTURE = {"to": "dredd@example.com", "subject": "Dredd fixture", "text": "Contract smoke test."}

DEAD_LETTER_REASON = (
    "a message is DEAD only after a worker's failed SMTP attempts; requeueing one is proven "
    "against aiosmtpd in tests/outbox/test_outbox_api.py and test_outbox_delivery.py"
)


@hooks.before(
    "/outbox/messages/{message_id} > Get one of my outbox messages > 200 > application/json"
)
def a_queued_message(transaction):
    use_a_created_row(transaction, EXAMPLE_ID, "/outbox/messages", FIXTURE)


@hooks.before(
    "/outbox/dead-letters/{message_id}/requeues > Requeue a dead letter (admin) > 200"
    " > application/json"
)
def a_dead_letter_is_needed(transaction):
    skip(transaction, DEAD_LETTER_REASON)
