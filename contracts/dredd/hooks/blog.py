"""Blog fixtures: the example slug, comment id and username become real ones made through the API.

Reads of published content accept anonymous callers, so their documented 401 is the answer to
a bad credential, not to a missing one.
"""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, login, replace_path, status_of, unique_email

EXAMPLE_POST = "/posts/how-to-train-your-dragon"
EXAMPLE_COMMENT = "/comments/1"
EXAMPLE_PROFILE = "/profiles/jake"
PASSWORD = "correct horse battery staple"


def _other_author() -> str:
    """A second user's username (following oneself is refused, so not the admin's)."""
    email = unique_email()
    api(
        "POST",
        "/identity/users",
        json={"email": email, "password": PASSWORD, "display_name": "Jake"},
    )
    token = login(email, PASSWORD)["access_token"]
    profile = api("GET", "/blog/profiles/me", headers={"Authorization": f"Bearer {token}"})
    username: str = profile.json()["username"]
    return username


@hooks.before_each
def real_post(transaction):
    path = transaction["fullPath"]
    if status_of(transaction) >= 300 or "/blog/" not in path:
        return
    if EXAMPLE_PROFILE in path:
        replace_path(transaction, EXAMPLE_PROFILE, f"/profiles/{_other_author()}")
    if EXAMPLE_POST not in path:
        return
    created = api("POST", "/blog/posts", json={"title": "Dredd fixture", "status": "PUBLISHED"})
    replace_path(transaction, EXAMPLE_POST, f"/posts/{created.json()['slug']}")
    if EXAMPLE_COMMENT in path:
        comment = api("POST", f"/blog/posts/{created.json()['slug']}/comments", json={"body": "x"})
        replace_path(transaction, EXAMPLE_COMMENT, f"/comments/{comment.json()['id']}")
    headers = transaction["request"]["headers"]
    if "If-Match" in headers:
        headers["If-Match"] = created.headers["ETag"]


@hooks.before("/blog/posts > List posts > 401 > application/problem+json")
@hooks.before("/blog/posts/{slug} > Read a post > 401 > application/problem+json")
@hooks.before("/blog/posts/{slug}/comments > A post's comments > 401 > application/problem+json")
@hooks.before("/blog/profiles/{username} > Read a profile > 401 > application/problem+json")
def bad_credential(transaction):
    transaction["request"]["headers"]["Authorization"] = "Bearer not-a-token"
