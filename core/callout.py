"""A third party's answer between two short transactions.

A request or a job that needs a provider's answer must not keep a database transaction (its
locks, its pooled connection) open while a slow provider thinks. `read_call_write` runs the one
pattern the integration rows share:

1. `read(session)` in a short transaction decides what to ask (a lease taken, a cache read),
   or answers at once with `Done(value)` (a fresh cache entry: nothing is called or written);
2. `call(plan)` asks the provider with no transaction open; it refuses to run inside one, since
   `core.db.transaction` would otherwise join the caller's and hold it through the call;
3. `write(session, plan, answer)` stores the answer in a second short transaction and returns
   the result. When the call fails with one of `failures`, `recover(session, plan, error)`
   records the failure in that transaction instead, and answers in its place with
   `Done(value)` (a stale value served) or returns None: the failure is then raised, after
   its record is committed.

Handlers and jobs drive it; services provide the steps as ordinary functions of a session.

One caller may run it inside its transaction, on purpose: `core.idempotency`, whose key claim and
the work it guards must commit together, marks its transaction `joinable` (the steps then join
it, and the call holds it, as any work under an Idempotency-Key does). Any other open
transaction is a mistake, and refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from core.db import current_session, transaction

Plan = TypeVar("Plan")
Answer = TypeVar("Answer")
Result = TypeVar("Result")
Value = TypeVar("Value", covariant=True)


@dataclass(frozen=True)
class Done(Generic[Value]):
    """The result, known without (another) call to the provider."""

    value: Value


class TransactionOpen(RuntimeError):
    """A provider call was about to run inside an open transaction."""


_JOINABLE = "callout_joinable"


def joinable(session: Session) -> None:
    """Lets read_call_write run inside `session`'s transaction (see the module docstring)."""
    session.info[_JOINABLE] = True


def read_call_write(
    read: Callable[[Session], Plan | Done[Result]],
    call: Callable[[Plan], Answer],
    write: Callable[[Session, Plan, Answer], Result],
    *,
    failures: tuple[type[Exception], ...] = (),
    recover: Callable[[Session, Plan, Exception], Done[Result] | None] | None = None,
    read_writes: bool = False,
) -> Result:
    """Runs read (a transaction that writes when `read_writes`), call, then write or recover
    (a writing transaction), as the module docstring says."""
    open_session = current_session()
    if open_session is not None and not open_session.info.get(_JOINABLE):
        raise TransactionOpen("read_call_write runs its own transactions; call it outside one")
    with transaction(write=read_writes) as session:
        plan = read(session)
    if isinstance(plan, Done):
        return plan.value
    try:
        answer = call(plan)
    except failures as error:
        if recover is None:
            raise
        with transaction(write=True) as session:
            recovered = recover(session, plan, error)
        if recovered is None:
            raise
        return recovered.value
    with transaction(write=True) as session:
        return write(session, plan, answer)
