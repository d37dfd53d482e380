"""`configure`: environment settings for one test, undone after it (a pytest plugin loaded by
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from core.settings import get_settings


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Sets environment variables (settings) for one test: `configure(OUTBOX_MAX_ATTEMPTS=2)`."""

    def set_env(**values: object) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, str(value))
        get_settings.cache_clear()

    yield set_env
    monkeypatch.undo()
    get_settings.cache_clear()
