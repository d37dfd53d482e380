"""CPU per Conduit article list when the articles are long: what leaving bodies out saves.

    .venv/bin/python bench/conduit_lists.py [--requests 600] [--rounds 5] [--body-chars 20000]
                                            [--baseline DIR]

Each measurement runs in a fresh Python process on a fresh SQLite file: one author publishes 20
articles whose Markdown bodies hold `--body-chars` characters each (the rendered HTML is stored
beside them, as every post's is), then anonymous `GET /conduit/api/articles?limit=20` goes through
the whole ASGI stack in process (no sockets). It reports the median CPU µs per request over 10
batches, the answer's size in bytes, and how many characters of post text (body and stored HTML) the
page's SELECT brought back from the database.

`--baseline DIR` names a source tree of another commit (for example
`git archive <commit> | tar -x -C DIR`); its rounds interleave with this tree's, each in a fresh
process with that tree first on sys.path, so both sides share the machine's conditions. The table
gives the median of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.* helpers, run as a script
ARTICLES = 20
PATH = "/conduit/api/articles"


def _environment(tree: Path) -> None:
    # The measuring code is this tree's (bench.inprocess, imported first); the measured code
    # (core, services, db) is the tree's named here, first on sys.path.
    import bench.inprocess  # noqa: F401

    sys.path.insert(0, str(tree))
    var = tempfile.mkdtemp(prefix="trellis-conduit-lists-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ["DATABASE_URL"] = f"sqlite:///{var}/lists.db"
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "c" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"


def _markdown(chars: int, seed: int) -> str:
    """A long article: headings, paragraphs and lists, different per article."""
    words = ["dragon", "training", "patience", "jacobian", "saddle"]
    words += ["wing", "flight", "fire", "scale", "valley"]
    parts: list[str] = []
    n = seed
    while sum(len(p) for p in parts) < chars:
        n += 1
        sentence = " ".join(words[(n * k) % len(words)] for k in range(1, 13))
        parts.append(f"## Part {n}\n\n{sentence.capitalize()}. *{sentence}*.\n\n- {sentence}\n\n")
    return "".join(parts)[:chars]


def _seed(body_chars: int) -> None:
    from core.db import transaction
    from core.migrations import upgrade
    from core.security import Actor
    from services import blog, identity

    upgrade()
    with transaction(write=True) as session:
        user = identity.create_user(
            session, email="lists@example.com", password="lists benchmark", display_name="Lists"
        )
        author = Actor(user_id=user.id, role=user.role)
        for number in range(ARTICLES):
            blog.create_post(
                session,
                author,
                title=f"Long article {number}",
                description="Ever wonder how?",
                body=_markdown(body_chars, number),
                tags=["dragons"],
                status=blog.PUBLISHED,
            )


async def measure(app: Any, requests: int) -> dict[str, float]:
    from bench.inprocess import cpu_per_request, get_request

    scope = get_request(PATH, query=f"limit={ARTICLES}")
    result = await cpu_per_request(app, scope, requests=requests, warmup=50)
    assert result.statuses == {200}, result.statuses
    return {"cpu_us": result.cpu_us, "answer_bytes": result.answer_bytes}


def child(tree: Path, requests: int, body_chars: int) -> None:
    """One measurement in this fresh process; prints one JSON line."""
    _environment(tree)
    _seed(body_chars)
    from sqlalchemy import Engine, event, func, select

    from core.app import create_app
    from core.db import transaction
    from db.models.blog import BlogPost

    fetched: set[str] = set()

    def note_columns(_conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        # The page query (the one with a LIMIT): which post-text columns it brings back.
        if "FROM blog_posts" in statement and "LIMIT" in statement.upper():
            names = {d[0] for d in cursor.description or ()}
            fetched.update(names & {"body", "html"})

    event.listen(Engine, "after_cursor_execute", note_columns)
    result = asyncio.run(measure(create_app(), requests))
    with transaction(write=False) as session:
        sizes = session.execute(
            select(func.sum(func.length(BlogPost.body)), func.sum(func.length(BlogPost.html)))
        ).one()
    result["text_chars_per_list"] = sum(
        size for name, size in zip(("body", "html"), sizes, strict=True) if name in fetched
    )
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--body-chars", type=int, default=20_000)
    parser.add_argument("--baseline", type=Path, help="source tree of the commit to compare with")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.requests, args.body_chars)
        return 0
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            command = [sys.executable, __file__, "--child", str(tree)]
            command += ["--requests", str(args.requests), "--body-chars", str(args.body_chars)]
            # In the tree: alembic.ini's `prepend_sys_path = .` puts the working directory first.
            out = subprocess.run(command, cwd=tree, check=True, capture_output=True, text=True)
            samples[name].append(json.loads(out.stdout.splitlines()[-1]))
    print(f"{ARTICLES} articles of {args.body_chars} body characters, GET {PATH}?limit={ARTICLES}")
    from bench.inprocess import print_median_table

    columns = [("cpu_us", ".0f"), ("answer_bytes", ".0f"), ("text_chars_per_list", ".0f")]
    header = ["tree", "CPU µs per request", "answer bytes", "post text characters fetched per list"]
    print_median_table(header, samples, columns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
