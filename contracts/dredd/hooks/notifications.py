"""Notifications fixtures: the example notification id becomes one the admin really received (a
throwaway user comments on the admin's blog post), and the event stream is skipped."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, skip, status_of, throwaway_user

EXAMPLE_ITEM = "/notifications/items/42"
NO_SUCH_ID = 9007199254740991


def _a_notification_for_the_admin() -> int:
    post = api("POST", "/blog/posts", json={"title": "Dredd fixture", "status": "PUBLISHED"})
    _, tokens = throwaway_user()
    comment = api(
        "POST",
        f"/blog/posts/{post.json()['slug']}/comments",
        json={"body": "A comment for the notifications fixture"},
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    found = api("GET", "/notifications/items", params={"kind": "blog.comment_on_my_post"})
    for item in found.json()["items"]:
        if item["payload"].get("comment_id") == comment.json()["id"]:
            return int(item["id"])
    raise RuntimeError("the comment on the admin's post made no notification")


@hooks.before_each
def real_notification(transaction):
    path = transaction["fullPath"]
    if "/notifications/stream" in path:
        skip(
            transaction,
            "an event stream stays open up to NOTIFICATIONS_STREAM_MAX_SECONDS and Dredd waits "
            "for a whole body to compare with the example; tests/notifications reads it event by "
            "event, and the Schemathesis gates send it with a short stream",
        )
        return
    if EXAMPLE_ITEM not in path:
        return
    # The example's 42 may well be one of the admin's by now: a 404 asks for an id never given.
    real = _a_notification_for_the_admin() if status_of(transaction) < 300 else NO_SUCH_ID
    replace_path(transaction, EXAMPLE_ITEM, f"/notifications/items/{real}")
