"""SMTP servers on loopback (aiosmtpd) that answer as a script says: accept, fail transiently a
few times, or refuse permanently. Each counts the attempts it saw and queues what it accepted."""

from __future__ import annotations

import email
import queue
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.support.mailbox import free_port, mail_sent_to


class ScriptedServer:
    """Answers DATA with the scripted replies in turn (then 250); refuses RCPT with `rcpt`."""

    def __init__(self, data_replies: list[str], rcpt: str | None) -> None:
        self.data_replies = list(data_replies)
        self.rcpt = rcpt
        self.attempts = 0
        self.arrived: queue.Queue[EmailMessage] = queue.Queue()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.rcpt is not None:
            self.attempts += 1
            return self.rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.data_replies:
            return self.data_replies.pop(0)
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        self.arrived.put(message)
        return "250 Message accepted"

    def received(self) -> list[EmailMessage]:
        found = []
        while not self.arrived.empty():
            found.append(self.arrived.get_nowait())
        return found


def start_server(
    monkeypatch: pytest.MonkeyPatch,
    *,
    data_replies: tuple[str, ...] | list[str] = (),
    rcpt: str | None = None,
) -> Iterator[ScriptedServer]:
    handler = ScriptedServer(list(data_replies), rcpt)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with mail_sent_to(monkeypatch, port):
            yield handler
    finally:
        controller.stop()
