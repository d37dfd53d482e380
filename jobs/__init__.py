"""Background jobs, one module per domain; importing a module registers its jobs."""

from __future__ import annotations

import importlib

MODULES = ("jobs.ops",)


def load_all() -> None:
    for name in MODULES:
        importlib.import_module(name)
