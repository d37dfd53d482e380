"""How the blog and its Conduit facade reach the database: a fixed number of statements per read
whatever the page size, counts kept exact beside the rows (under concurrent writers on
PostgreSQL), and listings served by indexes."""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import Engine, event, func, insert, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import Pool

from core.db import get_engine, transaction, utcnow
from core.settings import get_settings
from db.models.blog import BlogFavorite, BlogPost, BlogPostTag, BlogProfile, BlogTag
from services import blog
from services.identity import account_cache
from tests.factories.blog import favorite, follow, make_post, username_of
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.support.locks import until_a_transaction_waits_for_a_lock

ON_POSTGRESQL = not get_settings().database_url.startswith("sqlite")
postgresql_only = pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL's planner and locks")


@contextmanager
def _checkouts() -> Iterator[list[int]]:
    taken = [0]

    def count(*_: object) -> None:
        taken[0] += 1

    event.listen(Pool, "checkout", count)
    try:
        yield taken
    finally:
        event.remove(Pool, "checkout", count)


def _sent(statements: list[str]) -> list[str]:
    # SQLite's BEGIN IMMEDIATE/DEFERRED is a statement of ours; PostgreSQL's BEGIN is the driver's.
    return [sql for sql in statements if not sql.startswith("BEGIN")]


@pytest.fixture
def reader(user):  # type: ignore[no-untyped-def]
    return user


def _seed(reader, count: int) -> str:  # type: ignore[no-untyped-def]
    """`count` published posts by as many followed authors, each tagged and favorited."""
    slug = ""
    for number in range(count):
        author = make_user()
        post = make_post(author, title=f"Post {number}", tags=["a", f"t{number}"])
        favorite(reader, post)
        follow(reader, author)
        slug = post.slug
    return slug


# (request, with a token, statements, pool checkouts). The token's account check is one
# statement on a connection of its own (core.auth runs it before the request's transaction).
READS = [
    ("/conduit/api/articles?limit=20", False, 3, 1),  # articlesCount, page, tags
    ("/conduit/api/articles?limit=20", True, 4, 2),
    ("/conduit/api/articles/feed?limit=20", True, 4, 2),
    ("/conduit/api/articles/{slug}", False, 2, 1),  # post with its flags, tags
    ("/conduit/api/articles/{slug}", True, 3, 2),
    ("/conduit/api/tags", False, 1, 1),
    ("/api/v1/blog/posts?limit=20", False, 2, 1),  # page, tags
    ("/api/v1/blog/posts?limit=20", True, 3, 2),
    ("/api/v1/blog/feed?limit=20", True, 3, 2),
    ("/api/v1/blog/posts/{slug}", False, 2, 1),
    ("/api/v1/blog/posts/{slug}", True, 3, 2),
    ("/api/v1/blog/tags", False, 1, 1),
]


@pytest.mark.parametrize("count", [2, 20])
@pytest.mark.parametrize(("path", "signed", "statements", "checkouts"), READS)
def test_each_read_sends_a_fixed_number_of_statements_whatever_the_page_size(
    client, reader, count, path, signed, statements, checkouts, statement_counter, monkeypatch
):
    # The reads themselves: nothing kept (tests/conduit/test_conduit_kept_articles.py counts the
    # statements of answers built from kept ones).
    monkeypatch.setenv("BLOG_KEPT_ANSWERS_SECONDS", "0")
    get_settings.cache_clear()
    slug = _seed(reader, count)
    headers = auth_headers(reader) if signed else {}
    with statement_counter() as counted, _checkouts() as taken:
        answer = client.get(path.format(slug=slug), headers=headers)
    assert answer.status_code == 200
    assert (len(_sent(counted.statements)), taken[0]) == (statements, checkouts)


@contextmanager
def _autocommitted() -> Iterator[list[bool]]:
    """For each statement sent, whether its connection committed it as it ran (PostgreSQL)."""
    seen: list[bool] = []

    def record(connection, *_: object) -> None:  # type: ignore[no-untyped-def]
        seen.append(getattr(connection.connection.dbapi_connection, "autocommit", False))

    # Every engine's: on PostgreSQL the statements that commit as they run have a pool of their own.
    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


@pytest.mark.parametrize("taken", [False, True])
def test_creating_an_article_sends_a_fixed_number_of_statements(
    client, user, taken, statement_counter
):
    headers = auth_headers(user)
    article = {"title": "Dragons", "description": "How", "body": "Fly", "tagList": ["a", "b"]}
    first = {**article, "title": "Dragons" if taken else "Wyverns"}  # makes the profile too
    # The account cache's listener empties the cache when it connects: let it connect before the
    # request that fills the cache, or that request's entry is dropped.
    assert not account_cache.active() or account_cache.wait_until_listening(10)
    client.post("/conduit/api/articles", json={"article": first}, headers=headers)
    with statement_counter() as counted, _checkouts() as taken_from_pool, _autocommitted() as ac:
        answer = client.post("/conduit/api/articles", json={"article": article}, headers=headers)
    assert answer.status_code == 201
    sent = _sent(counted.statements)
    shown = "\n".join(sql[:60] for sql in sent)
    # With Redis the account check of this second request is a cache hit: no statement, no
    # connection of its own (services.identity.account_cache).
    check = 0 if account_cache.active() else 1
    # Elsewhere: the author's count (an UPDATE whose RETURNING reads the profile), INSERT ... ON
    # CONFLICT DO NOTHING, tags, the tags' counts. A taken slug adds one INSERT that inserts
    # nothing; no SAVEPOINT, and no statement reads slugs.
    general = 4 + (1 if taken else 0)
    if ON_POSTGRESQL:
        # One statement does it all, committed as it runs: no BEGIN, no COMMIT. A taken slug
        # makes it insert nothing, and the general path follows in a transaction.
        assert (len(sent), taken_from_pool[0]) == (
            (1 + general if taken else 1) + check,
            (2 if taken else 1) + check,
        ), shown
        assert ac[check] is True
        assert ac[check + 1 :] == [False] * (general if taken else 0)
    else:
        assert (len(sent), taken_from_pool[0]) == (general + check, 1 + check), shown
    assert not [sql for sql in counted.selects if "blog_posts.slug" in sql]
    assert not [sql for sql in sent if "SAVEPOINT" in sql]


def test_the_facade_counts_articles_once_without_a_subquery(client, user, statement_counter):
    make_post(user, title="One", tags=["a"])
    make_post(make_user(), title="Two", tags=["b"])
    with statement_counter() as counted:
        body = client.get("/conduit/api/articles", params={"tag": "a"}).json()
    assert body["articlesCount"] == 1
    assert not [sql for sql in counted.selects if "count(" in sql.lower()]
    with statement_counter() as counted:
        body = client.get(
            "/conduit/api/articles", params={"tag": "a", "author": username_of(user)}
        ).json()
    assert body["articlesCount"] == 1
    (total,) = [sql for sql in counted.selects if "count(" in sql.lower()]
    assert total.count("SELECT") == 3  # count, the tag's EXISTS, the author's IN: no subquery
    assert total.count("blog_posts.status") == 1


# ---- maintained counts ------------------------------------------------------------------------


def _truth() -> tuple[dict[uuid.UUID, int], dict[str, int], dict[uuid.UUID, int]]:
    """Published posts per author and per tag, and favorites per post, counted from the rows."""
    with transaction(write=False) as session:
        published = BlogPost.status == blog.PUBLISHED
        authors = dict(
            session.execute(
                select(BlogPost.author_id, func.count())
                .where(published)
                .group_by(BlogPost.author_id)
            ).all()
        )
        tags = dict(
            session.execute(
                select(BlogPostTag.tag, func.count())
                .join(BlogPost, BlogPost.id == BlogPostTag.post_id)
                .where(published)
                .group_by(BlogPostTag.tag)
            ).all()
        )
        favorites = dict(
            session.execute(
                text("SELECT post_id, count(*) FROM blog_favorites GROUP BY post_id")
            ).all()
        )
    return authors, tags, {uuid.UUID(str(key)): value for key, value in favorites.items()}


def _kept() -> tuple[dict[uuid.UUID, int], dict[str, int], dict[uuid.UUID, int]]:
    with transaction(write=False) as session:
        authors = dict(
            session.execute(
                select(BlogProfile.user_id, BlogProfile.posts_count).where(
                    BlogProfile.posts_count > 0
                )
            ).all()
        )
        tags = dict(
            session.execute(
                select(BlogTag.tag, BlogTag.posts_count).where(BlogTag.posts_count != 0)
            ).all()
        )
        favorites = dict(
            session.execute(
                select(BlogPost.id, BlogPost.favorites_count).where(BlogPost.favorites_count > 0)
            ).all()
        )
    return authors, tags, favorites


def test_counts_follow_publishing_retagging_and_deleting(user):
    other = make_user()
    kept = make_post(user, title="Kept", tags=["a", "b"])
    draft = make_post(user, title="Draft", tags=["a", "c"], status="DRAFT")
    make_post(other, title="Other", tags=["b"])
    actor = actor_of(user)
    with transaction(write=True) as session:
        blog.update_post(session, actor, slug=draft.slug, changes={"status": "PUBLISHED"})
    with transaction(write=True) as session:
        blog.update_post(session, actor, slug=kept.slug, changes={"tags": ["b", "d"]})
    with transaction(write=True) as session:
        blog.update_post(session, actor, slug=draft.slug, changes={"status": "DRAFT"})
    with transaction(write=True) as session:
        blog.update_post(session, actor, slug=draft.slug, changes={"tags": ["e"]})  # a draft's
    with transaction(write=True) as session:
        blog.delete_post(session, actor_of(other), slug="other")
    assert _kept() == _truth()
    assert _kept()[1] == {"b": 1, "d": 1}
    with transaction(write=False) as session:
        tags = blog.list_tags(session).items
    assert [(item.tag, item.count) for item in tags] == [("b", 1), ("d", 1)]


def test_recount_rebuilds_what_the_services_keep(user):
    make_post(user, title="One", tags=["a", "b"])
    make_post(user, title="Two", tags=["b"], status="DRAFT")
    kept = _kept()
    with transaction(write=True) as session:
        session.execute(text("UPDATE blog_profiles SET posts_count = 0"))
        session.execute(text("DELETE FROM blog_tags"))
        blog.recount(session)
    assert _kept() == kept == _truth()


@postgresql_only
def test_counts_stay_exact_under_concurrent_favorites_and_tag_edits(user):
    authors = [make_user() for _ in range(2)]
    posts = [make_post(author, title=f"Post {n}", tags=["a"]) for n, author in enumerate(authors)]
    fans = [make_user() for _ in range(6)]
    start = threading.Barrier(len(fans) + len(authors), timeout=30)

    def fan(person) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        for round_ in range(4):
            for post in posts:
                with transaction(write=True) as session:
                    change = blog.favorite_post if round_ % 2 == 0 else blog.unfavorite_post
                    change(session, actor_of(person), slug=post.slug)
        with transaction(write=True) as session:
            blog.favorite_post(session, actor_of(person), slug=posts[0].slug)

    def editor(author, post) -> None:  # type: ignore[no-untyped-def]
        own = make_post(author, title=f"Own {post.slug}", tags=["b"])  # no one else reads it
        start.wait()
        for round_ in range(6):
            tags = [["a", "b"], ["b", "c"], ["c", "a"]][round_ % 3]
            with transaction(write=True) as session:
                blog.update_post(session, actor_of(author), slug=post.slug, changes={"tags": tags})
            with transaction(write=True) as session:
                changes = {"status": "DRAFT" if round_ % 2 == 0 else "PUBLISHED", "tags": tags}
                blog.update_post(session, actor_of(author), slug=own.slug, changes=changes)

    with ThreadPoolExecutor(len(fans) + len(authors)) as pool:
        done = [pool.submit(fan, person) for person in fans]
        done += [pool.submit(editor, a, p) for a, p in zip(authors, posts, strict=True)]
        for future in done:
            future.result()
    assert _kept() == _truth()
    assert _kept()[2] == {posts[0].id: len(fans)}
    assert _kept()[1] == {"c": 4, "a": 4}  # both posts and both authors' own ones end on [c, a]


@postgresql_only
def test_creates_in_one_statement_keep_counts_exact_beside_concurrent_edits(user):
    # Publishing creates are one statement each (the profile, then the tags, locked in the order
    # every other count change takes them); edits of the same authors' posts move the same rows
    # at the same time. Nothing deadlocks, titles shared by concurrent creates all get a slug,
    # and the counts are the rows'.
    authors = [make_user() for _ in range(3)]
    drafts = [make_post(author, title="Edited", tags=["a", "z"]) for author in authors]
    start = threading.Barrier(2 * len(authors), timeout=30)
    slugs: list[str] = []

    def writer(author) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        for number in range(6):
            tags = [["z", "a", "m"], ["m"], ["a", "b"]][number % 3]
            slugs.append(make_post(author, title=f"Same title {number % 2}", tags=tags).slug)

    def editor(author, post) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        for number in range(6):
            changes = {"status": "DRAFT" if number % 2 == 0 else "PUBLISHED",
                       "tags": [["m", "a"], ["z", "b"]][number % 2]}  # fmt: skip
            with transaction(write=True) as session:
                blog.update_post(session, actor_of(author), slug=post.slug, changes=changes)

    with ThreadPoolExecutor(2 * len(authors)) as pool:
        done = [pool.submit(writer, author) for author in authors]
        done += [pool.submit(editor, a, p) for a, p in zip(authors, drafts, strict=True)]
        for future in done:
            future.result()
    assert len(set(slugs)) == len(slugs) == 6 * len(authors)
    assert _kept() == _truth()
    assert _kept()[0] == {author.id: 7 for author in authors}


@postgresql_only
def test_a_create_in_one_statement_locks_the_profile_before_the_tags(user):
    # counts.py's lock order (the author's profile, then the tags by name) is what keeps two
    # count changes from deadlocking; the one-statement create must take it too. A tag's row is
    # held here, the create waits on it, and by then it must already hold the profile.
    make_post(user, title="First", tags=["held"])  # the profile and the tag's row exist
    creating: list[Exception] = []

    def create() -> None:
        try:
            make_post(user, title="Second", tags=["held"])
        except Exception as error:
            creating.append(error)

    with get_engine().connect() as holder:
        holder.execute(text("UPDATE blog_tags SET posts_count = posts_count WHERE tag = 'held'"))
        writer = threading.Thread(target=create)
        writer.start()
        until_a_transaction_waits_for_a_lock()  # the create, on the tag's row
        with pytest.raises(OperationalError, match="could not obtain lock"):
            holder.execute(
                text("SELECT 1 FROM blog_profiles WHERE user_id = :id FOR UPDATE NOWAIT"),
                {"id": user.id},
            )
        holder.rollback()
    writer.join(20)
    assert not writer.is_alive() and not creating
    assert _kept() == _truth()


# ---- indexes ----------------------------------------------------------------------------------


def _plan(query) -> str:  # type: ignore[no-untyped-def]
    compiled = query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    with get_engine().connect() as connection:
        return "\n".join(connection.execute(text(f"EXPLAIN {compiled}")).scalars())


@postgresql_only
def test_listings_and_tags_are_served_by_indexes_at_size(user):
    reader = make_user()
    authors = [make_user() for _ in range(5)]
    for author in authors:
        follow(reader, author)
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "slug": f"bulk-{n}",
            "author_id": authors[n % len(authors)].id,
            "title": f"Bulk {n}",
            "status": "DRAFT" if n % 20 == 0 else "PUBLISHED",
            "created_at": now - timedelta(minutes=n),
            "updated_at": now,
        }
        for n in range(20000)
    ]
    with transaction(write=True) as session:
        session.execute(insert(BlogPost), rows)
        session.execute(
            insert(BlogPostTag),
            [{"post_id": row["id"], "tag": f"t{n % 3000}"} for n, row in enumerate(rows)],
        )
        # The reader favorited half of them: were the flags planned for every post the filter
        # matches, reading and hashing all 10,000 favorites would be cheaper than 20,000 probes.
        session.execute(
            insert(BlogFavorite),
            [{"post_id": row["id"], "user_id": reader.id, "created_at": now} for row in rows[::2]],
        )
        blog.recount(session)
    with get_engine().connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    order = (BlogPost.created_at.desc(), BlogPost.id.desc())
    listings = {
        "anonymous": blog.post_query(None, status="PUBLISHED"),
        "with a token": blog.post_query(actor_of(reader), status="PUBLISHED"),
        "feed": blog.post_query(actor_of(reader), feed_of=reader.id),
    }
    for name, query in listings.items():
        viewer = None if name == "anonymous" else actor_of(reader)
        page = blog.flagged_page(query.order_by(*order).limit(20).offset(20), flags=bool(viewer))
        plan = _plan(page.params(viewer_id=reader.id))
        # Picked in order from an index on (created_at, id), with or without status in front:
        # no scan of every post; the viewer's flags probed per post shown (the favorites' primary
        # key with the post's id), not all the viewer's favorites hashed.
        assert re.search(r"Index Scan Backward using ix_blog_posts_\w+ on blog_posts", plan), plan
        assert "Seq Scan on blog_posts" not in plan, (name, plan)
        if viewer is not None:
            probe = r"Index \w* ?Scan using \w+ on blog_favorites.*\n.*post_id = blog_posts\w*\.id"
            assert re.search(probe, plan), (name, plan)
    tags = select(BlogTag.tag, BlogTag.posts_count).where(BlogTag.posts_count > 0)
    plan = _plan(tags.order_by(BlogTag.posts_count.desc(), BlogTag.tag).limit(21))
    assert "pgix_blog_tags_popular" in plan and "Seq Scan" not in plan, plan
    # Whether a reader has drafts (one author has 1,000, the others none): the partial index of
    # drafts, never every post.
    for author in authors[:2]:
        plan = _plan(blog.posts._HAS_DRAFTS.statement.params(viewer_id=author.id))
        assert "ix_blog_posts_author_drafts" in plan and "Seq Scan" not in plan, plan


def test_a_read_statement_is_built_once_per_shape_and_bound_per_request(user):
    """Reads cache their statements by shape (who reads, which filters are set) and bind the
    values per request: other readers and other tag values reuse the statement built first and
    still get their own answers (a value baked into a cached statement would leak across)."""
    other = make_user()
    make_post(user, title="Mine", tags=["red"])
    make_post(other, title="Theirs", tags=["blue"])
    make_post(user, title="Draft", tags=["red"], status="DRAFT")
    keyset = blog.posts._keyset
    keyset.cache_clear()

    def slugs(viewer, tag: str) -> list[str]:  # type: ignore[no-untyped-def]
        with transaction(write=False) as session:
            page = blog.list_posts(session, actor_of(viewer), tag=tag)
            return [view.post.slug for view in page.items]

    assert slugs(user, "red") == ["draft", "mine"]  # the author sees their draft
    assert slugs(other, "red") == ["mine"]  # nobody else does
    assert slugs(other, "blue") == ["theirs"]
    assert (keyset.cache_info().misses, keyset.cache_info().hits) == (1, 2)
