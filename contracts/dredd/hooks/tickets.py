"""Tickets fixtures: the example ids become a ticket (and comment) created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, state, status_of

EXAMPLE_TICKET = "0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d"
EXAMPLE_COMMENT = "5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"
EXAMPLE_USER = "3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a"


def _my_id() -> str:
    if "me" not in state:
        state["me"] = api("GET", "/identity/users/me").json()["id"]
    my_id: str = state["me"]
    return my_id


@hooks.before_each
def real_ticket(transaction):
    if EXAMPLE_TICKET not in transaction["fullPath"] or status_of(transaction) >= 300:
        return
    created = api("POST", "/tickets", json={"title": "Dredd fixture"})
    ticket_id = created.json()["id"]
    replace_path(transaction, EXAMPLE_TICKET, ticket_id)
    if EXAMPLE_COMMENT in transaction["fullPath"]:
        comment = api("POST", f"/tickets/{ticket_id}/comments", json={"body": "fixture"})
        replace_path(transaction, EXAMPLE_COMMENT, comment.json()["id"])
    if transaction["request"]["method"] == "PATCH":
        transaction["request"]["headers"]["If-Match"] = created.headers["ETag"]
        body = body_of(transaction)
        if body.get("assignee_id") == EXAMPLE_USER:
            # The example's user does not exist here: assign the caller instead.
            body["assignee_id"] = _my_id()
            set_body(transaction, body)
