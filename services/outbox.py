"""Outbox: email stored in the sender's transaction, delivered later by a worker, with retries.

    enqueue_email(session, *, to, subject, text, ...)
                            what any domain calls inside its own transaction: the message row
                            commits (or rolls back) with the business change, and a job is
                            queued only once it has committed
    create_message, get_message, list_messages
                            the API: a user's own messages (someone else's are NotFound)
    list_dead_letters, requeue_message
                            the admin's view of messages that will not be retried any more
    claim_message           worker: one atomic conditional UPDATE moves a due message to SENDING
                            under a lease; of two workers racing for it exactly one gets it
    record_sent, record_failure
                            worker: the attempt's outcome, fenced by the attempt number so a
                            worker whose lease ran out cannot overwrite a newer attempt
    stale_message_ids       the sweep: due messages whose job may have been lost, and SENDING
                            messages whose worker died (lease expired)
    backoff_seconds, classify
                            the retry schedule (exponential, capped, jittered) and which SMTP
                            failures are permanent (5xx: dead at once) or transient (4xx, network)

States: PENDING (new or requeued) -> SENDING (claimed) -> SENT, or FAILED (transient failure,
retried at `next_attempt_at`), or DEAD (a permanent failure, or OUTBOX_MAX_ATTEMPTS attempts).
Each message carries a stable Message-ID built from its id, so a message sent twice (a worker died
between the SMTP server's answer and recording SENT) is recognisably one message.
"""

from __future__ import annotations

import random
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

import structlog
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import mail, ratelimit
from core.after_commit import AfterCommit
from core.db import utcnow
from core.errors import Conflict, NotFound, TooManyRequests
from core.leases import claim_row
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from core.settings import SettingsSection, get_settings, positive_int, seconds_within, setting
from db.models.outbox import OutboxMessage as OutboxMessage  # re-exported for handlers

log = structlog.get_logger("trellis.outbox")

PENDING, SENDING, SENT, FAILED, DEAD = "PENDING", "SENDING", "SENT", "FAILED", "DEAD"
STATUSES = (PENDING, SENDING, SENT, FAILED, DEAD)


@dataclass(frozen=True)
class OutboxSettings(SettingsSection):
    """Settings of the outbox domain (the worker reads them; SMTP itself is MAIL_BACKEND's)."""

    outbox_max_attempts: int = setting(
        "OUTBOX_MAX_ATTEMPTS",
        5,
        "Send attempts before a message that keeps failing transiently becomes a dead letter.",
        parse=positive_int,
    )
    outbox_retry_base_seconds: float = setting(
        "OUTBOX_RETRY_BASE_SECONDS",
        30.0,
        "Delay before the first retry; each further retry doubles it (with jitter: a delay is "
        "drawn between half and all of it).",
        parse=seconds_within(86400, zero=True),
    )
    outbox_retry_max_seconds: float = setting(
        "OUTBOX_RETRY_MAX_SECONDS",
        3600.0,
        "Upper bound of the retry delay.",
        parse=seconds_within(86400, zero=True),
    )
    outbox_lease_seconds: float = setting(
        "OUTBOX_LEASE_SECONDS",
        120.0,
        "How long a worker owns a message it is sending; after that the sweep hands the message "
        "to another worker (keep it above SMTP_TIMEOUT_SECONDS).",
        parse=seconds_within(86400, zero=True),
    )
    outbox_send_limit_per_user: str = setting(
        "OUTBOX_SEND_LIMIT_PER_USER",
        "100/hour",
        "Messages one user may queue through the API (POST /outbox/messages) before 429; "
        "messages other domains queue are not counted.",
    )
    outbox_sweep_grace_seconds: float = setting(
        "OUTBOX_SWEEP_GRACE_SECONDS",
        60.0,
        "The periodic sweep re-queues a due message once it has waited this long for its job.",
        parse=seconds_within(86400, zero=True),
    )


def outbox_settings() -> OutboxSettings:
    return get_settings().section(OutboxSettings)


class MessageNotFound(NotFound, type="/problems/outbox/message-not-found"): ...


class MessageNotDead(Conflict, type="/problems/outbox/message-not-dead"): ...


class SendLimitReached(TooManyRequests, type="/problems/outbox/send-limit-reached"): ...


# ---- dispatch: a job per message, queued once the message row has committed ------------------

#: Queues the delivery job of a message after `delay` seconds (message id, delay); jobs/outbox.py
#: installs it when imported (services cannot import jobs); without it, messages wait for the
#: periodic sweep.
Dispatch = Callable[[uuid.UUID, float], None]
_delivery = AfterCommit("outbox-delivery")


def set_dispatch(dispatch: Dispatch) -> None:
    _delivery.install(dispatch)


def _dispatch_after_commit(session: Session, message_id: uuid.UUID, delay: float = 0.0) -> None:
    _delivery.queue(session, message_id, delay)


# ---- enqueueing ---------------------------------------------------------------------------------


def message_id_header(message_id: uuid.UUID) -> str:
    """The stable RFC 5322 Message-ID of an outbox message: the same on every attempt."""
    domain = parseaddr(get_settings().mail_from)[1].rpartition("@")[2] or "localhost"
    return f"<outbox.{message_id}@{domain}>"


def enqueue_email(
    session: Session,
    *,
    to: str,
    subject: str,
    text: str,
    kind: str = "email",
    owner_id: uuid.UUID | None = None,
    dedupe_key: str | None = None,
) -> OutboxMessage:
    """Stores an email in the caller's transaction; its delivery job is queued after commit.
    With `dedupe_key`, a second call with the same key returns the first message unchanged."""
    if "\r" in subject or "\n" in subject or "\r" in to or "\n" in to:
        raise ValueError("header fields must be one line")
    if dedupe_key is not None:
        existing = session.scalars(
            select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key)
        ).first()
        if existing is not None:
            return existing
    now = utcnow()
    message = OutboxMessage(
        owner_id=owner_id,
        dedupe_key=dedupe_key,
        kind=kind,
        to_address=to,
        subject=subject,
        body=text,
        status=PENDING,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    if dedupe_key is None:
        session.add(message)
        session.flush()
    else:
        try:
            with session.begin_nested():
                session.add(message)
                session.flush()
        except IntegrityError:
            # A concurrent enqueue with this key committed first: that one is the message.
            return session.scalars(
                select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key)
            ).one()
    _dispatch_after_commit(session, message.id)
    return message


def create_message(
    session: Session, actor: Actor, *, to: str, subject: str, text: str
) -> OutboxMessage:
    """Queues an email from the caller, within OUTBOX_SEND_LIMIT_PER_USER; it is theirs to follow
    (and no one else's to read)."""
    window = ratelimit.consume(
        outbox_settings().outbox_send_limit_per_user, "outbox-send", str(actor.user_id)
    )
    if not window.allowed:
        raise SendLimitReached(
            "You queued too many messages; retry later.", retry_after=window.reset_after
        )
    return enqueue_email(
        session, to=to, subject=subject, text=text, kind="api", owner_id=actor.user_id
    )


def get_message(session: Session, actor: Actor, *, message_id: uuid.UUID) -> OutboxMessage:
    """The caller's message; someone else's message is NotFound, like a missing one."""
    mine = OutboxMessage.owner_id == actor.user_id
    return get_or_404(session, OutboxMessage, message_id, where=mine, missing=MessageNotFound())


def list_messages(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[OutboxMessage]:
    """The caller's messages (of one status, if given), newest first, one keyset page at a time."""
    query = select(OutboxMessage).where(OutboxMessage.owner_id == actor.user_id)
    if status is not None:
        query = query.where(OutboxMessage.status == status)
    return paginate_by_creation(
        session, query, kind=f"outbox-messages:{status or ''}", limit=limit, cursor=cursor
    )


def list_dead_letters(
    session: Session, *, limit: int = 20, cursor: str | None = None
) -> Page[OutboxMessage]:
    """Every DEAD message, whoever enqueued it, newest first (admin)."""
    query = select(OutboxMessage).where(OutboxMessage.status == DEAD)
    return paginate_by_creation(session, query, kind="outbox-dead", limit=limit, cursor=cursor)


def requeue_message(session: Session, *, message_id: uuid.UUID) -> OutboxMessage:
    """Gives a DEAD message a fresh set of attempts (admin); any other status is MessageNotDead."""
    message = get_or_404(session, OutboxMessage, message_id, missing=MessageNotFound(), lock=True)
    if message.status != DEAD:
        raise MessageNotDead(f"Only a DEAD message can be requeued; this one is {message.status}.")
    now = utcnow()
    message.status = PENDING
    message.attempts = 0
    message.next_attempt_at = now
    message.dead_at = None
    message.updated_at = now
    session.flush()
    _dispatch_after_commit(session, message.id)
    return message


# ---- delivery (the worker) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A message a worker owns until its lease expires: attempt `attempt` of it."""

    message_id: uuid.UUID
    attempt: int
    mail: mail.Message


def claim_message(
    session: Session, *, message_id: uuid.UUID, now: datetime | None = None
) -> Claim | None:
    """Moves a due message to SENDING in one conditional UPDATE and returns the claim; None when
    it is not claimable (sent, dead, not due yet, or another worker holds a live lease)."""
    config = outbox_settings()
    now = now or utcnow()
    row = claim_row(
        session,
        OutboxMessage,
        message_id,
        ready=(PENDING,),
        running=SENDING,
        also_claimable=and_(OutboxMessage.status == FAILED, OutboxMessage.next_attempt_at <= now),
        max_attempts=config.outbox_max_attempts,
        lease_seconds=config.outbox_lease_seconds,
        now=now,
        returning=(
            OutboxMessage.to_address,
            OutboxMessage.subject,
            OutboxMessage.body,
            OutboxMessage.kind,
        ),
    )
    if row is None:
        return None
    attempt, to, subject, body, kind = row
    message = mail.Message(
        to=to,
        subject=subject,
        body=body,
        kind=f"outbox:{kind}",
        message_id=message_id_header(message_id),
    )
    return Claim(message_id, attempt, message)


def _this_attempt(claim: Claim) -> tuple[object, ...]:
    return (
        OutboxMessage.id == claim.message_id,
        OutboxMessage.status == SENDING,
        OutboxMessage.attempts == claim.attempt,
    )


def record_sent(session: Session, claim: Claim) -> bool:
    """Marks the claimed attempt SENT; False when the claim was lost (lease expired, re-claimed)."""
    now = utcnow()
    done = session.execute(
        update(OutboxMessage)
        .where(*_this_attempt(claim))  # type: ignore[arg-type]
        .values(status=SENT, sent_at=now, lease_expires_at=None, last_error=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def record_failure(session: Session, claim: Claim, error: BaseException) -> str | None:
    """Records a failed attempt: a permanent failure, or the last allowed attempt, makes the
    message DEAD; a transient one FAILED with its retry queued after the backoff. Returns the new
    status (None when the claim was lost)."""
    config = outbox_settings()
    permanent, reason = classify(error)
    now = utcnow()
    if permanent or claim.attempt >= config.outbox_max_attempts:
        status, values = DEAD, {"dead_at": now, "next_attempt_at": None}
        delay = None
    else:
        delay = backoff_seconds(claim.attempt)
        status = FAILED
        values = {"next_attempt_at": now + timedelta(seconds=delay)}
    done = session.execute(
        update(OutboxMessage)
        .where(*_this_attempt(claim))  # type: ignore[arg-type]
        .values(status=status, last_error=reason, lease_expires_at=None, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        return None
    log.info(
        "outbox-attempt-failed",
        message=str(claim.message_id),
        attempt=claim.attempt,
        status=status,
        error=reason,
    )
    if delay is not None:
        _dispatch_after_commit(session, claim.message_id, delay)
    return status


def backoff_seconds(attempt: int, *, rng: random.Random | None = None) -> float:
    """Delay after failed attempt `attempt` (1, 2, ...): base * 2**(attempt-1), capped at the
    maximum, then drawn uniformly from [half of it, all of it] so retries do not stampede."""
    config = outbox_settings()
    ceiling = min(
        config.outbox_retry_max_seconds, config.outbox_retry_base_seconds * 2 ** (attempt - 1)
    )
    return (rng or _rng).uniform(ceiling / 2, ceiling)


_rng = random.SystemRandom()


def classify(error: BaseException) -> tuple[bool, str]:
    """(permanent, reason) of a failed send: an SMTP 5xx answer is permanent; a 4xx answer, a
    network failure or a timeout is transient; an error building the message is permanent."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in error.recipients.values()})
        return all(
            500 <= code < 600 for code in codes
        ), f"recipient refused ({', '.join(map(str, codes))})"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        # A configuration problem, not this message's: retry until an operator fixes it.
        return False, f"SMTP login refused ({error.smtp_code})"
    if isinstance(error, smtplib.SMTPResponseException):
        text = (
            error.smtp_error.decode("utf-8", "replace")
            if isinstance(error.smtp_error, bytes)
            else str(error.smtp_error)
        )
        return 500 <= error.smtp_code < 600, f"{error.smtp_code} {text}"[:300]
    if isinstance(error, OSError | smtplib.SMTPException):
        return False, f"{type(error).__name__}: {error}"[:300]
    return True, f"the message could not be sent: {type(error).__name__}"


def stale_message_ids(
    session: Session, *, now: datetime | None = None, limit: int = 500
) -> list[uuid.UUID]:
    """What the sweep queues again: due PENDING/FAILED messages that waited past the grace for
    their job, and SENDING messages whose lease expired (their worker died). A message whose
    lease expired on its last allowed attempt becomes DEAD instead."""
    config = outbox_settings()
    now = now or utcnow()
    expired = and_(OutboxMessage.status == SENDING, OutboxMessage.lease_expires_at < now)
    session.execute(
        update(OutboxMessage)
        .where(expired, OutboxMessage.attempts >= config.outbox_max_attempts)
        .values(
            status=DEAD,
            dead_at=now,
            lease_expires_at=None,
            last_error="the worker stopped during the last attempt (lease expired)",
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    overdue = now - timedelta(seconds=config.outbox_sweep_grace_seconds)
    waiting = and_(
        OutboxMessage.status.in_((PENDING, FAILED)), OutboxMessage.next_attempt_at <= overdue
    )
    query = select(OutboxMessage.id).where(or_(waiting, expired)).limit(limit)
    return list(session.scalars(query))
