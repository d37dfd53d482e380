"""Portfolio: public cacheable reads (ETag, Cache-Control, 304), versioned admin publication,
and the deprecation headers of a deprecated operation."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from core.concurrency import matches_if_none_match
from core.security import deprecation_headers
from tests.factories.identity import auth_headers, make_user
from tests.problems import assert_problem

URL = "/api/v1/portfolio"
CONTENT = {
    "projects": [
        {
            "title": "Trellis",
            "summary": "A spec-first backend platform.",
            "url": "https://example.com/trellis",
            "tags": ["python"],
            "year": 2026,
        }
    ],
    "skills": [{"name": "PostgreSQL", "category": "Databases", "level": "ADVANCED"}],
    "contacts": [{"kind": "EMAIL", "label": "Work", "value": "ada@example.com"}],
    "note": "First edition.",
}


def publish(client, admin, content=CONTENT, etag='"0"'):  # type: ignore[no-untyped-def]
    return client.put(URL, json=content, headers={**auth_headers(admin), "If-Match": etag})


@pytest.fixture
def admin():  # type: ignore[no-untyped-def]
    return make_user(role="ADMIN")


def test_before_any_publication_the_portfolio_is_the_empty_version_0(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "version": 0,
        "published_at": None,
        "note": "",
        "projects": [],
        "skills": [],
        "contacts": [],
    }
    assert response.headers["etag"] == '"0"'
    assert response.headers["cache-control"] == "public, max-age=60"


def test_publish_then_read_publicly_with_conditional_get(client, admin):
    published = publish(client, admin)
    assert published.status_code == 200
    assert published.json()["version"] == 1
    assert published.headers["etag"] == '"1"'

    current = client.get(URL)
    assert current.json()["projects"] == CONTENT["projects"]
    assert current.json()["note"] == "First edition."
    for held in ('"1"', 'W/"1"', '"0", "1"', "*"):
        not_modified = client.get(URL, headers={"If-None-Match": held})
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert not_modified.headers["etag"] == '"1"'
    assert client.get(URL, headers={"If-None-Match": '"0"'}).status_code == 200


def test_get_portfolio_rejects_a_bad_header(client):
    assert_problem(
        client.get(URL, headers={"If-None-Match": "x" * 300}), 400, "/problems/validation"
    )


def test_past_versions_stay_readable_and_immutable(client, admin):
    publish(client, admin)
    publish(client, admin, content={**CONTENT, "projects": [], "note": "Cleared."}, etag='"1"')

    first = client.get(f"{URL}/versions/1")
    assert first.status_code == 200
    assert first.json()["projects"] == CONTENT["projects"]
    assert first.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get(f"{URL}/versions/1", headers={"If-None-Match": '"1"'}).status_code == 304
    assert client.get(URL).json()["projects"] == []

    versions = client.get(f"{URL}/versions", params={"limit": 1}).json()
    assert [item["version"] for item in versions["items"]] == [2]
    rest = client.get(f"{URL}/versions", params={"limit": 1, "cursor": versions["next"]}).json()
    assert [(item["version"], item["note"]) for item in rest["items"]] == [(1, "First edition.")]


def test_deprecated_operation_announces_deprecation_sunset_and_successor(client, admin):
    publish(client, admin)
    response = client.get(f"{URL}/projects")
    assert response.status_code == 200
    assert response.json() == {"version": 1, "items": CONTENT["projects"]}
    assert response.headers["deprecation"] == "@1795478400"  # 2026-11-24T00:00:00Z
    assert response.headers["sunset"] == "Wed, 30 Jun 2027 00:00:00 GMT"
    assert response.headers["link"] == '</api/v1/portfolio>; rel="successor-version"'
    assert "deprecation" not in client.get(URL).headers


def test_concurrent_publishers_with_one_etag_have_exactly_one_winner(live_server, admin):
    headers = {**auth_headers(admin), "If-Match": '"0"'}
    barrier = threading.Barrier(12)

    def put(number: int) -> int:
        with httpx.Client(base_url=live_server, timeout=30) as http:
            barrier.wait(timeout=60)
            body = {**CONTENT, "note": f"editor {number}"}
            return http.put(URL, json=body, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = sorted(pool.map(put, range(12)))
    assert statuses.count(200) == 1
    assert statuses.count(412) == 11
    with httpx.Client(base_url=live_server) as http:
        assert [item["version"] for item in http.get(f"{URL}/versions").json()["items"]] == [1]


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, False), ("", False), ('"2"', False), ('"3"', True), ('W/"3"', True), ("*", True)],
)
def test_if_none_match_uses_the_weak_comparison(header, expected):
    assert matches_if_none_match(header, '"3"') is expected


def test_deprecation_headers_need_deprecated_true():
    assert deprecation_headers({"x-sunset": "2027-01-01"}) == ()
    assert deprecation_headers({"deprecated": True, "x-deprecated-at": "1970-01-02"}) == (
        (b"deprecation", b"@86400"),
    )
