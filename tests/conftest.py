"""Test setup shared by every domain.

The database comes from DATABASE_URL (ci/services.sh points it at a throwaway PostgreSQL) or is a
fresh SQLite file. The schema is built once per run with the real migrations, and every test starts
from empty tables, so API tests, service tests and concurrent clients all see committed data
exactly as production does. Redis, when REDIS_URL is set, backs rate limits and is flushed between
tests.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_VAR = Path(tempfile.mkdtemp(prefix="trellis-test-"))
os.environ["TRELLIS_VAR_DIR"] = str(_VAR)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_VAR / 'test.db'}")
os.environ["JWT_SIGNING_KEYS"] = "test-k1:" + "s" * 48 + ",test-k0:" + "o" * 48
os.environ["ARGON2_MEMORY_KIB"] = "1024"  # fast hashing; the algorithm is unchanged
os.environ.setdefault("LOG_JSON", "1")

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

import db.models  # noqa: E402,F401
from core import ratelimit, tokens  # noqa: E402
from core.db import dispose_engine, get_engine, transaction  # noqa: E402
from core.migrations import upgrade  # noqa: E402
from core.settings import get_settings  # noqa: E402
from db.base import Base  # noqa: E402

# Every tests/factories/<domain>.py is a plugin, so its fixtures are available everywhere.
pytest_plugins = [
    "tests.live",
    *(
        f"tests.factories.{path.stem}"
        for path in sorted((Path(__file__).parent / "factories").glob("*.py"))
        if path.stem != "__init__"
    ),
]


def _reset_schema() -> None:
    engine = get_engine()
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    dispose_engine()
    upgrade()


@pytest.fixture(scope="session", autouse=True)
def _database() -> Iterator[None]:
    _reset_schema()
    yield
    dispose_engine()
    shutil.rmtree(_VAR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clean_state() -> Iterator[None]:
    yield
    reset_state()


def reset_state() -> None:
    """Empties every table, Redis, the rate limiter and the token cache."""
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    engine = get_engine()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608
    redis_url = get_settings().redis_url
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()
    ratelimit.reset_limiter()
    tokens.forget_verified_tokens()


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    from core.app import create_app

    return create_app()


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def session():  # type: ignore[no-untyped-def]
    """A service-level unit of work that commits like a request does."""
    with transaction(write=True) as db_session:
        yield db_session


def pytest_report_header() -> str:
    redis = "yes" if get_settings().redis_url else "no"
    return f"database: {get_engine().dialect.name}; redis: {redis}"
