from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import jobs.imports  # noqa: F401 - installs the after-commit dispatcher, as the app and worker do
from core.settings import get_settings


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Sets environment variables (settings) for one test: `configure(IMPORTS_BATCH_ROWS=2)`."""

    def set_env(**values: object) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, str(value))
        get_settings.cache_clear()

    yield set_env
    get_settings.cache_clear()
