from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from core.settings import get_settings


@pytest.fixture
def target_url(tmp_path: Path) -> Iterator[str]:
    """A new, empty database of the engine under test."""
    url = make_url(get_settings().database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'target.db'}"
        return
    name = f"trellis_target_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def reconfigure(monkeypatch):
    """Sets variables as a restarted process would read them; the old settings come back after."""

    def apply(**variables: str) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()
