"""The thread hop of `def` handlers: the handler runs in a worker thread while the event loop
serves other requests, with the request's context (contextvars) copied in.

AnyIO's `to_thread.run_sync` (which Starlette's `run_in_threadpool` calls) does the same with a
capacity limiter, cancel scopes and per-loop worker bookkeeping around each call: 66-67 µs of CPU
per call on uvloop against 37 here (bench/read_unit.py, "thread hop"; 43-45 when the pool was a
`ThreadPoolExecutor`), paid by every request a `def` handler answers. `run_in_thread` keeps AnyIO's
semantics that matter here: the context is the caller's, an exception raised in the thread is
raised to the caller, and a cancelled caller goes on only once the thread has ended (a thread
cannot be stopped: the request must not be torn down, its unit of work closed, under a handler
still running). The pool has as many threads as AnyIO's limiter allows (`set_size`, at startup:
twice the database pool, so that threads never queue on connections).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

_Result = TypeVar("_Result")

_SIZE = 40  # AnyIO's default limiter
_lock = threading.Lock()
_pool: _Workers | None = None


class _Workers:
    """At most `size` threads taking work from one queue, started as they are needed (a thread
    is started when work arrives and none is idle). `concurrent.futures.ThreadPoolExecutor`
    did the same with a future, a condition and a work item per call, about 6 µs of CPU per hop
    more (bench/read_unit.py, "thread hop"); the caller here only needs its own asyncio future.
    `close` lets each thread end once the work queued before it is done."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._queue: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0

    def submit(self, work: Callable[[], None]) -> None:
        # An idle thread is claimed by one call only, so two calls never count on the same one
        # (which would leave the second waiting behind the first while threads could start).
        with self._lock:
            if self._idle:
                self._idle -= 1
                start = False
            else:
                start = self._threads < self._size
                self._threads += start
        self._queue.put(work)
        if start:
            name = f"trellis-handler-{self._threads}"
            threading.Thread(target=self._run, name=name, daemon=True).start()

    def _run(self) -> None:
        while True:
            work = self._queue.get()
            if work is None:
                return
            work()
            with self._lock:
                self._idle += 1

    def close(self) -> None:
        with self._lock:
            for _ in range(self._threads):
                self._queue.put(None)


def set_size(threads: int) -> None:
    """At most `threads` handlers run at once (startup; AnyIO's default: 40)."""
    global _SIZE, _pool
    with _lock:
        if threads != _SIZE:
            _SIZE = threads
            previous, _pool = _pool, None
            if previous is not None:
                previous.close()


def _workers() -> _Workers:
    global _pool
    pool = _pool
    if pool is None:
        with _lock:
            if _pool is None:
                _pool = _Workers(_SIZE)
            pool = _pool
    return pool


class _Call:
    """One call's state, read and written on the loop only (the thread hands its outcome over
    with `call_soon_threadsafe`): its future, and whether its thread has ended yet."""

    __slots__ = ("ended", "future", "waiter")

    def __init__(self, future: asyncio.Future[Any]) -> None:
        self.future = future
        self.ended = False
        #: Set by a cancelled caller waiting for the thread to end.
        self.waiter: asyncio.Future[None] | None = None


def _settle(call: _Call, result: Any, error: BaseException | None) -> None:
    call.ended = True
    if call.waiter is not None and not call.waiter.done():
        call.waiter.set_result(None)
    future = call.future
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


async def run_in_thread(function: Callable[..., _Result], /, *args: Any, **kwargs: Any) -> _Result:
    """`function(*args, **kwargs)` in a worker thread, in a copy of the caller's context."""
    loop = asyncio.get_running_loop()
    call = _Call(loop.create_future())
    context = contextvars.copy_context()

    def work() -> None:
        try:
            result = context.run(function, *args, **kwargs)
        except BaseException as error:  # handed to the caller, as the function raised it
            loop.call_soon_threadsafe(_settle, call, None, error)
        else:
            loop.call_soon_threadsafe(_settle, call, result, None)

    _workers().submit(work)
    try:
        return await call.future  # type: ignore[no-any-return]
    except asyncio.CancelledError:
        # The caller was cancelled; the thread goes on, and the caller ends only once it has
        # ended, as with AnyIO (its result or error is dropped: the cancellation wins).
        if not call.ended:
            call.waiter = loop.create_future()
            while not call.waiter.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.shield(call.waiter)
        raise
