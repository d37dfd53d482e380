"""core.compiled: a cached SELECT run on the DBAPI cursor answers what `session.execute` answers
(types processed, IN lists expanded, literal values kept), on SQLite and PostgreSQL, and stays
visible to the connection's statement listeners and SQLAlchemy's error handling."""

from __future__ import annotations

import contextlib
import uuid

import pytest
from sqlalchemy import any_, bindparam, column, event, insert, select, table, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from core.compiled import CompiledSelect, CompiledWrite
from core.db import (
    ReadTransactionWrote,
    UnitOfWorkEnded,
    UUIDArray,
    get_engine,
    transaction,
    utcnow,
)
from core.settings import get_settings
from db.models.blog import BlogPost, BlogPostTag
from tests.factories.blog import make_post
from tests.factories.identity import make_user
from tests.support.statements import sessions_begun

_POSTS = (
    select(
        BlogPost.id,
        BlogPost.slug,
        BlogPost.created_at,
        BlogPost.published_at,
        BlogPost.favorites_count,
        BlogPost.status == "PUBLISHED",
    )
    .where(BlogPost.author_id == bindparam("author_id"), BlogPost.status != "GONE")
    .order_by(BlogPost.slug)
)
_TAGS = (
    select(BlogPostTag.post_id, BlogPostTag.tag)
    .where(BlogPostTag.post_id.in_(bindparam("ids", expanding=True)))
    .order_by(BlogPostTag.tag)
)


def test_rows_are_what_session_execute_returns_with_the_types_processed(user):
    other = make_user()
    drafted = make_post(user, title="Drafted", tags=["b", "a"], status="DRAFT")
    published = make_post(user, title="Published", tags=["c"])
    make_post(other, title="Not mine", tags=["a"])
    compiled = CompiledSelect(_POSTS)
    with transaction(write=False) as session:
        params = {"author_id": user.id}
        expected = [tuple(row) for row in session.execute(_POSTS, params)]
        rows = compiled.rows(session, params)
        rows_again = compiled.rows(session, params)  # the compiled form, reused
        ids = {"ids": [drafted.id, published.id]}
        tags = CompiledSelect(_TAGS).rows(session, ids)
        tags_of_one = CompiledSelect(_TAGS).rows(session, {"ids": [published.id]})
        expected_tags = [tuple(row) for row in session.execute(_TAGS, ids)]
    assert rows == rows_again == expected
    assert [row[1] for row in rows] == ["drafted", "published"]
    created_at = rows[0][2]
    assert created_at == drafted.created_at and created_at.tzinfo is not None  # not a string
    assert rows[0][0] == drafted.id  # a UUID, not SQLite's hex
    assert rows[0][3] is None and rows[1][3] == published.published_at
    assert [bool(row[5]) for row in rows] == [False, True]
    assert tags == expected_tags and [tag for _, tag in tags] == ["a", "b", "c"]
    assert tags_of_one == [(published.id, "c")]


def test_the_statement_listeners_see_it_and_driver_errors_are_sqlalchemys(user, statement_counter):
    make_post(user, title="Seen")
    with statement_counter() as counted, transaction(write=False) as session:
        assert len(CompiledSelect(_POSTS).rows(session, {"author_id": user.id})) == 1
    assert any("FROM blog_posts" in sql for sql in counted.selects)
    missing = select(column("x")).select_from(table("no_such_table"))
    with pytest.raises(DBAPIError), transaction(write=False) as session:
        CompiledSelect(missing).rows(session)


def test_only_selects_are_taken():
    # Reads only: a write through it is refused when it is built, in any transaction.
    with pytest.raises(TypeError):
        CompiledSelect(update(BlogPost).values(title="x"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CompiledSelect(_TAGS, variants={"postgresql": update(BlogPost)})  # type: ignore[dict-item]


def test_a_dialects_variant_runs_there_and_answers_the_same(user, statement_counter):
    # The blog's tags of a page: an IN list elsewhere, one array parameter on PostgreSQL, so its
    # SQL text is the same whatever the page size (rendered once, prepared by the driver).
    from services.blog.posts import _TAGS_OF

    first, second = make_post(user, tags=["b", "a"]), make_post(user, tags=["c"])
    with statement_counter() as counted, transaction(write=False) as session:
        tags = _TAGS_OF.rows(session, {"ids": [first.id, second.id]})
        tags_of_one = _TAGS_OF.rows(session, {"ids": [second.id]})
        postgresql = session.get_bind().dialect.name == "postgresql"
    assert tags == [(first.id, "a"), (first.id, "b"), (second.id, "c")]
    assert tags_of_one == [(second.id, "c")]
    texts = {sql for sql in counted.selects if "FROM blog_post_tags" in sql}
    assert len(texts) == (1 if postgresql else 2)
    assert all(("ANY" in sql) is postgresql for sql in texts)


_RETITLE = (
    update(BlogPost)
    .where(BlogPost.author_id == bindparam("author_id"))
    .values(title=bindparam("title"), version=BlogPost.version + 1)
    .returning(BlogPost.id, BlogPost.title, BlogPost.updated_at)
)
_TAG = insert(BlogPostTag).values(post_id=bindparam("post_id"), tag=bindparam("tag"))


def test_a_write_returns_what_session_execute_returns_and_many_run_in_order(user):
    post = make_post(user, title="Before", tags=[])
    now = utcnow()
    with transaction(write=True) as session:
        (row,) = CompiledWrite(_RETITLE).run(
            session, {"author_id": user.id, "title": "After", "updated_at": now}
        )
        assert row == (post.id, "After", now)  # UUID and UTC datetime processed on both engines
        assert (
            CompiledWrite(_RETITLE).run(
                session, {"author_id": uuid.uuid4(), "title": "x", "updated_at": now}
            )
            == []
        )
        CompiledWrite(_TAG).run_many(session, [{"post_id": post.id, "tag": t} for t in ("b", "a")])
        CompiledWrite(_TAG).run_many(session, [])  # nothing to write: nothing sent
    with transaction(write=False) as session:
        stored = session.execute(select(BlogPost.title, BlogPost.version, BlogPost.updated_at))
        assert stored.one() == ("After", 2, now)
        assert set(session.scalars(select(BlogPostTag.tag))) == {"a", "b"}


def test_binds_send_the_callers_values_or_their_own_as_session_execute_does(user):
    """The values sent are filled in by the statement's own plan where the driver takes named
    parameters (PostgreSQL), by SQLAlchemy's `construct_params` elsewhere: both give a bind's
    literal or computed value when the caller gives none, the caller's over it, and one value
    for a name bound twice."""
    post = make_post(user, title="Before", tags=[])
    calls = []

    def suffix() -> str:
        calls.append(1)
        return "!"

    statement = (
        select(
            bindparam("prefix", "Title: ") + BlogPost.title + bindparam("suffix", callable_=suffix),
            BlogPost.created_at,
        )
        .where(BlogPost.author_id == bindparam("author_id"))
        .where(BlogPost.slug.in_([bindparam("slug"), bindparam("slug")]))
    )
    compiled = CompiledSelect(statement)
    with transaction(write=False) as session:
        for params in (
            {"author_id": user.id, "slug": post.slug},
            {"author_id": user.id, "slug": post.slug, "prefix": "Mine: "},
            {"author_id": user.id, "slug": "no-such-post"},
        ):
            expected = [tuple(row) for row in session.execute(statement, params)]
            assert compiled.rows(session, params) == expected
    assert [title for title, _ in expected] == []
    with transaction(write=False) as session:
        ((title, created_at),) = compiled.rows(session, {"author_id": user.id, "slug": post.slug})
    assert (title, created_at) == ("Title: Before!", post.created_at)
    assert len(calls) == 7  # once per statement run: 3 by session.execute, 4 compiled
    with transaction(write=False) as session:
        for run in (
            lambda: session.execute(statement, {"author_id": user.id}),
            lambda: compiled.rows(session, {"author_id": user.id}),
        ):
            with pytest.raises(
                StatementError, match="A value is required for bind parameter 'slug'"
            ):
                run()


def test_a_write_must_bind_every_value_it_writes(user, statement_counter):
    # updated_at: an onupdate default only SQLAlchemy's execution context computes.
    make_post(user)
    with statement_counter() as counted, transaction(write=True) as session:
        with pytest.raises(TypeError, match="updated_at"):
            CompiledWrite(_RETITLE).run(session, {"author_id": user.id, "title": "x"})
        with pytest.raises(TypeError, match="tag"):
            CompiledWrite(_TAG).run_many(session, [{"post_id": uuid.uuid4()}])
    assert not any("blog_post" in sql for sql in counted.statements)
    with pytest.raises(TypeError):
        CompiledWrite(select(BlogPost.id))  # type: ignore[arg-type]


def test_a_write_is_seen_by_the_listeners_and_refused_in_a_read(user):
    make_post(user)
    values = {"author_id": user.id, "title": "x", "updated_at": utcnow()}
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        CompiledWrite(_RETITLE).run(session, values)
    with pytest.raises(IntegrityError), transaction(write=True) as session:
        CompiledWrite(_TAG).run_many(session, [{"post_id": uuid.uuid4(), "tag": "a"}])


@pytest.mark.skipif(
    not get_settings().database_url.startswith("postgresql"), reason="PostgreSQL's array type"
)
def test_a_uuid_array_reaches_postgresql_typed_and_whole():
    # Typed by the driver, not cast in the SQL: a cast of the parameter in a generic plan's
    # sequential scan parsed the whole array once per row (10x the database CPU of a list).
    ids = [uuid.uuid4() for _ in range(3)]
    with transaction(write=False) as session:
        dialect = session.get_bind().dialect
        bound = UUIDArray().bind_processor(dialect)(ids)
        cursor = session.connection().connection.cursor()
        cursor.execute("SELECT pg_typeof(%s)::text, %s", (bound, bound))
        assert cursor.fetchone() == ("uuid[]", ids)
        matching = BlogPost.id == any_(bindparam("ids", type_=UUIDArray()))
        sql = str(select(BlogPost.id).where(matching).compile(dialect=dialect))
        assert "CAST" not in sql and "VARCHAR" not in sql


# ---- a unit of work of one statement ----------------------------------------------------------

ON_POSTGRESQL = get_settings().database_url.startswith("postgresql")


def _title_seen_elsewhere(post_id: uuid.UUID) -> str:
    """The post's title as another connection reads it now (what is committed)."""
    # A deferred transaction on SQLite: the unit of work under test may hold the write lock.
    with get_engine().execution_options(sqlite_begin="DEFERRED").connect() as connection:
        title = connection.execute(select(BlogPost.title).where(BlogPost.id == post_id)).scalar()
    return str(title)


class _Stop(Exception):
    pass


def test_one_statement_commits_as_it_runs_on_postgresql_and_ends_the_unit_of_work(user):
    post = make_post(user, title="Before", tags=[])
    commits: list[Session] = []
    committed = commits.append  # one bound method, the same object to remove
    event.listen(Session, "after_commit", committed)

    def fails_after_it() -> None:
        with transaction(write=True) as session:
            values = {"author_id": user.id, "title": "After", "updated_at": utcnow()}
            (row,) = CompiledWrite(_RETITLE).run_alone(session, values)
            assert row[:2] == (post.id, "After")
            # PostgreSQL: committed as it ran, the session's after-commit listeners with it;
            # elsewhere: in the session's transaction, like `run`.
            assert _title_seen_elsewhere(post.id) == ("After" if ON_POSTGRESQL else "Before")
            assert (session in commits) is ON_POSTGRESQL
            if ON_POSTGRESQL:
                with pytest.raises(UnitOfWorkEnded):
                    CompiledWrite(_TAG).run_many(session, [{"post_id": post.id, "tag": "a"}])
                assert session.scalar(select(BlogPost.title)) == "After"  # reads go on
            raise _Stop  # a failure after it: undoes it only where it was in the transaction

    try:
        with pytest.raises(_Stop):
            fails_after_it()
    finally:
        event.remove(Session, "after_commit", committed)
    assert _title_seen_elsewhere(post.id) == ("After" if ON_POSTGRESQL else "Before")
    with transaction(write=True) as session:  # the next unit of work writes as usual
        CompiledWrite(_TAG).run_many(session, [{"post_id": post.id, "tag": "a"}])


def test_one_statement_ends_its_unit_of_work_with_one_commit_and_no_other_transaction(user):
    make_post(user, title="Before", tags=[])
    commits: list[Session] = []
    committed = commits.append  # the same object to remove
    event.listen(Session, "after_commit", committed)
    try:
        with sessions_begun() as begun, transaction(write=True) as session:
            values = {"author_id": user.id, "title": "After", "updated_at": utcnow()}
            CompiledWrite(_RETITLE).run_alone(session, values)
    finally:
        event.remove(Session, "after_commit", committed)
    # PostgreSQL: the statement committed on its own connection; the unit of work's listeners
    # ran once and it began no transaction of its own (no empty one at its end).
    assert commits == [session]
    assert begun == ([] if ON_POSTGRESQL else [session])


def test_one_statement_joins_the_changes_a_session_holds_and_refuses_later_ones(user):
    post = make_post(user, title="Before", tags=[])
    values = {"author_id": user.id, "title": "After", "updated_at": utcnow()}

    def fails_after_it() -> None:
        with transaction(write=True) as session:
            session.add(BlogPostTag(post_id=post.id, tag="pending"))  # not flushed yet
            CompiledWrite(_RETITLE).run_alone(session, values)
            raise _Stop  # so both are undone: they were one transaction

    with pytest.raises(_Stop):
        fails_after_it()
    assert _title_seen_elsewhere(post.id) == "Before"
    # An object added after the statement committed alone is refused, never silently dropped.
    expected = pytest.raises(UnitOfWorkEnded) if ON_POSTGRESQL else contextlib.nullcontext()
    with expected, transaction(write=True) as session:
        CompiledWrite(_RETITLE).run_alone(session, values)
        session.add(BlogPostTag(post_id=post.id, tag="late"))
    with transaction(write=False) as session:
        tags = session.scalars(select(BlogPostTag.tag).where(BlogPostTag.post_id == post.id))
        assert list(tags) == ([] if ON_POSTGRESQL else ["late"])
    assert _title_seen_elsewhere(post.id) == "After"


def test_one_statement_that_changes_nothing_leaves_the_unit_of_work_open(user):
    post = make_post(user, title="Before", tags=[])
    with transaction(write=True) as session:
        values = {"author_id": uuid.uuid4(), "title": "Nobody's", "updated_at": utcnow()}
        assert CompiledWrite(_RETITLE).run_alone(session, values) == []
        values = {"author_id": user.id, "title": "After", "updated_at": utcnow()}
        CompiledWrite(_RETITLE).run(session, values)
        CompiledWrite(_TAG).run_many(session, [{"post_id": post.id, "tag": "a"}])
    assert _title_seen_elsewhere(post.id) == "After"


def test_one_statement_in_a_begun_unit_of_work_is_part_of_it_and_refused_in_a_read(user):
    post = make_post(user, title="Before", tags=[])
    values = {"author_id": user.id, "title": "After", "updated_at": utcnow()}

    def fails_after_it() -> None:
        with transaction(write=True) as session:
            session.scalar(select(BlogPost.title))  # begun
            CompiledWrite(_RETITLE).run_alone(session, values)
            raise _Stop

    with pytest.raises(_Stop):
        fails_after_it()
    assert _title_seen_elsewhere(post.id) == "Before"
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        CompiledWrite(_RETITLE).run_alone(session, values)
    assert _title_seen_elsewhere(post.id) == "Before"


def test_a_read_unit_refuses_a_statement_whose_with_clause_writes(user):
    post = make_post(user, title="Before", tags=[])
    written = (
        "WITH moved AS (UPDATE blog_posts SET title = 'x' RETURNING id) SELECT count(*) FROM moved"
    )
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.execute(text(written))
    with transaction(write=False) as session:  # a WITH clause that only reads is a read
        assert session.scalar(text("WITH p AS (SELECT id FROM blog_posts) SELECT count(*) FROM p"))
    assert _title_seen_elsewhere(post.id) == "Before"
