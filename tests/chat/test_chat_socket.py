"""The room socket in process: live delivery to every member, resume after a disconnect with no gap
and no duplicate (also while messages are being posted), a slow consumer closed with its resume
cursor, receipts, typing (rate-limited), presence, refusals. Every message received is checked
against the AsyncAPI document (tests/realtime_contract.py)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from starlette.websockets import WebSocketDisconnect

from core import realtime
from core.sockets import CloseCode
from services import chat
from tests.factories.chat import make_chat_room, post_chat_messages
from tests.factories.identity import auth_headers, make_user, token_login
from tests.realtime_contract import ChannelContract

SERVER = ChannelContract("chatRoom")
CLIENT = ChannelContract("chatRoom", action="receive")


def _join(client, room_id, user, after=None):  # type: ignore[no-untyped-def]
    protocols = ["trellis.v1", f"bearer.{token_login(user).access_token}"]
    query = "" if after is None else f"?after={after}"
    return client.websocket_connect(
        f"/api/v1/chat/rooms/{room_id}/socket{query}", subprotocols=protocols
    )


def _next(connection) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return SERVER.check(connection.receive_json())


def _next_of(connection, kind: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    while True:
        message = _next(connection)
        if message["type"] == kind:
            return message


def _send(connection, message: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    connection.send_json(CLIENT.check(message))


def _ids_until(connection, last: int) -> list[int]:  # type: ignore[no-untyped-def]
    ids: list[int] = []
    while not ids or ids[-1] < last:
        ids.append(_next_of(connection, "message.created")["message"]["id"])
    return ids


def _closed(connection) -> WebSocketDisconnect:  # type: ignore[no-untyped-def]
    while True:
        try:
            _next(connection)
        except WebSocketDisconnect as closed:
            return closed


def _inject(room_id: uuid.UUID, events: list[dict[str, Any]]) -> None:
    """Hands events to this process's subscribers of the room in one turn of the serving loop, as
    a burst from the fan-out would arrive."""
    hub = realtime._current_hub()

    def burst() -> None:
        for event in events:
            hub.deliver(chat.channel(room_id), event)

    hub.loop.call_soon_threadsafe(burst)


def _created(room_id: uuid.UUID, author: Any, message_id: int) -> dict[str, Any]:
    message = {
        "id": message_id,
        "room_id": str(room_id),
        "author_id": str(author.id),
        "body": "injected",
        "created_at": "2026-01-15T09:31:00+00:00",
    }
    return {"type": "message.created", "message": message}


def test_members_get_messages_receipts_typing_and_presence_live(client):
    ada, grace = make_user(), make_user()
    room = make_chat_room(ada, members=[grace])
    with _join(client, room.id, ada) as mine:
        with _join(client, room.id, grace) as theirs:
            seen = _next_of(mine, "presence")
            assert (seen["user_id"], seen["online"]) == (str(grace.id), True)
            members = client.get(f"/api/v1/chat/rooms/{room.id}/members", headers=auth_headers(ada))
            assert [m["online"] for m in members.json()["items"]] == [True, True]
            _send(theirs, {"type": "message", "body": "hello over the socket"})
            for connection in (mine, theirs):
                got = _next_of(connection, "message.created")["message"]
                assert (got["id"], got["body"], got["author_id"]) == (
                    1,
                    "hello over the socket",
                    str(grace.id),
                )
            _send(mine, {"type": "read", "message_id": 1})
            receipt = _next_of(theirs, "receipt")
            assert receipt == {
                "type": "receipt",
                "kind": "read",
                "user_id": str(ada.id),
                "last_read_id": 1,
            }
            _send(theirs, {"type": "typing"})
            _send(theirs, {"type": "typing"})  # within CHAT_TYPING_SECONDS: dropped
            _send(theirs, {"type": "message", "body": "second"})
            assert _next(mine)["type"] == "receipt"  # everyone's, mine too (other devices)
            assert _next(mine) == {"type": "typing", "user_id": str(grace.id)}
            assert _next(mine)["type"] == "message.created"
            _send(theirs, {"type": "heartbeat"})
        gone = _next_of(mine, "presence")
        assert (gone["user_id"], gone["online"]) == (str(grace.id), False)
    members = client.get(f"/api/v1/chat/rooms/{room.id}/members", headers=auth_headers(ada)).json()
    assert [m["online"] for m in members["items"]] == [False, False]
    assert all(m["last_seen_at"] for m in members["items"])


def test_refused_requests_answer_an_error_to_the_sender_only(client, user):
    other = make_user()
    room = make_chat_room(user, members=[other], receipts=False)
    with _join(client, room.id, other) as watcher, _join(client, room.id, user) as socket:
        _next_of(watcher, "presence")
        _send(socket, {"type": "message", "body": "   "})
        error = _next_of(socket, "error")
        assert error["problem"] == "/problems/chat/empty-message"
        _send(socket, {"type": "read", "message_id": 5})
        assert _next_of(socket, "error")["problem"] == "/problems/chat/unknown-message"
        socket.send_json({"type": "message", "body": 7})
        assert _next_of(socket, "error")["problem"] == "/problems/chat/invalid-socket-message"
        _send(socket, {"type": "message", "body": "fine"})
        _send(socket, {"type": "read", "message_id": 1})  # receipts off: nobody is told
        _send(socket, {"type": "message", "body": "after"})
        assert [_next(watcher)["type"] for _ in range(2)] == ["message.created"] * 2
        socket.send_json({"type": "dance"})
        assert _closed(socket).code == CloseCode.INVALID_MESSAGE


def test_reconnecting_with_after_resumes_with_no_gap_and_no_duplicate_while_posts_go_on(
    client, user
):
    room = make_chat_room(user)
    post_chat_messages(room, user, "1", "2", "3")
    with _join(client, room.id, user, after=0) as first:
        assert _ids_until(first, 3) == [1, 2, 3]
    post_chat_messages(room, user, "4", "5")  # while disconnected
    poster = threading.Thread(target=post_chat_messages, args=(room, user, *map(str, range(6, 16))))
    poster.start()  # posting while the client reconnects and catches up
    try:
        with _join(client, room.id, user, after=3) as again:
            # A late duplicate, and (once 15 is stored) an event that may come ahead of a gap,
            # as a fan-out may deliver them.
            _inject(room.id, [_created(room.id, user, 4)])
            poster.join()
            _inject(room.id, [_created(room.id, user, 15)])
            assert _ids_until(again, 15) == list(range(4, 16))
            post_chat_messages(room, user, "16")
            assert _ids_until(again, 16) == [16]
    finally:
        poster.join()


def test_a_slow_consumer_is_closed_with_its_resume_cursor_and_resumes_from_it(
    client, user, configure
):
    room = make_chat_room(user)
    configure(REALTIME_SOCKET_QUEUE="4")
    with _join(client, room.id, user) as slow:
        assert _next_of(slow, "synced") == {"type": "synced", "last_message_id": 0}
        post_chat_messages(room, user, "first")
        assert _ids_until(slow, 1) == [1]
        post_chat_messages(room, user, *map(str, range(2, 12)))
        # Ten events in one turn of the loop: more than the socket's queue of 4 holds.
        _inject(room.id, [_created(room.id, user, n) for n in range(2, 12)])
        received = [1]
        while True:
            try:
                received.append(_next_of(slow, "message.created")["message"]["id"])
            except WebSocketDisconnect as closed:
                code, reason = closed.code, closed.reason
                break
    assert code == CloseCode.RESYNC
    assert reason == f"resync after={received[-1]}"
    with _join(client, room.id, user, after=received[-1]) as resumed:
        post_chat_messages(room, user, "12")
        received += _ids_until(resumed, 12)
    assert received == list(range(1, 13))


def test_sockets_close_with_4404_for_strangers_removal_and_deletion(client, user):
    member = make_user()
    room = make_chat_room(user, members=[member])
    for room_id in (room.id, uuid.uuid4(), "not-a-uuid"):
        with _join(client, room_id, make_user()) as stranger:
            assert _closed(stranger).code == CloseCode.NOT_FOUND
    with _join(client, room.id, user, after="-1") as bad:
        assert _closed(bad).code == CloseCode.INVALID_MESSAGE
    with _join(client, room.id, member) as removed:
        url = f"/api/v1/chat/rooms/{room.id}/members/{member.id}"
        assert client.delete(url, headers=auth_headers(user)).status_code == 204
        assert _closed(removed).code == CloseCode.NOT_FOUND
    with _join(client, room.id, user) as owner:
        assert (
            client.delete(f"/api/v1/chat/rooms/{room.id}", headers=auth_headers(user)).status_code
            == 204
        )
        assert _closed(owner).code == CloseCode.NOT_FOUND
    with client.websocket_connect(f"/api/v1/chat/rooms/{room.id}/socket") as anonymous:
        assert _closed(anonymous).code == CloseCode.UNAUTHENTICATED
