from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

import jobs.thumbnails  # noqa: F401 - installs the after-commit dispatcher, as the app and worker do
from core.settings import get_settings


@pytest.fixture(autouse=True)
def _empty_storage() -> Iterator[None]:
    """Each test starts with nothing stored (the tables are emptied by tests/conftest.py)."""
    shutil.rmtree(get_settings().var_dir / "storage", ignore_errors=True)
    yield
    get_settings.cache_clear()
