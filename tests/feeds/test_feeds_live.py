"""Racing pollers across processes, over a live 2-worker server on PostgreSQL: users sharing
one feed all refresh it at once while the feed server holds every answer until all requests
are in flight, so every poller fetches the whole document and stores it at the same moment;
each entry is stored once and added to the feed once (unique keys, inserts that ignore a
duplicate). The same rules are proven in process on both databases (test_feeds_service.py)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.settings import get_settings
from db.models.feeds import FeedsEntry, FeedsFeedEntry
from tests.factories.feeds import make_feeds_subscription
from tests.factories.identity import auth_headers, make_user

USERS = 4
REQUESTS_PER_USER = 2
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


async def _refresh_all(base: str, calls: list[tuple[str, dict[str, str]]]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=len(calls))
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        return await asyncio.gather(
            *(
                http.post(f"/api/v1/feeds/subscriptions/{sid}/refreshes", headers=h)
                for sid, h in calls
            )
        )


def _count(model) -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_concurrent_refreshes_of_shared_feeds_over_two_processes_store_each_entry_once(
    live_server, feed_server
):
    feed_server.delay = 0.5  # every fetch is in flight before the first is answered
    calls = []
    for _ in range(USERS):
        user = make_user()
        for path in ("/coast.atom", "/harbour.xml"):
            view = make_feeds_subscription(user, feed_server.feed(path))
            calls += [(str(view.subscription.id), auth_headers(user))] * REQUESTS_PER_USER
    answers = asyncio.run(_refresh_all(live_server, calls))
    assert [answer.status_code for answer in answers] == [200] * len(calls), answers[0].text
    assert sum(answer.json()["new_entries"] for answer in answers) == 7  # 3 + 4 feed-entry pairs
    assert _count(FeedsEntry) == 6 and _count(FeedsFeedEntry) == 7  # one entry in both feeds
    assert feed_server.hits["/coast.atom"] + feed_server.hits["/harbour.xml"] == len(calls)
    assert {answer.json()["subscription"]["unread_count"] for answer in answers} <= {3, 4}
