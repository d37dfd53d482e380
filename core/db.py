"""Database engine and the one-transaction-per-request unit of work.

`transaction(write=...)` opens a Session, commits when the block ends and rolls back on any
exception. A nested `transaction()` joins the open one (the idempotency layer wraps a handler's
own block), so a request has exactly one transaction whoever opens it first. Services `flush()`
but never commit.

Every unit of work declares whether it writes (a required keyword: the HTTP method does not say,
a GET may create what it shows). `write=True` begins with `BEGIN IMMEDIATE` on SQLite, so two
writers queue on the lock instead of failing when the second one upgrades a stale read snapshot.
`write=False` refuses to write: any INSERT, UPDATE or DELETE in it, or a row lock (`SELECT ...
FOR UPDATE / SHARE`), raises `ReadTransactionWrote` before reaching the database, on every engine,
so a handler that declares a read and then writes fails its tests instead of racing in production.

SQLite is configured for concurrent use: WAL, foreign keys, a busy timeout. PostgreSQL runs at
READ COMMITTED; services that need a row lock use `SELECT ... FOR UPDATE`.

How a read runs depends on what a transaction buys on the engine. On SQLite a read is a deferred
transaction: its statements share one snapshot. On PostgreSQL at READ COMMITTED every statement
takes its own snapshot even inside a transaction, so BEGIN and COMMIT around a read buy nothing
but two round trips (and the backend's work for them): reads run in autocommit, one round trip
per statement, on a pool of connections opened in autocommit (switching a pooled connection at
each checkout and back at each return cost more CPU than the read's own Python). That is also why
a row lock is refused in a read: autocommit would release it as soon as its statement ends. A
read that needs one snapshot across its statements on PostgreSQL opens a REPEATABLE READ
transaction of its own (services/backup.py does).

The same holds for a write that is one statement: on PostgreSQL a statement is atomic on its own,
and WITH clauses that write let one statement make several changes (a post, its tags and the
counts they move). core.compiled `CompiledWrite.run_alone` runs such a statement as the whole unit
of work on a connection that commits it as it runs (`autocommit_connection`): one round trip
instead of three, with the session's after-commit listeners run at once and any later write in
that unit of work refused (`UnitOfWorkEnded`), so a request still makes one transaction.
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.adapt import Dumper
from sqlalchemy import (
    DateTime,
    Engine,
    create_engine,
    event,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Dialect, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from core.metrics import track_pool
from core.settings import get_settings

_engine: Engine | None = None
_write_factory: sessionmaker[Session] | None = None
_read_factory: sessionmaker[Session] | None = None
_read_engine: Engine | None = None
#: PostgreSQL only: the writes' pool with every statement committed as it runs.
_autocommit_engine: Engine | None = None
_current_session: contextvars.ContextVar[Session | None] = contextvars.ContextVar(
    "trellis_session", default=None
)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC on every engine; naive input is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _UUIDArrayText(str):
    """A `uuid[]` in PostgreSQL's text form, sent as a `uuid[]` (the dumper below)."""


class _UUIDArrayTextDumper(Dumper):
    oid = psycopg.postgres.types["uuid"].array_oid

    def dump(self, obj: str) -> bytes:
        return obj.encode()


psycopg.adapters.register_dumper(_UUIDArrayText, _UUIDArrayTextDumper)


class UUIDArray(TypeDecorator[list[uuid.UUID]]):
    """A list of UUIDs bound as one PostgreSQL `uuid[]` (`col = ANY(:ids)`), sent in its text form
    with the `uuid[]` type: psycopg dumps a list in Python one element at a time, about 34 µs for
    20 UUIDs against 4 for the text (a page's ids, on every list request). Typed by the driver,
    not cast in the SQL: in a generic plan's sequential scan (a small table) a cast of the
    parameter is evaluated for every row, parsing the whole array each time."""

    impl = postgresql.ARRAY(postgresql.UUID())
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        def process(value: list[uuid.UUID] | None) -> str | None:
            if value is None:
                return None
            return _UUIDArrayText("{" + ",".join([each.hex for each in value]) + "}")

        return process


class ReadTransactionWrote(RuntimeError):
    """A unit of work declared as reading (`transaction(write=False)`) tried to write."""


_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE)\b", re.IGNORECASE)
# A row lock in a read unit would be released by its own statement on PostgreSQL (autocommit).
_LOCKS = re.compile(r"\bFOR (NO KEY |KEY )?(UPDATE|SHARE)\b", re.IGNORECASE)
# A statement with WITH clauses writes when one of them (or its main statement) does.
_WRITES_IN_WITH = re.compile(
    r"\s*WITH\b.*?\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|MERGE\s+INTO)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Execution option of connections whose transactions must not write.
READ_ONLY = "trellis_read_only"
#: `Session.info` key of a unit of work that was one statement, committed as it ran
#: (core.compiled `CompiledWrite.run_alone`): it writes nothing more.
COMMITTED_ALONE = "trellis_committed_alone"


def committed_alone(session: Session) -> None:
    """Ends `session`'s unit of work after its one statement committed as it ran (core.compiled
    `CompiledWrite.run_alone`): the after-commit listeners run now, as a commit would run them,
    and `transaction` ends it with no commit of its own. SQLAlchemy's commit of a session with
    nothing to commit still begins and ends a session transaction: this unit of work paid for two
    of them, about 85 µs of CPU per create in process (bench/RESULTS.md)."""
    session.info[COMMITTED_ALONE] = True
    session.dispatch.after_commit(session)


class UnitOfWorkEnded(RuntimeError):
    """A unit of work wrote again after its one statement had committed on its own."""


def _writes(statement: str, context: Any) -> bool:
    if context is not None and (context.isinsert or context.isupdate or context.isdelete):
        return True
    return _text_writes(statement)


# The verdicts on a statement's text are kept by text: a request's statements are the same few
# strings every time (SQLAlchemy's compiled cache, core.compiled), and `_LOCKS` alone searched a
# 1.5 KB SELECT for about 9 µs on every read (bench/blog_request.py's signed list-20 profile).
@functools.lru_cache(maxsize=4096)
def _text_writes(statement: str) -> bool:
    return bool(_WRITES.match(statement) or _WRITES_IN_WITH.match(statement))


@functools.lru_cache(maxsize=4096)
def _text_locks(statement: str) -> bool:
    return _LOCKS.search(statement) is not None


def _guard_reads(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_writes(
        connection: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        if not connection.get_execution_options().get(READ_ONLY):
            session = _current_session.get()
            ended = session is not None and session.info.get(COMMITTED_ALONE)
            if ended and _writes(statement, context):
                raise UnitOfWorkEnded(
                    "This unit of work was one statement, committed as it ran; a second write "
                    "would be a transaction of its own."
                )
            return
        if _writes(statement, context):
            raise ReadTransactionWrote(
                f"A transaction opened with write=False ran {statement.split(None, 1)[0]}; "
                "declare the unit of work as writing."
            )
        if _text_locks(statement):
            raise ReadTransactionWrote(
                "A transaction opened with write=False locked rows (SELECT ... FOR UPDATE or "
                "SHARE); declare the unit of work as writing."
            )


def current_session() -> Session | None:
    """The session of the unit of work open in this context, if any."""
    return _current_session.get()


def utcnow() -> datetime:
    return datetime.now(UTC)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite so BEGIN is ours (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def private_file(path: Path) -> None:
    """Creates `path` empty and readable by its owner only (0600) unless it exists. SQLite gives
    its -wal and -shm files the database file's mode, so they are private too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


_RECYCLE_SECONDS = 1800
#: libpq TCP keepalives: an idle pooled connection to a vanished server is closed in about a
#: minute instead of failing the request that next takes it.
_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def make_engine(url: str, pool_size: int = 10, *, autocommit: bool = False) -> Engine:
    """An engine whose pool keeps `pool_size` connections and opens as many again under load;
    `autocommit` (PostgreSQL): its connections commit each statement as it runs, from the moment
    they are opened (a pool of its own, `get_engine`)."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            private_file(Path(database))
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 10}, hide_parameters=True
        )
        _configure_sqlite(engine)
    else:
        engine = create_engine(
            url,
            # Errors must never carry request values (passwords, tokens) into logs.
            hide_parameters=True,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_timeout=10,
            # No pre-ping: it is a round trip before every checkout (twice per authenticated
            # request). A connection the server dropped is caught otherwise: TCP keepalives find
            # a dead peer while it sits in the pool, connections are replaced before a server or
            # proxy idle timeout cuts them, and the first statement that meets a dropped
            # connection makes SQLAlchemy discard every connection opened before it. A database
            # restart then fails the first request per process (and those in flight) instead of
            # none; that is the price of not paying a round trip on every request.
            pool_recycle=_RECYCLE_SECONDS,
            connect_args=_KEEPALIVES,
            **({"isolation_level": "AUTOCOMMIT"} if autocommit else {}),
        )
    _guard_reads(engine)
    return engine


def _reads(engine: Engine) -> Engine:
    """The engine of read units of work (see the module docstring for why each engine's): on
    PostgreSQL, `engine` is the autocommit pool's."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(**{READ_ONLY: True})
    return engine.execution_options(sqlite_begin="DEFERRED", **{READ_ONLY: True})


def get_engine() -> Engine:
    global _engine, _write_factory, _read_factory, _read_engine, _autocommit_engine
    if _engine is None:
        settings = get_settings()
        url = settings.database_url
        if url.startswith("sqlite"):
            _engine = make_engine(url)
            _read_engine = _reads(_engine)
        else:
            # Two pools: transactions, and statements that commit as they run (reads, one-statement
            # writes, the checks before a request's unit of work). One pool switching a connection
            # to autocommit at each checkout, and back at each return, spent about 28 µs of CPU per
            # read or create (bench/RESULTS.md). Each has the whole DB_POOL_SIZE: halves left the
            # transactions half the connections they had under load.
            _engine = make_engine(url, settings.db_pool_size)
            _autocommit_engine = make_engine(url, settings.db_pool_size, autocommit=True)
            track_pool(_autocommit_engine)
            _read_engine = _reads(_autocommit_engine)
        track_pool(_engine)
        _write_factory = sessionmaker(bind=_engine, expire_on_commit=False)
        _read_factory = sessionmaker(bind=_read_engine, expire_on_commit=False)
    return _engine


def dispose_engine() -> None:
    """Closes every pooled connection; the next `get_engine()` builds a fresh engine."""
    global _engine, _write_factory, _read_factory, _read_engine, _autocommit_engine
    for engine in (_engine, _autocommit_engine):
        if engine is not None:
            engine.dispose()
    _engine = _write_factory = _read_factory = _read_engine = _autocommit_engine = None


@contextmanager
def read_connection(*, own: bool = False) -> Iterator[Connection]:
    """A read unit of work without a Session, for hot reads run as core.compiled.CompiledSelect
    statements: a pooled connection of the reads' engine (autocommit on PostgreSQL, a deferred
    transaction on SQLite, refusing writes as `transaction(write=False)` does), given back at the
    end; inside an open unit of work, that one's connection, unless `own` (the checks that run
    before a request's unit of work: credentials, sessions). A Session and its transaction
    bookkeeping cost about 80 µs of CPU per request more (bench/read_unit.py)."""
    current = None if own else _current_session.get()
    if current is not None:
        yield current.connection()
        return
    get_engine()
    assert _read_engine is not None
    with _read_engine.connect() as connection:
        yield connection


@contextmanager
def autocommit_connection() -> Iterator[Connection | None]:
    """A pooled connection of the writes' engine on which each statement commits as it runs, for
    a unit of work that is one statement (core.compiled `CompiledWrite.run_alone`); None where
    there is none (SQLite: its writes take `BEGIN IMMEDIATE`)."""
    get_engine()
    if _autocommit_engine is None:
        yield None
        return
    with _autocommit_engine.connect() as connection:
        yield connection


@contextmanager
def transaction(*, write: bool) -> Iterator[Session]:
    """One unit of work that writes (`write=True`) or only reads (`write=False`): commit at the
    end, roll back on error; joins an already open one."""
    current = _current_session.get()
    if current is not None:
        if write and current.info.get(READ_ONLY):
            raise ReadTransactionWrote("A writing unit of work joined a read transaction.")
        yield current
        return
    get_engine()
    factory = _write_factory if write else _read_factory
    assert factory is not None
    session = factory()
    session.info[READ_ONLY] = not write
    token = _current_session.set(session)
    try:
        yield session
        # After its one statement committed alone, nothing is left to commit unless something
        # began a transaction since (a read, or an object added: that flush is then refused).
        if not (session.info.get(COMMITTED_ALONE) and not session.in_transaction()):
            session.commit()
    except BaseException as exc:
        # A few errors must keep what was written before them (a reused refresh token revokes
        # its family, then answers 401): they say so with `keeps_changes`.
        if getattr(exc, "keeps_changes", False):
            session.commit()
        else:
            session.rollback()
        raise
    finally:
        _current_session.reset(token)
        session.close()
