"""The room socket in process: join, cursor, leave, heartbeat timeout, the sweep of a dead
process's participants, room deletion, refusals. Every message received is checked against the
AsyncAPI document (tests/realtime_contract.py)."""

from __future__ import annotations

import time
import uuid
from typing import Any

from starlette.websockets import WebSocketDisconnect

from core.settings import get_settings
from core.sockets import CloseCode
from services.presence import state
from services.presence.settings import PresenceSettings
from tests.factories.identity import auth_headers, make_user, token_login
from tests.factories.presence import make_presence_room
from tests.realtime_contract import ChannelContract

SERVER = ChannelContract("presenceRoom")
CLIENT = ChannelContract("presenceRoom", action="receive")


def _url(room_id: object) -> str:
    return f"/api/v1/presence/rooms/{room_id}/socket"


def _join(client, room_id, user):  # type: ignore[no-untyped-def]
    protocols = ["trellis.v1", f"bearer.{token_login(user).access_token}"]
    return client.websocket_connect(_url(room_id), subprotocols=protocols)


def _next(connection) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return SERVER.check(connection.receive_json())


def _send(connection, message: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    connection.send_json(CLIENT.check(message))


def _close_code(connection) -> int:  # type: ignore[no-untyped-def]
    while True:
        try:
            _next(connection)
        except WebSocketDisconnect as closed:
            return closed.code


def test_join_cursor_and_leave_reach_the_others(client, user):
    other = make_user()
    room = make_presence_room(user, members=[other])
    with _join(client, room.id, user) as ada:
        mine = _next(ada)
        assert mine["type"] == "snapshot"
        assert [p["user_id"] for p in mine["participants"]] == [str(user.id)]
        with _join(client, room.id, other) as grace:
            theirs = _next(grace)
            assert {p["user_id"] for p in theirs["participants"]} == {str(user.id), str(other.id)}
            joined = _next(ada)
            assert joined["type"] == "joined"
            assert joined["participant"]["connection_id"] == theirs["connection_id"]
            _send(grace, {"type": "cursor", "cursor": {"line": 3, "column": 1}, "selection": None})
            moved = _next(ada)
            assert moved == {
                "type": "cursor",
                "connection_id": theirs["connection_id"],
                "user_id": str(other.id),
                "cursor": {"line": 3, "column": 1},
                "selection": None,
            }
            listed = client.get(
                f"/api/v1/presence/rooms/{room.id}/participants", headers=auth_headers(user)
            ).json()["items"]
            assert [p["cursor"] for p in listed] == [None, {"line": 3, "column": 1}]
        left = _next(ada)
        assert left == {
            "type": "left",
            "connection_id": theirs["connection_id"],
            "user_id": str(other.id),
            "reason": "closed",
        }
        _send(ada, {"type": "heartbeat"})


def test_a_participant_that_stops_heartbeating_is_closed_and_seen_leaving(client, user, configure):
    room = make_presence_room(user)
    with _join(client, room.id, user) as watcher:
        _next(watcher)
        configure(PRESENCE_HEARTBEAT_TIMEOUT_SECONDS="0.3")
        with _join(client, room.id, user) as silent:
            connection_id = _next(silent)["connection_id"]
            assert _next(watcher)["type"] == "joined"
            assert _close_code(silent) == CloseCode.HEARTBEAT_TIMEOUT
        left = _next(watcher)
        assert (left["connection_id"], left["reason"]) == (connection_id, "timeout")


def test_a_live_participants_entry_outlasts_its_heartbeat_timeout_by_one_sweep(client, user):
    """The live process closes a silent socket at its heartbeat timeout itself (`timeout`); the
    deadline the sweepers read runs one sweep longer, so no sweep can take that participant
    first (`expired`). Read at chosen instants, not waited for."""
    settings = get_settings().section(PresenceSettings)
    timeout, sweep = settings.heartbeat_timeout_seconds, settings.sweep_seconds
    room = make_presence_room(user)
    before = time.time()
    with _join(client, room.id, user) as socket:
        connection_id = _next(socket)["connection_id"]
        after = time.time()
        assert after - before < sweep  # the join itself took less than one sweep

        def present_at(now: float) -> list[str]:
            return [entry["connection_id"] for entry in state.present(room.id, now=now)]

        # When the socket's own timeout fires, its entry is still there for every sweeper...
        assert present_at(after + timeout) == [connection_id]
        # ...and it is gone one sweep later, as a dead process's would be.
        assert present_at(after + timeout + sweep + 0.001) == []


def test_a_participant_whose_process_died_is_swept_and_seen_leaving(client, user):
    # The app's own sweeper (every PRESENCE_SWEEP_SECONDS, 1 s, read as the app started) finds
    # the entry once its deadline has passed and announces it; the test awaits that message.
    room = make_presence_room(user)
    ghost = {
        "connection_id": uuid.uuid4().hex,
        "user_id": str(user.id),
        "display_name": "Ghost",
        "joined_at": "2026-12-03T10:00:00+00:00",
        "cursor": None,
        "selection": None,
    }
    # What a process that died leaves behind: an entry nobody refreshes.
    state.put(room.id, ghost, time.time() + 1.0)
    with _join(client, room.id, user) as watcher:
        assert len(_next(watcher)["participants"]) == 2
        left = _next(watcher)
    assert (left["connection_id"], left["reason"]) == (ghost["connection_id"], "expired")
    assert state.present(room.id) == []


def test_deleting_the_room_closes_its_sockets_with_4404(client, user):
    room = make_presence_room(user)
    with _join(client, room.id, user) as socket:
        _next(socket)
        response = client.delete(f"/api/v1/presence/rooms/{room.id}", headers=auth_headers(user))
        assert response.status_code == 204
        assert _close_code(socket) == CloseCode.NOT_FOUND


def test_a_room_that_is_not_yours_or_does_not_exist_closes_with_4404(client, user):
    room = make_presence_room(make_user())
    for room_id in (room.id, uuid.uuid4(), "not-a-uuid"):
        with _join(client, room_id, user) as socket:
            assert _close_code(socket) == CloseCode.NOT_FOUND


def test_messages_of_unknown_shape_close_with_1007(client, user):
    room = make_presence_room(user)
    for message in ({"type": "dance"}, {"type": "cursor", "cursor": [1, 2]}):
        with _join(client, room.id, user) as socket:
            _next(socket)
            socket.send_json(message)
            assert _close_code(socket) == CloseCode.INVALID_MESSAGE
