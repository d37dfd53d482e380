from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import jobs.outbox  # noqa: F401 - installs the after-commit dispatcher, as the app and worker do
from core.settings import get_settings
from tests.outbox.smtp import ScriptedServer, start_server


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Sets environment variables (settings) for one test: `configure(OUTBOX_MAX_ATTEMPTS=2)`."""

    def set_env(**values: object) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, str(value))
        get_settings.cache_clear()

    yield set_env
    get_settings.cache_clear()


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
