"""Notifications: TODO one line on the domain and its rules."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFound
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from db.models.notifications import (
    NotificationsItem as NotificationsItem,  # re-exported for handlers
)


class ItemNotFound(NotFound, type="/problems/notifications/item-not-found"): ...


def create_item(session: Session, actor: Actor, *, name: str) -> NotificationsItem:
    """Creates an item owned by the caller."""
    item = NotificationsItem(owner_id=actor.user_id, name=name)
    session.add(item)
    session.flush()
    return item


def get_item(session: Session, actor: Actor, *, item_id: uuid.UUID) -> NotificationsItem:
    """The caller's item; someone else's item is NotFound, like a missing one."""
    mine = NotificationsItem.owner_id == actor.user_id
    return get_or_404(session, NotificationsItem, item_id, where=mine, missing=ItemNotFound())


def list_items(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[NotificationsItem]:
    """The caller's items, newest first, one keyset page at a time."""
    query = select(NotificationsItem).where(NotificationsItem.owner_id == actor.user_id)
    return paginate_by_creation(
        session, query, kind="notifications-items", limit=limit, cursor=cursor
    )
