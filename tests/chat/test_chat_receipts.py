"""Chat delivery receipts: the delivered mark over the socket (`delivered`) and REST
(PUT .../delivered-mark), monotonic and bounded by the room's newest message, moved by reading
too, broadcast as a `receipt` of kind `delivered` only when it moved and the room has receipts on.
Every socket message is checked against the AsyncAPI document."""

from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from services import chat
from tests.chat.test_chat_socket import _join, _next, _next_of, _send
from tests.factories.chat import make_chat_room, post_chat_messages
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.problems import assert_problem

URL = "/api/v1/chat/rooms"
UNKNOWN_MESSAGE = "/problems/chat/unknown-message"


def _marks(client, room_id, user) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    members = client.get(f"{URL}/{room_id}/members", headers=auth_headers(user)).json()["items"]
    return {m["user_id"]: (m["last_read_id"], m["delivered_id"]) for m in members}


def test_socket_acks_move_the_mark_once_and_the_room_hears_each_move(client):
    ada, grace = make_user(), make_user()
    room = make_chat_room(ada, members=[grace])
    post_chat_messages(room, ada, "one", "two", "three")
    with _join(client, room.id, ada) as watcher, _join(client, room.id, grace) as device:
        _next_of(watcher, "presence")
        _send(device, {"type": "delivered", "up_to_id": 2})
        receipt: dict[str, Any] = _next_of(watcher, "receipt")
        assert receipt == {
            "type": "receipt",
            "kind": "delivered",
            "user_id": str(grace.id),
            "delivered_id": 2,
        }
        _send(device, {"type": "delivered", "up_to_id": 2})  # equal: nothing moves, nobody told
        _send(device, {"type": "delivered", "up_to_id": 1})  # lower: the same
        _send(device, {"type": "delivered", "up_to_id": 4})  # past the newest message: refused
        assert _next_of(device, "error")["problem"] == UNKNOWN_MESSAGE
        device.send_json({"type": "delivered", "up_to_id": "3"})
        assert _next_of(device, "error")["problem"] == "/problems/chat/invalid-socket-message"
        _send(device, {"type": "read", "message_id": 3})  # reading implies delivered
        assert _next(watcher) == {
            "type": "receipt",
            "kind": "read",
            "user_id": str(grace.id),
            "last_read_id": 3,
        }
        _send(device, {"type": "delivered", "up_to_id": 3})  # already delivered by the read
        _send(device, {"type": "message", "body": "next"})
        assert _next(watcher)["type"] == "message.created"  # no receipt came in between
    assert _marks(client, room.id, ada)[str(grace.id)] == (4, 4)  # the author's own post


def test_receipts_off_the_mark_moves_and_nobody_is_told(client):
    ada, grace = make_user(), make_user()
    room = make_chat_room(ada, members=[grace], receipts=False)
    post_chat_messages(room, ada, "one")
    headers = auth_headers(grace)
    with _join(client, room.id, ada) as watcher:
        _next_of(watcher, "synced")
        put = client.put(f"{URL}/{room.id}/delivered-mark", json={"up_to_id": 1}, headers=headers)
        assert put.json() == {"delivered_id": 1}
        client.post(f"{URL}/{room.id}/messages", json={"body": "after"}, headers=headers)
        assert _next(watcher)["type"] == "message.created"  # no receipt came before it
    assert _marks(client, room.id, ada)[str(grace.id)] == (2, 2)


def test_rest_delivered_mark_its_errors_and_reading_implies_delivered(client, user):
    member = make_user()
    room = make_chat_room(user, members=[member])
    post_chat_messages(room, user, "one", "two", "three")
    url = f"{URL}/{room.id}/delivered-mark"
    headers = auth_headers(member)
    moved = client.put(url, json={"up_to_id": 2}, headers=headers)
    assert (moved.status_code, moved.json()) == (200, {"delivered_id": 2})
    assert client.put(url, json={"up_to_id": 1}, headers=headers).json() == {"delivered_id": 2}
    assert_problem(client.put(url, json={"up_to_id": 4}, headers=headers), 422, UNKNOWN_MESSAGE)
    bad = client.put(url, json={"up_to_id": -1}, headers=headers)
    assert_problem(bad, 400, "/problems/validation")
    assert _marks(client, room.id, user)[str(member.id)] == (0, 2)
    read = client.put(f"{URL}/{room.id}/read-mark", json={"message_id": 3}, headers=headers)
    assert read.status_code == 200
    assert _marks(client, room.id, user)[str(member.id)] == (3, 3)
    stranger = auth_headers(make_user())
    for room_id in (room.id, uuid.uuid4()):
        answer = client.put(
            f"{URL}/{room_id}/delivered-mark", json={"up_to_id": 0}, headers=stranger
        )
        assert_problem(answer, 404, "/problems/chat/room-not-found")
    assert_problem(client.put(url, json={"up_to_id": 0}), 401, "/problems/unauthorized")


def test_mark_delivered_is_monotonic_and_bounded_in_the_service(user):
    member = make_user()
    room = make_chat_room(user, members=[member])
    post_chat_messages(room, user, "one", "two")
    with transaction(write=True) as session:
        actor = actor_of(member)
        assert chat.mark_delivered(session, actor, room_id=room.id, up_to_id=1) == 1
        assert chat.mark_delivered(session, actor, room_id=room.id, up_to_id=0) == 1
        assert chat.mark_read(session, actor, room_id=room.id, message_id=2) == (2, 0)
        assert chat.mark_delivered(session, actor, room_id=room.id, up_to_id=1) == 2
    with transaction(write=True) as session:
        try:
            chat.mark_delivered(session, actor_of(member), room_id=room.id, up_to_id=3)
        except chat.UnknownMessage:
            pass
        else:
            raise AssertionError("an ack past the newest message was accepted")
        listed = chat.members(session, actor_of(user), room_id=room.id)
    assert [(m.last_read_id, m.delivered_id) for m in listed] == [(2, 2), (2, 2)]
