"""What the tasks API sends the database: one statement per list page or task, built once per
shape of filters (core.pagination.KeysetPages, core.compiled), whatever filters, order and cursor
a request gives; a create as one INSERT compiled once, which on PostgreSQL commits as it runs
(no transaction begun: one round trip); and a search's wildcards taken as text. On SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.settings import get_settings
from tests.factories.identity import auth_headers
from tests.factories.tasks import make_task
from tests.support.statements import sessions_begun, through_execute

URL = "/api/v1/tasks"


def test_every_list_page_and_task_read_is_one_statement_built_once(client, user, statement_counter):
    now = datetime.now(UTC)
    for n in range(5):
        make_task(user, title=f"pay bill {n}", due_at=now - timedelta(days=n))
    headers = auth_headers(user)
    filtered = {"q": "bill", "status": "OPEN", "overdue": "true", "sort": "due_at", "limit": 2}
    task_id = client.get(URL, headers=headers).json()["items"][0]["id"]
    with statement_counter() as counted, through_execute() as executed:
        first = client.get(URL, params=filtered, headers=headers).json()
        second = client.get(URL, params={**filtered, "cursor": first["next"]}, headers=headers)
        one = client.get(f"{URL}/{task_id}", headers=headers)
    sent = [sql for sql in counted.statements if "tasks_tasks" in sql]
    assert second.status_code == 200 and one.status_code == 200
    assert [task["title"] for task in first["items"] + second.json()["items"]] == [
        "pay bill 4",
        "pay bill 3",
        "pay bill 2",
        "pay bill 1",
    ]
    assert len(sent) == 3, sent
    assert [sql for sql in executed if "tasks_tasks" in sql] == []


def test_a_create_is_one_insert_that_commits_as_it_runs_on_postgresql(
    client, user, statement_counter
):
    headers = auth_headers(user)
    client.get(URL, headers=headers)  # the account check's first reads, outside what is counted
    with statement_counter() as counted, through_execute() as executed, sessions_begun() as begun:
        created = client.post(URL, json={"title": "Alone", "status": "DONE"}, headers=headers)
    assert created.status_code == 201, created.text
    sent = [sql for sql in counted.statements if "tasks_tasks" in sql]
    assert len(sent) == 1 and sent[0].lstrip().upper().startswith("INSERT"), sent
    assert [sql for sql in executed if "tasks_tasks" in sql] == []  # not the ORM's flush
    # PostgreSQL: no BEGIN and COMMIT around it; SQLite writes in its transaction.
    on_postgresql = get_settings().database_url.startswith("postgresql")
    assert (begun == []) is on_postgresql, begun
    task = created.json()
    stored = client.get(f"{URL}/{task['id']}", headers=headers)
    assert stored.json() == task and stored.headers["ETag"] == created.headers["ETag"]
    assert task["completed_at"] == task["created_at"]  # created DONE: stamped as it is created


def test_a_search_takes_wildcards_and_the_escape_character_as_text(client, user):
    for title in ("50% off", "500 off", "a_b", "axb", "a/b", "a//b"):
        make_task(user, title=title)
    headers = auth_headers(user)

    def found(q: str) -> list[str]:
        response = client.get(URL, params={"q": q}, headers=headers)
        assert response.status_code == 200, response.text
        return sorted(task["title"] for task in response.json()["items"])

    assert found("0%") == ["50% off"]
    assert found("a_b") == ["a_b"]
    assert found("a/b") == ["a/b"]
    assert found("/") == ["a//b", "a/b"]
