"""One blog or Conduit request replayed in process, for profilers and instruction counts.

    bash ci/services.sh bash -c '
      .venv/bin/python bench/blog_request.py --seed 1000
      .venv/bin/python bench/blog_request.py --path /api/v1/blog/posts --query limit=20 --token \\
          --requests 300 --profile list.prof
      valgrind --tool=callgrind .venv/bin/python bench/blog_request.py --path /api/v1/blog/posts \\
          --query limit=20 --requests 100'   # minus the same with --requests 0: per request
    # Creating Conduit articles, the account read from the Redis cache as in production:
    .venv/bin/python bench/blog_request.py --method POST --path /conduit/api/articles --token \
        --keep-redis --profile create.prof

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
import itertools
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, MutableMapping
from typing import Any

sys.path.insert(0, os.getcwd())


def _environment(keep_redis: bool) -> None:
    os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-blog-request-")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"
    if not keep_redis:
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


#: The body bench/wrk/conduit_article.lua posts (bench/conduit_http.py's creates).
SHORT_BODY = "It takes a **Jacobian**.\n\nAnd a second paragraph."


def _article_bodies(short: bool) -> Iterator[bytes]:
    """Conduit article bodies as bench/blog_workload.py posts them (`short`: as
    bench/conduit_http.py does), each with a fresh title (the run's own prefix, so that repeated
    runs on one database also take their base slugs)."""
    from bench.blog_workload import _markdown

    run = uuid.uuid4().hex[:8]
    body = SHORT_BODY if short else _markdown()
    for number in itertools.count():
        fields = {"title": f"Fresh article {run} {number}", "description": "Ever wonder how?"}
        fields |= {"body": body, "tagList": ["dragons", f"tag-{number % 7 + 1}"]}
        yield json.dumps({"article": fields}).encode()


async def _kept_answers_followed() -> None:
    """With Redis, lets the blog's kept answers start listening (the first request started their
    follower on this loop, which a replay that never waits on I/O would not run), as a serving
    process does between requests."""
    from core.settings import get_settings
    from services.blog.kept import KEPT

    if not get_settings().redis_url or KEPT.generation() is not None:
        return
    deadline = time.monotonic() + 10
    while not KEPT.listening_now.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.01)


async def _replay(
    method: str,
    path: str,
    query: str,
    headers: dict[str, str],
    requests: int,
    profile: str | None,
    short_body: bool = False,
) -> float:
    from bench.inprocess import handlers_inline, request_scope
    from core.app import create_app

    app = create_app()
    statuses: list[int] = []
    answers: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])
        elif message["type"] == "http.response.body" and len(answers) < 1:
            answers.append(message.get("body", b""))

    # A POST creates an article with a fresh title each time, so every request takes its base slug.
    bodies = _article_bodies(short_body) if method == "POST" else iter(lambda: b"", None)

    async def request(scope: dict[str, Any]) -> None:
        payload = next(bodies)

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": payload, "more_body": False}

        length = [(b"content-length", b"%d" % len(payload))] if payload else []
        await app(scope | {"headers": scope["headers"] + length}, receive, send)

    with handlers_inline():
        async with app.router.lifespan_context(app):
            if method == "POST":
                headers = headers | {"Content-Type": "application/json"}
            scope = request_scope(method, path, query=query, headers=headers)
            await request(scope)
            await _kept_answers_followed()
            for _ in range(50):
                await request(scope)
            assert set(statuses) == {201 if method == "POST" else 200}, (statuses[:3], answers)
            started = time.process_time()
            for _ in range(requests):
                await request(scope)
            spent = time.process_time() - started
            if profile:
                profiler = cProfile.Profile(time.process_time)
                profiler.enable()
                for _ in range(requests):
                    await request(scope)
                profiler.disable()
                profiler.dump_stats(profile)
    return spent / max(requests, 1) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, metavar="ARTICLES", help="seed the database and stop")
    parser.add_argument("--method", default="GET", choices=["GET", "POST"])
    parser.add_argument("--path", default="/api/v1/blog/posts")
    parser.add_argument("--query", default="limit=20")
    parser.add_argument("--token", action="store_true", help="as a signed-in reader")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of a second batch")
    parser.add_argument(
        "--keep-redis", action="store_true", help="keep REDIS_URL (the account cache answers)"
    )
    parser.add_argument(
        "--short-body", action="store_true", help="POST the short body bench/conduit_http.py does"
    )
    args = parser.parse_args()
    _environment(args.keep_redis)
    import bench.inprocess  # noqa: F401  (this tree's measuring code, imported first)

    if args.seed is not None:
        from bench.blog_workload import seed

        seed(args.seed)
        return 0
    scheme = "Token" if args.path.startswith("/conduit/") else "Bearer"
    headers = {"Authorization": f"{scheme} {_token()}"} if args.token else {}
    replay = _replay(
        args.method,
        args.path,
        args.query,
        headers,
        args.requests,
        args.profile,
        args.short_body,
    )
    cpu = asyncio.run(replay)
    print(f"{args.method} {args.path}?{args.query}: {cpu:.0f} µs CPU per request")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
