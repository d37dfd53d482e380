"""The blog and its Conduit facade on PostgreSQL: CPU per request, the app's and the database's.

    bash ci/services.sh .venv/bin/python bench/blog_workload.py [--articles 1000] [--rounds 3]
                                                              [--requests 300] [--baseline DIR]

The data set is seeded once per tree: 10 accounts with their blog profiles through the services
(real password hashes, real tokens), then `--articles` posts in bulk SQL (about 95 % published,
0-4 tags each drawn from a vocabulary that grows with the data, popularity falling off as 1/rank),
each account favoriting about 10 % of the posts and following three others. Each round measures on
a fresh copy of that database (`CREATE DATABASE ... TEMPLATE`), so the posts `create` adds do not
pile up across rounds.

Every request goes through the whole ASGI stack in process (bench.inprocess: no sockets, no client,
so uvicorn's HTTP parsing is not in it). Per scenario: the app's CPU is this process's CPU time per
request; the database's is the CPU time PostgreSQL's backends serving this process spent (utime +
stime from /proc, in clock ticks, so each scenario runs long enough for ticks to be a small error);
`statements` counts what SQLAlchemy sent per request and `checkouts` the pool checkouts.

`--baseline DIR` names the source tree of another commit (`git archive <commit> | tar -x -C DIR`);
its seeding and rounds interleave with this tree's, each in a fresh process with that tree first on
sys.path (a tree without the maintained counters is seeded without them). The table gives the
median over the rounds.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.* helpers, run as a script
USERS = 10
PASSWORD = "blog workload password"


def _environment(tree: Path, database_url: str) -> None:
    import bench.inprocess  # noqa: F401  (this tree's measuring code, imported first)

    sys.path.insert(0, str(tree))
    os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-blog-workload-")
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.pop("REDIS_URL", None)


# ---- seeding ----------------------------------------------------------------------------------

_POSTS = """
INSERT INTO blog_posts (id, slug, author_id, title, description, body, html, status,
                        published_at, favorites_count, version, created_at, updated_at)
SELECT md5('post' || i)::uuid, 'article-' || i, authors[1 + i % cardinality(authors)],
       'Article ' || i || ': how to train your dragon', 'Ever wonder how? Part ' || i,
       :body, :html, CASE WHEN i % 20 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
       CASE WHEN i % 20 = 0 THEN NULL ELSE stamp END, 0, 1, stamp, stamp
FROM generate_series(1, :articles) AS i,
     LATERAL (SELECT now() - make_interval(secs => (:articles - i) * 60) AS stamp) AS t,
     (SELECT array_agg(user_id ORDER BY username_key) AS authors FROM blog_profiles) AS a
"""
# 0-4 tags per post; the rank of a tag is exp(uniform * ln(vocabulary)), so tag k is drawn about
# 1/k as often as the first (a Zipf-like fall-off, as tags are used).
_TAGS = """
INSERT INTO blog_post_tags (post_id, tag)
SELECT p.id, 'tag-' || floor(exp(random() * ln(:vocabulary)))::int
FROM blog_posts AS p, generate_series(1, 4) AS n
WHERE n <= (hashtext(p.slug) & 7) % 5
ON CONFLICT DO NOTHING
"""
_FAVORITES = """
INSERT INTO blog_favorites (post_id, user_id, created_at)
SELECT p.id, f.user_id, now() FROM blog_posts AS p, blog_profiles AS f
WHERE p.status = 'PUBLISHED' AND random() < 0.1
"""
_FAVORITE_COUNTS = """
UPDATE blog_posts AS p SET favorites_count = c.n
FROM (SELECT post_id, count(*) AS n FROM blog_favorites GROUP BY post_id) AS c
WHERE c.post_id = p.id
"""
_FOLLOWS = """
INSERT INTO blog_follows (follower_id, followee_id, created_at)
SELECT a.user_id, b.user_id, now()
FROM (SELECT user_id, row_number() OVER (ORDER BY username_key) AS r FROM blog_profiles) AS a,
     (SELECT user_id, row_number() OVER (ORDER BY username_key) AS r FROM blog_profiles) AS b
WHERE (b.r - a.r + :users) % :users IN (1, 2, 3)
"""


def _markdown() -> str:
    paragraph = "Dragons need *patience*, a wide valley and a lot of fire-proof scale polish. "
    return "## Training\n\n" + paragraph * 6 + "\n\n- wings\n- flight\n- fire\n"


def seed(articles: int) -> None:
    """Accounts and profiles through the services, the rest in bulk SQL, then ANALYZE."""
    from sqlalchemy import text

    from core.db import get_engine, transaction
    from core.migrations import upgrade
    from services import blog, identity
    from services.markdown import render

    upgrade()
    with transaction(write=True) as session:
        for number in range(USERS):
            user = identity.create_user(
                session,
                email=f"writer{number}@example.com",
                password=PASSWORD,
                display_name=f"Writer {number}",
            )
            blog.ensure_profile(session, user_id=user.id)
        body = _markdown()
        session.execute(text("SELECT setseed(0.42)"))  # the same data set for every tree
        vocabulary = 20 + articles // 50
        session.execute(text(_POSTS), {"articles": articles, "body": body, "html": render(body)})
        session.execute(text(_TAGS), {"vocabulary": vocabulary})
        session.execute(text(_FAVORITES))
        session.execute(text(_FAVORITE_COUNTS))
        session.execute(text(_FOLLOWS), {"users": USERS})
        # A tree with maintained counters fills them as its migration does for existing rows.
        recount = getattr(blog, "recount", None)
        if recount is not None:
            recount(session)
    with get_engine().connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))


# ---- measuring --------------------------------------------------------------------------------


def _backend_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a backend that went away took its ticks with it
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


class Backends:
    """The PostgreSQL backends serving the app's connections (not this observer's own)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        self.connection.autocommit = True

    def pids(self) -> list[int]:
        rows = self.connection.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
        return [row[0] for row in rows]


class Counting:
    """Statements SQLAlchemy sends and pool checkouts, process-wide."""

    def __init__(self) -> None:
        from sqlalchemy import Engine, event
        from sqlalchemy.pool import Pool

        self.statements = self.checkouts = 0
        event.listen(Engine, "before_cursor_execute", self._statement)
        event.listen(Pool, "checkout", self._checkout)

    def _statement(self, *_: Any) -> None:
        self.statements += 1

    def _checkout(self, *_: Any) -> None:
        self.checkouts += 1


async def _scenario(
    app: Any,
    scope: dict[str, Any],
    body: Callable[[], bytes],
    *,
    requests: int,
    backends: Backends,
    counting: Counting,
) -> dict[str, float]:
    statuses: set[int] = set()
    last = [b""]

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.add(message["status"])
        elif message["type"] == "http.response.body":
            last[0] = message.get("body", b"")

    async def one() -> None:
        payload = body()

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": payload, "more_body": False}

        request = dict(scope)
        if payload:
            request["headers"] = [*scope["headers"], (b"content-length", b"%d" % len(payload))]
        await app(request, receive, send)

    for _ in range(30):
        await one()
    pids = backends.pids()
    ticks, cpu, wall = _backend_ticks(pids), time.process_time(), time.perf_counter()
    statements, checkouts = counting.statements, counting.checkouts
    for _ in range(requests):
        await one()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    ticks = _backend_ticks(pids) - ticks
    assert statuses <= {200, 201}, (scope["path"], statuses, last[0][:500])
    per_tick = 1e6 / os.sysconf("SC_CLK_TCK")
    return {
        "app_us": cpu / requests * 1e6,
        "db_us": ticks * per_tick / requests,
        "wall_us": wall / requests * 1e6,
        "statements": (counting.statements - statements) / requests,
        "checkouts": (counting.checkouts - checkouts) / requests,
    }


def _scenarios(token: str, slug: str) -> list[tuple[str, str, str, str, dict[str, str]]]:
    """(name, method, path, query, headers) of every measured request."""
    facade, main = {"Authorization": f"Token {token}"}, {"Authorization": f"Bearer {token}"}
    return [
        ("facade list-20 anonymous", "GET", "/conduit/api/articles", "limit=20", {}),
        ("facade list-20 token", "GET", "/conduit/api/articles", "limit=20", facade),
        ("facade feed", "GET", "/conduit/api/articles/feed", "limit=20", facade),
        ("facade get by slug", "GET", f"/conduit/api/articles/{slug}", "", {}),
        ("facade tags", "GET", "/conduit/api/tags", "", {}),
        ("blog list-20 anonymous", "GET", "/api/v1/blog/posts", "limit=20", {}),
        ("blog list-20 token", "GET", "/api/v1/blog/posts", "limit=20", main),
        ("blog feed", "GET", "/api/v1/blog/feed", "limit=20", main),
        ("blog get by slug", "GET", f"/api/v1/blog/posts/{slug}", "", {}),
        ("blog tags", "GET", "/api/v1/blog/tags", "", {}),
        ("facade create", "POST", "/conduit/api/articles", "", facade),
    ]


def measure(requests: int, url: str) -> dict[str, dict[str, float]]:
    from sqlalchemy import select

    from bench.inprocess import get_request
    from core.app import create_app
    from core.db import transaction
    from db.models.blog import BlogPost, BlogProfile
    from db.models.identity import User
    from services import identity

    with transaction(write=True) as session:  # the token login below is a row
        user = session.scalars(
            select(User).join(BlogProfile, BlogProfile.user_id == User.id).order_by(User.email)
        ).first()
        assert user is not None
        published = select(BlogPost.slug).where(BlogPost.status == "PUBLISHED")
        slug = session.scalars(published.order_by(BlogPost.slug).limit(1)).one()
        token = identity.issue_tokens(session, user).access_token
    counter = iter(range(10**9))

    def article() -> bytes:
        number = next(counter)
        fields = {"title": f"Fresh article {number}", "description": "Ever wonder how?"}
        fields |= {"body": _markdown(), "tagList": ["dragons", f"tag-{number % 7 + 1}"]}
        return json.dumps({"article": fields}).encode()

    async def run() -> dict[str, dict[str, float]]:
        app = create_app()
        backends, counting = Backends(url), Counting()
        results = {}
        async with app.router.lifespan_context(app):
            for name, method, path, query, headers in _scenarios(token, slug):
                scope = get_request(path, query=query, headers=headers) | {"method": method}
                if method == "POST":
                    scope["headers"] += [(b"content-type", b"application/json")]
                results[name] = await _scenario(
                    app,
                    scope,
                    article if method == "POST" else lambda: b"",
                    requests=requests,
                    backends=backends,
                    counting=counting,
                )
        return results

    return asyncio.run(run())


# ---- the parent: databases, interleaved rounds, the table -------------------------------------


def _admin(url: str) -> Any:
    import psycopg

    connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    connection.autocommit = True
    return connection


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def _child(tree: Path, url: str, *arguments: str) -> str:
    command = [sys.executable, __file__, "--child", str(tree), "--url", url, *arguments]
    # In the tree: alembic.ini's `prepend_sys_path = .` puts the working directory first.
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-4000:])
    return done.stdout.splitlines()[-1] if done.stdout else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=250)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="source tree of the commit to compare with")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _environment(args.child, args.url)
        if args.seed:
            seed(args.articles)
        else:
            print(json.dumps(measure(args.requests, args.url)))
        return 0
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        raise SystemExit("DATABASE_URL must name a PostgreSQL database (run under ci/services.sh)")
    template = url.rsplit("/", 1)[1]
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    admin = _admin(_with_database(url, "postgres"))
    seeded: dict[str, str] = {}
    for number, (name, tree) in enumerate(trees.items()):
        seeded[name] = f"blog_workload_{number}_{args.articles}"
        admin.execute(f"DROP DATABASE IF EXISTS {seeded[name]}")
        admin.execute(f"CREATE DATABASE {seeded[name]} TEMPLATE {template}")
        _child(tree, _with_database(url, seeded[name]), "--seed", "--articles", str(args.articles))
    samples: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            admin.execute("DROP DATABASE IF EXISTS blog_workload_round")
            admin.execute(f"CREATE DATABASE blog_workload_round TEMPLATE {seeded[name]}")
            out = _child(
                tree,
                _with_database(url, "blog_workload_round"),
                "--requests",
                str(args.requests),
            )
            for scenario, result in json.loads(out).items():
                samples.setdefault((scenario, name), []).append(result)
    admin.execute("DROP DATABASE IF EXISTS blog_workload_round")
    for database in seeded.values():
        admin.execute(f"DROP DATABASE IF EXISTS {database}")
    print(f"{args.articles} articles, {args.requests} requests per scenario, {args.rounds} rounds")
    from bench.inprocess import print_median_table

    ordered = dict(sorted(samples.items(), key=lambda item: item[0][0]))
    columns = [("app_us", ".0f"), ("db_us", ".0f"), ("statements", ".1f"), ("checkouts", ".1f")]
    header = ["request", "tree", "app CPU µs", "DB CPU µs", "statements", "checkouts"]
    print_median_table(header, ordered, columns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
