from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from services import feeds
from services.feeds import SubscriptionView
from tests.factories.identity import actor_of


def make_feeds_subscription(
    owner: User, url: str = "https://news.example.org/feed.xml", *, title: str | None = None
) -> SubscriptionView:
    with transaction(write=True) as session:
        return feeds.subscribe(session, actor_of(owner), url=url, title=title)
