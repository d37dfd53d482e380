"""Test setup shared by every domain.

The database comes from DATABASE_URL (ci/services.sh points it at a throwaway PostgreSQL) or is a
fresh SQLite file. The schema is built once per run with the real migrations, and every test starts
from empty tables, so API tests, service tests and concurrent clients all see committed data
exactly as production does. Redis, when REDIS_URL is set, backs rate limits and is flushed between
tests.

Under pytest-xdist (`-n 2`) each worker has its own SQLite file, PostgreSQL database and Redis
database (tests/support/workers.py). After each test only the tables it wrote to are emptied
(tests/support/statements.py): the data a test commits is real, so a per-test rollback would not be
sound, but most tests touch two or three of the tables.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Factories import each other; their asserts are rewritten only if pytest knows before the import.
pytest.register_assert_rewrite("tests.factories", "tests.support")

from tests.support import network_fence, statements, thread_starts, workers  # noqa: E402

_VAR = Path(tempfile.mkdtemp(prefix="trellis-test-"))
os.environ["TRELLIS_VAR_DIR"] = str(_VAR)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_VAR / 'test.db'}")
workers.isolate_worker(os.environ, _VAR)
statements.install()
thread_starts.install()
network_fence.install()
os.environ["JWT_SIGNING_KEYS"] = "test-k1:" + "s" * 48 + ",test-k0:" + "o" * 48
os.environ["ARGON2_MEMORY_KIB"] = "1024"  # fast hashing; the algorithm is unchanged
os.environ.setdefault("LOG_JSON", "1")
# No host name is looked up by calls to third parties (tests inject names: core.outbound).
os.environ["OUTBOUND_DNS"] = "0"

from sqlalchemy import text  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

import db.models  # noqa: E402,F401
from core import ratelimit, tokens  # noqa: E402
from core.db import dispose_engine, get_engine, transaction  # noqa: E402
from core.migrations import upgrade  # noqa: E402
from core.redis_client import get_redis  # noqa: E402
from core.settings import get_settings  # noqa: E402
from db.base import Base  # noqa: E402
from services.blog import kept  # noqa: E402

# Every tests/factories/<domain>.py is a plugin, so its fixtures are available everywhere.
pytest_plugins = [
    "tests.providers",
    "tests.live",
    "tests.support.statements",
    "tests.support.mailbox",
    "tests.support.job_workers",
    "tests.support.s3",
    "tests.support.settings",
    *(
        f"tests.factories.{path.stem}"
        for path in sorted((Path(__file__).parent / "factories").glob("*.py"))
        if path.stem != "__init__"
    ),
]


def _reset_schema() -> None:
    url = get_settings().database_url
    if workers.is_worker_database():
        workers.create_database(url)
    elif get_engine().dialect.name == "postgresql":
        with get_engine().begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        workers.create_extensions(url)
    dispose_engine()
    upgrade()


@pytest.fixture(scope="session", autouse=True)
def _database() -> Iterator[None]:
    _reset_schema()
    # Rows the migrations seed go too: every test, the first included, starts from empty tables.
    statements.LOG.foreign_writes = True
    reset_state()
    yield
    dispose_engine()
    if workers.is_worker_database():
        workers.drop_database(get_settings().database_url)


def pytest_unconfigure() -> None:
    shutil.rmtree(_VAR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clean_state(request: pytest.FixtureRequest) -> Iterator[None]:
    network_fence.take_violations()
    yield
    if any(name.startswith("live_server") for name in request.fixturenames):
        statements.LOG.foreign_writes = True
    reset_state()
    # Settings read under a test's environment never outlive it, whatever order the fixtures
    # that changed the environment are undone in (the next read parses it again).
    get_settings.cache_clear()
    outside = network_fence.take_violations()
    assert not outside, f"the test tried to connect outside loopback: {outside}"


def reset_state() -> None:
    """Empties the tables written since the last reset, Redis, the rate limiter and the token
    cache. After another process may have written (a live server, a subprocess), every table that
    holds rows is emptied."""
    engine = get_engine()
    tables = Base.metadata.sorted_tables
    with engine.begin() as connection:
        if statements.LOG.foreign_writes:
            probe = " UNION ALL ".join(
                f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM {table.name})"  # noqa: S608
                for table in tables
            )
            dirty = {row[0] for row in connection.execute(text(probe))}
        else:
            dirty = statements.LOG.written
        for table in reversed(tables):
            if table.name in dirty:
                connection.execute(text(f"DELETE FROM {table.name}"))  # noqa: S608
    statements.LOG.forget()
    redis = get_redis()
    if redis is not None:
        redis.flushdb()
    ratelimit.reset_limiter()
    tokens.forget_verified_tokens()
    # Every process's kept blog answers, a live server's too (the rows went behind its back).
    kept.KEPT.announce_change()


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
