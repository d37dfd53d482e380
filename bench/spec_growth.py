"""Startup time and per-request cost as the contract grows: 10 against 300 operations.

    .venv/bin/python bench/spec_growth.py [--requests 3000] [--sizes 10,300] [--rounds 3]

Each size builds the benchmark app with the `bench` domain padded by synthetic operations (each
with its own path, parameters and request schema), in two layouts: all padding in the `bench`
domain itself (worst case for routing inside one domain) and spread over 30 other domains. Every
(size, layout) runs in a fresh Python process, interleaved over the rounds, and reports:

- startup: seconds from the first import of the application to the end of its lifespan startup
  (imports, loading and cutting the contract, building every Connexion app), what a worker pays
  before its first answer;
- CPU µs per request of one authenticated GET through the whole ASGI stack in process (no
  sockets), the probed route declared last, median of 5 batches. The handler touches no table;
  authentication reads the caller's account (SQLite), as every authenticated request does.

The table gives the median of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ("one-domain", "30-domains")


def _environment() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("TRELLIS_VAR_DIR", tempfile.mkdtemp(prefix="trellis-growth-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{os.environ['TRELLIS_VAR_DIR']}/growth.db")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "g" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"


def _filler(number: int, tag: str, security: list[dict[str, list[str]]]) -> dict[str, Any]:
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
            "security": security,
            "parameters": [
                {"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {"204": {"description": "Nothing."}},
        }
    }


def build(size: int, layout: str) -> Any:
    """The bench app with `size` operations: padding in the `bench` domain or over 30 domains."""
    from bench.app import BEARER, memory_spec
    from core.app import create_app

    spec = memory_spec()
    padding = max(size - 3, 0)
    if layout == "one-domain":
        prefixes = ["/bench"] * padding
    else:
        prefixes = [f"/pad{n % 30}" for n in range(padding)]
    fillers = {
        f"{prefix}/filler{n}/{{item_id}}": _filler(n, "filler", BEARER)
        for n, prefix in enumerate(prefixes)
    }
    spec["paths"] = {**fillers, **spec["paths"]}  # the probed route is declared last
    app = create_app()
    app.router.default.add(spec, package="bench")
    return app


async def measure(app: Any, token: str, requests: int) -> tuple[float, float]:
    """(seconds of lifespan startup, median CPU µs per request)."""
    from bench.inprocess import cpu_per_request, get_request

    path = "/api/v1/bench/tasks/00000000-0000-0000-0000-000000000001"
    scope = get_request(path, headers={"Authorization": f"Bearer {token}"})
    result = await cpu_per_request(app, scope, requests=requests, warmup=200, batches=5)
    assert result.statuses == {200}, result.statuses
    return result.startup_s, result.cpu_us


def child(size: int, layout: str, requests: int) -> None:
    """One measurement in this fresh process; prints one JSON line."""
    _environment()
    app = build(size, layout)
    built = time.perf_counter() - STARTED
    lifespan, micros = asyncio.run(measure(app, os.environ["GROWTH_TOKEN"], requests))
    print(json.dumps({"startup_s": built + lifespan, "cpu_us": micros}))


def _token() -> str:
    """A token naming a real account: authentication reads it on every request."""
    from bench.accounts import benchmark_account

    with benchmark_account("Growth") as (_session, _actor, token):
        return token


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--sizes", default="10,300")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "LAYOUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1], args.requests)
        return 0
    _environment()
    env = {**os.environ, "GROWTH_TOKEN": _token()}
    sizes = [int(s) for s in args.sizes.split(",")]
    samples: dict[tuple[int, str], list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        for size in sizes:
            for layout in LAYOUTS:
                command = [sys.executable, __file__, "--child", str(size), layout]
                command += ["--requests", str(args.requests)]
                out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
                result = json.loads(out.stdout.splitlines()[-1])
                samples.setdefault((size, layout), []).append(result)
    from bench.inprocess import print_median_table

    header = ["operations", "layout", "startup s", "CPU µs per request"]
    print_median_table(header, samples, [("startup_s", ".2f"), ("cpu_us", ".0f")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
