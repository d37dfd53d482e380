from __future__ import annotations

from tests.factories.blog import make_post, username_of
from tests.factories.identity import auth_headers, make_user
from tests.factories.notifications import make_notification
from tests.problems import assert_problem
from tests.support.pages import every_api_item

URL = "/api/v1/notifications/items"
KINDS = "/api/v1/notifications/subscriptions"
NOT_FOUND = "/problems/notifications/notification-not-found"
KIND_NOT_FOUND = "/problems/notifications/kind-not-found"


def test_list_shows_my_notifications_newest_first_a_page_at_a_time(client, user):
    ids = [make_notification(user, subject=f"n{n}").id for n in range(5)]
    make_notification(make_user())
    listed = every_api_item(client, URL, auth_headers(user), limit=2)
    assert [item["id"] for item in listed] == ids[::-1]
    assert listed[0]["kind"] == "blog.comment_on_my_post"
    assert listed[0]["read_at"] is None


def test_list_filters_by_unread_and_by_kind(client, user):
    read, unread = make_notification(user).id, make_notification(user).id
    mention = make_notification(user, kind="chat.mention").id
    headers = auth_headers(user)
    client.patch(f"{URL}/{read}", json={"read": True}, headers=headers)

    def ids(**params: object) -> list[int]:
        return [
            item["id"] for item in client.get(URL, params=params, headers=headers).json()["items"]
        ]

    assert ids(unread="true") == [mention, unread]
    assert ids(unread="false") == [read]
    assert ids(kind="chat.mention") == [mention]
    assert ids(kind="blog.comment_on_my_post", unread="true") == [unread]


def test_list_reads_the_same_statements_whatever_the_page_size(client, user, statement_counter):
    for _ in range(6):
        make_notification(user)
    headers = auth_headers(user)
    client.get(URL, headers=headers)  # warm the token cache

    def statements(limit: int) -> int:
        with statement_counter() as counted:
            assert len(client.get(URL, params={"limit": limit}, headers=headers).json()["items"])
        return len(counted.statements)

    assert statements(1) == statements(6)


def test_get_update_and_delete_are_mine_only(client, user):
    item = make_notification(user, subject="mine")
    other = auth_headers(make_user())
    url = f"{URL}/{item.id}"
    assert_problem(client.get(url, headers=other), 404, NOT_FOUND)
    assert_problem(client.patch(url, json={"read": True}, headers=other), 404, NOT_FOUND)
    assert_problem(client.delete(url, headers=other), 404, NOT_FOUND)
    answer = client.get(url, headers=auth_headers(user))
    assert answer.status_code == 200
    assert (answer.json()["subject"], answer.json()["read_at"]) == ("mine", None)


def test_marking_read_keeps_the_first_read_time_and_unread_clears_it(client, user):
    url, headers = f"{URL}/{make_notification(user).id}", auth_headers(user)
    first = client.patch(url, json={"read": True}, headers=headers)
    assert first.status_code == 200 and first.json()["read_at"]
    again = client.patch(url, json={"read": True}, headers=headers)
    assert again.json()["read_at"] == first.json()["read_at"]
    assert client.patch(url, json={"read": False}, headers=headers).json()["read_at"] is None


def test_delete_then_the_notification_is_gone(client, user):
    url, headers = f"{URL}/{make_notification(user).id}", auth_headers(user)
    assert client.delete(url, headers=headers).status_code == 204
    assert_problem(client.get(url, headers=headers), 404, NOT_FOUND)
    assert_problem(client.delete(url, headers=headers), 404, NOT_FOUND)


def test_a_missing_notification_is_404(client, user):
    assert_problem(client.get(f"{URL}/999999", headers=auth_headers(user)), 404, NOT_FOUND)


def test_read_marks_mark_up_to_the_id_and_the_unread_count_follows(client, user):
    ids = [make_notification(user).id for _ in range(3)]
    make_notification(make_user())
    headers = auth_headers(user)
    count = client.get("/api/v1/notifications/unread-count", headers=headers)
    assert count.json() == {"unread_count": 3, "last_id": ids[-1]}
    marks = "/api/v1/notifications/read-marks"
    answer = client.post(marks, json={"up_to_id": ids[1]}, headers=headers)
    assert answer.status_code == 200
    assert answer.json() == {"marked": 2, "unread_count": 1}
    assert client.post(marks, json={"up_to_id": ids[1]}, headers=headers).json()["marked"] == 0
    unread = client.get(URL, params={"unread": "true"}, headers=headers).json()["items"]
    assert [item["id"] for item in unread] == [ids[2]]


def test_unread_count_with_no_notifications(client, user):
    count = client.get("/api/v1/notifications/unread-count", headers=auth_headers(user))
    assert count.json() == {"unread_count": 0, "last_id": None}


def test_every_operation_refuses_anonymous_callers(client):
    for method, url in [
        ("GET", URL),
        ("GET", f"{URL}/1"),
        ("PATCH", f"{URL}/1"),
        ("DELETE", f"{URL}/1"),
        ("POST", "/api/v1/notifications/read-marks"),
        ("GET", "/api/v1/notifications/unread-count"),
        ("GET", KINDS),
        ("PUT", f"{KINDS}/chat.mention"),
        ("DELETE", f"{KINDS}/chat.mention"),
    ]:
        answer = client.request(method, url, json={"read": True})
        assert_problem(answer, 401, "/problems/unauthorized")


def test_kinds_are_on_by_default_and_a_choice_sticks_until_reset(client, user):
    headers = auth_headers(user)
    listed = client.get(KINDS, headers=headers).json()["items"]
    assert {k["kind"] for k in listed} >= {"blog.comment_on_my_post", "chat.mention"}
    assert all(k["enabled"] and not k["chosen"] for k in listed)
    put = client.put(f"{KINDS}/chat.mention", json={"enabled": False}, headers=headers)
    assert put.status_code == 200
    assert (put.json()["enabled"], put.json()["chosen"]) == (False, True)
    again = client.put(f"{KINDS}/chat.mention", json={"enabled": False}, headers=headers)
    assert again.json() == put.json()
    others = client.get(KINDS, headers=auth_headers(make_user())).json()["items"]
    assert all(k["enabled"] for k in others)
    assert client.delete(f"{KINDS}/chat.mention", headers=headers).status_code == 204
    mention = next(
        k for k in client.get(KINDS, headers=headers).json()["items"] if k["kind"] == "chat.mention"
    )
    assert (mention["enabled"], mention["chosen"]) == (True, False)


def test_an_unknown_kind_is_404(client, user):
    headers = auth_headers(user)
    url = f"{KINDS}/blog.nothing"
    assert_problem(client.put(url, json={"enabled": True}, headers=headers), 404, KIND_NOT_FOUND)
    assert_problem(client.delete(url, headers=headers), 404, KIND_NOT_FOUND)


def test_a_comment_on_my_post_notifies_me_but_not_my_own_comment(client, user):
    post = make_post(user, title="Spring planting")
    commenter = make_user()
    headers = auth_headers(user)
    comments = f"/api/v1/blog/posts/{post.slug}/comments"
    assert client.post(comments, json={"body": "Mine."}, headers=headers).status_code == 201
    theirs = client.post(comments, json={"body": "Lovely."}, headers=auth_headers(commenter))
    assert theirs.status_code == 201
    [item] = client.get(URL, headers=headers).json()["items"]
    name = username_of(commenter)
    assert item["kind"] == "blog.comment_on_my_post"
    assert item["subject"] == f'{name} commented on your post "Spring planting"'
    assert item["payload"] == {
        "post_slug": post.slug,
        "post_title": "Spring planting",
        "comment_id": theirs.json()["id"],
        "commenter": name,
    }
    assert client.get(URL, headers=auth_headers(commenter)).json()["items"] == []


def test_a_user_who_opted_out_gets_no_comment_notification(client, user):
    post = make_post(user)
    headers = auth_headers(user)
    client.put(f"{KINDS}/blog.comment_on_my_post", json={"enabled": False}, headers=headers)
    comments = f"/api/v1/blog/posts/{post.slug}/comments"
    assert (
        client.post(comments, json={"body": "Hi."}, headers=auth_headers(make_user())).status_code
        == 201
    )
    assert client.get(URL, headers=headers).json()["items"] == []
