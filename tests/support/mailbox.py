"""A real SMTP server on loopback (aiosmtpd) that the app sends to: the `mailbox` fixture.

It points MAIL_BACKEND=smtp at a fresh server for one test and collects what arrives. Tests read
the messages a flow sent (`mailbox.next(...)`, which waits for one to arrive) and check that
nothing else was sent (`mailbox.nothing_more()`, after every pending delivery has finished).
"""

from __future__ import annotations

import email
import queue
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from core import mail
from core.settings import get_settings


class Mailbox:
    """An aiosmtpd handler: every message accepted goes on a queue."""

    def __init__(self) -> None:
        self.arrived: queue.Queue[EmailMessage] = queue.Queue()
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        self.arrived.put(message)
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        """Accepts the password `smtp-secret` for any login name."""
        if isinstance(data, LoginPassword):
            self.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=data.password == b"smtp-secret")
        return AuthResult(success=False)

    def next(self, *, to: str | None = None, timeout: float = 15) -> EmailMessage:
        """The next message to arrive (waiting for it); its recipient is checked when given."""
        message = self.arrived.get(timeout=timeout)
        if to is not None:
            assert message["To"] == to, message["To"]
        return message

    def nothing_more(self) -> bool:
        mail.drain()
        return self.arrived.empty()


def token_in(message: EmailMessage, label: str = "code") -> str:
    """The token a message carries on its `<label>: <token>` line."""
    body = message.get_content()
    found = re.search(rf"^{label}: (\S+)", body, re.MULTILINE | re.IGNORECASE)
    assert found, body
    return found.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_mailbox(
    monkeypatch: pytest.MonkeyPatch, *, with_login: bool = False
) -> Iterator[Mailbox]:
    """A server on a free loopback port that the app's settings point at, until the end."""
    box = Mailbox()
    port = free_port()
    login: dict[str, Any] = (
        {"authenticator": box.authenticate, "auth_require_tls": False} if with_login else {}
    )
    server = Controller(box, hostname="127.0.0.1", port=port, **login)
    server.start()
    try:
        with mail_sent_to(monkeypatch, port):
            try:
                yield box
            finally:
                mail.drain()
    finally:
        server.stop()


@contextmanager
def mail_sent_to(monkeypatch: pytest.MonkeyPatch, port: int) -> Iterator[None]:
    """The app's SMTP settings point at a server on this loopback port for the block."""
    monkeypatch.setenv("MAIL_BACKEND", "smtp")
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    get_settings.cache_clear()
    try:
        yield
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    yield from start_mailbox(monkeypatch)
