"""Cost of the per-request account check: an authenticated GET through the whole stack.

    .venv/bin/python bench/auth_check.py [--requests 2000] [--rounds 5] [--baseline DIR]
    bash ci/services.sh .venv/bin/python bench/auth_check.py ...     # PostgreSQL

Each measurement runs in a fresh Python process on a fresh database (a SQLite file, or the
DATABASE_URL given, emptied first): 200 accounts with 3 token logins each, then one of them logs in
through `POST /api/v1/identity/tokens` and sends `GET /api/v1/identity/users/me` with its bearer
token, in process (bench.inprocess: ASGI, no sockets). The token is the same on every request, as
a client's is for minutes: its signature check is remembered, the account (and, since issue 18,
its login) is read on each request. It reports the median CPU µs per request over 10 batches.

`--baseline DIR` names a source tree of another commit (`git archive <commit> | tar -x -C DIR`);
its rounds interleave with this tree's, each in a fresh process with that tree first on sys.path.
The table gives the median of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.* helpers, run as a script
PATH = "/api/v1/identity/users/me"
PASSWORD = "auth check benchmark"


def _environment(tree: Path) -> None:
    # The measuring code is this tree's (bench.inprocess, imported first); the measured code
    # (core, services, db) is the tree's named here, first on sys.path.
    import bench.inprocess  # noqa: F401

    sys.path.insert(0, str(tree))
    var = tempfile.mkdtemp(prefix="trellis-auth-check-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var}/auth.db")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "a" * 48)
    os.environ["ARGON2_MEMORY_KIB"] = "1024"
    os.environ["LOG_LEVEL"] = "WARNING"


def _seed() -> str:
    """Accounts with logins; answers an access token of one of them."""
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
                pair = identity.issue_tokens(session, user)
    return pair.access_token


def child(tree: Path, requests: int) -> None:
    """One measurement in this fresh process; prints one JSON line."""
    _environment(tree)
    token = _seed()
    from bench.inprocess import cpu_per_request, get_request
    from core.app import create_app

    scope = get_request(PATH, headers={"Authorization": f"Bearer {token}"})
    measured = asyncio.run(cpu_per_request(create_app(), scope, requests=requests))
    assert measured.statuses == {200}, measured.statuses
    print(json.dumps({"cpu_us": measured.cpu_us}))


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
    from bench.inprocess import interleaved_rounds, print_median_table

    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    samples: dict[Any, Any] = interleaved_rounds(
        __file__, trees, rounds=args.rounds, arguments=["--requests", str(args.requests)]
    )
    print(f"GET {PATH} with a bearer token, {args.rounds} rounds of {args.requests} requests")
    print_median_table(["tree", "CPU µs per request"], samples, [("cpu_us", ".0f")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
