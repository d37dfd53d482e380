"""Polls fixtures: the example poll id becomes a poll created through the API (open now, vote
changes allowed), and the example option ids its real ones; the ballot examples that need a
ballot already cast get one first. Reads and votes accept anonymous callers (anonymous polls), so
their documented 401 is the answer to a bad credential, not to a missing one."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, set_body, status_of

EXAMPLE_POLL = "5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f"
FIXTURE = {
    "question": "Dredd fixture?",
    "options": ["Yes", "No", "Maybe"],
    "multiple_choice": True,
    "allow_vote_change": True,
}


@hooks.before_each
def real_poll(transaction):
    path, method = transaction["fullPath"], transaction["request"]["method"]
    if EXAMPLE_POLL not in path or status_of(transaction) >= 300:
        return
    created = api("POST", "/polls", json=FIXTURE)
    poll = created.json()
    replace_path(transaction, EXAMPLE_POLL, poll["id"])
    options = [option["id"] for option in poll["options"]]
    if not path.split("?")[0].endswith("/my-ballot"):
        if method in ("PATCH", "DELETE"):
            transaction["request"]["headers"]["If-Match"] = created.headers["ETag"]
        return
    replaced = method == "PUT" and status_of(transaction) == 200
    if method in ("GET", "DELETE") or replaced:
        api("PUT", f"/polls/{poll['id']}/my-ballot", json={"option_ids": [options[1]]})
    if method == "PUT":
        set_body(transaction, {**body_of(transaction), "option_ids": [options[0]]})


@hooks.before("/polls/{poll_id} > Read a poll > 401 > application/problem+json")
@hooks.before("/polls/{poll_id}/my-ballot > Vote > 401 > application/problem+json")
@hooks.before("/polls/{poll_id}/my-ballot > Read my ballot > 401 > application/problem+json")
@hooks.before("/polls/{poll_id}/my-ballot > Withdraw my ballot > 401 > application/problem+json")
def bad_credential(transaction):
    transaction["request"]["headers"]["Authorization"] = "Bearer not-a-token"
