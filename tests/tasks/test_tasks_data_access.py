"""What the tasks reads send the database: one statement per list page or task, built once per
shape of filters (core.pagination.KeysetPages, core.compiled), whatever filters, order and cursor
a request gives; and a search's wildcards taken as text. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.factories.identity import auth_headers
from tests.factories.tasks import make_task

URL = "/api/v1/tasks"


@contextmanager
def _tasks_statements() -> Iterator[tuple[list[str], list[str]]]:
    """(statements sent on the tasks table, those that went through Connection.execute: a
    statement built or looked up in SQLAlchemy's cache per call)."""
    sent: list[str] = []
    executed: list[str] = []

    def on_send(*args: Any) -> None:
        if "tasks_tasks" in args[2]:
            sent.append(args[2])

    def on_execute(*args: Any) -> None:
        if "tasks_tasks" in str(args[1]):
            executed.append(str(args[1]))

    event.listen(Engine, "before_cursor_execute", on_send)
    event.listen(Engine, "before_execute", on_execute)
    try:
        yield sent, executed
    finally:
        event.remove(Engine, "before_cursor_execute", on_send)
        event.remove(Engine, "before_execute", on_execute)


def test_every_list_page_and_task_read_is_one_statement_built_once(client, user):
    now = datetime.now(UTC)
    for n in range(5):
        make_task(user, title=f"pay bill {n}", due_at=now - timedelta(days=n))
    headers = auth_headers(user)
    filtered = {"q": "bill", "status": "OPEN", "overdue": "true", "sort": "due_at", "limit": 2}
    task_id = client.get(URL, headers=headers).json()["items"][0]["id"]
    with _tasks_statements() as (sent, executed):
        first = client.get(URL, params=filtered, headers=headers).json()
        second = client.get(URL, params={**filtered, "cursor": first["next"]}, headers=headers)
        one = client.get(f"{URL}/{task_id}", headers=headers)
    assert second.status_code == 200 and one.status_code == 200
    assert [task["title"] for task in first["items"] + second.json()["items"]] == [
        "pay bill 4",
        "pay bill 3",
        "pay bill 2",
        "pay bill 1",
    ]
    assert len(sent) == 3, sent
    assert executed == []


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
