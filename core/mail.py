"""Outgoing email: one interface, the backend chosen by settings.

    Message                 what is sent: recipient, subject, plain-text body, and its `kind`
                            (`password-reset`, `email-verification`, `invitation`)
    send_after_commit(session, message)
                            what services call: the message leaves once the request's
                            transaction has committed (never for a rolled-back one), from a
                            small delivery pool, so the answer's timing does not depend on
                            whether a message was sent (a reset request for an unknown address
                            answers as fast as one for a known address)
    drain()                 waits for the deliveries submitted so far (shutdown, tests)
    deliver(message)        hands one message to the configured backend at once
    ConsoleMailer           MAIL_BACKEND=console (default): the message goes to the log; the body
                            (the link the recipient needs) only outside production
    SmtpMailer              MAIL_BACKEND=smtp: SMTP_HOST/SMTP_PORT, optional STARTTLS and login

Delivery failures are logged with the message's kind, never with its body. The outbox seam: when
the outbox domain lands, `send_after_commit` is the one function to change: it will store the
message in the outbox table in the caller's transaction (so a crash after commit loses nothing)
and a job will call `deliver`; no caller changes.
"""

from __future__ import annotations

import smtplib
import ssl
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from email.message import EmailMessage
from functools import lru_cache
from typing import Protocol

import structlog
from sqlalchemy import event
from sqlalchemy.orm import Session

from core.settings import Settings, get_settings

log = structlog.get_logger("trellis.mail")


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str
    #: What the message is for, logged instead of its body.
    kind: str
    #: The Message-ID header (`<id@domain>`); the outbox sets a stable one per message so a
    #: resent message is recognisably the same one. None: the SMTP library leaves it out.
    message_id: str | None = None


class Mailer(Protocol):
    def send(self, message: Message) -> None: ...


class ConsoleMailer:
    """Logs the message: the development default, where the log is the inbox."""

    def __init__(self, *, show_body: bool) -> None:
        self.show_body = show_body

    def send(self, message: Message) -> None:
        fields = {"to": message.to, "subject": message.subject, "kind": message.kind}
        if message.message_id:
            fields["message_id"] = message.message_id
        if self.show_body:
            fields["body"] = message.body
        log.info("mail", backend="console", **fields)


class SmtpMailer:
    """Sends through an SMTP server (STARTTLS and login when configured)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, message: Message) -> None:
        settings = self.settings
        mail = EmailMessage()
        mail["From"] = settings.mail_from
        mail["To"] = message.to
        mail["Subject"] = message.subject
        if message.message_id:
            mail["Message-ID"] = message.message_id
        mail.set_content(message.body)
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(mail)


def mailer() -> Mailer:
    """The backend MAIL_BACKEND names (read on each use, so tests may switch it)."""
    settings = get_settings()
    if settings.mail_backend == "smtp":
        return SmtpMailer(settings)
    return ConsoleMailer(show_body=not settings.production)


def deliver(message: Message) -> None:
    """Sends one message now; a failure is logged (with the kind, never the body), not raised."""
    try:
        mailer().send(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("mail-failed", kind=message.kind, error=type(error).__name__)


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="trellis-mail")


_pending: set[Future[None]] = set()
_pending_lock = threading.Lock()


def send_after_commit(session: Session, message: Message) -> None:
    """Delivers `message` once `session` commits; nothing is sent if it rolls back."""

    def submit(_session: Session) -> None:
        future = _pool().submit(deliver, message)
        with _pending_lock:
            _pending.add(future)
        future.add_done_callback(_forget)

    event.listen(session, "after_commit", submit, once=True)


def _forget(future: Future[None]) -> None:
    with _pending_lock:
        _pending.discard(future)


def drain(timeout: float = 30.0) -> None:
    """Waits until every message submitted so far was handed to the backend (shutdown, tests)."""
    with _pending_lock:
        waiting = list(_pending)
    wait(waiting, timeout=timeout)
