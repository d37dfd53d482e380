"""Route groups: a request reaches its group's app by dict lookups, concrete before templated."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from core.app import GroupDispatcher
from core.spec import route_group


@pytest.mark.parametrize(
    ("path", "group"),
    [
        ("/tasks", "tasks"),
        ("/tasks/{task_id}", "tasks/*"),
        ("/identity/users/me", "identity/users"),
        ("/blog/posts/{slug}/comments", "blog/posts"),
    ],
)
def test_route_group_is_the_first_two_segments(path, group):
    assert route_group(path) == group


def test_dispatch_prefers_a_concrete_second_segment():
    apps = {key: object() for key in ("tasks", "tasks/*", "identity/users", "identity/*")}
    root = object()
    dispatcher = GroupDispatcher(apps, root)  # type: ignore[arg-type]

    assert dispatcher.app_for("/api/v1/tasks") is apps["tasks"]
    assert dispatcher.app_for("/api/v1/tasks/6a1f4a2e") is apps["tasks/*"]
    assert dispatcher.app_for("/api/v1/tasks/6a1f4a2e/extra") is apps["tasks/*"]
    assert dispatcher.app_for("/api/v1/identity/users/me") is apps["identity/users"]
    assert dispatcher.app_for("/api/v1/identity/anything") is apps["identity/*"]
    assert dispatcher.app_for("/api/v1/nothing") is root
    assert dispatcher.app_for("/api/v1/nothing/here") is root
    assert dispatcher.app_for("/health") is root


def test_a_concrete_path_wins_over_a_template_for_every_method(client):
    # `/imports/targets` documents GET only; `/imports/{import_id}` documents DELETE.
    answer = client.delete("/api/v1/imports/targets")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, HEAD"
    assert answer.json()["type"] == "/problems/method-not-allowed"
    assert client.get("/api/v1/imports/targets").status_code == 401  # still routed
    assert client.delete(f"/api/v1/imports/{uuid.uuid4()}").status_code == 401


#: The paths `_recording_answerer` was asked about.
_ASKED: list[str] = []


async def _recording_answerer(scope, _receive, _send) -> bool:  # type: ignore[no-untyped-def]
    """A fast path that records each path it is asked about and answers nothing."""
    _ASKED.append(scope["path"])
    return False


def _dispatcher_with_fast_paths() -> GroupDispatcher:
    """A dispatcher whose one fast path is named for a list and its items, as the Conduit
    articles' is."""

    async def handler(_scope, _receive, _send) -> None:  # type: ignore[no-untyped-def]
        return None

    answerer = f"{__name__}._recording_answerer"
    spec = {
        "paths": {
            "/articles": {"get": {"x-fast-path": answerer}, "post": {}},
            "/articles/{slug}": {"get": {"x-fast-path": answerer}, "delete": {}},
        }
    }
    dispatcher = GroupDispatcher({}, handler)  # type: ignore[arg-type]
    dispatcher.add_fast_paths(spec, prefix="/conduit/api")
    return dispatcher


def test_a_fast_path_is_asked_once_and_by_its_own_method_only():
    dispatcher = _dispatcher_with_fast_paths()
    _ASKED.clear()

    async def request(method: str, path: str) -> None:
        scope = {"type": "http", "method": method, "path": path, "headers": []}
        await dispatcher(scope, None, None)  # type: ignore[arg-type]

    async def requests() -> None:
        await request("POST", "/conduit/api/articles")
        await request("DELETE", "/conduit/api/articles/a-slug")
        assert _ASKED == []  # writes never ask a GET's fast path
        await request("GET", "/conduit/api/articles/a-slug")
        await request("GET", "/conduit/api/articles")
        # Once each: the item's prefix is the list's, which already asked.
        assert _ASKED == ["/conduit/api/articles/a-slug", "/conduit/api/articles"]

    asyncio.run(requests())
