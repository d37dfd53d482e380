"""The notification socket (/api/v1/notifications/socket) in process: `ready`, replay after
`after` then live with no duplicate at the seam, every kind (chat mentions included), marking read
over the socket answered with the unread count, the end of a socket that falls behind and the
reconnect that catches up, refusals. Every message is checked against the AsyncAPI document
(tests/realtime_contract.py). Runs on SQLite in process and on PostgreSQL with the Redis fan-out."""

from __future__ import annotations

from typing import Any

from starlette.websockets import WebSocketDisconnect

from core import realtime
from core.sockets import CloseCode
from services import notifications
from tests.factories.identity import auth_headers, make_user, token_login
from tests.factories.notifications import make_notification
from tests.realtime_contract import ChannelContract

SERVER = ChannelContract("notificationsSocket")
CLIENT = ChannelContract("notificationsSocket", action="receive")
PATH = "/api/v1/notifications/socket"


def _connect(client, user, query: str = "", *, token: str | None = None):  # type: ignore[no-untyped-def]
    """A socket of `user` (None: anonymous); pass `token` to reuse one login."""
    if user is None:
        return client.websocket_connect(PATH + query, subprotocols=["trellis.v1"])
    token = token or token_login(user).access_token
    return client.websocket_connect(PATH + query, subprotocols=["trellis.v1", f"bearer.{token}"])


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


def _unread(client, user) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    answer = client.get("/api/v1/notifications/unread-count", headers=auth_headers(user))
    return answer.json()  # type: ignore[no-any-return]


def test_replays_after_the_last_id_then_pushes_live_without_duplicates(client, user):
    first, second, third = (make_notification(user, subject=f"n{n}").id for n in range(3))
    make_notification(make_user(), subject="someone else's")
    with _connect(client, user, f"?after={first}") as socket:
        assert _next(socket) == {"type": "ready", "unread_count": 3, "last_id": third}
        replayed = [_next(socket)["notification"], _next(socket)["notification"]]
        assert [(n["id"], n["subject"]) for n in replayed] == [(second, "n1"), (third, "n2")]
        # A late copy of a replayed notification on the channel (as one committed while the
        # replay read the database arrives) is not sent twice.
        duplicate = {"type": notifications.CREATED, "notification": replayed[1]}
        client.portal.call(realtime.publish, notifications.channel(user.id), duplicate)
        # Every registered kind is pushed, chat mentions (the chat row's producer) included.
        mention = make_notification(user, kind="chat.mention", subject="@ada look").id
        live = _next(socket)
        assert live["type"] == notifications.CREATED
        assert (live["notification"]["id"], live["notification"]["kind"]) == (
            mention,
            "chat.mention",
        )
        assert live["notification"]["read_at"] is None


def test_without_after_only_new_notifications_arrive(client, user):
    make_notification(user, subject="before")
    with _connect(client, user) as socket:
        ready = _next(socket)
        assert ready["unread_count"] == 1
        new = make_notification(user, kind="tickets.assigned", subject="after").id
        assert _next(socket)["notification"]["id"] == new
    with _connect(client, make_user()) as empty:
        assert _next(empty) == {"type": "ready", "unread_count": 0, "last_id": None}


def test_read_and_read_all_answer_the_unread_count(client, user):
    first, second = (make_notification(user, subject=f"n{n}").id for n in range(2))
    other = make_user()
    theirs = make_notification(other).id
    with _connect(client, user, "?after=0") as socket:
        assert _next(socket)["unread_count"] == 2
        assert [_next(socket)["notification"]["id"] for _ in range(2)] == [first, second]
        _send(socket, {"type": "read", "id": first})
        assert _next(socket) == {
            "type": "unread_count",
            "unread_count": 1,
            "last_id": second,
            "marked": [first],
        }
        _send(socket, {"type": "read", "id": theirs})
        refused = _next(socket)
        assert (refused["type"], refused["problem"], refused["id"]) == (
            "error",
            "/problems/notifications/notification-not-found",
            theirs,
        )
        third = make_notification(user).id
        assert _next(socket)["notification"]["id"] == third
        # Without a bound: up to the newest this socket has shown (the live `third`).
        _send(socket, {"type": "read_all"})
        answer = _next(socket)
        assert (answer["unread_count"], answer["up_to_id"], answer["count"]) == (0, third, 2)
        _send(socket, {"type": "heartbeat"})
        _send(socket, {"type": "read_all", "up_to_id": third})
        assert _next(socket)["count"] == 0
    assert _unread(client, user) == {"unread_count": 0, "last_id": third}
    assert _unread(client, other)["unread_count"] == 1


def test_a_socket_that_falls_behind_closes_with_4000_and_a_reconnect_catches_up(
    client, user, configure
):
    ids = [make_notification(user, subject=f"n{n}").id for n in range(3)]
    listed = client.get("/api/v1/notifications/items", headers=auth_headers(user)).json()
    items = listed["items"][::-1]
    configure(REALTIME_SOCKET_QUEUE=1)

    def flood() -> None:  # on the loop: three messages reach the queue before the pump runs
        hub = realtime._current_hub()
        for item in items:
            message = {"type": notifications.CREATED, "notification": item}
            hub.deliver(notifications.channel(user.id), message)

    token = token_login(user).access_token
    with _connect(client, user, token=token) as socket:
        _next(socket)
        client.portal.call(flood)
        # The one message queued before the gap is sent; then the socket closes to resync.
        assert _next(socket)["notification"]["id"] == ids[0]
        assert _close_code(socket) == CloseCode.RESYNC
    with _connect(client, user, "?after=0", token=token) as socket:
        _next(socket)
        assert [_next(socket)["notification"]["id"] for _ in ids] == ids


def test_refusals_close_with_their_documented_codes(client, user):
    token = token_login(user).access_token
    with _connect(client, None) as anonymous:
        assert _close_code(anonymous) == CloseCode.UNAUTHENTICATED
    for query in ("?after=x", "?after=-1", "?after=99999999999999999999"):
        with _connect(client, user, query, token=token) as socket:
            assert _close_code(socket) == CloseCode.INVALID_MESSAGE
    bad_messages: list[Any] = [
        {"type": "dance"},
        {"type": "read"},
        {"type": "read", "id": "1"},
        {"type": "read", "id": True},
        {"type": "read_all", "up_to_id": 0},
        [1],
    ]
    for message in bad_messages:
        with _connect(client, user, token=token) as socket:
            _next(socket)
            socket.send_json(message)
            assert _close_code(socket) == CloseCode.INVALID_MESSAGE
    with _connect(client, user, token=token) as socket:
        _next(socket)
        socket.send_text("x" * 600)
        assert _close_code(socket) == CloseCode.TOO_LARGE
