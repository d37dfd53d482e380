from __future__ import annotations

from typing import Any

from core.db import transaction
from core.wire import Answer, page_json
from services import ghstats
from services.ghstats import GhstatsRepo, Served

# services.ghstats opens its own short units of work around the calls to GitHub, so a slow
# provider never holds a database lock; the handlers read what it stored afterwards.


def _headers(served: Served) -> dict[str, str]:
    return {"Cache-Status": served.cache_status, "Age": str(served.age)}


def _repo_json(repo: GhstatsRepo) -> dict[str, Any]:
    return {
        "name": repo.name,
        "full_name": repo.full_name,
        "description": repo.description,
        "html_url": repo.html_url,
        "language": repo.language,
        "stars": repo.stars,
        "forks": repo.forks,
        "fork": repo.fork,
    }


def get_ghstats_profile(login: str, top: int = 5) -> Answer:
    served = ghstats.serve_stats(login=login)
    stats = served.stats
    body: dict[str, Any] = {
        "login": stats.profile["login"],
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
    return body, 200, _headers(served)


def list_ghstats_repos(
    login: str,
    limit: int = 20,
    cursor: str | None = None,
    language: str | None = None,
    fork: bool | None = None,
) -> Answer:
    served = ghstats.serve_stats(login=login)
    with transaction(write=False) as session:
        page = ghstats.list_repos(
            session, key=served.stats.key, limit=limit, cursor=cursor, language=language, fork=fork
        )
        return page_json(page, _repo_json), 200, _headers(served)
