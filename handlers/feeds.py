from __future__ import annotations

import uuid
from typing import Any

import jobs.feeds
from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, api_path, page_json
from services import feeds
from services.feeds import SubscriptionView, TimelineEntry


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _subscription_json(view: SubscriptionView) -> dict[str, Any]:
    feed = view.feed
    error = None
    if feed.last_error_type is not None:
        error = {
            "type": feed.last_error_type,
            "detail": feed.last_error or "",
            "at": _iso(feed.last_error_at),
        }
    return {
        "id": str(view.subscription.id),
        "url": feed.url,
        "title": view.subscription.title,
        "feed_title": feed.title,
        "site_url": feed.site_url,
        "unread_count": view.unread,
        "fetch_state": {
            "last_fetched_at": _iso(feed.last_fetched_at),
            "last_success_at": _iso(feed.last_success_at),
            "next_fetch_at": feed.next_fetch_at.isoformat(),
            "error_count": feed.error_count,
            "last_error": error,
        },
        "created_at": view.subscription.created_at.isoformat(),
    }


def _entry_json(item: TimelineEntry) -> dict[str, Any]:
    entry = item.entry
    return {
        "id": str(entry.id),
        "title": entry.title,
        "link": entry.link,
        "summary": entry.summary,
        "author": entry.author,
        "published_at": _iso(entry.published_at),
        "read": item.read,
        "subscription_ids": [str(sid) for sid in item.subscription_ids],
        "created_at": entry.created_at.isoformat(),
    }


def list_feeds_subscriptions(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = feeds.list_subscriptions(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, _subscription_json)


@idempotent
def create_feeds_subscription(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        view = feeds.subscribe(session, current_actor(), url=body["url"], title=body.get("title"))
        location = api_path("feeds", "subscriptions", view.subscription.id)
        return _subscription_json(view), 201, {"Location": location}


def get_feeds_subscription(subscription_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        view = feeds.get_subscription(
            session, current_actor(), subscription_id=uuid.UUID(subscription_id)
        )
        return _subscription_json(view)


def delete_feeds_subscription(subscription_id: str) -> NoContent:
    with transaction(write=True) as session:
        feeds.unsubscribe(session, current_actor(), subscription_id=uuid.UUID(subscription_id))
    return None, 204


def create_feeds_refresh(subscription_id: str) -> dict[str, Any]:
    # Read, fetch with no transaction open, record (jobs.feeds.poll commits the outcome, a
    # failure included, before its problem is answered here).
    actor, sub_id = current_actor(), uuid.UUID(subscription_id)
    with transaction(write=False) as session:
        feed_id = feeds.feed_to_refresh(session, actor, subscription_id=sub_id)
    outcome = jobs.feeds.poll(feed_id, force=True)
    if outcome.error is not None:
        raise outcome.error
    with transaction(write=False) as session:
        view = feeds.get_subscription(session, actor, subscription_id=sub_id)
        return {
            "outcome": "NOT_MODIFIED" if outcome.status == "not-modified" else "FETCHED",
            "new_entries": outcome.new_entries,
            "subscription": _subscription_json(view),
        }


def list_feeds_entries(
    limit: int = 20,
    cursor: str | None = None,
    subscription_id: str | None = None,
    unread: bool | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = feeds.list_timeline(
            session, current_actor(), limit=limit, cursor=cursor, unread=unread,
            subscription_id=uuid.UUID(subscription_id) if subscription_id else None,
        )  # fmt: skip
        return page_json(page, _entry_json)


def put_feeds_read_mark(entry_id: str) -> NoContent:
    with transaction(write=True) as session:
        feeds.mark_read(session, current_actor(), entry_id=uuid.UUID(entry_id))
    return None, 204


def delete_feeds_read_mark(entry_id: str) -> NoContent:
    with transaction(write=True) as session:
        feeds.mark_unread(session, current_actor(), entry_id=uuid.UUID(entry_id))
    return None, 204


def create_feeds_read_marks(body: dict[str, Any]) -> dict[str, Any]:
    scope = body.get("subscription_id")
    with transaction(write=True) as session:
        marked = feeds.mark_read_up_to(
            session, current_actor(), entry_id=uuid.UUID(body["up_to_entry_id"]),
            subscription_id=uuid.UUID(scope) if scope else None,
        )  # fmt: skip
        return {"marked": marked}


def get_feeds_unread_counts() -> dict[str, Any]:
    with transaction(write=False) as session:
        counts = feeds.unread_counts(session, current_actor())
        return {
            "total": counts.total,
            "subscriptions": [
                {"subscription_id": str(sid), "unread_count": n}
                for sid, n in counts.by_subscription
            ],
        }
