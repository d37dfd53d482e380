"""The previews API: a lookup fetches a real page from a local server; SSRF attempts are refused
with 422 and record nothing; lookups are private to their owner."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.outbound import use_resolver
from core.settings import get_settings
from db.models.previews import PreviewsLookup, PreviewsPage
from services import previews
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.factories.previews import make_lookup
from tests.previews.conftest import HITS
from tests.problems import assert_problem

URL = "/api/v1/previews/lookups"


def _rows() -> tuple[int, int]:
    with transaction(write=False) as session:
        return (
            session.scalar(select(func.count()).select_from(PreviewsLookup)) or 0,
            session.scalar(select(func.count()).select_from(PreviewsPage)) or 0,
        )


def test_a_lookup_fetches_the_page_once_and_then_answers_from_the_cache(client, user, pages):
    page_url = f"{pages}/pages/article_og.html"
    first = client.post(URL, json={"url": page_url}, headers=auth_headers(user))
    assert first.status_code == 201, first.text
    body = first.json()
    assert first.headers["Location"] == f"{URL}/{body['id']}"
    assert body["from_cache"] is False
    assert body["preview"]["title"] == "Harbour towns rebuild their footbridges & piers"
    assert body["preview"]["site_name"] == "Example News"
    second = client.post(URL, json={"url": page_url + "#comments"}, headers=auth_headers(user))
    assert second.json()["from_cache"] is True
    assert HITS["/pages/article_og.html"] == 1
    refreshed = client.post(
        URL, json={"url": page_url, "refresh": True}, headers=auth_headers(user)
    )
    assert refreshed.json()["from_cache"] is False
    assert HITS["/pages/article_og.html"] == 2
    assert _rows() == (3, 1)


def test_a_lookup_under_an_idempotency_key_is_made_once_and_replayed(client, user, pages):
    # A fuzz run (seed 16016) met a 500 here: the key's transaction wraps the work, and the
    # fetch between two short transactions must join it rather than refuse.
    headers = {**auth_headers(user), "Idempotency-Key": "lookup-1"}
    body = {"url": f"{pages}/pages/article_og.html"}
    first = client.post(URL, json=body, headers=headers)
    assert first.status_code == 201, first.text
    again = client.post(URL, json=body, headers=headers)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert HITS["/pages/article_og.html"] == 1
    assert _rows() == (1, 1)


def test_a_failed_lookup_under_an_idempotency_key_is_its_problem_not_a_500(client, user, pages):
    headers = {**auth_headers(user), "Idempotency-Key": "lookup-2"}
    answer = client.post(URL, json={"url": f"{pages}/down"}, headers=headers)
    assert_problem(answer, 502, "/problems/upstream-unavailable")
    assert _rows() == (0, 0)


def test_anonymous_lookups_are_401(client):
    response = client.post(URL, json={"url": "https://news.example.org/"})
    assert_problem(response, 401, "/problems/unauthorized")


def test_a_url_that_is_not_http_is_400(client, user):
    response = client.post(
        URL, json={"url": "ftp://files.example.org/x"}, headers=auth_headers(user)
    )
    assert_problem(response, 400, "/problems/validation")


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://127.0.0.1:5432/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fd00:ec2::254]/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://0x7f000001/",
        "http://localhost:8000/admin",
    ],
)
def test_private_targets_are_refused_and_record_nothing(client, user, target):
    response = client.post(URL, json={"url": target}, headers=auth_headers(user))
    assert_problem(response, 422, "/problems/outbound/url-refused")
    assert _rows() == (0, 0)


def test_a_name_resolving_to_a_private_address_is_refused(client, user):
    with use_resolver({"intranet.example.org": ["192.168.10.4"]}):
        response = client.post(
            URL, json={"url": "https://intranet.example.org/"}, headers=auth_headers(user)
        )
    assert_problem(response, 422, "/problems/outbound/url-refused")


def test_a_redirect_to_a_private_address_is_refused(client, user, pages):
    with use_resolver({"metadata.internal": ["169.254.169.254"]}):
        response = client.post(
            URL,
            json={"url": f"{pages}/moved?http://metadata.internal/computeMetadata/v1/"},
            headers=auth_headers(user),
        )
    assert_problem(response, 422, "/problems/outbound/url-refused")
    assert HITS["/moved"] == 1
    assert _rows() == (0, 0)


def test_unsupported_content_and_target_errors_are_422(client, user, pages):
    pdf = client.post(URL, json={"url": f"{pages}/report.pdf"}, headers=auth_headers(user))
    assert_problem(pdf, 422, "/problems/previews/unsupported-content")
    gone = client.post(URL, json={"url": f"{pages}/gone"}, headers=auth_headers(user))
    assert_problem(gone, 422, "/problems/previews/target-error")


def test_an_unreachable_or_failing_site_is_502(client, user, pages):
    down = client.post(URL, json={"url": f"{pages}/down"}, headers=auth_headers(user))
    assert_problem(down, 502, "/problems/upstream-unavailable")
    # No name is looked up in tests (OUTBOUND_DNS=0): an unknown name cannot be resolved.
    unknown = client.post(
        URL, json={"url": "https://unknown.example.org/"}, headers=auth_headers(user)
    )
    assert_problem(unknown, 502, "/problems/upstream-unavailable")


def test_a_slow_site_is_504(client, user, pages, monkeypatch):
    monkeypatch.setenv("OUTBOUND_READ_TIMEOUT_SECONDS", "0.2")
    get_settings.cache_clear()
    # A port that accepts the connection but never answers: a listening socket nobody serves.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        response = client.post(
            URL, json={"url": f"http://127.0.0.1:{port}/"}, headers=auth_headers(user)
        )
    assert_problem(response, 504, "/problems/upstream-timeout")


def test_get_and_delete_my_lookup(client, user):
    lookup = make_lookup(user)
    got = client.get(f"{URL}/{lookup.id}", headers=auth_headers(user))
    assert got.status_code == 200
    assert got.json()["preview"]["title"] == "A page"
    deleted = client.delete(f"{URL}/{lookup.id}", headers=auth_headers(user))
    assert deleted.status_code == 204
    again = client.get(f"{URL}/{lookup.id}", headers=auth_headers(user))
    assert_problem(again, 404, "/problems/previews/lookup-not-found")


def test_someone_elses_lookup_is_404_to_read_and_to_delete(client, user):
    theirs = make_lookup(make_user())
    for method in ("get", "delete"):
        response = getattr(client, method)(f"{URL}/{theirs.id}", headers=auth_headers(user))
        assert_problem(response, 404, "/problems/previews/lookup-not-found")
    assert _rows() == (1, 1)


def test_the_list_shows_my_lookups_newest_first_and_filters_by_site(client, user):
    older = make_lookup(user, url="https://news.example.org/a")
    newer = make_lookup(user, url="https://blog.example.net/b")
    make_lookup(make_user(), url="https://news.example.org/c")
    listed = client.get(URL, headers=auth_headers(user)).json()
    assert [item["id"] for item in listed["items"]] == [str(newer.id), str(older.id)]
    site = client.get(URL, params={"site": "NEWS.example.org"}, headers=auth_headers(user)).json()
    assert [item["id"] for item in site["items"]] == [str(older.id)]


@pytest.mark.parametrize("count", [2, 12])
def test_a_page_of_lookups_costs_the_same_statements_whatever_its_size(
    user, count, statement_counter
):
    for number in range(count):
        make_lookup(user, url=f"https://news.example.org/{number}")
    with statement_counter() as counted, transaction(write=False) as session:
        page = previews.list_lookups(session, actor_of(user), limit=50)
        titles = [lookup.page.title for lookup in page.items]
    assert len(titles) == count
    assert len(counted.selects) == 1  # lookups joined with their pages
