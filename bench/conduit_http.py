"""The blog and its Conduit facade over HTTP, measured the way issue 13 point 3 states its targets:
one uvicorn worker pinned to core 0 together with PostgreSQL, wrk on core 1, app and database CPU
per request from /proc.

    bash ci/services.sh .venv/bin/python bench/conduit_http.py [--seconds 5] [--rounds 3]

Seeded through the Conduit API of the server under test: 10 users, each writing `--per-user` (20)
articles with 0-4 tags drawn from 24 (popularity falling off as 1/rank), favoriting about 10 % of
the articles and following three other users. Then, per round (after a VACUUM ANALYZE, so that
autovacuum does not wake up inside a measured window) and scenario (bench.blog_workload's
list: lists of 20 anonymous and with a token, the feed, get by slug, tags on the facade and on
`/api/v1/blog`, and the facade's create), wrk with one thread and `--connections` for `--seconds`;
app CPU is the uvicorn process's, database CPU the PostgreSQL cluster's (postmaster and every
backend: the whole cluster serves only this benchmark), both divided by wrk's request count. With
REDIS_URL set (ci/services.sh) the server uses the account cache as it does in production. The
table gives the median over the rounds. Bounded: rounds x scenarios x seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.blog_workload import _scenarios  # noqa: E402
from bench.run import server_environment, start_server, tree_cpu_seconds  # noqa: E402

USERS = 10
TAGS = [f"topic-{rank}" for rank in range(1, 25)]
CREATE_SCRIPT = ROOT / "bench" / "wrk" / "conduit_article.lua"
APP_CORE, LOAD_CORE = "0", "1"


def _pin(pid: int, core: str) -> None:
    """Pins a process and every thread and child it has (and will fork) to `core`."""
    pending = [pid]
    while pending:
        current = pending.pop()
        # A child may end while this walks (PostgreSQL's backends come and go): skip it.
        subprocess.run(["taskset", "-a", "-p", "-c", core, str(current)], capture_output=True)
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]


def _postmaster(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://")) as db:
        backend = db.execute("SELECT pg_backend_pid()").fetchone()
    assert backend is not None
    return int(Path(f"/proc/{backend[0]}/stat").read_text().rsplit(")", 1)[1].split()[1])


def vacuum(database_url: str) -> None:
    """VACUUM ANALYZE and a CHECKPOINT, outside the measured windows: after the seeding and each
    round's creates, autovacuum would otherwise wake up during the next scenario and its CPU be
    charged to it (the first read of each round showed 3x the database CPU of the same read
    later)."""
    import psycopg

    url = database_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    # The pages the seeding and the vacuum dirtied are written now, not by a checkpoint counted
    # in the next measured window (the cluster's CPU includes the checkpointer's). CHECKPOINT
    # takes a superuser: ci/services.sh's cluster has `postgres`, trusted on loopback.
    try:
        with psycopg.connect(url, user="postgres", password="", autocommit=True) as db:
            db.execute("CHECKPOINT")
    except psycopg.Error as error:
        print(f"no CHECKPOINT before the round ({error})", file=sys.stderr)


def seed(base: str, per_user: int) -> tuple[str, str, str]:
    """Users, articles, favorites and follows through the facade; returns the first user's
    Conduit token and main-API access token, and a slug."""
    chance = random.Random(42)
    weights = [1 / rank for rank in range(1, len(TAGS) + 1)]
    tokens, names, slugs = [], [], []
    with httpx.Client(base_url=base + "/conduit/api", timeout=30) as client:
        for number in range(USERS):
            name = f"writer{number}-{chance.randrange(10**9)}"
            user = {"username": name, "email": f"{name}@example.com", "password": "x" * 12}
            answer = client.post("/users", json={"user": user})
            answer.raise_for_status()
            tokens.append(answer.json()["user"]["token"])
            names.append(name)
        for number, token in enumerate(tokens):
            headers = {"Authorization": f"Token {token}"}
            for article in range(per_user):
                tags = chance.choices(TAGS, weights, k=chance.randrange(5))
                fields = {"title": f"Article {article} by {names[number]}", "description": "On "
                          "seeding", "body": "Some *markdown*.\n\nTwo paragraphs.",
                          "tagList": sorted(set(tags))}  # fmt: skip
                answer = client.post("/articles", json={"article": fields}, headers=headers)
                answer.raise_for_status()
                slugs.append(answer.json()["article"]["slug"])
        for number, token in enumerate(tokens):
            headers = {"Authorization": f"Token {token}"}
            for slug in chance.sample(slugs, len(slugs) // 10):
                client.post(f"/articles/{slug}/favorite", headers=headers).raise_for_status()
            others = [name for name in names if name != names[number]]
            for name in chance.sample(others, 3):
                client.post(f"/profiles/{name}/follow", headers=headers).raise_for_status()
        login = {"grant_type": "PASSWORD", "email": f"{names[0]}@example.com", "password": "x" * 12}
        answer = client.post(base + "/api/v1/identity/tokens", json=login)
        answer.raise_for_status()
    return tokens[0], answer.json()["access_token"], slugs[0]


def _sample(pid: int, directory: Path | None, name: str, seconds: int) -> Any:
    """py-spy recording the server's Python stacks for the scenario's seconds (None: not asked)."""
    if directory is None:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    output = directory / (name.replace(" ", "-") + ".txt")
    # On the load's core: the sampler's own CPU must not count as the app's or the database's.
    # py-spy installed in the running virtualenv, or anywhere on PATH.
    where = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    command = [
        "taskset", "-c", LOAD_CORE, shutil.which("py-spy", path=where) or "py-spy", "record",
        "--pid", str(pid), "--format", "raw", "--gil", "--rate", "250",
        "--duration", str(seconds), "--output", str(output),
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_wrk(
    url: str, headers: dict[str, str], *, post: bool, seconds: int, connections: int
) -> int:
    command = ["taskset", "-c", LOAD_CORE, "wrk", "-t", "1", "-c", str(connections),
               "-d", f"{seconds}s", "--timeout", "5s"]  # fmt: skip
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if post:
        command += ["-s", str(CREATE_SCRIPT)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        answer = httpx.get(url, headers=headers) if not post else None
        shown = f"{answer.status_code} {answer.text[:300]}" if answer is not None else output
        raise RuntimeError(f"{url} answered errors: {shown}")
    return int(output.split(" requests in", 1)[0].split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--per-user", type=int, default=20)
    parser.add_argument(
        "--only", action="append", default=[], metavar="TEXT",
        help="measure only the scenarios whose name contains TEXT (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--stacks", type=Path, metavar="DIR",
        help="sample the server with py-spy during each scenario (pip install py-spy): collapsed "
        "stacks in DIR/<scenario>-<round>.txt, the input of bench/stacks.py",
    )  # fmt: skip
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgresql") or not shutil.which("wrk"):
        print(
            "run through ci/services.sh, with wrk installed (apt-get install wrk)", file=sys.stderr
        )
        return 2
    var_dir = tempfile.mkdtemp(prefix="trellis-conduit-http-")
    env = server_environment(var_dir) | {"SIGNUP_LIMIT_PER_ADDRESS": "1000/minute"}
    os.environ.update(env)
    from core.migrations import upgrade

    upgrade()
    process, base = start_server("trellis", 1, env)
    postmaster = _postmaster(database_url)
    samples: dict[str, list[tuple[float, float, float]]] = {}
    try:
        _pin(process.pid, APP_CORE)
        _pin(postmaster, APP_CORE)
        token, access_token, slug = seed(base, args.per_user)
        for round_number in range(1, args.rounds + 1):
            vacuum(database_url)  # the seeding's or the last round's creates
            for name, method, path, query, headers in _scenarios(token, slug):
                if args.only and not any(text in name for text in args.only):
                    continue
                if headers.get("Authorization", "").startswith("Bearer"):
                    headers = {"Authorization": f"Bearer {access_token}"}
                url = base + path + (f"?{query}" if query else "")
                sampler = _sample(process.pid, args.stacks, f"{name}-{round_number}", args.seconds)
                app_before, db_before = tree_cpu_seconds(process.pid), tree_cpu_seconds(postmaster)
                requests = run_wrk(url, headers, post=method == "POST", seconds=args.seconds,
                                   connections=args.connections)  # fmt: skip
                if sampler is not None:
                    sampler.wait(timeout=args.seconds + 30)
                app = (tree_cpu_seconds(process.pid) - app_before) * 1e6 / requests
                db = (tree_cpu_seconds(postmaster) - db_before) * 1e6 / requests
                samples.setdefault(name, []).append((requests / args.seconds, app, db))
                print(f"round {round_number} {name:26} {requests / args.seconds:7.0f} req/s "
                      f"app {app:6.0f} µs  db {db:6.0f} µs", flush=True)  # fmt: skip
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(var_dir, ignore_errors=True)
    print("\n| request | req/s | app CPU µs / request | database CPU µs / request |")
    print("|---|---|---|---|")
    for name, rows in samples.items():
        rate, app, db = (statistics.median(column) for column in zip(*rows, strict=True))
        print(f"| {name} | {rate:.0f} | {app:,.0f} | {db:,.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
