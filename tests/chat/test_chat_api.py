from __future__ import annotations

import uuid

from tests.factories.chat import make_chat_room, post_chat_messages
from tests.factories.identity import auth_headers, make_user
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/chat/rooms"
ROOM_NOT_FOUND = "/problems/chat/room-not-found"


def test_create_room_with_members_and_read_it_back(client, user):
    member = make_user()
    response = client.post(
        URL,
        json={"name": "Release crew", "member_ids": [str(member.id)], "receipts": False},
        headers=auth_headers(user),
    )
    body = assert_created(response, URL)
    assert (body["kind"], body["receipts"], body["unread_count"]) == ("GROUP", False, 0)
    got = client.get(f"{URL}/{body['id']}", headers=auth_headers(member))
    assert got.status_code == 200 and got.json()["owner_id"] == str(user.id)
    members = client.get(f"{URL}/{body['id']}/members", headers=auth_headers(member)).json()
    assert [m["user_id"] for m in members["items"]] == [str(user.id), str(member.id)]
    assert members["items"][0] | {"user_id": None} == {
        "user_id": None,
        "display_name": "Test User",
        "online": False,
        "last_seen_at": None,
        "last_read_id": 0,
        "delivered_id": 0,
    }


def test_create_room_with_an_unknown_member_is_422_and_creates_nothing(client, user):
    headers = auth_headers(user)
    body = {"name": "x", "member_ids": [str(uuid.uuid4())]}
    assert_problem(client.post(URL, json=body, headers=headers), 422, "/problems/chat/unknown-user")
    assert client.get(URL, headers=headers).json()["items"] == []


def test_a_non_member_sees_404_everywhere_and_anonymous_401(client, user):
    room = make_chat_room(make_user())
    headers = auth_headers(user)
    for method, path, body in (
        ("GET", "", None),
        ("PATCH", "", {"name": "mine now"}),
        ("DELETE", "", None),
        ("GET", "/members", None),
        ("PUT", f"/members/{user.id}", None),
        ("DELETE", f"/members/{user.id}", None),
        ("GET", "/messages", None),
        ("POST", "/messages", {"body": "hi"}),
        ("PUT", "/read-mark", {"message_id": 0}),
    ):
        for room_id in (room.id, uuid.uuid4()):
            answer = client.request(method, f"{URL}/{room_id}{path}", json=body, headers=headers)
            assert_problem(answer, 404, ROOM_NOT_FOUND)
        anonymous = client.request(method, f"{URL}/{room.id}{path}", json=body)
        assert_problem(anonymous, 401, "/problems/unauthorized")


def test_rename_and_delete_are_the_owners_a_member_gets_403(client, user):
    member = make_user()
    room = make_chat_room(user, members=[member])
    url = f"{URL}/{room.id}"
    assert_problem(
        client.patch(url, json={"name": "x"}, headers=auth_headers(member)),
        403,
        "/problems/chat/not-owner",
    )
    assert_problem(
        client.delete(url, headers=auth_headers(member)), 403, "/problems/chat/not-owner"
    )
    renamed = client.patch(
        url, json={"name": "Renamed", "receipts": False}, headers=auth_headers(user)
    )
    assert renamed.status_code == 200
    assert (renamed.json()["name"], renamed.json()["receipts"]) == ("Renamed", False)
    assert client.delete(url, headers=auth_headers(user)).status_code == 204
    assert_problem(client.get(url, headers=auth_headers(member)), 404, ROOM_NOT_FOUND)


def test_list_my_rooms_pages_searches_counts_unread_and_reads_the_same_statements_per_page(
    client, user, statement_counter
):
    other = make_user()
    rooms = [make_chat_room(user, name=f"Room {n}", members=[other]) for n in range(4)]
    make_chat_room(other, name="Room of someone else")
    post_chat_messages(rooms[1], other, "one", "two")
    headers = auth_headers(user)
    client.get(URL, headers=headers)  # the first request of a login reads a little more
    counts = []
    for limit in (1, 4):
        with statement_counter() as counted:
            response = client.get(URL, params={"limit": limit}, headers=headers)
        counts.append(len(counted.statements))
    assert counts[0] == counts[1]
    items = response.json()["items"]
    assert [r["id"] for r in items] == [str(r.id) for r in reversed(rooms)]
    assert [r["unread_count"] for r in items] == [0, 0, 2, 0]
    first = client.get(URL, params={"limit": 3}, headers=headers).json()
    rest = client.get(URL, params={"limit": 3, "cursor": first["next"]}, headers=headers).json()
    assert [r["id"] for r in first["items"] + rest["items"]] == [r["id"] for r in items]
    assert rest["next"] is None
    found = client.get(URL, params={"q": "ROOM 2"}, headers=headers).json()["items"]
    assert [r["id"] for r in found] == [str(rooms[2].id)]
    assert client.get(URL, params={"q": "%"}, headers=headers).json()["items"] == []


def test_a_direct_room_is_one_per_pair_whoever_asks(client, user):
    other = make_user()
    first = client.post(
        f"{URL[:-6]}/direct-rooms", json={"user_id": str(other.id)}, headers=auth_headers(user)
    )
    body = assert_created(first, URL)
    assert body["kind"] == "DIRECT"
    again = client.post(
        f"{URL[:-6]}/direct-rooms", json={"user_id": str(user.id)}, headers=auth_headers(other)
    )
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert_problem(
        client.put(f"{URL}/{body['id']}/members/{make_user().id}", headers=auth_headers(user)),
        422,
        "/problems/chat/direct-room-members",
    )
    for user_id, problem in (
        (user.id, "/problems/chat/direct-with-yourself"),
        (uuid.uuid4(), "/problems/chat/unknown-user"),
    ):
        answer = client.post(
            f"{URL[:-6]}/direct-rooms", json={"user_id": str(user_id)}, headers=auth_headers(user)
        )
        assert_problem(answer, 422, problem)


def test_members_are_added_and_removed_by_the_owner_and_a_member_leaves(client, user):
    member, newcomer = make_user(), make_user()
    room = make_chat_room(user, members=[member])
    members = f"{URL}/{room.id}/members"
    assert_problem(
        client.put(f"{members}/{newcomer.id}", headers=auth_headers(member)),
        403,
        "/problems/chat/not-owner",
    )
    for _ in range(2):  # idempotent
        assert client.put(f"{members}/{newcomer.id}", headers=auth_headers(user)).status_code == 204
    assert_problem(
        client.put(f"{members}/{uuid.uuid4()}", headers=auth_headers(user)),
        404,
        "/problems/chat/user-not-found",
    )
    assert client.get(f"{URL}/{room.id}", headers=auth_headers(newcomer)).status_code == 200
    assert_problem(
        client.delete(f"{members}/{newcomer.id}", headers=auth_headers(member)),
        403,
        "/problems/chat/not-owner",
    )
    assert client.delete(f"{members}/{newcomer.id}", headers=auth_headers(user)).status_code == 204
    assert client.delete(f"{members}/{member.id}", headers=auth_headers(member)).status_code == 204
    assert_problem(
        client.get(f"{URL}/{room.id}", headers=auth_headers(member)), 404, ROOM_NOT_FOUND
    )
    assert_problem(
        client.delete(f"{members}/{member.id}", headers=auth_headers(user)),
        404,
        "/problems/chat/member-not-found",
    )
    assert_problem(
        client.delete(f"{members}/{user.id}", headers=auth_headers(user)),
        422,
        "/problems/chat/owner-stays",
    )


def test_post_and_read_history_by_cursor_both_ways(client, user, statement_counter):
    room = make_chat_room(user)
    url = f"{URL}/{room.id}/messages"
    headers = auth_headers(user)
    response = client.post(url, json={"body": "first"}, headers=headers)
    assert response.status_code == 201
    assert response.json()["id"] == 1 and response.json()["author_id"] == str(user.id)
    assert response.headers["Location"].endswith(f"/chat/rooms/{room.id}/messages?after=0")
    post_chat_messages(room, user, *(f"m{n}" for n in range(2, 8)))
    newest = client.get(url, params={"limit": 3}, headers=headers).json()
    assert ([m["id"] for m in newest["items"]], newest["has_more"]) == ([5, 6, 7], True)
    back = client.get(url, params={"limit": 3, "before": 5}, headers=headers).json()
    assert ([m["id"] for m in back["items"]], back["has_more"]) == ([2, 3, 4], True)
    oldest = client.get(url, params={"limit": 3, "before": 2}, headers=headers).json()
    assert ([m["id"] for m in oldest["items"]], oldest["has_more"]) == ([1], False)
    forward = client.get(url, params={"limit": 4, "after": 3}, headers=headers).json()
    assert ([m["id"] for m in forward["items"]], forward["has_more"]) == ([4, 5, 6, 7], False)
    assert forward["items"][0]["body"] == "m4"
    counts = []
    for limit in (1, 7):
        with statement_counter() as counted:
            assert client.get(url, params={"limit": limit}, headers=headers).status_code == 200
        counts.append(len(counted.statements))
    assert counts[0] == counts[1]
    between = client.get(url, params={"before": 5, "after": 1, "limit": 2}, headers=headers)
    assert [m["id"] for m in between.json()["items"]] == [2, 3] and between.json()["has_more"]
    blank = client.post(url, json={"body": "  \n "}, headers=headers)
    assert_problem(blank, 422, "/problems/chat/empty-message")
    assert client.get(url, params={"after": 7}, headers=headers).json()["items"] == []


def test_read_mark_moves_forward_only_and_unread_follows(client, user):
    member = make_user()
    room = make_chat_room(user, members=[member])
    post_chat_messages(room, user, "a", "b", "c")
    url = f"{URL}/{room.id}/read-mark"
    headers = auth_headers(member)
    assert client.get(f"{URL}/{room.id}", headers=headers).json()["unread_count"] == 3
    answer = client.put(url, json={"message_id": 2}, headers=headers)
    assert answer.status_code == 200 and answer.json() == {"last_read_id": 2, "unread_count": 1}
    answer = client.put(url, json={"message_id": 1}, headers=headers)
    assert answer.json() == {"last_read_id": 2, "unread_count": 1}
    assert_problem(
        client.put(url, json={"message_id": 4}, headers=headers),
        422,
        "/problems/chat/unknown-message",
    )
    assert client.get(f"{URL}/{room.id}", headers=auth_headers(user)).json()["unread_count"] == 0
