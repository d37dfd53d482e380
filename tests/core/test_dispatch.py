"""Route groups: a request reaches its group's app by dict lookups, concrete before templated."""

from __future__ import annotations

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
