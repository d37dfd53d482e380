from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from core.db import transaction
from core.errors import PreconditionFailed
from db.models.blog import BlogComment, BlogFavorite, BlogPost
from services import blog
from services.markdown import render
from tests.factories.blog import favorite, follow, make_comment, make_post, username_of
from tests.factories.identity import actor_of, make_user
from tests.support.pages import every_item

# ---- slugs and usernames ----------------------------------------------------------------------


def test_slug_comes_from_the_title_and_is_post_when_nothing_is_left(user):
    assert make_post(user, title="Café — Dragons!").slug == "cafe-dragons"
    assert make_post(user, title="!!!").slug == "post"
    assert make_post(user, title="x" * 150).slug == "x" * 80


def test_slug_collisions_are_resolved_with_a_random_suffix(user):
    slugs = [make_post(user, title="Dragons").slug for _ in range(3)]
    slugs.append(make_post(make_user(), title="dragons!").slug)
    assert slugs[0] == "dragons"
    assert all(re.fullmatch(r"dragons-[a-z0-9]{6}", slug) for slug in slugs[1:])
    assert len(set(slugs)) == 4


def test_slug_is_stable_when_the_title_changes(user):
    post = make_post(user, title="Dragons")
    with transaction(write=True) as session:
        view = blog.update_post(
            session, actor_of(user), slug=post.slug, changes={"title": "Wyverns"}
        )
    assert (view.post.slug, view.post.title) == ("dragons", "Wyverns")


def test_username_derived_from_display_name_made_unique():
    first, second = make_user(), make_user()
    assert (username_of(first), username_of(second)) == ("test-user", "test-user-2")
    assert username_of(first) == "test-user"  # created once, then reused


@pytest.mark.parametrize(
    ("display_name", "base"),
    [("Ada Lovelace", "ada-lovelace"), ("Zoë", "zoe"), ("  ***  ", "user"), ("a.b_c", "a.b_c")],
)
def test_username_base(display_name, base):
    assert blog.username_base(display_name) == base


def test_reserved_username_is_never_derived(user):
    with transaction(write=True) as session:
        session.get(type(user), user.id).display_name = "Me"
    assert username_of(user) == "me-2"


def test_update_my_profile_refuses_taken_usernames_in_any_case(user):
    taken = username_of(make_user())
    with pytest.raises(blog.UsernameTaken), transaction(write=True) as session:
        blog.update_my_profile(session, actor_of(user), changes={"username": taken.upper()})
    with pytest.raises(blog.UsernameTaken), transaction(write=True) as session:
        blog.update_my_profile(session, actor_of(user), changes={"username": "ME"})


def test_update_my_profile_sets_fields_and_keeps_own_name_in_another_case(user):
    username_of(user)
    with transaction(write=True) as session:
        view = blog.update_my_profile(
            session,
            actor_of(user),
            changes={"username": "Test-User", "bio": "Hi", "image": "https://example.com/a.png"},
        )
    assert (view.profile.username, view.profile.bio) == ("Test-User", "Hi")
    with transaction(write=True) as session:
        assert blog.get_profile(session, None, username="TEST-user").profile.bio == "Hi"


# ---- markdown ---------------------------------------------------------------------------------


def test_post_html_is_the_sanitised_rendering_of_its_body(user):
    post = make_post(user, body="*a* <script>alert(1)</script>")
    assert post.html == render(post.body)
    assert "<em>a</em>" in post.html


def test_body_is_rendered_again_when_edited(user):
    post = make_post(user, body="*a*")
    with transaction(write=True) as session:
        view = blog.update_post(session, actor_of(user), slug=post.slug, changes={"body": "**b**"})
    assert "<strong>b</strong>" in view.post.html


# ---- visibility and ownership -----------------------------------------------------------------


def test_drafts_are_seen_by_their_author_and_admins_only(user, admin):
    draft = make_post(user, status="DRAFT")
    with transaction(write=True) as session:
        assert blog.get_post(session, actor_of(user), slug=draft.slug).post.id == draft.id
        assert blog.get_post(session, actor_of(admin), slug=draft.slug).post.id == draft.id
    for viewer in (None, actor_of(make_user())):
        with pytest.raises(blog.PostNotFound), transaction(write=True) as session:
            blog.get_post(session, viewer, slug=draft.slug)


def test_others_get_403_on_published_and_404_on_drafts(user):
    published, draft = make_post(user), make_post(user, title="Draft", status="DRAFT")
    other = actor_of(make_user())
    with pytest.raises(blog.BlogForbidden), transaction(write=True) as session:
        blog.update_post(session, other, slug=published.slug, changes={"title": "x"})
    with pytest.raises(blog.BlogForbidden), transaction(write=True) as session:
        blog.delete_post(session, other, slug=published.slug)
    with pytest.raises(blog.PostNotFound), transaction(write=True) as session:
        blog.update_post(session, other, slug=draft.slug, changes={"title": "x"})
    with pytest.raises(blog.PostNotFound), transaction(write=True) as session:
        blog.delete_post(session, other, slug=draft.slug)


def test_admins_moderate_any_post(user, admin):
    post = make_post(user, status="DRAFT")
    with transaction(write=True) as session:
        blog.update_post(session, actor_of(admin), slug=post.slug, changes={"title": "Moderated"})
    with transaction(write=True) as session:
        blog.delete_post(session, actor_of(admin), slug=post.slug)
    with pytest.raises(blog.PostNotFound), transaction(write=True) as session:
        blog.get_post(session, actor_of(user), slug=post.slug)


def test_publishing_stamps_published_at_once(user):
    post = make_post(user, status="DRAFT")
    assert post.published_at is None
    actor = actor_of(user)
    with transaction(write=True) as session:
        first = blog.update_post(session, actor, slug=post.slug, changes={"status": "PUBLISHED"})
        stamped = first.post.published_at
    assert stamped is not None
    for status in ("DRAFT", "PUBLISHED"):
        with transaction(write=True) as session:
            view = blog.update_post(session, actor, slug=post.slug, changes={"status": status})
        assert view.post.published_at == stamped


def test_update_with_a_stale_etag_changes_nothing(user):
    post = make_post(user)
    with pytest.raises(PreconditionFailed), transaction(write=True) as session:
        blog.update_post(
            session, actor_of(user), slug=post.slug, changes={"title": "x"}, if_match='"7"'
        )
    with transaction(write=True) as session:
        assert blog.get_post(session, None, slug=post.slug).post.title == post.title


def test_tags_are_lower_cased_deduplicated_and_replaced(user):
    with transaction(write=True) as session:
        created = blog.create_post(
            session, actor_of(user), title="T", tags=["Training", "Dragons", "dragons"]
        )
    assert created.tags == ["dragons", "training"]
    post = created.post
    with transaction(write=True) as session:
        assert blog.get_post(session, actor_of(user), slug=post.slug).tags == created.tags
    with transaction(write=True) as session:
        view = blog.update_post(session, actor_of(user), slug=post.slug, changes={"tags": ["X"]})
    assert view.tags == ["x"]


def test_deleting_a_post_removes_its_comments_and_favorites(user):
    post = make_post(user)
    make_comment(user, post)
    favorite(make_user(), post)
    with transaction(write=True) as session:
        blog.delete_post(session, actor_of(user), slug=post.slug)
    with transaction(write=True) as session:
        assert session.scalars(select(BlogComment)).all() == []
        assert session.scalars(select(BlogFavorite)).all() == []


# ---- favorites --------------------------------------------------------------------------------


def test_favorite_is_idempotent_and_counted_once(user):
    post = make_post(user)
    fan = make_user()
    favorite(fan, post)
    favorite(fan, post)
    with transaction(write=True) as session:
        view = blog.get_post(session, actor_of(fan), slug=post.slug)
        assert (view.favorited, view.post.favorites_count) == (True, 1)
    for _ in range(2):
        with transaction(write=True) as session:
            view = blog.unfavorite_post(session, actor_of(fan), slug=post.slug)
        assert (view.favorited, view.post.favorites_count) == (False, 0)


def test_drafts_take_no_favorites_or_comments(user):
    draft = make_post(user, status="DRAFT")
    with pytest.raises(blog.PostNotPublished), transaction(write=True) as session:
        blog.favorite_post(session, actor_of(user), slug=draft.slug)
    with pytest.raises(blog.PostNotPublished), transaction(write=True) as session:
        blog.add_comment(session, actor_of(user), slug=draft.slug, body="x")


# ---- comments ---------------------------------------------------------------------------------


def test_comment_deleted_by_its_author_the_post_author_or_an_admin(user, admin):
    post = make_post(user)
    commenter = make_user()
    for remover in (commenter, user, admin):
        comment = make_comment(commenter, post)
        with transaction(write=True) as session:
            blog.delete_comment(session, actor_of(remover), slug=post.slug, comment_id=comment.id)
    comment = make_comment(commenter, post)
    with pytest.raises(blog.BlogForbidden), transaction(write=True) as session:
        blog.delete_comment(session, actor_of(make_user()), slug=post.slug, comment_id=comment.id)


def test_a_deleted_comments_id_is_never_handed_out_again(user):
    post = make_post(user)
    first = make_comment(user, post)
    with transaction(write=True) as session:
        blog.delete_comment(session, actor_of(user), slug=post.slug, comment_id=first.id)
    assert make_comment(user, post).id > first.id  # a client may still hold the old id


def test_comment_of_another_post_is_not_found(user):
    post, other = make_post(user), make_post(user, title="Other")
    comment = make_comment(user, other)
    with pytest.raises(blog.CommentNotFound), transaction(write=True) as session:
        blog.delete_comment(session, actor_of(user), slug=post.slug, comment_id=comment.id)


def test_comments_are_listed_oldest_first_with_pages(user):
    post = make_post(user)
    bodies = [make_comment(user, post, body=f"c{n}").body for n in range(5)]

    def read_page(cursor):  # type: ignore[no-untyped-def]
        with transaction(write=False) as session:
            return blog.list_comments(session, None, slug=post.slug, limit=2, cursor=cursor)

    assert [view.comment.body for view in every_item(read_page)] == bodies


# ---- follows and feed -------------------------------------------------------------------------


def test_following_oneself_is_refused(user):
    with pytest.raises(blog.SelfFollow), transaction(write=True) as session:
        blog.follow_profile(session, actor_of(user), username=username_of(user))


def test_unknown_profile_is_not_found(user):
    with pytest.raises(blog.ProfileNotFound), transaction(write=True) as session:
        blog.follow_profile(session, actor_of(user), username="nobody")


def test_feed_holds_published_posts_of_followed_authors(user):
    followed, stranger = make_user(), make_user()
    mine = make_post(followed, title="Followed")
    make_post(followed, title="Followed draft", status="DRAFT")
    make_post(stranger, title="Stranger")
    follow(user, followed)
    follow(user, followed)  # idempotent
    with transaction(write=True) as session:
        page = blog.list_feed(session, actor_of(user))
        assert [view.post.id for view in page.items] == [mine.id]
        assert page.items[0].following is True
        assert blog.get_profile(session, actor_of(user), username=username_of(followed)).following
    with transaction(write=True) as session:
        blog.unfollow_profile(session, actor_of(user), username=username_of(followed))
        blog.unfollow_profile(session, actor_of(user), username=username_of(followed))
    with transaction(write=True) as session:
        assert blog.list_feed(session, actor_of(user)).items == []


# ---- lists ------------------------------------------------------------------------------------


def _slugs(viewer=None, **filters):  # type: ignore[no-untyped-def]
    with transaction(write=True) as session:
        return [view.post.slug for view in blog.list_posts(session, viewer, **filters).items]


def test_list_filters(user):
    other = make_user()
    a = make_post(user, title="A", tags=["dragons"])
    b = make_post(other, title="B", tags=["dragons", "cats"])
    d = make_post(user, title="D", status="DRAFT", tags=["dragons"])
    favorite(other, a)
    me = actor_of(user)
    assert _slugs() == [b.slug, a.slug]
    assert _slugs(me) == [d.slug, b.slug, a.slug]
    assert _slugs(actor_of(other)) == [b.slug, a.slug]
    assert _slugs(me, tag="DRAGONS") == [d.slug, b.slug, a.slug]
    assert _slugs(tag="cats") == [b.slug]
    assert _slugs(me, author=username_of(user).upper()) == [d.slug, a.slug]
    assert _slugs(favorited_by=username_of(other)) == [a.slug]
    assert _slugs(me, status="DRAFT") == [d.slug]
    assert _slugs(status="DRAFT") == []
    assert _slugs(author="nobody") == []
    assert _slugs(favorited_by="nobody") == []


def test_newest_first_with_a_stable_tie_break_across_pages(user):
    posts = [make_post(user, title=f"Post {n}") for n in range(7)]
    same = datetime(2026, 1, 1, tzinfo=UTC)
    with transaction(write=True) as session:
        session.execute(update(BlogPost).values(created_at=same))
    expected = [post.slug for post in sorted(posts, key=lambda post: post.id, reverse=True)]

    def read_page(cursor):  # type: ignore[no-untyped-def]
        with transaction(write=False) as session:
            return blog.list_posts(session, None, limit=3, cursor=cursor)

    assert [view.post.slug for view in every_item(read_page)] == expected


def test_offset_listing_gives_the_same_order_and_a_total(user):
    for n in range(5):
        make_post(user, title=f"Post {n}", tags=["t"] if n % 2 else [])
    with transaction(write=True) as session:
        keyset = [view.post.slug for view in blog.list_posts(session, None).items]
        items, total = blog.list_posts_offset(session, None, limit=2, offset=1)
        assert total == 5
        assert [view.post.slug for view in items] == keyset[1:3]
        tagged, tagged_total = blog.list_posts_offset(session, None, tag="t")
        assert tagged_total == len(tagged) == 2


def test_offset_feed(user):
    author = make_user()
    make_post(author)
    follow(user, author)
    with transaction(write=True) as session:
        items, total = blog.list_posts_offset(session, actor_of(user), feed=True)
        assert (len(items), total) == (1, 1)


def _keyset_page(session, viewer):  # type: ignore[no-untyped-def]
    return blog.list_posts(session, actor_of(viewer), limit=50).items


def _offset_page(session, viewer):  # type: ignore[no-untyped-def]
    return blog.list_posts_offset(session, actor_of(viewer), limit=50)[0]  # the Conduit facade's


@pytest.mark.parametrize(
    ("lister", "expected"),
    [
        (_keyset_page, 2),
        (_offset_page, 3),
    ],  # posts with authors and the viewer's flags, tags (+ total)
)
@pytest.mark.parametrize("count", [2, 20])
def test_a_page_costs_the_same_statements_whatever_its_size(
    user, count, lister, expected, statement_counter
):
    viewer = make_user()
    for number in range(count):
        author = make_user()
        post = make_post(author, title=f"Post {number}", tags=["a", "b"])
        favorite(viewer, post)
        follow(viewer, author)
    with statement_counter() as counted, transaction(write=True) as session:
        items = lister(session, viewer)
        flags = [(view.favorited, view.following) for view in items]
        tags = [view.tags for view in items]
        authors = [view.post.author.username for view in items]
    assert flags == [(True, True)] * count
    assert tags == [["a", "b"]] * count
    assert len(set(authors)) == count
    assert len(counted.selects) == expected


# ---- tags -------------------------------------------------------------------------------------


def test_tags_count_published_posts_most_used_first(user):
    make_post(user, title="1", tags=["b", "a"])
    make_post(user, title="2", tags=["b", "c"])
    make_post(user, title="3", tags=["b", "a"])
    make_post(user, title="4", tags=["draft-only", "b"], status="DRAFT")

    def read_page(cursor):  # type: ignore[no-untyped-def]
        with transaction(write=False) as session:
            return blog.list_tags(session, limit=2, cursor=cursor)

    tags = [(item.tag, item.count) for item in every_item(read_page)]
    assert tags == [("b", 3), ("a", 2), ("c", 1)]
