"""One blog or Conduit request replayed in process, for profilers and instruction counts.

    bash ci/services.sh bash -c '
      .venv/bin/python bench/blog_request.py --seed 1000
      .venv/bin/python bench/blog_request.py --path /api/v1/blog/posts --query limit=20 --token \\
          --requests 300 --profile list.prof
      valgrind --tool=callgrind .venv/bin/python bench/blog_request.py --path /api/v1/blog/posts \\
          --query limit=20 --requests 100'   # minus the same with --requests 0: per request

The request goes through the whole ASGI stack inside the app's lifespan (as bench/blog_workload.py
measures it), after 50 warm-up requests; the handler's thread hop is run inline so that cProfile,
which follows one thread, sees the handler. It prints the CPU per request; `--profile FILE` writes
a cProfile (CPU timer) of a second batch. Run from a source tree (its working directory first on
the import path) to measure that tree.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import sys
import tempfile
import time
from collections.abc import MutableMapping
from typing import Any

sys.path.insert(0, os.getcwd())


def _environment() -> None:
    os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-blog-request-")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.pop("REDIS_URL", None)


def _token() -> str:
    from sqlalchemy import select

    from core.db import transaction
    from db.models.blog import BlogProfile
    from db.models.identity import User
    from services import identity

    with transaction(write=True) as session:
        user = session.scalars(
            select(User).join(BlogProfile, BlogProfile.user_id == User.id).order_by(User.email)
        ).first()
        assert user is not None, "seed first (--seed N)"
        return identity.issue_tokens(session, user).access_token


async def _replay(
    path: str, query: str, headers: dict[str, str], requests: int, profile: str | None
) -> float:
    import anyio.to_thread

    from bench.inprocess import get_request
    from core.app import create_app

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    app = create_app()
    statuses: list[int] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async with app.router.lifespan_context(app):
        scope = get_request(path, query=query, headers=headers)
        for _ in range(50):
            await app(dict(scope), receive, send)
        assert set(statuses) == {200}, statuses[:3]
        started = time.process_time()
        for _ in range(requests):
            await app(dict(scope), receive, send)
        spent = time.process_time() - started
        if profile:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for _ in range(requests):
                await app(dict(scope), receive, send)
            profiler.disable()
            profiler.dump_stats(profile)
    return spent / max(requests, 1) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, metavar="ARTICLES", help="seed the database and stop")
    parser.add_argument("--path", default="/api/v1/blog/posts")
    parser.add_argument("--query", default="limit=20")
    parser.add_argument("--token", action="store_true", help="as a signed-in reader")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of a second batch")
    args = parser.parse_args()
    _environment()
    import bench.inprocess  # noqa: F401  (this tree's measuring code, imported first)

    if args.seed is not None:
        from bench.blog_workload import seed

        seed(args.seed)
        return 0
    headers = {"Authorization": f"Bearer {_token()}"} if args.token else {}
    cpu = asyncio.run(_replay(args.path, args.query, headers, args.requests, args.profile))
    print(f"{args.path}?{args.query}: {cpu:.0f} µs CPU per request")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
