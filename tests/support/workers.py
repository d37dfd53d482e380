"""One database and one Redis database per pytest-xdist worker.

Under pytest-xdist each worker is a process of its own, with its own session fixtures (the app,
the live server, the OIDC provider), so it also needs data of its own: a test in one worker must
never see, or wipe, the rows and keys of a test in another. `isolate_worker()` runs before any
settings are read and rewrites the environment of worker `gwN`:

- SQLite: a file in the worker's own temporary directory (the controller's URL is inherited);
- PostgreSQL: database `<name>_gwN` on the same server, created for the run by `create_database()`
  (with the extensions the migrations expect) and dropped by `drop_database()` at the end;
- Redis: database number N + 1 (0 stays the one given), so `FLUSHDB` after a test in one worker
  leaves the others' rate-limit counters, sessions and queues alone.

Live servers started by a worker inherit its environment, hence its database and Redis number.
Without xdist (no PYTEST_XDIST_WORKER) the URLs are used exactly as given.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

#: Extensions the schema relies on (EXCLUDE constraints, trigram search): ci/services.sh creates
#: them in the database it hands out, so each worker database gets them too.
PG_EXTENSIONS = ("btree_gist", "pg_trgm")
#: Redis's default `databases 16`: number 0 is the caller's, 1..15 are the workers'.
REDIS_DATABASES = 16


def worker_index(environ: MutableMapping[str, str]) -> int | None:
    """0 for xdist worker gw0, 1 for gw1...; None when the run is not distributed."""
    worker = environ.get("PYTEST_XDIST_WORKER")
    return int(worker.removeprefix("gw")) if worker else None


def isolate_worker(environ: MutableMapping[str, str], var_dir: Path) -> None:
    """Points DATABASE_URL and REDIS_URL at this worker's own databases."""
    index = worker_index(environ)
    if index is None:
        return
    database_url = environ.get("DATABASE_URL", "")
    if database_url.startswith("sqlite"):
        environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'test.db'}"
    elif database_url.startswith("postgresql"):
        url = make_url(database_url)
        worker_url = url.set(database=f"{url.database}_gw{index}")
        environ["DATABASE_URL"] = worker_url.render_as_string(hide_password=False)
    redis_url = environ.get("REDIS_URL")
    if redis_url:
        number = index + 1
        if number >= REDIS_DATABASES:
            raise RuntimeError(f"{number} workers need more Redis databases than {REDIS_DATABASES}")
        environ["REDIS_URL"] = urlunsplit(urlsplit(redis_url)._replace(path=f"/{number}"))


def _maintenance(database_url: str, *statements: str) -> None:
    """Runs statements in the `postgres` maintenance database (never in the one they name)."""
    url = make_url(database_url).set(database="postgres")
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def _drop(database_url: str) -> None:
    """DROP DATABASE ... WITH (FORCE), which ends the sessions still connected to it (a live
    server's, a subprocess's). FORCE needs the right to signal each of them, and an autovacuum
    worker runs as the bootstrap superuser: while one is at work there, FORCE is refused
    (InsufficientPrivilege, seen in CI). A plain DROP then asks the worker to stop and waits for
    it (PostgreSQL does so for autovacuum only), and FORCE is tried again for our own sessions."""
    name = make_url(database_url).database
    for _ in range(5):
        try:
            _maintenance(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except DBAPIError as error:
            if not isinstance(error.orig, psycopg.errors.InsufficientPrivilege):
                raise
        with suppress(DBAPIError):  # other sessions of ours still there: FORCE again
            _maintenance(database_url, f'DROP DATABASE IF EXISTS "{name}"')
    raise RuntimeError(f"could not drop the test database {name}")


def create_database(database_url: str) -> None:
    """(Re)creates the empty PostgreSQL database named by the URL, with PG_EXTENSIONS."""
    name = make_url(database_url).database
    _drop(database_url)
    _maintenance(database_url, f'CREATE DATABASE "{name}"')
    create_extensions(database_url)


def create_extensions(database_url: str) -> None:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for extension in PG_EXTENSIONS:
                connection.execute(text(f"CREATE EXTENSION IF NOT EXISTS {extension}"))
    finally:
        engine.dispose()


def drop_database(database_url: str) -> None:
    _drop(database_url)


def is_worker_database() -> bool:
    return worker_index(os.environ) is not None and os.environ.get("DATABASE_URL", "").startswith(
        "postgresql"
    )
