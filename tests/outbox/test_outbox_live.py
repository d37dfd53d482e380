"""Concurrent admins over a live 2-worker server (PostgreSQL in the services run): a dead letter
requeued by several requests at once is requeued once (the row is locked, then its status
checked); the others answer 409."""

from __future__ import annotations

from core.db import transaction, utcnow
from services.outbox import DEAD, OutboxMessage
from tests.factories.identity import auth_headers
from tests.factories.outbox import make_outbox_message
from tests.live import all_at_once

CLIENTS = 10


def test_concurrent_requeues_of_one_dead_letter_requeue_it_once(live_server, admin, user):
    dead = make_outbox_message(user, status=DEAD, attempts=5, dead_at=utcnow())
    answers = all_at_once(
        live_server,
        f"/api/v1/outbox/dead-letters/{dead.id}/requeues",
        auth_headers(admin),
        CLIENTS,
        method="POST",
    )
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] + [409] * (CLIENTS - 1), [a.text for a in answers]
    refused = {answer.json()["type"] for answer in answers if answer.status_code == 409}
    assert refused == {"/problems/outbox/message-not-dead"}
    with transaction(write=False) as session:
        requeued = session.get_one(OutboxMessage, dead.id)
        assert (requeued.status, requeued.attempts) == ("PENDING", 0)
