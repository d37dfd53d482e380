"""Cost of the per-request account check: an authenticated GET through the whole stack.

    .venv/bin/python bench/auth_check.py [--requests 2000] [--rounds 5] [--baseline DIR]
    bash ci/services.sh .venv/bin/python bench/auth_check.py ...     # PostgreSQL

Each measurement runs in a fresh Python process on a fresh database (a SQLite file, or the
DATABASE_URL given, emptied first): 200 accounts with 3 token logins each, then one of them logs in
through `POST /api/v1/identity/tokens` and sends `GET /api/v1/identity/users/me` with its bearer
token, in process (ASGI, no sockets). The token is the same on every request, as a client's is for
minutes: its signature check is remembered, the account (and, since issue 18, its login) is read
on each request. It reports the median CPU µs and wall µs per request over 10 batches.

`--baseline DIR` names a source tree of another commit (`git archive <commit> | tar -x -C DIR`);
its rounds interleave with this tree's, each in a fresh process with that tree first on sys.path.
The table gives the median of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
PATH = "/api/v1/identity/users/me"
PASSWORD = "auth check benchmark"


def _environment(tree: Path) -> None:
    sys.path.insert(0, str(tree))
    var = tempfile.mkdtemp(prefix="trellis-auth-check-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var}/auth.db")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "a" * 48)
    os.environ["ARGON2_MEMORY_KIB"] = "1024"
    os.environ["LOG_LEVEL"] = "WARNING"


def _seed() -> None:
    from sqlalchemy import text

    from core.db import get_engine, transaction
    from core.migrations import upgrade
    from services import identity

    engine = get_engine()
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
    upgrade()
    with transaction(write=True) as session:
        for number in range(200):
            user = identity.create_user(
                session, email=f"u{number}@example.com", password=PASSWORD, display_name="U"
            )
            for _ in range(3):
                identity.issue_tokens(session, user)


async def _call(app: Any, method: str, path: str, headers: list[Any], body: bytes) -> Any:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    answer: dict[str, Any] = {"body": b""}
    sent = [False]

    async def receive() -> dict[str, Any]:
        if sent[0]:
            return {"type": "http.disconnect"}
        sent[0] = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer


async def measure(app: Any, requests: int) -> dict[str, float]:
    async with app.router.lifespan_context(app):
        login = orjson.dumps(
            {"grant_type": "PASSWORD", "email": "u7@example.com", "password": PASSWORD}
        )
        json_headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(login)).encode()),
        ]
        answer = await _call(app, "POST", "/api/v1/identity/tokens", json_headers, login)
        assert answer["status"] == 200, answer
        token = orjson.loads(answer["body"])["access_token"]
        headers = [(b"authorization", f"Bearer {token}".encode())]
        for _ in range(50):
            assert (await _call(app, "GET", PATH, headers, b""))["status"] == 200
        cpu_batches, wall_batches = [], []
        per_batch = max(requests // 10, 1)
        for _ in range(10):
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(per_batch):
                await _call(app, "GET", PATH, headers, b"")
            cpu_batches.append((time.process_time() - cpu) / per_batch)
            wall_batches.append((time.perf_counter() - wall) / per_batch)
        assert (await _call(app, "GET", PATH, headers, b""))["status"] == 200
    return {
        "cpu_us": statistics.median(cpu_batches) * 1e6,
        "wall_us": statistics.median(wall_batches) * 1e6,
    }


def child(tree: Path, requests: int) -> None:
    """One measurement in this fresh process; prints one JSON line."""
    _environment(tree)
    _seed()
    from core.app import create_app

    print(json.dumps(asyncio.run(measure(create_app(), requests))))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="source tree of the commit to compare with")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.requests)
        return 0
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            command = [sys.executable, __file__, "--child", str(tree)]
            command += ["--requests", str(args.requests)]
            out = subprocess.run(command, cwd=tree, check=True, capture_output=True, text=True)
            samples[name].append(json.loads(out.stdout.splitlines()[-1]))
    print(f"GET {PATH} with a bearer token, {args.rounds} rounds of {args.requests} requests")
    print("| tree | CPU µs per request | wall µs per request |")
    print("|---|---|---|")
    for name, runs in samples.items():
        cpu = statistics.median(run["cpu_us"] for run in runs)
        wall = statistics.median(run["wall_us"] for run in runs)
        print(f"| {name} | {cpu:.0f} | {wall:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
