"""Blog over HTTP: each operation's happy path and every documented error."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.factories.blog import favorite, follow, make_comment, make_post, username_of
from tests.factories.identity import auth_headers, make_user
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/blog"


# ---- listPosts --------------------------------------------------------------------------------


def test_list_posts_is_public_and_pages(client, user):
    for number in range(3):
        make_post(user, title=f"Post {number}")
    make_post(user, title="Draft", status="DRAFT")
    first = client.get(f"{URL}/posts", params={"limit": 2})
    assert first.status_code == 200
    body = first.json()
    assert [item["slug"] for item in body["items"]] == ["post-2", "post-1"]
    assert body["items"][0]["favorited"] is False
    rest = client.get(f"{URL}/posts", params={"limit": 2, "cursor": body["next"]}).json()
    assert [item["slug"] for item in rest["items"]] == ["post-0"]
    assert rest["next"] is None


def test_list_posts_shows_flags_and_own_drafts_to_the_caller(client, user):
    author = make_user()
    post = make_post(author)
    draft = make_post(user, title="Mine", status="DRAFT")
    favorite(user, post)
    follow(user, author)
    items = client.get(f"{URL}/posts", headers=auth_headers(user)).json()["items"]
    assert [item["slug"] for item in items] == [draft.slug, post.slug]
    assert (items[1]["favorited"], items[1]["author"]["following"]) == (True, True)
    assert items[1]["favorites_count"] == 1


def test_list_posts_filters(client, user):
    make_post(user, title="Tagged", tags=["dragons"])
    make_post(make_user(), title="Other")
    params = {"tag": "dragons", "author": username_of(user), "status": "PUBLISHED"}
    items = client.get(f"{URL}/posts", params=params).json()["items"]
    assert [item["slug"] for item in items] == ["tagged"]


# ---- createPost -------------------------------------------------------------------------------


DRAGON = {
    "title": "How to train your dragon",
    "description": "Ever wonder how?",
    "body": "It takes a **Jacobian**. <script>alert(1)</script>",
    "tags": ["Dragons", "training"],
    "status": "PUBLISHED",
}


def test_create_post(client, user):
    response = client.post(f"{URL}/posts", json=DRAGON, headers=auth_headers(user))
    body = assert_created(response, f"{URL}/posts", key="slug")
    assert body["slug"] == "how-to-train-your-dragon"
    assert "<strong>Jacobian</strong>" in body["html"]
    assert "<script>" not in body["html"]
    assert body["tags"] == ["dragons", "training"]
    assert body["status"] == "PUBLISHED"
    assert body["published_at"] is not None
    assert body["author"] == {
        "username": "test-user",
        "bio": None,
        "image": None,
        "following": False,
    }
    assert (body["favorited"], body["favorites_count"]) == (False, 0)


def test_create_post_defaults_to_a_draft_and_resolves_slug_collisions(client, user):
    headers = auth_headers(user)
    first = client.post(f"{URL}/posts", json={"title": "Same"}, headers=headers).json()
    second = client.post(f"{URL}/posts", json={"title": "Same"}, headers=headers).json()
    assert first["slug"] == "same"
    assert re.fullmatch(r"same-[a-z0-9]{6}", second["slug"])
    assert (first["status"], first["published_at"]) == ("DRAFT", None)


def test_create_post_replays_an_idempotency_key(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "post-1"}
    first = client.post(f"{URL}/posts", json={"title": "Once"}, headers=headers)
    second = client.post(f"{URL}/posts", json={"title": "Once"}, headers=headers)
    assert second.json()["slug"] == first.json()["slug"] == "once"
    other = client.post(f"{URL}/posts", json={"title": "Other"}, headers=headers)
    assert_problem(other, 422, "/problems/idempotency-key-reused")


# ---- getPost ----------------------------------------------------------------------------------


def test_get_post_is_public(client, user):
    post = make_post(user)
    response = client.get(f"{URL}/posts/{post.slug}")
    assert response.status_code == 200
    assert response.json()["title"] == post.title
    assert response.headers["etag"] == '"1"'


def test_get_draft_of_someone_else_is_404(client, user, admin):
    draft = make_post(user, status="DRAFT")
    path = f"{URL}/posts/{draft.slug}"
    assert_problem(client.get(path), 404, "/problems/blog/post-not-found")
    other = auth_headers(make_user())
    assert_problem(client.get(path, headers=other), 404, "/problems/blog/post-not-found")
    assert client.get(path, headers=auth_headers(user)).status_code == 200
    assert client.get(path, headers=auth_headers(admin)).status_code == 200


# ---- updatePost -------------------------------------------------------------------------------


def test_update_post(client, user):
    post = make_post(user, status="DRAFT")
    response = client.patch(
        f"{URL}/posts/{post.slug}",
        json={"title": "New title", "body": "*new*", "status": "PUBLISHED"},
        headers={**auth_headers(user), "If-Match": '"1"'},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["slug"], body["title"], body["status"]) == (post.slug, "New title", "PUBLISHED")
    assert body["html"] == "<p><em>new</em></p>\n"
    assert body["published_at"] is not None
    assert response.headers["etag"] == '"2"'


def test_update_post_by_another_user(client, user):
    published, draft = make_post(user), make_post(user, title="Draft", status="DRAFT")
    other = auth_headers(make_user())
    assert_problem(
        client.patch(f"{URL}/posts/{published.slug}", json={"title": "x"}, headers=other),
        403,
        "/problems/blog/forbidden",
    )
    assert_problem(
        client.patch(f"{URL}/posts/{draft.slug}", json={"title": "x"}, headers=other),
        404,
        "/problems/blog/post-not-found",
    )


def test_admin_moderates_a_post(client, user, admin):
    post = make_post(user)
    response = client.patch(
        f"{URL}/posts/{post.slug}", json={"body": "[removed]"}, headers=auth_headers(admin)
    )
    assert response.status_code == 200
    assert response.json()["author"]["username"] == username_of(user)


# ---- deletePost -------------------------------------------------------------------------------


def test_delete_post(client, user):
    post = make_post(user)
    response = client.delete(f"{URL}/posts/{post.slug}", headers=auth_headers(user))
    assert response.status_code == 204
    assert_problem(client.get(f"{URL}/posts/{post.slug}"), 404, "/problems/blog/post-not-found")


def test_delete_post_errors(client, user):
    published, draft = make_post(user), make_post(user, title="Draft", status="DRAFT")
    other = auth_headers(make_user())
    assert_problem(
        client.delete(f"{URL}/posts/{published.slug}", headers=other),
        403,
        "/problems/blog/forbidden",
    )
    assert_problem(
        client.delete(f"{URL}/posts/{draft.slug}", headers=other),
        404,
        "/problems/blog/post-not-found",
    )


# ---- favoritePost / unfavoritePost ------------------------------------------------------------


def test_favorite_and_unfavorite(client, user):
    post = make_post(make_user())
    headers = auth_headers(user)
    path = f"{URL}/posts/{post.slug}/favorite"
    for _ in range(2):
        body = client.put(path, headers=headers).json()
        assert (body["favorited"], body["favorites_count"]) == (True, 1)
    listed = client.get(f"{URL}/posts", params={"favorited_by": username_of(user)}).json()
    assert [item["slug"] for item in listed["items"]] == [post.slug]
    for _ in range(2):
        response = client.delete(path, headers=headers)
        assert response.status_code == 200
        assert (response.json()["favorited"], response.json()["favorites_count"]) == (False, 0)


def test_a_draft_takes_no_favorite(client, user):
    draft = make_post(user, status="DRAFT")
    response = client.put(f"{URL}/posts/{draft.slug}/favorite", headers=auth_headers(user))
    assert_problem(response, 422, "/problems/blog/post-not-published")


def test_concurrent_favorites_by_different_users_are_all_counted(live_server, user):
    post = make_post(user)
    fans = [auth_headers(make_user()) for _ in range(20)]
    barrier = threading.Barrier(len(fans))

    def favorite_once(headers: dict[str, str]) -> int:
        with httpx.Client(base_url=live_server, timeout=60) as http:
            barrier.wait(timeout=60)
            return http.put(f"{URL}/posts/{post.slug}/favorite", headers=headers).status_code

    with ThreadPoolExecutor(max_workers=len(fans)) as pool:
        statuses = list(pool.map(favorite_once, fans))
    assert statuses == [200] * len(fans)
    with httpx.Client(base_url=live_server) as http:
        assert http.get(f"{URL}/posts/{post.slug}").json()["favorites_count"] == len(fans)
        names = {http.get(f"{URL}/profiles/me", headers=fan).json()["username"] for fan in fans}
    assert len(names) == len(fans)  # each fan got a profile with a name of its own


def test_concurrent_creates_of_one_title_all_get_distinct_slugs(live_server, user):
    writers = [auth_headers(make_user()) for _ in range(20)]
    barrier = threading.Barrier(len(writers))

    def create(headers: dict[str, str]) -> tuple[int, str]:
        with httpx.Client(base_url=live_server, timeout=60) as http:
            barrier.wait(timeout=60)
            answer = http.post(f"{URL}/posts", json={"title": "Same title"}, headers=headers)
            return answer.status_code, answer.json().get("slug", "")

    with ThreadPoolExecutor(max_workers=len(writers)) as pool:
        answers = list(pool.map(create, writers))
    assert [status for status, _ in answers] == [201] * len(writers)
    slugs = {slug for _, slug in answers}
    assert len(slugs) == len(writers)
    assert "same-title" in slugs
    assert all(re.fullmatch(r"same-title(-[a-z0-9]{6})?", slug) for slug in slugs)


# ---- listComments / createComment / deleteComment ---------------------------------------------


def test_comments_round_trip(client, user):
    post = make_post(make_user())
    headers = auth_headers(user)
    created = client.post(
        f"{URL}/posts/{post.slug}/comments", json={"body": "First!"}, headers=headers
    )
    assert created.status_code == 201
    comment = created.json()
    assert (comment["post_slug"], comment["body"]) == (post.slug, "First!")
    assert comment["author"]["username"] == username_of(user)
    listed = client.get(f"{URL}/posts/{post.slug}/comments").json()
    assert [item["id"] for item in listed["items"]] == [comment["id"]]
    assert listed["next"] is None
    deleted = client.delete(f"{URL}/posts/{post.slug}/comments/{comment['id']}", headers=headers)
    assert deleted.status_code == 204
    assert client.get(f"{URL}/posts/{post.slug}/comments").json()["items"] == []


def test_list_comments_errors(client, user):
    draft = make_post(user, status="DRAFT")
    assert_problem(
        client.get(f"{URL}/posts/{draft.slug}/comments"), 404, "/problems/blog/post-not-found"
    )


def test_create_comment_errors(client, user):
    draft = make_post(user, status="DRAFT")
    headers = auth_headers(user)
    assert_problem(
        client.post(f"{URL}/posts/{draft.slug}/comments", json={"body": "x"}, headers=headers),
        422,
        "/problems/blog/post-not-published",
    )


def test_post_author_deletes_any_comment_others_cannot(client, user):
    post = make_post(user)
    comment = make_comment(make_user(), post)
    path = f"{URL}/posts/{post.slug}/comments/{comment.id}"
    assert_problem(
        client.delete(path, headers=auth_headers(make_user())), 403, "/problems/blog/forbidden"
    )
    assert client.delete(path, headers=auth_headers(user)).status_code == 204
    assert_problem(
        client.delete(path, headers=auth_headers(user)), 404, "/problems/blog/comment-not-found"
    )
    for bad_id in (0, 2**31, 2**63 + 192):
        assert_problem(
            client.delete(f"{URL}/posts/{post.slug}/comments/{bad_id}", headers=auth_headers(user)),
            400,
            "/problems/validation",
        )


# ---- listTags ---------------------------------------------------------------------------------


def test_list_tags(client, user):
    make_post(user, title="1", tags=["dragons", "training"])
    make_post(user, title="2", tags=["dragons"])
    response = client.get(f"{URL}/tags")
    assert response.status_code == 200
    assert response.json() == {
        "items": [{"tag": "dragons", "count": 2}, {"tag": "training", "count": 1}],
        "next": None,
    }
    first = client.get(f"{URL}/tags", params={"limit": 1}).json()
    second = client.get(f"{URL}/tags", params={"limit": 1, "cursor": first["next"]}).json()
    assert [item["tag"] for item in first["items"] + second["items"]] == ["dragons", "training"]


# ---- listFeed ---------------------------------------------------------------------------------


def test_feed(client, user):
    author = make_user()
    post = make_post(author)
    make_post(make_user(), title="Not followed")
    follow(user, author)
    body = client.get(f"{URL}/feed", headers=auth_headers(user)).json()
    assert [item["slug"] for item in body["items"]] == [post.slug]
    assert body["items"][0]["author"]["following"] is True


# ---- profiles ---------------------------------------------------------------------------------


def test_get_my_profile_creates_it_once(client, user):
    headers = auth_headers(user)
    first = client.get(f"{URL}/profiles/me", headers=headers)
    assert first.status_code == 200
    assert first.json() == {"username": "test-user", "bio": None, "image": None, "following": False}
    assert client.get(f"{URL}/profiles/me", headers=headers).json() == first.json()


def test_update_my_profile(client, user):
    jake = {
        "username": "Jake",
        "bio": "I work at State Farm.",
        "image": "https://example.com/j.jpg",
    }
    response = client.patch(f"{URL}/profiles/me", json=jake, headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["username"] == "Jake"
    assert client.get(f"{URL}/profiles/jake").json()["bio"] == "I work at State Farm."
    cleared = client.patch(f"{URL}/profiles/me", json={"bio": None}, headers=auth_headers(user))
    assert cleared.json()["bio"] is None


def test_update_my_profile_errors(client, user):
    taken = username_of(make_user())
    headers = auth_headers(user)
    for name in (taken.upper(), "me"):
        assert_problem(
            client.patch(f"{URL}/profiles/me", json={"username": name}, headers=headers),
            409,
            "/problems/blog/username-taken",
        )
    assert_problem(
        client.patch(f"{URL}/profiles/me", json={"image": "javascript:x"}, headers=headers),
        400,
        "/problems/validation",
    )


def test_get_profile(client, user):
    author = make_user()
    name = username_of(author)
    assert client.get(f"{URL}/profiles/{name.upper()}").json()["following"] is False
    follow(user, author)
    response = client.get(f"{URL}/profiles/{name}", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["following"] is True


def test_follow_and_unfollow(client, user):
    name = username_of(make_user())
    headers = auth_headers(user)
    for _ in range(2):
        followed = client.put(f"{URL}/profiles/{name}/follow", headers=headers)
        assert followed.status_code == 200
        assert followed.json()["following"] is True
    for _ in range(2):
        unfollowed = client.delete(f"{URL}/profiles/{name}/follow", headers=headers)
        assert unfollowed.status_code == 200
        assert unfollowed.json()["following"] is False


def test_following_oneself_is_refused(client, user):
    response = client.put(f"{URL}/profiles/{username_of(user)}/follow", headers=auth_headers(user))
    assert_problem(response, 422, "/problems/blog/self-follow")
