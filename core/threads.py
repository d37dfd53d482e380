"""The thread hop of `def` handlers: the handler runs in a worker thread while the event loop
serves other requests, with the request's context (contextvars) copied in.

AnyIO's `to_thread.run_sync` (which Starlette's `run_in_threadpool` calls) does the same with a
capacity limiter, cancel scopes and per-loop worker bookkeeping around each call: 66-67 µs of CPU
per call on uvloop against 43-45 for a future settled from a pool thread (bench/read_unit.py,
"thread hop"), paid by every request a `def` handler answers. `run_in_thread` keeps AnyIO's
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
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

_Result = TypeVar("_Result")

_SIZE = 40  # AnyIO's default limiter
_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def set_size(threads: int) -> None:
    """At most `threads` handlers run at once (startup; AnyIO's default: 40)."""
    global _SIZE, _pool
    with _lock:
        if threads != _SIZE:
            _SIZE = threads
            previous, _pool = _pool, None
            if previous is not None:
                previous.shutdown(wait=False)


def _workers() -> ThreadPoolExecutor:
    global _pool
    pool = _pool
    if pool is None:
        with _lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(_SIZE, thread_name_prefix="trellis-handler")
            pool = _pool
    return pool


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


async def run_in_thread(function: Callable[..., _Result], /, *args: Any, **kwargs: Any) -> _Result:
    """`function(*args, **kwargs)` in a worker thread, in a copy of the caller's context."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_Result] = loop.create_future()
    context = contextvars.copy_context()

    def work() -> None:
        try:
            result = context.run(function, *args, **kwargs)
        except BaseException as error:  # handed to the caller, as the function raised it
            loop.call_soon_threadsafe(_settle, future, None, error)
        else:
            loop.call_soon_threadsafe(_settle, future, result, None)

    running = _workers().submit(work)
    try:
        return await future
    except asyncio.CancelledError:
        # The caller was cancelled; the thread goes on, and the caller ends only once it has
        # ended, as with AnyIO (its result or error is dropped: the cancellation wins).
        if not running.done():
            ended = asyncio.wrap_future(running)
            while not ended.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.shield(ended)
        raise
