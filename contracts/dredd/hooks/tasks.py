"""Tasks fixtures: the example task id is replaced by a task created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path

EXAMPLE_ID = "6a1f4a2e-5c3b-4d2a-9e8f-7b6c5d4e3f2a"


def _with_a_real_task(transaction, *, if_match: bool = False):
    created = api("POST", "/tasks", json={"title": "Dredd fixture"})
    replace_path(transaction, EXAMPLE_ID, created.json()["id"])
    if if_match:
        transaction["request"]["headers"]["If-Match"] = created.headers["ETag"]


@hooks.before("/tasks/{task_id} > Get a task > 200 > application/json")
def get_a_real_task(transaction):
    _with_a_real_task(transaction)


@hooks.before("/tasks/{task_id} > Update a task > 200 > application/json")
def update_a_real_task(transaction):
    _with_a_real_task(transaction, if_match=True)


@hooks.before("/tasks/{task_id} > Delete a task > 204")
def delete_a_real_task(transaction):
    _with_a_real_task(transaction, if_match=True)
