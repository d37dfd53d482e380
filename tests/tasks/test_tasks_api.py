from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.factories.identity import auth_headers
from tests.factories.tasks import make_task
from tests.problems import assert_problem
from tests.support.answers import assert_created
from tests.support.pages import every_api_item

URL = "/api/v1/tasks"


def test_create_task_returns_task_etag_and_location(client, user):
    passport = {"title": "Renew passport", "due_at": "2026-03-01T17:00:00+01:00"}
    body = assert_created(client.post(URL, json=passport, headers=auth_headers(user)), URL)
    assert body["title"] == "Renew passport"
    assert body["status"] == "OPEN"
    assert body["due_at"] == "2026-03-01T16:00:00+00:00"
    assert body["completed_at"] is None


def test_create_task_done_sets_completed_at(client, user):
    response = client.post(
        URL, json={"title": "Done already", "status": "DONE"}, headers=auth_headers(user)
    )
    assert response.status_code == 201
    assert response.json()["completed_at"] is not None


def test_create_task_with_idempotency_key_replays_without_creating_twice(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "order-42"}
    first = client.post(URL, json={"title": "Once"}, headers=headers)
    second = client.post(URL, json={"title": "Once"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["etag"] == first.headers["etag"]
    listed = client.get(URL, headers=auth_headers(user)).json()["items"]
    assert [task["title"] for task in listed] == ["Once"]


def test_create_task_idempotency_key_with_other_body_is_422(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "order-43"}
    assert client.post(URL, json={"title": "A"}, headers=headers).status_code == 201
    response = client.post(URL, json={"title": "B"}, headers=headers)
    assert_problem(response, 422, "/problems/idempotency-key-reused")
    assert len(client.get(URL, headers=auth_headers(user)).json()["items"]) == 1


def test_idempotency_keys_are_scoped_per_user(client, user_factory):
    alice, bob = user_factory(), user_factory()
    for owner in (alice, bob):
        response = client.post(
            URL, json={"title": "Mine"}, headers={**auth_headers(owner), "Idempotency-Key": "same"}
        )
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
    assert len(client.get(URL, headers=auth_headers(bob)).json()["items"]) == 1


def test_get_task(client, user):
    task = make_task(user, title="Read")
    response = client.get(f"{URL}/{task.id}", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["id"] == str(task.id)
    assert response.headers["etag"] == '"1"'


def test_get_task_of_another_user_is_404(client, user_factory):
    owner, other = user_factory(), user_factory()
    task = make_task(owner)
    response = client.get(f"{URL}/{task.id}", headers=auth_headers(other))
    assert_problem(response, 404, "/problems/tasks/not-found")


def test_update_task_completes_and_reopens(client, user):
    task = make_task(user)
    done = client.patch(f"{URL}/{task.id}", json={"status": "DONE"}, headers=auth_headers(user))
    assert done.status_code == 200
    assert done.json()["completed_at"] is not None
    assert done.headers["etag"] == '"2"'
    reopened = client.patch(
        f"{URL}/{task.id}", json={"status": "OPEN", "title": "Again"}, headers=auth_headers(user)
    )
    assert reopened.json()["completed_at"] is None
    assert reopened.json()["title"] == "Again"


def test_update_task_clears_due_date_with_null(client, user):
    task = make_task(user, due_at=datetime(2026, 1, 1, tzinfo=UTC))
    response = client.patch(f"{URL}/{task.id}", json={"due_at": None}, headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["due_at"] is None


def test_update_task_of_another_user_is_404(client, user_factory):
    task = make_task(user_factory())
    response = client.patch(
        f"{URL}/{task.id}", json={"title": "x"}, headers=auth_headers(user_factory())
    )
    assert_problem(response, 404, "/problems/tasks/not-found")


def test_delete_task(client, user):
    task = make_task(user)
    headers = auth_headers(user)
    deleted = client.delete(f"{URL}/{task.id}", headers=headers)
    assert deleted.status_code == 204 and deleted.content == b""
    assert "content-type" not in deleted.headers  # no body, so no media type to trust
    assert client.get(f"{URL}/{task.id}", headers=headers).status_code == 404


def test_delete_task_of_another_user_is_404(client, user_factory):
    task = make_task(user_factory())
    response = client.delete(f"{URL}/{task.id}", headers=auth_headers(user_factory()))
    assert response.status_code == 404


def test_list_tasks_filters(client, user):
    now = datetime.now(UTC)
    make_task(user, title="Overdue bill", due_at=now - timedelta(days=1))
    make_task(user, title="Future trip", due_at=now + timedelta(days=10))
    make_task(user, title="Done chore", due_at=now - timedelta(days=2), status="DONE")
    make_task(user, title="Someday")
    headers = auth_headers(user)

    def titles(**params):
        response = client.get(URL, params=params, headers=headers)
        assert response.status_code == 200, response.text
        return sorted(task["title"] for task in response.json()["items"])

    assert titles(status="DONE") == ["Done chore"]
    assert titles(overdue="true") == ["Overdue bill"]
    assert titles(overdue="false") == ["Done chore", "Future trip", "Someday"]
    assert titles(q="BILL") == ["Overdue bill"]
    assert titles(due_before=now.isoformat()) == ["Done chore", "Overdue bill"]
    assert titles(due_after=now.isoformat()) == ["Future trip"]


def test_list_tasks_sorted_by_due_date_puts_undated_last(client, user):
    now = datetime.now(UTC)
    make_task(user, title="later", due_at=now + timedelta(days=2))
    make_task(user, title="undated")
    make_task(user, title="sooner", due_at=now + timedelta(days=1))
    response = client.get(URL, params={"sort": "due_at"}, headers=auth_headers(user))
    assert [t["title"] for t in response.json()["items"]] == ["sooner", "later", "undated"]
    response = client.get(URL, params={"sort": "-due_at"}, headers=auth_headers(user))
    assert [t["title"] for t in response.json()["items"]] == ["undated", "later", "sooner"]


@pytest.mark.parametrize("sort", ["-created_at", "created_at", "due_at", "-due_at"])
def test_list_tasks_cursor_pagination_visits_every_task_once(client, user, sort):
    now = datetime.now(UTC)
    created = {
        str(
            make_task(
                user, title=f"t{i}", due_at=None if i % 3 == 0 else now + timedelta(hours=i % 4)
            ).id
        )
        for i in range(7)
    }
    pages = every_api_item(client, URL, auth_headers(user), limit=3, sort=sort)
    seen = [task["id"] for task in pages]
    assert sorted(seen) == sorted(created)
    assert len(seen) == 7


def test_list_tasks_only_shows_own_tasks(client, user_factory):
    owner, other = user_factory(), user_factory()
    make_task(owner)
    assert client.get(URL, headers=auth_headers(other)).json() == {"items": [], "next": None}


def test_list_tasks_cursor_from_other_sort_is_400(client, user):
    for i in range(3):
        make_task(user, title=f"t{i}")
    cursor = client.get(URL, params={"limit": 1}, headers=auth_headers(user)).json()["next"]
    response = client.get(
        URL, params={"cursor": cursor, "sort": "due_at"}, headers=auth_headers(user)
    )
    assert_problem(response, 400, "/problems/invalid-cursor")


def test_concurrent_patches_with_same_etag_have_exactly_one_winner(live_server, user):
    task = make_task(user)
    headers = {**auth_headers(user), "If-Match": '"1"'}
    barrier = threading.Barrier(20)

    def patch(n: int) -> int:
        with httpx.Client(base_url=live_server, timeout=30) as http:
            barrier.wait(timeout=60)
            return http.patch(
                f"{URL}/{task.id}", json={"title": f"writer {n}"}, headers=headers
            ).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = sorted(pool.map(patch, range(20)))
    assert statuses.count(200) == 1
    assert statuses.count(412) == 19


def test_concurrent_posts_with_same_idempotency_key_create_one_task(live_server, user):
    headers = {**auth_headers(user), "Idempotency-Key": "burst-1"}
    barrier = threading.Barrier(10)

    def post(_: int) -> tuple[int, str]:
        with httpx.Client(base_url=live_server, timeout=30) as http:
            barrier.wait(timeout=60)
            response = http.post(URL, json={"title": "Only once"}, headers=headers)
            return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(post, range(10)))
    assert {status for status, _ in results} == {201}
    assert len({task_id for _, task_id in results}) == 1
    with httpx.Client(base_url=live_server) as http:
        assert len(http.get(URL, headers=auth_headers(user)).json()["items"]) == 1
