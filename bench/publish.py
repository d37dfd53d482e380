"""What a write's announcement costs the app process: one PUBLISH to Redis, CPU per call
(time.process_time over many calls, after a warm-up), the two ways alternating.

    bash ci/services.sh .venv/bin/python bench/publish.py [--calls 5000] [--rounds 3]

  client     redis-py's `Redis.publish`: a connection taken from the client's pool (with its
             checks) and given back, inside the client's retry wrapper
  kept       core.redis_client `publish`: the same command on a connection kept for publishing

Bounded: calls x rounds x 2, one process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.read_unit import _per_call  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        print("run through ci/services.sh (REDIS_URL)", file=sys.stderr)
        return 2
    os.environ.setdefault("TRELLIS_VAR_DIR", tempfile.mkdtemp(prefix="trellis-publish-"))
    from core import redis_client

    client = redis_client.get_redis()
    assert client is not None
    channel, data = "trellis:bench:publish", b'{"channel":"blog-changed","message":{}}'
    ways = {
        "client": lambda: client.publish(channel, data),
        "kept": lambda: redis_client.publish(channel, data),
    }
    for round_number in range(1, args.rounds + 1):
        for name, way in ways.items():
            print(f"round {round_number} {name:7} {_per_call(way, args.calls):6.1f} µs per PUBLISH")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
