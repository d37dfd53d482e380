"""The stall of a full garbage collection in a started Trellis process, with and without the
freeze of startup objects (core.app.settle_startup_objects).

    .venv/bin/python bench/gc_pause.py

A full (generation 2) collection stops the whole process while it walks every tracked object.
Startup builds ~190,000 of them (parsed contract documents, validators, routes, ORM mappers) that
live as long as the process; frozen, a full collection walks only what requests left behind.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def full_collection_ms(rounds: int = 5) -> tuple[int, float]:
    """(tracked objects, median ms of a full collection)."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        gc.collect()
        timings.append((time.perf_counter() - started) * 1000)
    return len(gc.get_objects()), statistics.median(timings)


async def main() -> None:
    var = tempfile.mkdtemp(prefix="trellis-gc-pause-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ["DATABASE_URL"] = f"sqlite:///{var}/gc.db"
    os.environ.pop("REDIS_URL", None)
    from core.app import create_app

    app = create_app()
    async with app.router.lifespan_context(app):
        frozen = full_collection_ms()
        gc.unfreeze()
        unfrozen = full_collection_ms()
    print("| startup objects | tracked objects | full collection, median of 5 |")
    print("|---|---|---|")
    print(f"| frozen (as served) | {frozen[0]:,} | {frozen[1]:.1f} ms |")
    print(f"| not frozen (before) | {unfrozen[0]:,} | {unfrozen[1]:.1f} ms |")


if __name__ == "__main__":
    asyncio.run(main())
