"""CPU the serving process spends per realtime message it receives (core.realtime's listener),
with the messages published by another process one millisecond apart, as writes arrive.

    bash ci/services.sh .venv/bin/python bench/pubsub_receive.py [--messages 3000] [--queued]

Every process hears every write of every process (the kept answers' and the account cache's
announcements among them), so this is paid once per write per serving process. The CPU is the
receiving process's, from the first message to the last, divided by the messages between them.
Run from a source tree (its working directory first on the import path) to measure that tree.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.getcwd())

_PUBLISHER = r"""
import os, sys, time
import redis
sys.path.insert(0, os.getcwd())
from core import realtime
client = redis.Redis.from_url(os.environ["REDIS_URL"])
channel = realtime.channel_prefix() + "bench"
for _ in range(int(sys.argv[1])):
    client.publish(channel, realtime._encode("bench", {}))
    time.sleep(0.001)
"""


async def _received(messages: int, queued: bool) -> float:
    from core import realtime

    loop = asyncio.get_running_loop()
    first, last = loop.create_future(), loop.create_future()
    count = 0

    def heard(_message: dict[str, object]) -> None:
        # As the kept answers hear their channel: a function called as each message is read.
        nonlocal count
        count += 1
        if count == 1:
            first.set_result(time.process_time())
        elif count == messages:
            last.set_result(time.process_time())

    async with realtime.serving() as connected:
        await connected.wait()
        on_message = None if queued else heard
        async with realtime.subscribe(
            "bench", max_queue=messages + 1, on_message=on_message
        ) as subscription:
            publisher = subprocess.Popen([sys.executable, "-c", _PUBLISHER, str(messages)])
            if queued:  # a consumer task iterating its subscription, as sockets and SSE do
                await subscription.__anext__()
                started = time.process_time()
                for _ in range(messages - 1):
                    await subscription.__anext__()
                spent = time.process_time() - started
            else:
                spent = await last - await first
            publisher.wait()
    return spent / (messages - 1) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument(
        "--queued",
        action="store_true",
        help="a consumer task iterating its subscription (sockets, SSE) instead of a function "
        "called with each message (the kept answers)",
    )
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        print("REDIS_URL is not set: run under ci/services.sh", file=sys.stderr)
        return 2
    os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-pubsub-receive-")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    import uvloop

    cpu = uvloop.run(_received(args.messages, args.queued))
    print(f"{cpu:.1f} µs of CPU per message received")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
