"""Per-request cost as the contract grows: the same request against specs of 10 and 300 operations.

    .venv/bin/python bench/spec_growth.py [--requests 3000] [--sizes 10,300]

Each size builds the benchmark app with the `bench` domain padded by synthetic operations (each
with its own path, parameters and request schema), in two layouts: all padding in the `bench`
domain itself (worst case for routing inside one Connexion app) and spread over 30 other domains.
The probed route is declared last. The request goes through the whole ASGI stack in process (no
sockets), and the CPU time per request is the median of 5 batches. The handler touches no table;
authentication reads the caller's account (SQLite), as every authenticated request does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TRELLIS_VAR_DIR", tempfile.mkdtemp(prefix="trellis-growth-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{os.environ['TRELLIS_VAR_DIR']}/growth.db")
os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "g" * 48)
os.environ["LOG_LEVEL"] = "WARNING"

from bench.app import BEARER, memory_spec  # noqa: E402
from core.app import create_app  # noqa: E402
from core.tokens import issue_access_token  # noqa: E402


def _filler(number: int, tag: str) -> dict[str, Any]:
    body = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string", "maxLength": 50}, "size": {"type": "integer"}},
        "additionalProperties": False,
    }
    return {
        "post": {
            "tags": [tag],
            "operationId": f"createFiller{number}",
            "security": BEARER,
            "parameters": [
                {"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {"204": {"description": "Nothing."}},
        }
    }


def build(size: int, layout: str) -> Any:
    """The bench app with `size` operations: padding in the `bench` domain or over 30 domains."""
    spec = memory_spec()
    padding = max(size - 3, 0)
    if layout == "one-domain":
        prefixes = ["/bench"] * padding
    else:
        prefixes = [f"/pad{n % 30}" for n in range(padding)]
    fillers = {
        f"{prefix}/filler{n}/{{item_id}}": _filler(n, "filler") for n, prefix in enumerate(prefixes)
    }
    spec["paths"] = {**fillers, **spec["paths"]}  # the probed route is declared last
    app = create_app()
    app.router.default.add(spec, name="bench", package="bench")  # type: ignore[attr-defined]
    return app


async def measure(app: Any, token: str, requests: int) -> float:
    path = "/api/v1/bench/tasks/00000000-0000-0000-0000-000000000001"
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"authorization", f"Bearer {token}".encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    async with app.router.lifespan_context(app):
        for _ in range(200):
            await app(dict(scope), receive, send)
        batches = []
        for _ in range(5):
            started = time.process_time()
            for _ in range(requests // 5):
                await app(dict(scope), receive, send)
            batches.append((time.process_time() - started) / (requests // 5))
    assert set(statuses) == {200}, statuses[-1]
    return statistics.median(batches) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--sizes", default="10,300")
    args = parser.parse_args()
    import uuid

    from core.db import transaction
    from core.migrations import upgrade
    from services import identity

    upgrade()
    # Authentication reads the account on every request: the token must name a real one.
    with transaction(write=True) as session:
        user = identity.create_user(
            session,
            email=f"growth-{uuid.uuid4().hex[:8]}@example.com",
            password="growth benchmark",
            display_name="Growth",
        )
        token, _ = issue_access_token(user_id=user.id, role=user.role)
    print("| operations | layout | CPU µs per request |")
    print("|---|---|---|")
    for size in [int(s) for s in args.sizes.split(",")]:
        for layout in ("one-domain", "30-domains"):
            micros = asyncio.run(measure(build(size, layout), token, args.requests))
            print(f"| {size} | {layout} | {micros:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
