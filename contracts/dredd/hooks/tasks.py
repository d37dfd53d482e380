"""Tasks fixtures: the example task id is replaced by a task created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import use_a_created_row

EXAMPLE_ID = "6a1f4a2e-5c3b-4d2a-9e8f-7b6c5d4e3f2a"


@hooks.before_each
def real_task(transaction):
    use_a_created_row(transaction, EXAMPLE_ID, "/tasks", {"title": "Dredd fixture"})
