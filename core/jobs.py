"""The job queue (huey): SQLite file under var/ by default, Redis when REDIS_URL is set.

Jobs carry ids only and are idempotent; the database row is the truth. `trellis worker` runs the
consumer, periodic jobs included. Modules under `jobs/` register themselves on `queue` when
imported (`jobs.load_all()`).
"""

from __future__ import annotations

from huey import Huey, RedisHuey, SqliteHuey

from core.db import private_file
from core.settings import get_settings


def make_queue() -> Huey:
    settings = get_settings()
    if settings.redis_url:
        return RedisHuey("trellis", url=settings.redis_url)
    private_file(settings.var_dir / "jobs.db")
    return SqliteHuey("trellis", filename=str(settings.var_dir / "jobs.db"))


queue = make_queue()
