from __future__ import annotations

import uuid

from tests.factories.identity import auth_headers, make_user
from tests.factories.presence import make_presence_room
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/presence/rooms"


def test_create_room_answers_it_with_etag_and_location(client, user):
    member = make_user()
    response = client.post(
        URL, json={"name": "Design review", "members": [member.email]}, headers=auth_headers(user)
    )
    body = assert_created(response, URL)
    assert body["owner_id"] == str(user.id)
    assert body["member_ids"] == [str(member.id)]


def test_create_room_with_an_unknown_member_is_422_and_creates_nothing(client, user):
    headers = auth_headers(user)
    response = client.post(
        URL, json={"name": "x", "members": ["nobody@example.com"]}, headers=headers
    )
    assert_problem(response, 422, "/problems/presence/unknown-member")
    assert client.get(URL, headers=headers).json()["items"] == []


def test_get_room_as_owner_and_member_and_404_for_anyone_else(client, user):
    member = make_user()
    room = make_presence_room(user, members=[member])
    for who in (user, member):
        response = client.get(f"{URL}/{room.id}", headers=auth_headers(who))
        assert response.status_code == 200
        assert response.json()["id"] == str(room.id)
    response = client.get(f"{URL}/{room.id}", headers=auth_headers(make_user()))
    assert_problem(response, 404, "/problems/presence/room-not-found")
    response = client.get(f"{URL}/{uuid.uuid4()}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/presence/room-not-found")


def test_delete_room_by_owner_403_for_a_member_404_for_others(client, user):
    member = make_user()
    room = make_presence_room(user, members=[member])
    response = client.delete(f"{URL}/{room.id}", headers=auth_headers(member))
    assert_problem(response, 403, "/problems/presence/not-owner")
    response = client.delete(f"{URL}/{room.id}", headers=auth_headers(make_user()))
    assert_problem(response, 404, "/problems/presence/room-not-found")
    assert client.delete(f"{URL}/{room.id}", headers=auth_headers(user)).status_code == 204
    assert client.get(f"{URL}/{room.id}", headers=auth_headers(user)).status_code == 404


def test_list_shows_rooms_i_own_or_belong_to_and_reads_the_same_statements_per_page(
    client, user, statement_counter
):
    rooms = [make_presence_room(user, name=f"r{n}", members=[make_user()]) for n in range(4)]
    make_presence_room(make_user(), name="not mine")
    headers = auth_headers(user)
    counts = []
    client.get(URL, headers=headers)  # the first request of a login reads a little more
    for limit in (1, 4):
        with statement_counter() as counted:
            response = client.get(URL, params={"limit": limit}, headers=headers)
        assert response.status_code == 200
        counts.append(len(counted.selects))
    assert [r["id"] for r in response.json()["items"]] == [str(r.id) for r in reversed(rooms)]
    assert counts[0] == counts[1]


def test_participants_of_a_room_nobody_is_in_and_404_for_a_stranger(client, user):
    room = make_presence_room(user)
    response = client.get(f"{URL}/{room.id}/participants", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json() == {"items": []}
    response = client.get(f"{URL}/{room.id}/participants", headers=auth_headers(make_user()))
    assert_problem(response, 404, "/problems/presence/room-not-found")


def test_anonymous_is_401(client):
    assert_problem(client.get(URL), 401, "/problems/unauthorized")
