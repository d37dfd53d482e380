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


def _dispatcher_with_fast_paths() -> tuple[GroupDispatcher, list[str]]:
    """A dispatcher whose one fast path (registered for a list and its items, as the Conduit
    articles' is) records the paths it was asked about and answers nothing."""
    asked: list[str] = []

    async def answerer(scope, _receive, _send) -> bool:
        asked.append(scope["path"])
        return False

    async def handler(_scope, _receive, _send) -> None:
        return None

    spec = {
        "paths": {
            "/articles": {"get": {"x-fast-path": "x.list"}, "post": {}},
            "/articles/{slug}": {"get": {"x-fast-path": "x.list"}, "delete": {}},
        }
    }
    dispatcher = GroupDispatcher({}, handler)  # type: ignore[arg-type]
    module = type("Module", (), {"list": staticmethod(answerer)})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("core.app.importlib.import_module", lambda _name: module)
        dispatcher.add_fast_paths(spec, prefix="/conduit/api")
    return dispatcher, asked


def test_a_fast_path_is_asked_once_and_by_its_own_method_only():
    dispatcher, asked = _dispatcher_with_fast_paths()

    async def request(method: str, path: str) -> None:
        scope = {"type": "http", "method": method, "path": path, "headers": []}
        await dispatcher(scope, None, None)  # type: ignore[arg-type]

    async def requests() -> None:
        await request("POST", "/conduit/api/articles")
        await request("DELETE", "/conduit/api/articles/a-slug")
        assert asked == []  # writes never ask a GET's fast path
        await request("GET", "/conduit/api/articles/a-slug")
        await request("GET", "/conduit/api/articles")
        # Once each: the item's prefix is the list's, which already asked.
        assert asked == ["/conduit/api/articles/a-slug", "/conduit/api/articles"]

    asyncio.run(requests())
