"""Notes over HTTP: each operation's happy path and every documented error."""

from __future__ import annotations

import pytest

from tests.factories.identity import auth_headers, make_user
from tests.factories.notes import edit_page, make_page
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/notes/pages"
SLUGS = "/api/v1/notes/slugs"


def test_create_page_renders_sanitised_html(client, user):
    response = client.post(
        URL,
        json={"title": "Release checklist", "body": "# Go\n<script>x</script>", "tags": ["Ops"]},
        headers=auth_headers(user),
    )
    body = assert_created(response, URL)
    assert body["slug"] == "release-checklist"
    assert body["html"].startswith("<h1>Go</h1>")
    assert "<script>" not in body["html"]
    assert (body["tags"], body["archived"], body["revision"]) == (["ops"], False, 1)


def test_create_page_errors(client, user):
    headers = auth_headers(user)
    assert_problem(
        client.post(URL, json={"title": "   "}, headers=headers), 400, "/problems/validation"
    )
    key = {**headers, "Idempotency-Key": "page-1"}
    assert client.post(URL, json={"title": "x"}, headers=key).status_code == 201
    assert_problem(
        client.post(URL, json={"title": "y"}, headers=key), 422, "/problems/idempotency-key-reused"
    )


def test_list_and_search_pages(client, user):
    make_page(user, title="Kubernetes upgrade", tags=["ops"])
    make_page(user, title="Laptop upgrade")
    archived = make_page(user, title="Old upgrade")
    edit_page(user, archived, archived=True)
    make_page(make_user(), title="Someone else's upgrade")
    headers = auth_headers(user)

    found = client.get(URL, params={"q": "upgrade", "limit": 1}, headers=headers).json()
    rest = client.get(
        URL, params={"q": "upgrade", "limit": 1, "cursor": found["next"]}, headers=headers
    ).json()
    assert [p["title"] for p in found["items"] + rest["items"]] == [
        "Laptop upgrade",
        "Kubernetes upgrade",
    ]
    assert rest["next"] is None
    tagged = client.get(URL, params={"tag": "OPS"}, headers=headers).json()["items"]
    assert [p["title"] for p in tagged] == ["Kubernetes upgrade"]
    only_archived = client.get(URL, params={"archived": "true"}, headers=headers).json()["items"]
    assert [p["title"] for p in only_archived] == ["Old upgrade"]


def test_get_page(client, user):
    page = make_page(user)
    response = client.get(f"{URL}/{page.id}", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["title"] == "Release checklist"


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PATCH", {"body": "x"}), ("DELETE", None)]
)
def test_someone_elses_page_is_not_found(client, user, method, body):
    page = make_page(user)
    response = client.request(
        method, f"{URL}/{page.id}", json=body, headers=auth_headers(make_user())
    )
    assert_problem(response, 404, "/problems/notes/not-found")


def test_get_by_slug_follows_renames(client, user):
    page = make_page(user, title="Draft plan")
    edit_page(user, page, title="Final plan")
    headers = auth_headers(user)
    current = client.get(f"{SLUGS}/final-plan", headers=headers)
    assert current.status_code == 200
    assert current.json()["id"] == str(page.id)
    moved = client.get(f"{SLUGS}/draft-plan", headers=headers, follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"{SLUGS}/final-plan"
    assert client.get(f"{SLUGS}/draft-plan", headers=headers).json()["slug"] == "final-plan"


def test_update_page(client, user):
    page = make_page(user, title="Plan", body="v1")
    response = client.patch(
        f"{URL}/{page.id}",
        json={"title": "Better plan", "body": "**v2**"},
        headers={**auth_headers(user), "If-Match": '"1"'},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["slug"], body["revision"], body["html"]) == (
        "better-plan",
        2,
        "<p><strong>v2</strong></p>\n",
    )
    assert response.headers["etag"] == '"2"'


def test_delete_page_only_when_archived(client, user):
    page = make_page(user)
    path = f"{URL}/{page.id}"
    headers = auth_headers(user)
    assert_problem(client.delete(path, headers=headers), 409, "/problems/notes/not-archived")
    archived = client.patch(path, json={"archived": True}, headers=headers)
    assert archived.json()["archived"] is True
    assert client.delete(path, headers=headers).status_code == 204
    assert_problem(client.get(path, headers=headers), 404, "/problems/notes/not-found")


def test_revisions_list_get_and_restore(client, user):
    page = make_page(user, title="Plan", body="v1")
    edit_page(user, page, body="v2")
    headers = auth_headers(user)
    history = client.get(f"{URL}/{page.id}/revisions", headers=headers).json()
    assert [(r["number"], r["body"]) for r in history["items"]] == [(2, "v2"), (1, "v1")]
    first = client.get(f"{URL}/{page.id}/revisions/1", headers=headers)
    assert first.json()["author_id"] == str(user.id)
    restored = client.post(
        f"{URL}/{page.id}/restorations",
        json={"revision": 1},
        headers={**headers, "If-Match": '"2"'},
    )
    assert restored.status_code == 200
    assert (restored.json()["body"], restored.json()["revision"]) == ("v1", 3)


def test_restoring_an_unknown_revision_is_404(client, user):
    page = make_page(user)
    headers = auth_headers(user)
    base = f"{URL}/{page.id}"
    assert_problem(client.get(f"{base}/revisions/0", headers=headers), 400, "/problems/validation")
    assert_problem(
        client.get(f"{base}/revisions/9", headers=headers),
        404,
        "/problems/notes/revision-not-found",
    )
    restore = f"{base}/restorations"
    assert_problem(
        client.post(restore, json={"revision": 0}, headers=headers), 400, "/problems/validation"
    )
    assert_problem(
        client.post(restore, json={"revision": 9}, headers=headers),
        404,
        "/problems/notes/revision-not-found",
    )
