"""The shortlinks API: management under /api/v1/shortlinks/links (owner only), redirects at
/s/{code} (public), and bad input that answers problem+json and changes nothing."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select, update

from core.db import transaction
from core.settings import get_settings
from db.models.shortlinks import ShortlinksLink
from services import shortlinks
from services.shortlinks import clicks
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.factories.shortlinks import make_link
from tests.live import serve
from tests.problems import assert_problem
from tests.support.answers import assert_created
from tests.support.pages import every_api_item

URL = "/api/v1/shortlinks/links"


def _count() -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(ShortlinksLink)) or 0


def test_a_random_code_redirects_with_302_and_no_body(client, user):
    target = "https://shop.example.com/offers/spring?utm_source=newsletter&x=%20"
    body = assert_created(
        client.post(URL, json={"target_url": target}, headers=auth_headers(user)), URL
    )
    assert len(body["code"]) == 7 and body["custom"] is False
    assert body["short_url"] == f"http://127.0.0.1/s/{body['code']}"
    assert (body["state"], body["visits"], body["redirect_status"]) == ("ACTIVE", 0, 302)
    followed = client.get(f"/s/{body['code']}", follow_redirects=False)
    assert followed.status_code == 302
    assert followed.headers["location"] == target
    assert followed.content == b""
    assert "content-type" not in followed.headers


def test_an_alias_redirects_with_the_chosen_301_and_a_taken_alias_is_409(client, user):
    wanted = {"target_url": "https://example.org/a", "alias": "spring-sale", "redirect_status": 301}
    created = client.post(URL, json=wanted, headers=auth_headers(user))
    assert created.status_code == 201, created.text
    assert created.json()["code"] == "spring-sale"
    followed = client.get("/s/spring-sale", follow_redirects=False)
    assert (followed.status_code, followed.headers["location"]) == (301, "https://example.org/a")
    again = client.post(URL, json=wanted, headers=auth_headers(make_user()))
    assert_problem(again, 409, "/problems/shortlinks/alias-taken")
    assert _count() == 1


@pytest.mark.parametrize(
    ("body", "status", "problem"),
    [
        ({"target_url": "javascript:alert(1)//"}, 400, "/problems/validation"),
        ({"target_url": "ftp://files.example.org/a"}, 400, "/problems/validation"),
        ({"target_url": "https://example.org/", "alias": "a/b"}, 400, "/problems/validation"),
        ({"target_url": "https://example.org/", "max_visits": 0}, 400, "/problems/validation"),
        ({"target_url": "https://example.org/", "extra": 1}, 400, "/problems/validation"),
        (
            {"target_url": "https://bank.example@evil.example/"},
            422,
            "/problems/shortlinks/invalid-target",
        ),
        ({"target_url": "http://127.0.0.1/s/abc"}, 422, "/problems/shortlinks/self-target"),
        (
            {"target_url": "https://example.org/", "expires_at": "2020-01-01T00:00:00Z"},
            422,
            "/problems/shortlinks/expiry-in-past",
        ),
    ],
)  # fmt: skip
def test_bad_links_are_refused_and_nothing_is_created(client, user, body, status, problem):
    assert_problem(client.post(URL, json=body, headers=auth_headers(user)), status, problem)
    assert _count() == 0


def test_a_link_that_does_not_redirect_says_why(client, user):
    headers = auth_headers(user)
    link = make_link(user, alias="soon-off", max_visits=1)
    assert client.get("/s/soon-off", follow_redirects=False).status_code == 302
    assert_problem(client.get("/s/soon-off"), 410, "/problems/shortlinks/link-exhausted")
    switched = client.patch(f"{URL}/{link.id}", json={"enabled": False}, headers=headers)
    assert switched.json()["state"] == "DISABLED"
    assert_problem(client.get("/s/soon-off"), 404, "/problems/shortlinks/link-disabled")
    reopened = client.patch(
        f"{URL}/{link.id}", json={"enabled": True, "max_visits": None}, headers=headers
    )
    assert reopened.json()["state"] == "ACTIVE"
    assert client.get("/s/soon-off", follow_redirects=False).status_code == 302
    with transaction(write=True) as session:
        session.execute(
            update(ShortlinksLink)
            .where(ShortlinksLink.id == link.id)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    shortlinks.forget_hops()  # as SHORTLINKS_REDIRECT_CACHE_SECONDS passing would
    assert_problem(client.get("/s/soon-off"), 410, "/problems/shortlinks/link-expired")
    assert_problem(client.get("/s/no-such-code"), 404, "/problems/shortlinks/link-not-found")
    assert_problem(client.get("/s/bad.code"), 400, "/problems/validation")
    # A query string never turns an answer into a 400 (the contract ignores it).
    assert_problem(client.get("/s/soon-off?fbclid=x"), 410, "/problems/shortlinks/link-expired")
    assert_problem(client.get("/s/bad.code?utm_source=x"), 400, "/problems/validation")


def test_a_shared_link_redirects_whatever_query_string_a_site_appended(client, user):
    link = make_link(user, alias="shared", max_visits=3)
    plain = make_link(user, alias="plain")
    for path in ("/s/shared?fbclid=IwAR0x&utm_source=social", "/s/plain?utm_medium=x&utm_medium=y"):
        followed = client.get(path, follow_redirects=False)
        assert followed.status_code == 302, followed.text
    assert followed.headers["location"] == plain.target_url
    shortlinks.forget_hops()  # the first visit of a link not yet remembered goes the slow way
    assert client.get("/s/shared?fbclid=2", follow_redirects=False).status_code == 302
    assert client.get("/s/shared?x", follow_redirects=False).headers["location"] == link.target_url
    assert_problem(client.get("/s/shared?fbclid=3"), 410, "/problems/shortlinks/link-exhausted")


def test_a_redirect_reads_one_row_then_nothing_and_writes_nothing(client, user, statement_counter):
    link = make_link(user)
    with statement_counter() as counted:
        assert client.get(f"/s/{link.code}", follow_redirects=False).status_code == 302
    sent = [sql for sql in counted.statements if not sql.startswith(("BEGIN", "COMMIT"))]
    assert sent == counted.selects and len(sent) == 1
    with statement_counter() as counted:
        assert client.get(f"/s/{link.code}", follow_redirects=False).status_code == 302
    assert counted.statements == []  # remembered for SHORTLINKS_REDIRECT_CACHE_SECONDS
    assert clicks.BUFFER.pending() == 2


def test_stats_count_days_referrers_and_agents_once_flushed(client, user):
    link = make_link(user)
    visits = [
        {"Referer": "https://news.example.org/2026/a", "User-Agent": "Mozilla/5.0 Firefox/133.0"},
        {"Referer": "https://news.example.org/b", "User-Agent": "curl/8.5.0"},
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"},
    ]
    for headers in visits:
        client.get(f"/s/{link.code}", headers=headers, follow_redirects=False)
    clicks.flush_buffer()
    stats = client.get(f"{URL}/{link.id}/stats", params={"days": 7}, headers=auth_headers(user))
    assert stats.status_code == 200, stats.text
    body = stats.json()
    today = datetime.now(UTC).date()
    assert (body["visits"], body["to_day"]) == (3, today.isoformat())
    assert body["from_day"] == (today - timedelta(days=6)).isoformat()
    assert body["days"] == [{"day": today.isoformat(), "clicks": 3}]
    assert body["referrers"] == [
        {"referrer": "news.example.org", "clicks": 2},
        {"referrer": None, "clicks": 1},
    ]
    assert sorted(item["family"] for item in body["agents"]) == ["BOT", "FIREFOX", "TOOL"]


def test_get_update_and_delete_my_link(client, user):
    headers = auth_headers(user)
    link = make_link(user)
    got = client.get(f"{URL}/{link.id}", headers=headers)
    assert (got.status_code, got.headers["etag"]) == (200, '"1"')
    changed = client.patch(
        f"{URL}/{link.id}",
        json={"target_url": "https://example.org/new", "redirect_status": 301},
        headers={**headers, "If-Match": '"1"'},
    )
    assert (changed.status_code, changed.headers["etag"]) == (200, '"2"')
    stale = client.patch(
        f"{URL}/{link.id}", json={"enabled": False}, headers={**headers, "If-Match": '"1"'}
    )
    assert_problem(stale, 412, "/problems/precondition-failed")
    assert client.get(f"/s/{link.code}", follow_redirects=False).headers["location"] == (
        "https://example.org/new"
    )
    assert client.delete(f"{URL}/{link.id}", headers=headers).status_code == 204
    assert_problem(client.get(f"/s/{link.code}"), 404, "/problems/shortlinks/link-not-found")


def test_a_bad_update_changes_nothing(client, user):
    link = make_link(user, target_url="https://example.org/kept")
    for body, status in [
        ({"target_url": "https://a:b@example.org/"}, 422),
        ({"target_url": "http://127.0.0.1:8000/s/x"}, 422),
        ({"expires_at": "2001-01-01T00:00:00Z"}, 422),
        ({"redirect_status": 307}, 400),
    ]:
        response = client.patch(f"{URL}/{link.id}", json=body, headers=auth_headers(user))
        assert response.status_code == status, response.text
    got = client.get(f"{URL}/{link.id}", headers=auth_headers(user)).json()
    assert (got["target_url"], got["expires_at"], got["redirect_status"]) == (
        "https://example.org/kept",
        None,
        302,
    )
    assert client.get(f"{URL}/{link.id}", headers=auth_headers(user)).headers["etag"] == '"1"'


def test_anonymous_management_is_401(client):
    assert_problem(client.get(URL), 401, "/problems/unauthorized")
    response = client.post(URL, json={"target_url": "https://example.org/"})
    assert_problem(response, 401, "/problems/unauthorized")


def test_someone_elses_link_is_404_to_read_change_count_and_delete(client, user):
    theirs = make_link(make_user())
    headers = auth_headers(user)
    for method, path, body in [
        ("GET", f"{URL}/{theirs.id}", None),
        ("PATCH", f"{URL}/{theirs.id}", {"enabled": False}),
        ("GET", f"{URL}/{theirs.id}/stats", None),
        ("DELETE", f"{URL}/{theirs.id}", None),
    ]:
        response = client.request(method, path, json=body, headers=headers)
        assert_problem(response, 404, "/problems/shortlinks/link-not-found")
    assert client.get(f"/s/{theirs.code}", follow_redirects=False).status_code == 302


def test_the_list_filters_searches_and_pages(client, user):
    headers = auth_headers(user)
    made = [make_link(user, target_url=f"https://shop.example.com/item/{n}") for n in range(5)]
    make_link(user, target_url="https://blog.example.net/post", enabled=False)
    make_link(make_user(), target_url="https://shop.example.com/theirs")
    listed = every_api_item(client, URL, headers, limit=2, q="SHOP.example")
    assert [item["id"] for item in listed] == [str(link.id) for link in reversed(made)]
    off = client.get(URL, params={"state": "DISABLED"}, headers=headers).json()["items"]
    assert [item["target_url"] for item in off] == ["https://blog.example.net/post"]


@pytest.mark.parametrize("count", [2, 12])
def test_a_page_of_links_costs_the_same_statements_whatever_its_size(
    user, count, statement_counter
):
    for number in range(count):
        make_link(user, target_url=f"https://example.org/{number}")
    with statement_counter() as counted, transaction(write=False) as session:
        page = shortlinks.list_links(session, actor_of(user), limit=50)
        states = [shortlinks.state_of(link) for link in page.items]
    assert states == ["ACTIVE"] * count
    assert len(counted.selects) == 1


@pytest.mark.skipif(
    get_settings().is_sqlite, reason="a claim about concurrent workers on PostgreSQL"
)
def test_a_live_two_worker_server_redirects_exactly_max_visits_and_loses_no_click(user):
    limited = make_link(user, alias="only-five", max_visits=5)
    unlimited = make_link(user, alias="open-to-all")
    paths = ["/s/only-five"] * 30 + ["/s/open-to-all"] * 30
    barrier = threading.Barrier(len(paths))

    def follow(path: str) -> int:
        with httpx.Client(base_url=base, timeout=60) as http:
            barrier.wait(timeout=120)
            return http.get(path, headers={"Referer": "https://news.example.org/"}).status_code

    # Flushes only when a worker stops: every click below reaches the database that way.
    with (
        serve(env={"SHORTLINKS_CLICK_FLUSH_SECONDS": "3600"}) as base,
        ThreadPoolExecutor(max_workers=len(paths)) as pool,
    ):
        statuses = list(pool.map(follow, paths))
    assert sorted(statuses[:30]) == [302] * 5 + [410] * 25
    assert statuses[30:] == [302] * 30
    with transaction(write=False) as session:
        for link, visits in [(limited, 5), (unlimited, 30)]:
            stats = shortlinks.link_stats(session, actor_of(user), link_id=link.id)
            assert stats.link.visits == visits
            assert [count for _, count in stats.days] == [visits]
            assert stats.referrers == [("news.example.org", visits)]
