from __future__ import annotations

from core.db import transaction
from core.jobs import queue
from jobs.outbox import deliver, sweep_outbox
from services.outbox import DEAD, FAILED, SENT, OutboxMessage, claim_message, message_id_header
from tests.factories.outbox import make_outbox_message
from tests.support.mailbox import free_port


def _row(message_id):
    with transaction(write=False) as session:
        return session.get(OutboxMessage, message_id)


def test_a_message_arrives_once_with_its_message_id(scripted_smtp):
    smtp = scripted_smtp()
    message = make_outbox_message(to="ada@example.com", subject="Report", text="It is ready.")
    assert deliver(message.id) == "sent"
    (received,) = smtp.received()
    assert received["Message-ID"] == message_id_header(message.id)
    assert (received["To"], received["Subject"]) == ("ada@example.com", "Report")
    assert received.get_content().strip() == "It is ready."
    row = _row(message.id)
    assert (row.status, row.attempts, row.last_error) == (SENT, 1, None)
    assert row.sent_at is not None
    # The job run again (a duplicate, the sweep) sends nothing.
    assert deliver(message.id) == "skipped"
    assert smtp.received() == [] and smtp.attempts == 1


def test_a_server_failing_transiently_is_retried_until_it_accepts(scripted_smtp, configure):
    smtp = scripted_smtp(data_replies=["451 4.3.0 try again later"] * 2)
    configure(OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=5)
    message = make_outbox_message()
    queue.flush()
    assert deliver(message.id) == "failed"
    row = _row(message.id)
    assert (row.status, row.attempts, row.last_error) == (FAILED, 1, "451 4.3.0 try again later")
    assert queue.scheduled_count() + queue.pending_count() == 1  # the retry, queued after commit
    assert deliver(message.id) == "failed"
    assert deliver(message.id) == "sent"
    (received,) = smtp.received()
    assert received["Message-ID"] == message_id_header(message.id)
    assert (_row(message.id).status, _row(message.id).attempts) == (SENT, 3)


def test_a_server_failing_every_time_makes_the_message_dead_after_n(scripted_smtp, configure):
    smtp = scripted_smtp(data_replies=["421 4.7.0 busy"] * 10)
    configure(OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=3)
    message = make_outbox_message()
    assert [deliver(message.id) for _ in range(4)] == ["failed", "failed", "dead", "skipped"]
    assert smtp.attempts == 3 and smtp.received() == []
    row = _row(message.id)
    assert (row.status, row.attempts, row.last_error) == (DEAD, 3, "421 4.7.0 busy")


def test_a_permanent_refusal_makes_the_message_dead_at_once(scripted_smtp, configure):
    smtp = scripted_smtp(rcpt="550 5.1.1 mailbox unavailable")
    configure(OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=5)
    message = make_outbox_message(to="nobody@example.com")
    assert deliver(message.id) == "dead"
    assert deliver(message.id) == "skipped"
    assert smtp.attempts == 1
    row = _row(message.id)
    assert (row.status, row.attempts, row.last_error) == (DEAD, 1, "recipient refused (550)")


def test_a_refused_connection_is_transient(configure):
    configure(MAIL_BACKEND="smtp", SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())
    configure(OUTBOX_RETRY_BASE_SECONDS=60, OUTBOX_MAX_ATTEMPTS=5)
    message = make_outbox_message()
    assert deliver(message.id) == "failed"
    row = _row(message.id)
    assert row.status == FAILED and row.last_error.startswith("ConnectionRefusedError")
    assert deliver(message.id) == "skipped"  # not due before its backoff


def test_the_sweep_resends_a_message_whose_worker_died_mid_send(scripted_smtp, configure):
    smtp = scripted_smtp()
    configure(OUTBOX_LEASE_SECONDS=0, OUTBOX_SWEEP_GRACE_SECONDS=0)
    message = make_outbox_message()
    with transaction(write=True) as session:
        assert claim_message(session, message_id=message.id) is not None  # then the worker dies
    queue.flush()
    assert sweep_outbox.call_local() == 1
    assert queue.pending_count() == 1
    (job,) = [queue.dequeue()]
    assert job.args == (str(message.id),)
    assert queue.execute(job) == "sent"
    (received,) = smtp.received()
    assert received["Message-ID"] == message_id_header(message.id)
    assert (_row(message.id).status, _row(message.id).attempts) == (SENT, 2)
    assert any(task.__name__ == "sweep_outbox" for task in queue._registry._periodic_tasks)
