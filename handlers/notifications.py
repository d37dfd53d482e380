from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from connexion import request
from starlette.responses import StreamingResponse

from core import sse
from core.db import transaction
from core.security import current_actor
from services import notifications
from services.notifications import NotificationsItem, Subscription, notification_json
from services.notifications.settings import notifications_settings
from services.notifications.stream import HEARTBEAT, READY, events


def _subscription_json(subscription: Subscription) -> dict[str, Any]:
    return {
        "kind": subscription.kind,
        "description": subscription.description,
        "enabled": subscription.enabled,
        "chosen": subscription.chosen,
    }


def _item_json(item: NotificationsItem) -> dict[str, Any]:
    return notification_json(item)


def list_notifications(
    limit: int = 20, cursor: str | None = None, unread: bool | None = None, kind: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = notifications.list_notifications(
            session, current_actor(), unread=unread, kind=kind, limit=limit, cursor=cursor
        )
        return {"items": [_item_json(item) for item in page.items], "next": page.next}


def get_notification(notification_id: int) -> dict[str, Any]:
    with transaction(write=False) as session:
        actor = current_actor()
        item = notifications.get_notification(session, actor, notification_id=notification_id)
        return _item_json(item)


def update_notification(notification_id: int, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        item = notifications.mark_read(
            session, current_actor(), notification_id=notification_id, read=body["read"]
        )
        return _item_json(item)


def delete_notification(notification_id: int) -> tuple[None, int]:
    with transaction(write=True) as session:
        notifications.delete_notification(session, current_actor(), notification_id=notification_id)
    return None, 204


def create_notifications_read_mark(body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        actor = current_actor()
        marked = notifications.mark_read_up_to(session, actor, up_to_id=body["up_to_id"])
        return {"marked": marked, "unread_count": notifications.unread_count(session, actor).unread}


def get_notifications_unread_count() -> dict[str, Any]:
    with transaction(write=False) as session:
        count = notifications.unread_count(session, current_actor())
        return {"unread_count": count.unread, "last_id": count.last_id}


def list_notifications_subscriptions() -> dict[str, Any]:
    with transaction(write=False) as session:
        found = notifications.list_subscriptions(session, current_actor())
        return {"items": [_subscription_json(subscription) for subscription in found]}


def put_notifications_subscription(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        subscription = notifications.set_subscription(
            session, current_actor(), kind=kind, enabled=body["enabled"]
        )
        return _subscription_json(subscription)


def delete_notifications_subscription(kind: str) -> tuple[None, int]:
    with transaction(write=True) as session:
        notifications.reset_subscription(session, current_actor(), kind=kind)
    return None, 204


async def _event_stream(
    source: AsyncIterator[dict[str, Any] | str], retry_ms: int
) -> AsyncIterator[bytes]:
    async for item in source:
        if item == READY:
            # Sent once subscribed: a notification committed after this line reaches the client.
            yield sse.retry(retry_ms)
        elif item == HEARTBEAT:
            yield sse.KEEP_ALIVE
        elif isinstance(item, dict):
            yield sse.event(item, id=item["id"], name=notifications.CREATED)


async def stream_notifications(last_event_id: int | None = None) -> StreamingResponse:
    actor = current_actor()
    header = request.headers.get("last-event-id")
    after = int(header) if header else last_event_id
    source = events(actor.user_id, after_id=after)
    retry_ms = notifications_settings().notifications_stream_retry_ms
    return sse.stream(_event_stream(source, retry_ms))
