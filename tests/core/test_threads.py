"""core.threads: the `def` handlers' hop runs the function in a worker thread in the caller's
context, hands back its result or its error, keeps a cancelled caller until the thread has
ended, and runs at most `set_size` functions at once."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from core import threads

_REQUEST = contextvars.ContextVar("test_request", default="none")
#: Long enough for a loaded machine; what is awaited happens at once.
WAIT = 20.0


def test_the_function_runs_in_another_thread_in_the_callers_context():
    def where() -> tuple[str, int]:
        return _REQUEST.get(), threading.get_ident()

    async def main() -> tuple[str, int]:
        _REQUEST.set("request 1")
        return await threads.run_in_thread(where)

    seen, thread = asyncio.run(main())
    assert seen == "request 1"
    assert thread != threading.get_ident()


def test_the_functions_error_is_raised_to_the_caller():
    def fails(message: str) -> None:
        raise LookupError(message)

    with pytest.raises(LookupError, match="no such post"):
        asyncio.run(threads.run_in_thread(fails, "no such post"))


def test_a_cancelled_caller_ends_only_once_its_thread_has():
    release, started = threading.Event(), threading.Event()

    def blocked() -> str:
        started.set()
        assert release.wait(WAIT)
        return "done"

    async def main() -> None:
        caller = asyncio.ensure_future(threads.run_in_thread(blocked))
        await asyncio.to_thread(started.wait, WAIT)
        caller.cancel()
        done, _ = await asyncio.wait([caller], timeout=0.05)
        assert not done  # still waiting for the thread: a thread cannot be stopped
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(caller, WAIT)

    asyncio.run(main())


def test_at_most_size_functions_run_at_once():
    started, release = threading.Semaphore(0), threading.Event()
    ran = []

    def held(number: int) -> None:
        ran.append(number)
        started.release()
        assert release.wait(WAIT)

    async def main() -> None:
        calls = [asyncio.ensure_future(threads.run_in_thread(held, n)) for n in range(3)]
        for _ in range(2):
            assert await asyncio.to_thread(started.acquire, timeout=WAIT)
        # The third waits for a thread: nothing to await for what must not happen, so a bound.
        assert not await asyncio.to_thread(started.acquire, timeout=0.2)
        assert len(ran) == 2
        release.set()
        await asyncio.gather(*calls)
        assert sorted(ran) == [0, 1, 2]

    _run_with_pool_of(2, main)


def test_calls_arriving_together_never_count_on_the_same_idle_thread():
    """Two calls submitted while one thread is idle: one takes it, the other starts a thread
    (both counting on the idle one would leave the second queued behind the first)."""
    both = threading.Barrier(2, timeout=WAIT)

    def meet() -> bool:
        both.wait()  # returns only once the other call runs too
        return True

    async def main() -> None:
        await threads.run_in_thread(lambda: None)  # one thread, idle once this returns
        assert await asyncio.gather(threads.run_in_thread(meet), threads.run_in_thread(meet))

    _run_with_pool_of(3, main)


def _run_with_pool_of(size: int, main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Runs `main` with at most `size` threads, then puts the pool's size back."""
    before = threads._SIZE
    threads.set_size(size)
    try:
        asyncio.run(main())
    finally:
        threads.set_size(before)
