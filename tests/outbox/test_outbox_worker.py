"""Real `trellis worker` processes against the test database and job queue (the SQLite job file,
or Redis), sending to a real SMTP server on loopback."""

from __future__ import annotations

import signal

from sqlalchemy import func, select

from core.db import transaction
from core.jobs import queue
from jobs.outbox import send_message
from services import outbox
from services.outbox import SENT, OutboxMessage, message_id_header
from tests.factories.identity import auth_headers
from tests.support.job_workers import wait_until


def _count(*where) -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(OutboxMessage).where(*where))


def test_two_worker_processes_deliver_every_message_once(client, user, mailbox, start_worker):
    queue.flush()
    body = {"to": "ada@example.com", "subject": "Report", "text": "It is ready."}
    created = client.post("/api/v1/outbox/messages", json=body, headers=auth_headers(user))
    with transaction(write=True) as session:
        ids = [
            outbox.enqueue_email(session, to=f"u{n}@example.com", subject=f"n{n}", text="x").id
            for n in range(12)
        ]
    for message_id in ids:  # each job twice more: what a sweep or a duplicate retry would add
        send_message(str(message_id))
        send_message(str(message_id))
    workers = [start_worker(), start_worker()]
    arrived = [mailbox.next(timeout=30) for _ in range(13)]
    wait_until(lambda: queue.pending_count() == 0 and _count(OutboxMessage.status == SENT) == 13)
    for worker in workers:  # graceful: a job still running finishes (and would deliver) first
        worker.send_signal(signal.SIGINT)
    for worker in workers:
        worker.wait(timeout=15)  # a bound, not a pace: a worker exits in about a second
    assert mailbox.arrived.empty()
    expected = [message_id_header(message_id) for message_id in ids]
    assert sorted(message["Message-ID"] for message in arrived) == sorted(
        [*expected, created.json()["message_id"]]
    )
    url = f"/api/v1/outbox/messages/{created.json()['id']}"
    answer = client.get(url, headers=auth_headers(user)).json()
    assert (answer["status"], answer["attempts"]) == ("SENT", 1)
    assert _count(OutboxMessage.attempts != 1) == 0


def test_a_worker_told_to_stop_while_it_starts_exits_instead_of_running_on(start_worker):
    # A stop sent while the worker imports and loads its jobs was once dropped (the worker then
    # consumed until killed): now it either ends the start or is handed to the consumer.
    worker = start_worker()
    worker.send_signal(signal.SIGINT)
    worker.wait(timeout=30)
