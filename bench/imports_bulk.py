"""CSV import of N rows in bounded memory: time and memory of the import job, per file size.

Each size runs in a fresh process over a fresh database (SQLite in a temporary directory unless
DATABASE_URL is set): generate a tasks CSV of N rows (with a few invalid ones), upload it through
the service (`create_import`, the file stored in pieces), then run the import job in that process
(`jobs.imports.execute`), and report rows/s and the resident set size sampled during upload and
import (its growth over the RSS before). Bounded memory shows as a growth that does not grow
with N.

    .venv/bin/python bench/imports_bulk.py --rows 10000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _Sampler(threading.Thread):
    """The highest resident set size seen while it runs (every 20 ms)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.highest = _rss_mib()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.highest = max(self.highest, _rss_mib())


def one(rows: int) -> dict[str, object]:
    """Runs in the child process: one import of `rows` rows, measured."""
    sys.path.insert(0, str(ROOT))
    from core.db import transaction
    from core.migrations import upgrade
    from core.security import Actor
    from jobs.imports import execute
    from services import identity, imports
    from services.imports import Import

    upgrade()
    with transaction(write=True) as session:
        user = identity.create_user(
            session, email="bench@example.com", password="bench-password", display_name="Bench"
        )
        actor = Actor(user_id=user.id, role=user.role)
    csv_path = Path(os.environ["TRELLIS_VAR_DIR"]) / "rows.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        out.write("title,notes,status,due_at\n")
        for n in range(rows):
            status = "MAYBE" if n % 1000 == 999 else ("DONE" if n % 3 == 0 else "OPEN")
            out.write(f'Task {n},"Notes of task {n}, with a comma",{status},2026-03-01T17:00:00Z\n')
    before = _rss_mib()
    sampler = _Sampler()
    sampler.start()
    started = time.perf_counter()
    with transaction(write=True) as session, csv_path.open("rb") as upload:
        import_id = imports.create_import(
            session,
            actor,
            target="tasks",
            policy=imports.SKIP_INVALID,
            filename="rows.csv",
            upload=upload,
        ).id
    uploaded = time.perf_counter()
    outcome = execute(import_id)
    finished = time.perf_counter()
    sampler.stop.set()
    sampler.join()
    with transaction(write=False) as session:
        row = session.get_one(Import, import_id)
        counts = (row.imported_rows, row.invalid_rows)
    return {
        "rows": rows,
        "file_mib": round(csv_path.stat().st_size / 2**20, 1),
        "outcome": outcome,
        "imported": counts[0],
        "invalid": counts[1],
        "upload_s": round(uploaded - started, 2),
        "import_s": round(finished - uploaded, 2),
        "rows_per_s": round(rows / (finished - uploaded)),
        "rss_mib_before_upload": round(before, 1),
        "highest_rss_mib_during": round(sampler.highest, 1),
        "growth_mib": round(sampler.highest - before, 1),
        "process_peak_rss_mib": round(_peak_mib(), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="10000,100000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one(args.child)))
        return 0
    print(f"load average before: {os.getloadavg()}")
    for rows in (int(n) for n in args.rows.split(",")):
        with tempfile.TemporaryDirectory(prefix="trellis-bench-imports-") as scratch:
            env = {**os.environ, "TRELLIS_VAR_DIR": scratch, "LOG_LEVEL": "WARNING"}
            env.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.db")
            env.pop("REDIS_URL", None)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(rows)],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            print(done.stdout.strip().splitlines()[-1], flush=True)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
