"""Thread starts that never overlap a new thread's trace installation.

Under coverage every new thread installs the tracer (`sys.settrace`) as it boots, after
`Thread.start()` has already returned. On CPython 3.11 two threads doing that at the same moment
can fail with "Cannot install a trace function while another trace function is being installed"
(python/cpython#98257): the thread dies before running, and a concurrency test's barrier breaks.
That happened once in a full run at load 13 (ten threads of a pool started at once). Here
`start()` returns only once the new thread is running its target, so one starter's threads
install the tracer one after another; what they do afterwards still overlaps freely.
"""

from __future__ import annotations

import threading
from typing import Any

_start = threading.Thread.start
#: A thread that never reaches its target (it failed while booting) does not hold up the test.
_BOOT_DEADLINE_SECONDS = 10


def _start_once_running(self: threading.Thread) -> None:
    running = threading.Event()
    target = self.run

    def run() -> Any:
        running.set()
        return target()

    self.run = run  # type: ignore[method-assign]
    _start(self)
    running.wait(_BOOT_DEADLINE_SECONDS)


def install() -> None:
    threading.Thread.start = _start_once_running  # type: ignore[method-assign]
