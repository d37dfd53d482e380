from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import jobs.outbox  # noqa: F401 - installs the after-commit dispatcher, as the app and worker do
from tests.outbox.smtp import ScriptedServer, start_server


@pytest.fixture
def scripted_smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., ScriptedServer]]:
    """Starts an SMTP server answering as scripted (`scripted_smtp(rcpt="550 ...")`) that the
    app's settings point at; stopped at the end of the test."""
    started: list[Iterator[ScriptedServer]] = []

    def start(**script: object) -> ScriptedServer:
        server = start_server(monkeypatch, **script)  # type: ignore[arg-type]
        started.append(server)
        return next(server)

    yield start
    for server in started:
        server.close()  # type: ignore[attr-defined]
