"""Concurrent posts into one room over the session's live 2-worker server on PostgreSQL: 50 posts
at once all persist with the ids 1..50 (the room's row lock orders them), and one socket watching
the room on that server gets each exactly once, in id order. Then a second burst goes out while a
client reconnects with `after`: it misses nothing and gets nothing twice."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import orjson
import pytest
from websockets.sync.client import ClientConnection, connect

from core.settings import get_settings
from tests.factories.chat import make_chat_room
from tests.factories.identity import auth_headers, make_user, token_login
from tests.live import all_at_once
from tests.realtime_contract import ChannelContract

POSTS = 50
SERVER = ChannelContract("chatRoom")
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


def _socket(base: str, room_id: object, user: Any, after: int | None = None) -> ClientConnection:
    url = base.replace("http", "ws", 1) + f"/api/v1/chat/rooms/{room_id}/socket"
    if after is not None:
        url += f"?after={after}"
    protocols = ["trellis.v1", f"bearer.{token_login(user).access_token}"]
    return connect(url, subprotocols=protocols, open_timeout=30)  # type: ignore[arg-type]


def _ids_until(socket: ClientConnection, last: int) -> list[int]:
    ids: list[int] = []
    while not ids or ids[-1] < last:
        message = SERVER.check(orjson.loads(socket.recv(timeout=30)))
        if message["type"] == "message.created":
            ids.append(message["message"]["id"])
    return ids


def _until_synced(socket: ClientConnection) -> None:
    while SERVER.check(orjson.loads(socket.recv(timeout=30)))["type"] != "synced":
        pass


def test_fifty_posts_at_once_persist_in_order_and_reach_a_watcher_once_each(live_server, user):
    poster = make_user()
    room = make_chat_room(user, members=[poster])
    path = f"/api/v1/chat/rooms/{room.id}/messages"
    headers = auth_headers(poster)
    with _socket(live_server, room.id, user) as watcher:
        _until_synced(watcher)
        assert (
            httpx.post(live_server + path, json={"body": "hello"}, headers=headers).status_code
            == 201
        )
        assert _ids_until(watcher, 1) == [1]
        answers = all_at_once(live_server, path, headers, POSTS, method="POST", json={"body": "x"})
        assert sorted(a.status_code for a in answers) == [201] * POSTS, [
            a.text for a in answers if a.status_code != 201
        ]
        assert sorted(a.json()["id"] for a in answers) == list(range(2, POSTS + 2))
        assert _ids_until(watcher, POSTS + 1) == list(range(2, POSTS + 2))
    history = httpx.get(
        live_server + path, params={"after": 0, "limit": 100}, headers=headers
    ).json()
    assert [m["id"] for m in history["items"]] == list(range(1, POSTS + 2))

    # A burst while a client reconnects from the last id it saw.
    burst = threading.Thread(
        target=all_at_once,
        args=(live_server, path, headers, 20),
        kwargs={"method": "POST", "json": {"body": "y"}},
    )
    burst.start()
    try:
        with _socket(live_server, room.id, user, after=POSTS + 1) as resumed:
            burst.join()
            assert _ids_until(resumed, POSTS + 21) == list(range(POSTS + 2, POSTS + 22))
    finally:
        burst.join()
