"""Notes fixtures: the example page and slug become real pages created through the API."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path, status_of

EXAMPLE_PAGE = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
EXAMPLE_SLUG = "/slugs/release-checklist"


@hooks.before_each
def real_page(transaction):
    path = transaction["fullPath"]
    if status_of(transaction) >= 300 or "/notes/" not in path:
        return
    headers = transaction["request"]["headers"]
    if EXAMPLE_SLUG in path:
        page = api("POST", "/notes/pages", json={"title": "Release checklist"}).json()
        replace_path(transaction, EXAMPLE_SLUG, f"/slugs/{page['slug']}")
    elif EXAMPLE_PAGE in path:
        created = api("POST", "/notes/pages", json={"title": "Dredd fixture", "body": "v1"})
        page_id, etag = created.json()["id"], created.headers["ETag"]
        if transaction["request"]["method"] == "DELETE":
            archived = api(
                "PATCH",
                f"/notes/pages/{page_id}",
                json={"archived": True},
                headers={"If-Match": etag},
            )
            etag = archived.headers["ETag"]
        replace_path(transaction, EXAMPLE_PAGE, page_id)
        if "If-Match" in headers:
            headers["If-Match"] = etag
