"""The feeds API against the local feed server: every operation's happy path and documented
errors (status and problem type), upstream failures as 502/504 recorded on the feed, another
user's rows as 404, and lists whose statement count does not grow with the page size."""

from __future__ import annotations

import time

import pytest

from core.db import transaction
from jobs.feeds import poll
from services import feeds
from tests.factories.feeds import make_feeds_subscription
from tests.factories.identity import actor_of, auth_headers, make_user
from tests.problems import assert_problem

SUBS = "/api/v1/feeds/subscriptions"
ENTRIES = "/api/v1/feeds/entries"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def _fetched(user, feed_server, path="/harbour.xml"):
    view = make_feeds_subscription(user, feed_server.feed(path))
    assert poll(view.feed.id).status == "fetched"
    return view


def _timeline(client, user, **params):
    response = client.get(ENTRIES, params=params, headers=auth_headers(user))
    assert response.status_code == 200, response.text
    return response.json()


# ---- subscriptions ----------------------------------------------------------------------------


def test_subscribe_answers_the_subscription_with_its_location_and_refuses_a_second_time(
    client, user
):
    body = {"url": "https://gazette.example.org/rss.xml", "title": "Gazette"}
    response = client.post(SUBS, json=body, headers=auth_headers(user))
    assert response.status_code == 201, response.text
    made = response.json()
    assert response.headers["location"] == f"{SUBS}/{made['id']}"
    assert (made["title"], made["feed_title"], made["unread_count"]) == ("Gazette", None, 0)
    assert made["fetch_state"]["last_fetched_at"] is None
    again = client.post(
        SUBS, json={"url": "https://GAZETTE.example.org/rss.xml"}, headers=auth_headers(user)
    )
    assert_problem(again, 409, "/problems/feeds/already-subscribed")


@pytest.mark.parametrize(
    "url", ["gopher://gazette.example.org/rss", "http://192.168.1.10/rss.xml", "not a url"]
)
def test_subscribe_refuses_urls_it_will_not_fetch_and_stores_nothing(client, user, url):
    response = client.post(SUBS, json={"url": url}, headers=auth_headers(user))
    assert_problem(response, 422, "/problems/feeds/invalid-url")
    assert client.get(SUBS, headers=auth_headers(user)).json()["items"] == []


def test_subscriptions_are_private(client, user):
    mine = make_feeds_subscription(user)
    theirs = make_feeds_subscription(make_user(), "https://walks.example.net/atom.xml")
    listed = client.get(SUBS, headers=auth_headers(user)).json()
    assert [item["id"] for item in listed["items"]] == [str(mine.subscription.id)]
    own = client.get(f"{SUBS}/{mine.subscription.id}", headers=auth_headers(user))
    assert own.status_code == 200 and own.json()["url"] == "https://news.example.org/feed.xml"
    for method in ("get", "delete"):
        answer = client.request(
            method, f"{SUBS}/{theirs.subscription.id}", headers=auth_headers(user)
        )
        assert_problem(answer, 404, "/problems/feeds/subscription-not-found")
    refresh = client.post(f"{SUBS}/{theirs.subscription.id}/refreshes", headers=auth_headers(user))
    assert_problem(refresh, 404, "/problems/feeds/subscription-not-found")
    assert client.get(SUBS).status_code == 401


def test_unsubscribe_removes_the_feed_from_my_timeline_only(client, user, feed_server):
    view = _fetched(user, feed_server)
    other = make_user()
    make_feeds_subscription(other, feed_server.feed("/harbour.xml"))
    gone = client.delete(f"{SUBS}/{view.subscription.id}", headers=auth_headers(user))
    assert gone.status_code == 204
    assert (
        client.get(f"{SUBS}/{view.subscription.id}", headers=auth_headers(user)).status_code == 404
    )
    assert _timeline(client, user)["items"] == []
    assert len(_timeline(client, other)["items"]) == 4


# ---- refresh: fetching now, and every upstream failure as 502/504 -----------------------------


def test_refresh_fetches_then_answers_not_modified(client, user, feed_server, configure):
    configure(FEEDS_MIN_REFRESH_SECONDS=0)
    view = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    url = f"{SUBS}/{view.subscription.id}/refreshes"
    first = client.post(url, headers=auth_headers(user))
    assert first.status_code == 200, first.text
    assert (first.json()["outcome"], first.json()["new_entries"]) == ("FETCHED", 4)
    subscription = first.json()["subscription"]
    assert (subscription["feed_title"], subscription["unread_count"]) == (
        "Harbour Gazette & Tides",
        4,
    )
    assert subscription["site_url"] == "https://gazette.example.org/"
    second = client.post(url, headers=auth_headers(user))
    assert (second.json()["outcome"], second.json()["new_entries"]) == ("NOT_MODIFIED", 0)


@pytest.mark.parametrize(
    ("path", "status", "problem"),
    [
        ("/page.html", 502, "/problems/feeds/not-a-feed"),
        ("/truncated.xml", 502, "/problems/feeds/malformed-feed"),
        ("/cover.png", 502, "/problems/feeds/unsupported-content-type"),
        ("/down.xml", 502, "/problems/feeds/upstream-status"),
        ("/huge.xml", 502, "/problems/outbound/response-too-large"),
        ("/to-private.xml", 422, "/problems/outbound/url-refused"),
        ("/silent.xml", 504, "/problems/upstream-timeout"),
    ],
)
def test_refresh_answers_an_upstream_failure_and_records_it_on_the_feed(
    client, user, feed_server, configure, path, status, problem
):
    configure(FEEDS_MAX_FEED_BYTES=50_000)
    if path == "/silent.xml":  # the server never answers: only the deadline ends the call
        configure(OUTBOUND_READ_TIMEOUT_SECONDS=0.3, OUTBOUND_TOTAL_TIMEOUT_SECONDS=1)
    view = make_feeds_subscription(user, feed_server.feed(path))
    started = time.monotonic()
    response = client.post(f"{SUBS}/{view.subscription.id}/refreshes", headers=auth_headers(user))
    assert time.monotonic() - started < 5  # never a hang past the deadline
    assert_problem(response, status, problem)
    state = client.get(f"{SUBS}/{view.subscription.id}", headers=auth_headers(user)).json()
    assert state["fetch_state"]["error_count"] == 1
    assert state["fetch_state"]["last_error"]["type"] == problem


def test_a_feed_fetched_moments_ago_is_not_fetched_again_on_demand(client, user, feed_server):
    view = _fetched(user, feed_server)
    again = client.post(f"{SUBS}/{view.subscription.id}/refreshes", headers=auth_headers(user))
    assert_problem(again, 429, "/problems/feeds/refreshed-recently")
    assert 55 <= int(again.headers["retry-after"]) <= 60
    assert feed_server.hits["/harbour.xml"] == 1


def test_refresh_of_an_unreachable_server_is_a_502(client, user, feed_server, configure):
    with transaction(write=True) as session:
        view = feeds.subscribe(session, actor_of(user), url="http://127.0.0.1:9/feed.xml")
    response = client.post(f"{SUBS}/{view.subscription.id}/refreshes", headers=auth_headers(user))
    assert_problem(response, 502, "/problems/upstream-unavailable")


# ---- the timeline and read marks --------------------------------------------------------------


def test_timeline_pages_filters_and_read_marks(client, user, feed_server):
    harbour = _fetched(user, feed_server)
    coast = _fetched(user, feed_server, "/coast.atom")
    first = _timeline(client, user, limit=4)
    rest = _timeline(client, user, limit=4, cursor=first["next"])
    entries = first["items"] + rest["items"]
    assert rest["next"] is None and len({entry["id"] for entry in entries}) == 6
    shared = next(entry for entry in entries if entry["title"] == "Lighthouse open day")
    assert shared["subscription_ids"] == [str(harbour.subscription.id), str(coast.subscription.id)]
    only = _timeline(client, user, subscription_id=str(coast.subscription.id))
    assert len(only["items"]) == 3
    mark = f"{ENTRIES}/{entries[0]['id']}/read-mark"
    assert client.put(mark, headers=auth_headers(user)).status_code == 204
    assert client.put(mark, headers=auth_headers(user)).status_code == 204
    assert [entry["read"] for entry in _timeline(client, user)["items"]][:2] == [True, False]
    up_to = client.post(
        "/api/v1/feeds/read-marks",
        json={"up_to_entry_id": entries[2]["id"], "subscription_id": str(harbour.subscription.id)},
        headers=auth_headers(user),
    )
    assert up_to.status_code == 200, up_to.text
    harbour_ids = {
        e["id"] for e in entries[2:] if str(harbour.subscription.id) in e["subscription_ids"]
    }
    assert up_to.json()["marked"] == len(harbour_ids - {entries[0]["id"]})
    unread = _timeline(client, user, unread="true")["items"]
    assert all(not entry["read"] for entry in unread)
    counts = client.get("/api/v1/feeds/unread-counts", headers=auth_headers(user)).json()
    assert counts["total"] == len(unread)
    assert client.delete(mark, headers=auth_headers(user)).status_code == 204
    after = client.get("/api/v1/feeds/unread-counts", headers=auth_headers(user)).json()
    assert after["total"] == len(unread) + 1
    assert [row["subscription_id"] for row in after["subscriptions"]] == [
        str(harbour.subscription.id), str(coast.subscription.id)
    ]  # fmt: skip


def test_entries_outside_my_timeline_are_404(client, user, feed_server):
    stranger = make_user()
    theirs = _fetched(stranger, feed_server)
    assert _timeline(client, user)["items"] == []
    other_entry = _timeline(client, stranger, limit=1)["items"][0]["id"]
    for method in ("put", "delete"):
        mark = f"{ENTRIES}/{other_entry}/read-mark"
        assert_problem(
            client.request(method, mark, headers=auth_headers(user)),
            404,
            "/problems/feeds/entry-not-found",
        )
    marks = "/api/v1/feeds/read-marks"
    answer = client.post(marks, json={"up_to_entry_id": other_entry}, headers=auth_headers(user))
    assert_problem(answer, 404, "/problems/feeds/entry-not-found")
    scoped = {"up_to_entry_id": UNKNOWN, "subscription_id": str(theirs.subscription.id)}
    answer = client.post(marks, json=scoped, headers=auth_headers(user))
    assert_problem(answer, 404, "/problems/feeds/subscription-not-found")
    params = {"subscription_id": str(theirs.subscription.id)}
    listing = client.get(ENTRIES, params=params, headers=auth_headers(user))
    assert_problem(listing, 404, "/problems/feeds/subscription-not-found")
    assert client.get(ENTRIES).status_code == 401


def test_a_page_costs_the_same_statements_whatever_its_size(
    client, user, feed_server, statement_counter
):
    for path in ("/harbour.xml", "/coast.atom"):
        _fetched(user, feed_server, path)
    for number in range(4):
        make_feeds_subscription(user, f"https://walks.example.net/{number}.xml")
    selects = {}
    for limit in (1, 6):
        with statement_counter() as counted:
            subs = client.get(SUBS, params={"limit": limit}, headers=auth_headers(user)).json()
            entries = _timeline(client, user, limit=limit)
        assert len(subs["items"]) == len(entries["items"]) == limit
        selects[limit] = len(counted.selects)
    assert selects[1] == selects[6]
