"""What the tests' SQL did: the tables a test wrote to, and statement counts for N+1 checks.

One listener on the Engine class sees every statement any engine of this process sends (the app's
requests, service calls, fixtures, job consumers, engines rebuilt after `dispose_engine()`):

- `LOG.written` collects the tables named by INSERT, UPDATE, DELETE or TRUNCATE, so the reset after
  a test empties those tables only. The match is textual and generous: an `ON CONFLICT DO UPDATE`
  or `FOR UPDATE` adds a word that is not a table, which the reset ignores; a table it adds in
  excess only costs one DELETE. What it cannot see is another process writing (a live server, a
  CLI run through subprocess): `LOG.foreign_writes` is set then, and the reset looks at every table.
- `statement_counter()` records the statements sent inside a `with` block, for tests that prove a
  page costs a fixed number of queries whatever its size.
- `sessions_begun()` records, inside a `with` block, the Sessions that began a transaction, for
  tests that prove a one-statement unit of work sends no BEGIN and COMMIT (core.compiled
  `CompiledWrite.run_alone`).
- `through_execute()` records, inside a `with` block, the statements given to SQLAlchemy's
  `Connection.execute` (its cache key, execution context and Row objects per call), for tests
  that prove a hot read is sent as a statement compiled once (core.compiled) instead. Listened
  to only inside the block: every statement is turned into text there.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

_WRITE = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"
    r"(?:\"?\w+\"?\.)?\"?(\w+)",  # an optional schema, then the table
    re.IGNORECASE,
)


@dataclass
class Counted:
    """The statements sent inside one `statement_counter()` block."""

    statements: list[str] = field(default_factory=list)

    @property
    def selects(self) -> list[str]:
        return [sql for sql in self.statements if sql.lstrip().upper().startswith("SELECT")]


@dataclass
class StatementLog:
    written: set[str] = field(default_factory=set)
    foreign_writes: bool = False
    counting: list[Counted] = field(default_factory=list)

    def record(self, statement: str) -> None:
        self.written.update(name.lower() for name in _WRITE.findall(statement))
        for counted in self.counting:
            counted.statements.append(statement)

    def forget(self) -> None:
        self.written.clear()
        self.foreign_writes = False


LOG = StatementLog()


def _on_statement(
    _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    LOG.record(statement)


def _on_audit_event(name: str, _args: tuple[Any, ...]) -> None:
    # Any process this one starts may write to the database (pg_dump's cousins, the CLI, a server).
    if name in ("subprocess.Popen", "os.system", "os.posix_spawn"):
        LOG.foreign_writes = True


def install() -> None:
    """Starts listening; conftest calls it once per process, before any engine exists."""
    if not event.contains(Engine, "before_cursor_execute", _on_statement):
        event.listen(Engine, "before_cursor_execute", _on_statement)
        sys.addaudithook(_on_audit_event)


@contextmanager
def _counting() -> Iterator[Counted]:
    counted = Counted()
    LOG.counting.append(counted)
    try:
        yield counted
    finally:
        LOG.counting.remove(counted)


@pytest.fixture
def statement_counter() -> Callable[[], AbstractContextManager[Counted]]:
    """`with statement_counter() as counted:` ... `len(counted.selects)`."""
    return _counting


@contextmanager
def through_execute() -> Iterator[list[str]]:
    """The statements given to `Connection.execute` (as SQL text) while the block runs."""
    executed: list[str] = []

    def on_execute(_conn: Any, clause: Any, *_: Any) -> None:
        executed.append(str(clause))

    event.listen(Engine, "before_execute", on_execute)
    try:
        yield executed
    finally:
        event.remove(Engine, "before_execute", on_execute)


@contextmanager
def sessions_begun() -> Iterator[list[Session]]:
    """The Sessions that began a transaction (a BEGIN of their own) while the block runs."""
    begun: list[Session] = []

    def began(session: Session, _transaction: object) -> None:
        begun.append(session)

    event.listen(Session, "after_transaction_create", began)
    try:
        yield begun
    finally:
        event.remove(Session, "after_transaction_create", began)
