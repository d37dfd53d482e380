from __future__ import annotations

import random
import smtplib
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.db import transaction, utcnow
from core.jobs import queue
from services import outbox
from services.outbox import DEAD, FAILED, PENDING, SENDING, SENT, OutboxMessage
from tests.factories.identity import actor_of, make_user
from tests.factories.outbox import make_outbox_message
from tests.support.locks import until_a_transaction_waits_for_a_lock


def _row(message_id):
    with transaction(write=False) as session:
        return session.get(OutboxMessage, message_id)


def _claim(message_id, **kwargs):
    with transaction(write=True) as session:
        return outbox.claim_message(session, message_id=message_id, **kwargs)


def test_enqueue_queues_a_job_only_after_commit_and_nothing_on_rollback():
    queue.flush()

    def business_change_that_fails() -> None:
        with transaction(write=True) as session:
            outbox.enqueue_email(session, to="a@example.com", subject="s", text="t")
            raise RuntimeError("the business change failed")

    with pytest.raises(RuntimeError):
        business_change_that_fails()
    with transaction(write=False) as session:
        assert session.scalars(select(OutboxMessage)).all() == []
    assert queue.pending_count() == 0
    with transaction(write=True) as session:
        message = outbox.enqueue_email(session, to="a@example.com", subject="s", text="t")
        assert queue.pending_count() == 0  # not before the row is visible to a worker
    assert queue.pending_count() == 1
    assert _row(message.id).status == PENDING


def test_enqueue_with_a_dedupe_key_returns_the_first_message():
    with transaction(write=True) as session:
        first = outbox.enqueue_email(
            session, to="a@example.com", subject="s", text="t", dedupe_key="reset:1"
        )
    with transaction(write=True) as session:
        again = outbox.enqueue_email(
            session, to="a@example.com", subject="other", text="t", dedupe_key="reset:1"
        )
        assert again.id == first.id and again.subject == "s"


def test_enqueue_refuses_a_multiline_subject(session):
    with pytest.raises(ValueError, match="one line"):
        outbox.enqueue_email(session, to="a@example.com", subject="s\nBcc: x@y", text="t")


def test_only_one_of_two_claims_wins_and_the_attempt_is_counted():
    message = make_outbox_message()
    claim = _claim(message.id)
    assert claim is not None and claim.attempt == 1
    assert claim.mail.message_id == outbox.message_id_header(message.id)
    assert _claim(message.id) is None
    row = _row(message.id)
    assert (row.status, row.attempts) == (SENDING, 1)


def test_a_sent_or_dead_message_is_never_claimed():
    sent = make_outbox_message(status=SENT)
    dead = make_outbox_message(status=DEAD)
    assert _claim(sent.id) is None
    assert _claim(dead.id) is None


def test_a_failed_message_is_claimed_only_once_due():
    due_at = utcnow() + timedelta(seconds=30)
    message = make_outbox_message(status=FAILED, attempts=1, next_attempt_at=due_at)
    assert _claim(message.id) is None
    assert _claim(message.id, now=due_at + timedelta(seconds=1)).attempt == 2


def test_an_expired_lease_is_claimed_again_and_fences_the_old_attempt(configure):
    configure(OUTBOX_LEASE_SECONDS=10)
    message = make_outbox_message()
    first = _claim(message.id)
    later = utcnow() + timedelta(seconds=11)
    second = _claim(message.id, now=later)
    assert second.attempt == 2
    with transaction(write=True) as session:
        assert outbox.record_sent(session, first) is False  # the old attempt cannot decide
        assert outbox.record_failure(session, first, ConnectionRefusedError()) is None
        assert outbox.record_sent(session, second) is True
    assert _row(message.id).status == SENT


def test_a_transient_failure_is_retried_after_the_backoff(configure):
    configure(OUTBOX_RETRY_BASE_SECONDS=20, OUTBOX_MAX_ATTEMPTS=3)
    message = make_outbox_message()
    claim = _claim(message.id)
    before = utcnow()
    with transaction(write=True) as session:
        reply = smtplib.SMTPDataError(451, b"4.3.0 try again later")
        assert outbox.record_failure(session, claim, reply) == FAILED
    row = _row(message.id)
    assert row.last_error == "451 4.3.0 try again later"
    assert before + timedelta(seconds=10) <= row.next_attempt_at <= utcnow() + timedelta(seconds=20)


def test_the_last_allowed_attempt_makes_the_message_dead(configure):
    configure(OUTBOX_RETRY_BASE_SECONDS=0, OUTBOX_MAX_ATTEMPTS=2)
    message = make_outbox_message()
    for expected in (FAILED, DEAD):
        claim = _claim(message.id)
        with transaction(write=True) as session:
            assert outbox.record_failure(session, claim, ConnectionRefusedError()) == expected
    row = _row(message.id)
    assert (row.status, row.attempts, row.next_attempt_at) == (DEAD, 2, None)
    assert row.dead_at is not None
    assert _claim(message.id) is None


def test_a_permanent_failure_makes_the_message_dead_at_once(configure):
    configure(OUTBOX_MAX_ATTEMPTS=5)
    message = make_outbox_message()
    claim = _claim(message.id)
    refused = smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"no such user")})
    with transaction(write=True) as session:
        assert outbox.record_failure(session, claim, refused) == DEAD
    assert _row(message.id).attempts == 1


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (smtplib.SMTPRecipientsRefused({"a@x": (550, b"unknown")}), True),
        (smtplib.SMTPRecipientsRefused({"a@x": (450, b"greylisted")}), False),
        (smtplib.SMTPDataError(554, b"rejected"), True),
        (smtplib.SMTPDataError(451, b"later"), False),
        (smtplib.SMTPSenderRefused(553, b"bad sender", "me@x"), True),
        (smtplib.SMTPAuthenticationError(535, b"bad login"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (ConnectionRefusedError(111, "refused"), False),
        (TimeoutError("timed out"), False),
        (ValueError("cannot build the message"), True),
    ],
)
def test_classify_permanent_and_transient_failures(error, permanent):
    assert outbox.classify(error)[0] is permanent


def test_backoff_doubles_is_capped_and_jitters_within_half_to_all(configure):
    configure(OUTBOX_RETRY_BASE_SECONDS=10, OUTBOX_RETRY_MAX_SECONDS=100)
    rng = random.Random(7)
    for attempt, ceiling in ((1, 10), (2, 20), (3, 40), (4, 80), (5, 100), (9, 100)):
        delays = [outbox.backoff_seconds(attempt, rng=rng) for _ in range(200)]
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert min(delays) < ceiling * 0.6 and max(delays) > ceiling * 0.9  # really spread


def test_sweep_finds_overdue_and_abandoned_messages_and_buries_the_last_attempt(configure):
    configure(OUTBOX_SWEEP_GRACE_SECONDS=60, OUTBOX_MAX_ATTEMPTS=3, OUTBOX_LEASE_SECONDS=10)
    now = utcnow()
    old = now - timedelta(seconds=61)
    overdue = make_outbox_message(next_attempt_at=old)
    fresh = make_outbox_message()
    retry_due = make_outbox_message(status=FAILED, attempts=1, next_attempt_at=old)
    abandoned = make_outbox_message(status=SENDING, attempts=1, lease_expires_at=now)
    last_try = make_outbox_message(status=SENDING, attempts=3, lease_expires_at=now)
    live = make_outbox_message(status=SENDING, attempts=1, lease_expires_at=now + timedelta(9))
    make_outbox_message(status=SENT, next_attempt_at=old)
    with transaction(write=True) as session:
        found = set(outbox.stale_message_ids(session, now=now + timedelta(seconds=1)))
    assert found == {overdue.id, retry_due.id, abandoned.id}
    assert fresh.id not in found and live.id not in found
    assert _row(last_try.id).status == DEAD


def test_requeue_gives_a_dead_message_fresh_attempts_and_refuses_others():
    dead = make_outbox_message(status=DEAD, attempts=5, last_error="550 no", dead_at=utcnow())
    sent = make_outbox_message(status=SENT)
    with transaction(write=True) as session:
        message = outbox.requeue_message(session, message_id=dead.id)
        assert (message.status, message.attempts, message.dead_at) == (PENDING, 0, None)
    with pytest.raises(outbox.MessageNotDead), transaction(write=True) as session:
        outbox.requeue_message(session, message_id=sent.id)
    assert _claim(dead.id).attempt == 1


def test_someone_elses_message_is_not_found(session, user):
    message = make_outbox_message(make_user())
    with pytest.raises(outbox.MessageNotFound):
        outbox.get_message(session, actor_of(user), message_id=message.id)


def test_messages_list_mine_newest_first_filtered_by_status(session, user):
    first = make_outbox_message(user, subject="one")
    second = make_outbox_message(user, subject="two", status=SENT)
    make_outbox_message(make_user())
    make_outbox_message()  # queued by another domain: nobody's
    page = outbox.list_messages(session, actor_of(user), limit=1)
    assert [m.id for m in page.items] == [second.id]
    rest = outbox.list_messages(session, actor_of(user), limit=1, cursor=page.next)
    assert [m.id for m in rest.items] == [first.id] and rest.next is None
    sent = outbox.list_messages(session, actor_of(user), status=SENT)
    assert [m.id for m in sent.items] == [second.id]


def test_a_claim_racing_an_uncommitted_claim_loses():
    message = make_outbox_message()
    first_claimed, release = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def first() -> None:
        with transaction(write=True) as session:
            results["first"] = outbox.claim_message(session, message_id=message.id)
            first_claimed.set()
            assert release.wait(10)

    def second() -> None:
        results["second"] = _claim(message.id)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert first_claimed.wait(10)
    threads[1].start()
    # The second claim has read the row and waits for the first one's row lock: a claim that
    # checked the status before writing, and not in its UPDATE, would win here too.
    until_a_transaction_waits_for_a_lock()
    release.set()
    for thread in threads:
        thread.join(10)
    assert results["first"] is not None and results["second"] is None
    assert _row(message.id).attempts == 1


def test_two_transactions_enqueueing_one_dedupe_key_make_one_message():
    first_done, release = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def enqueue(name: str, hold: bool) -> None:
        with transaction(write=True) as session:
            message = outbox.enqueue_email(
                session, to="a@example.com", subject=name, text="t", dedupe_key="order:7:paid"
            )
            results[name] = message.id
            if hold:
                first_done.set()
                assert release.wait(10)

    first = threading.Thread(target=enqueue, args=("first", True))
    second = threading.Thread(target=enqueue, args=("second", False))
    first.start()
    assert first_done.wait(10)
    second.start()
    # The second insert waits on the unique key for the first transaction to end.
    until_a_transaction_waits_for_a_lock()
    release.set()
    first.join(10)
    second.join(10)
    assert results["first"] == results["second"]
    with transaction(write=False) as session:
        assert [m.subject for m in session.scalars(select(OutboxMessage))] == ["first"]
