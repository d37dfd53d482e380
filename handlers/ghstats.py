from __future__ import annotations

from typing import Any

from core.wire import Answer
from services import ghstats

# No transaction here: services.ghstats opens its own short units of work around the calls to
# GitHub, so a slow provider never holds a database lock.


def get_ghstats_profile(username: str, top: int = 5) -> Answer:
    served = ghstats.serve_stats(username=username)
    stats = served.stats
    body: dict[str, Any] = {
        "username": stats.profile["login"],
        "profile": stats.profile,
        "repo_count": stats.repo_count,
        "repos_complete": stats.complete,
        "total_stars": stats.total_stars,
        "total_forks": stats.total_forks,
        "languages": [{"language": name, "repos": count} for name, count in stats.languages],
        "top_repos": ghstats.top(stats, top),
        "fetched_at": stats.fetched_at.isoformat(),
        "stale": served.stale,
    }
    return body, 200, {"Cache-Status": served.cache_status, "Age": str(served.age)}
