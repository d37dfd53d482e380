"""Feeds rules over the service and the poll job, against the local feed server: parsing and
sanitising, shared feeds fetched once and entries stored once, conditional polls, failures
recorded with backoff, the timeline with read marks, and racing pollers on one feed."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from core.jobs import queue
from db.models.feeds import FeedsEntry, FeedsFeed, FeedsFeedEntry
from jobs.feeds import poll, sweep_feeds
from services import feeds
from services.feeds import documents as parsing
from tests.factories.feeds import make_feeds_subscription
from tests.factories.identity import actor_of, make_user
from tests.support.pages import every_item

RECORDED = Path(__file__).parent / "recorded"


def _parsed(name: str, feed_id: uuid.UUID | None = None, content_type: str = "text/xml"):
    return parsing.parse(
        (RECORDED / name).read_bytes(), feed_id=feed_id or uuid.uuid4(),
        url="https://gazette.example.org/rss.xml", content_type=content_type, max_entries=200,
    )  # fmt: skip


def _feed(feed_id):
    with transaction(write=False) as session:
        return session.get(FeedsFeed, feed_id)


def _count(model) -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# ---- parsing ----------------------------------------------------------------------------------


def test_entries_are_normalised_and_their_html_sanitised():
    parsed = _parsed("harbour_rss.xml")
    assert (parsed.title, parsed.site_url) == (
        "Harbour Gazette & Tides",
        "https://gazette.example.org/",
    )
    first, ferry, lighthouse, notice = parsed.entries
    assert first.title == "Footbridge reopens after repairs"  # markup in a title is dropped
    assert (
        first.link == "https://gazette.example.org/2026/12/footbridge-reopens"
    )  # resolved, no utm
    assert first.author == "Ada Lovelace"
    assert first.published_at.isoformat() == "2026-12-01T09:00:00+00:00"
    for dangerous in ("<script", "onclick", "javascript:", "<style", "<iframe", "steal"):
        assert dangerous not in first.summary
    assert (
        'href="https://gazette.example.org/map" rel="noopener noreferrer nofollow"' in first.summary
    )
    assert ferry.author == "News Desk"  # the name, not the e-mail address
    assert ferry.published_at.isoformat() == "2026-11-30T17:30:00+00:00"  # offset made UTC
    assert (
        "onerror" not in lighthouse.summary and "<strong>lighthouse</strong>" in lighthouse.summary
    )
    assert 'src="https://gazette.example.org/img/lighthouse.jpg"' in lighthouse.summary
    assert (notice.link, notice.published_at) == (None, None)


def test_the_charset_of_the_content_type_header_decodes_the_feed():
    parsed = _parsed("cafe_latin1_rss.xml", content_type="application/rss+xml; charset=ISO-8859-1")
    assert parsed.title == "Café du Port"
    assert [(entry.title, entry.summary) for entry in parsed.entries] == [
        ("Crêpes à la mer", "Menu d'été")
    ]


def test_one_article_in_two_feeds_has_one_identity_but_local_guids_do_not_collide():
    rss = _parsed("harbour_rss.xml")
    atom = _parsed("coast_atom.xml", content_type="application/atom+xml")
    assert rss.entries[2].dedupe_key == atom.entries[0].dedupe_key  # same canonical link
    # a guid like "gazette-notice-7" only means something inside its own feed
    other = _parsed("harbour_rss.xml")
    assert rss.entries[3].dedupe_key != other.entries[3].dedupe_key
    home = "https://gazette.example.org/"
    keys = {
        parsing.identity(
            uuid.uuid4(), link=home, guid=guid, title=None, published_at=None, site_url=home
        )
        for guid in ("tag:a,2026:1", "tag:a,2026:2")
    }  # fmt: skip
    assert len(keys) == 2  # a link to the home page identifies nothing


@pytest.mark.parametrize(
    ("name", "content_type", "problem"),
    [
        ("not_a_feed.html", "text/html", parsing.NotAFeed),
        ("truncated.xml", "application/rss+xml", parsing.MalformedFeed),
        ("harbour_rss.xml", "image/png", parsing.UnsupportedContentType),
        ("harbour_rss.xml", "Application/JSON; charset=utf-8", parsing.UnsupportedContentType),
    ],
)
def test_documents_that_are_not_feeds_are_refused(name, content_type, problem):
    with pytest.raises(problem):
        _parsed(name, content_type=content_type)


# ---- subscribing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://gazette.example.org/rss", "/rss.xml", "https://user:pw@gazette.example.org/rss",
     "http://10.0.0.5/rss.xml", "http://169.254.169.254/latest", "http://[::1]/rss", "https://x:99999/"],
)  # fmt: skip
def test_urls_that_cannot_be_followed_are_refused(session, user, url):
    with pytest.raises(feeds.InvalidFeedUrl):
        feeds.subscribe(session, actor_of(user), url=url)


def test_a_feed_followed_by_many_is_one_row_and_its_first_fetch_is_queued_once(user):
    queue.flush()
    first = make_feeds_subscription(user, "HTTPS://Gazette.Example.org:443/rss.xml#top")
    second = make_feeds_subscription(make_user(), "https://gazette.example.org/rss.xml")
    assert (
        first.feed.id == second.feed.id and first.feed.url == "https://gazette.example.org/rss.xml"
    )
    assert _count(FeedsFeed) == 1
    assert queue.pending_count() == 2  # each subscribe before the first fetch queues it; one wins
    with pytest.raises(feeds.AlreadySubscribed), transaction(write=True) as session:
        feeds.subscribe(session, actor_of(user), url="https://gazette.example.org/rss.xml")


# ---- polling ----------------------------------------------------------------------------------


def test_a_poll_stores_entries_then_asks_conditionally_and_a_304_changes_nothing(user, feed_server):
    view = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    outcome = poll(view.feed.id)
    assert (outcome.status, outcome.new_entries) == ("fetched", 4)
    feed = _feed(view.feed.id)
    assert (feed.title, feed.etag, feed.error_count) == (
        "Harbour Gazette & Tides",
        '"harbour_rss.xml"',
        0,
    )
    assert feed.next_fetch_at > utcnow() + timedelta(minutes=29)
    assert poll(view.feed.id).status == "skipped"  # not due
    again = poll(view.feed.id, force=True)
    assert (again.status, again.new_entries) == ("not-modified", 0)
    assert feed_server.conditional["/harbour.xml"] == ('"harbour_rss.xml"', feed.last_modified)
    feed_server.documents["/harbour.xml"] = "harbour_rss_v2.xml"
    changed = poll(view.feed.id, force=True)
    assert (changed.status, changed.new_entries) == ("fetched", 1)
    assert _count(FeedsEntry) == 5  # the repeated footbridge item is the same entry
    assert feed_server.hits["/harbour.xml"] == 3


def test_entries_two_feeds_carry_are_stored_once_and_shown_once(user, feed_server):
    harbour = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    coast = make_feeds_subscription(user, feed_server.feed("/coast.atom"))
    make_feeds_subscription(make_user(), feed_server.feed("/coast.atom"))
    poll(harbour.feed.id)
    poll(coast.feed.id)
    assert feed_server.hits == {"/harbour.xml": 1, "/coast.atom": 1}
    assert _count(FeedsEntry) == 6  # 4 + 3, the lighthouse open day once
    with transaction(write=False) as session:
        items = every_item(
            lambda cursor: feeds.list_timeline(session, actor_of(user), limit=2, cursor=cursor)
        )
    assert len(items) == 6
    shared = next(item for item in items if item.entry.title == "Lighthouse open day")
    assert shared.subscription_ids == [harbour.subscription.id, coast.subscription.id]
    future = next(item for item in items if item.entry.title == "Posted from the future")
    assert future.entry.published_at.year == 2099 and future.entry.sort_at <= utcnow()
    assert items[0].entry.title in ("Posted from the future", "Notice without a date")


def test_failures_back_off_exponentially_and_a_success_resets_them(user, feed_server, configure):
    configure(FEEDS_BACKOFF_BASE_SECONDS=60, FEEDS_BACKOFF_MAX_SECONDS=200)
    view = make_feeds_subscription(user, feed_server.feed("/down.xml"))
    waits = []
    for _ in range(3):
        before = utcnow()
        assert poll(view.feed.id, force=True).status == "failed"
        waits.append(round((_feed(view.feed.id).next_fetch_at - before).total_seconds() / 10) * 10)
    assert waits == [60, 120, 200]
    assert _feed(view.feed.id).error_count == 3
    with transaction(write=False) as session:
        assert feeds.due_feed_ids(session) == []
        assert feeds.due_feed_ids(session, now=utcnow() + timedelta(seconds=201)) == [view.feed.id]
    feed_server.documents["/down.xml"] = "harbour_rss.xml"
    assert poll(view.feed.id, force=True).status == "fetched"
    feed = _feed(view.feed.id)
    assert (feed.error_count, feed.last_error_type, feed.last_error) == (0, None, None)


def test_the_sweep_queues_due_followed_feeds_and_a_held_feed_is_not_polled_twice(user, feed_server):
    view = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    make_feeds_subscription(make_user(), feed_server.feed("/coast.atom"))
    other = make_user()
    orphan = make_feeds_subscription(other, feed_server.feed("/page.html"))
    with transaction(write=True) as session:
        feeds.unsubscribe(session, actor_of(other), subscription_id=orphan.subscription.id)
    queue.flush()
    assert sweep_feeds.call_local() == 2
    assert queue.pending_count() == 2
    with transaction(write=True) as session:
        assert feeds.claim_feed(session, feed_id=view.feed.id) is not None
    with transaction(write=True) as session:
        assert feeds.claim_feed(session, feed_id=view.feed.id) is None  # held by the first
    queue.flush()
    assert sweep_feeds.call_local() == 1  # only the coast feed is free
    job = queue.dequeue()
    assert queue.execute(job) == "fetched"
    assert feed_server.hits == {"/coast.atom": 1}


def test_a_feed_nobody_follows_is_not_polled(user, feed_server):
    view = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    with transaction(write=True) as session:
        feeds.unsubscribe(session, actor_of(user), subscription_id=view.subscription.id)
        assert feeds.due_feed_ids(session) == []


# ---- read marks -------------------------------------------------------------------------------


def test_read_marks_unread_filters_and_counts(user, feed_server):
    harbour = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    coast = make_feeds_subscription(user, feed_server.feed("/coast.atom"))
    poll(harbour.feed.id)
    poll(coast.feed.id)
    me = actor_of(user)
    with transaction(write=True) as session:
        timeline = feeds.list_timeline(session, me, limit=100).items
        assert feeds.unread_counts(session, me).total == 6
        feeds.mark_read(session, me, entry_id=timeline[0].entry.id)
        feeds.mark_read(session, me, entry_id=timeline[0].entry.id)  # again: no change
        anchor = timeline[3].entry.id
        assert feeds.mark_read_up_to(session, me, entry_id=anchor) == 3  # 4..6 older, 4 included
        assert feeds.mark_read_up_to(session, me, entry_id=anchor) == 0
        unread = feeds.list_timeline(session, me, limit=100, unread=True).items
        assert [item.entry.id for item in unread] == [item.entry.id for item in timeline[1:3]]
        feeds.mark_unread(session, me, entry_id=timeline[5].entry.id)
        counts = feeds.unread_counts(session, me)
        unread = feeds.list_timeline(session, me, limit=100, unread=True).items
        assert counts.total == len(unread) == 3
        carried = Counter(sid for item in unread for sid in item.subscription_ids)
        assert dict(counts.by_subscription) == {
            harbour.subscription.id: carried[harbour.subscription.id],
            coast.subscription.id: carried[coast.subscription.id],
        }  # an entry two feeds carry counts in both subscriptions, once in the total
        read = feeds.list_timeline(session, me, limit=100, unread=False).items
        assert len(read) == 3 and all(item.read for item in read)
        only_coast = feeds.list_timeline(
            session, me, limit=100, subscription_id=coast.subscription.id
        )
        assert len(only_coast.items) == 3
        with pytest.raises(feeds.EntryNotFound):
            feeds.mark_read(session, actor_of(make_user()), entry_id=anchor)
        with pytest.raises(feeds.SubscriptionNotFound):
            feeds.list_timeline(
                session, actor_of(make_user()), subscription_id=coast.subscription.id
            )


# ---- concurrency ------------------------------------------------------------------------------


def test_pollers_racing_on_one_feed_store_each_entry_once(user, feed_server):
    harbour = make_feeds_subscription(user, feed_server.feed("/harbour.xml"))
    coast = make_feeds_subscription(user, feed_server.feed("/coast.atom"))
    documents = {
        harbour.feed.id: _parsed("harbour_rss.xml", harbour.feed.id),
        coast.feed.id: _parsed("coast_atom.xml", coast.feed.id, "application/atom+xml"),
    }
    jobs = [feed_id for feed_id in documents for _ in range(4)]  # four pollers per feed
    start = threading.Barrier(len(jobs))
    added: list[int] = []
    errors: list[BaseException] = []

    def racer(feed_id):
        try:
            start.wait(timeout=10)
            with transaction(write=True) as session:
                added.append(
                    feeds.store_entries(session, feed_id=feed_id, parsed=documents[feed_id])
                )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=racer, args=(feed_id,)) for feed_id in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sum(added) == 7  # each (feed, entry) pair added by exactly one poller
    assert _count(FeedsEntry) == 6 and _count(FeedsFeedEntry) == 7


def test_whole_polls_racing_on_one_feed_store_each_entry_once(user, feed_server):
    view = make_feeds_subscription(user, feed_server.feed("/coast.atom"))
    start = threading.Barrier(4)
    outcomes = []

    def poller():
        start.wait(timeout=10)
        outcomes.append(poll(view.feed.id, force=True))  # a user's refresh ignores the lease

    threads = [threading.Thread(target=poller) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 4 and {outcome.status for outcome in outcomes} <= {
        "fetched", "not-modified"
    }  # fmt: skip
    assert sum(outcome.new_entries for outcome in outcomes) == 3
    assert _count(FeedsEntry) == 3 and _count(FeedsFeedEntry) == 3
