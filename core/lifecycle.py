"""Work an app process does as it stops: hooks registered by domains, run by the app's lifespan.

A domain that keeps something in process memory that must reach the database (the short-link
click buffer) registers a plain function with `on_shutdown(fn)` when its service module is
imported. `core.app`'s lifespan calls `run_shutdown_hooks()` in a worker thread after the server
stopped taking requests and before the database engine is disposed. A hook that fails is logged
and the others still run; none may take long (uvicorn's graceful-shutdown timeout still applies).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

_hooks: list[Callable[[], object]] = []


def on_shutdown(hook: Callable[[], object]) -> Callable[[], object]:
    """Registers `hook` once (importing a module twice does not run it twice)."""
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def run_shutdown_hooks() -> None:
    for hook in list(_hooks):
        try:
            hook()
        except Exception:
            log.exception("shutdown hook %s failed", getattr(hook, "__qualname__", hook))
