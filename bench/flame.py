"""Flame graphs of a live server under load (issue 13: "find the cost by profiling a live
server"): one uvicorn process of Trellis's benchmark app (or of the FastAPI twin) on PostgreSQL,
wrk driving one scenario of bench/run.py, and py-spy sampling the server's Python stacks for the
same seconds. Writes bench/profiles/flame-<server>-<scenario>.svg (open it in a browser: the width
of a frame is its share of the samples, so the widest towers are where the CPU goes).

    pip install py-spy      # not in the locked requirements: a profiling tool, not a dependency
    bash ci/services.sh .venv/bin/python bench/flame.py --scenarios "get one task (DB)" --seconds 8

py-spy reads the process's memory from outside (ptrace), so the app runs unchanged; at
`--rate` samples per second it costs the server almost nothing. Bounded: scenarios x servers x
seconds, and wrk stops by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    SCENARIOS,
    SERVERS,
    run_wrk,
    seed,
    server_environment,
    start_server,
)

PROFILES = ROOT / "bench" / "profiles"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", help="comma-separated names of bench/run.py's scenarios")
    parser.add_argument("--servers", default="trellis", help="trellis, fastapi or both")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists() or not shutil.which("wrk"):
        print("needs py-spy (pip install py-spy) and wrk (apt-get install wrk)", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        print("run through ci/services.sh: the benchmark uses PostgreSQL", file=sys.stderr)
        return 2
    chosen = set(args.scenarios.split(",")) if args.scenarios else None
    scenarios = [s for s in SCENARIOS if chosen is None or s.name in chosen]
    var_dir = tempfile.mkdtemp(prefix="trellis-flame-")
    env = server_environment(var_dir)
    token, task_id = seed(env)
    try:
        for name in args.servers.replace("both", ",".join(SERVERS)).split(","):
            process, base = start_server(name, 1, env)
            try:
                for scenario in scenarios:
                    output = PROFILES / f"flame-{name}-{_slug(scenario.name)}.svg"
                    # py-spy first, so that every second of load is sampled.
                    sampler = subprocess.Popen(
                        [py_spy, "record", "--pid", str(process.pid), "--rate", str(args.rate),
                         "--duration", str(args.seconds + 1), "--format", "flamegraph",
                         "--nonblocking", "--output", str(output)],
                        stdout=subprocess.DEVNULL,
                    )  # fmt: skip
                    load = threading.Thread(
                        target=run_wrk,
                        args=(base + scenario.path.format(task_id=task_id), token),
                        kwargs={
                            "post": scenario.post,
                            "duration": args.seconds,
                            "connections": args.connections,
                        },
                    )
                    load.start()
                    load.join()
                    sampler.wait(timeout=args.seconds + 60)
                    # The SVG shows py-spy's command line: keep this machine's paths out of it.
                    svg = output.read_text().replace(py_spy, "py-spy").replace(f"{ROOT}/", "")
                    output.write_text(svg)
                    print(f"{name:8} {scenario.name:32} -> {output.relative_to(ROOT)}", flush=True)
            finally:
                process.terminate()
                process.wait(timeout=30)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
