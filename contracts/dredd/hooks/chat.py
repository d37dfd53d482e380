"""Chat fixtures: the example room id is replaced by a room created through the API (the admin
owns it; the read and delivered marks get one message to point at), and the example user id by
a throwaway account's."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import (
    api,
    body_of,
    replace_path,
    set_body,
    status_of,
    throwaway_user,
)

ROOM_ID = "5b2f7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"
USER_ID = "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b"


def _new_user_id() -> str:
    email, _tokens = throwaway_user()
    users = api("GET", "/admin/users", params={"q": email}).json()["items"]
    return str(users[0]["id"])


@hooks.before_each
def real_rows(transaction):
    if "/chat/" not in transaction["fullPath"] or status_of(transaction) >= 300:
        return
    member = None
    if USER_ID in transaction["fullPath"]:
        member = _new_user_id()
        replace_path(transaction, USER_ID, member)
    body = body_of(transaction)
    if body.get("user_id") == USER_ID or USER_ID in body.get("member_ids", []):
        user_id = _new_user_id()
        if "user_id" in body:
            body["user_id"] = user_id
        if "member_ids" in body:
            body["member_ids"] = [user_id]
        set_body(transaction, body)
    if transaction["fullPath"].endswith("/chat/direct-rooms") and status_of(transaction) == 200:
        api("POST", "/chat/direct-rooms", json=body)  # opened once: the transaction's ask is a 200
    if ROOM_ID in transaction["fullPath"]:
        created = api("POST", "/chat/rooms", json={"name": "Dredd fixture"}).json()
        replace_path(transaction, ROOM_ID, created["id"])
        if member is not None and transaction["request"]["method"] == "DELETE":
            api("PUT", f"/chat/rooms/{created['id']}/members/{member}")
        if "read-mark" in transaction["fullPath"]:
            api("POST", f"/chat/rooms/{created['id']}/messages", json={"body": "x"})
            set_body(transaction, {"message_id": 1})
        if "delivered-mark" in transaction["fullPath"]:
            api("POST", f"/chat/rooms/{created['id']}/messages", json={"body": "x"})
            set_body(transaction, {"up_to_id": 1})
