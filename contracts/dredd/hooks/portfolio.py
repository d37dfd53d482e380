"""Portfolio fixtures: publish against the current ETag; read a version that exists."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import api, replace_path

FIXTURE = {"projects": [], "skills": [], "contacts": [], "note": "Dredd fixture"}


def _current_etag() -> str:
    etag: str = api("GET", "/portfolio").headers["ETag"]
    return etag


@hooks.before("/portfolio > Publish a new version (admin) > 200 > application/json")
def publish_against_the_current_version(transaction):
    transaction["request"]["headers"]["If-Match"] = _current_etag()


@hooks.before("/portfolio/versions/{version} > One past version (public) > 200 > application/json")
def read_a_published_version(transaction):
    published = api("PUT", "/portfolio", json=FIXTURE, headers={"If-Match": _current_etag()})
    replace_path(transaction, "/versions/3", f"/versions/{published.json()['version']}")
