"""Polls: TODO one line on the domain and its rules."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFound
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from db.models.polls import PollsItem as PollsItem  # re-exported for handlers


class ItemNotFound(NotFound, type="/problems/polls/item-not-found"): ...


def create_item(session: Session, actor: Actor, *, name: str) -> PollsItem:
    """Creates an item owned by the caller."""
    item = PollsItem(owner_id=actor.user_id, name=name)
    session.add(item)
    session.flush()
    return item


def get_item(session: Session, actor: Actor, *, item_id: uuid.UUID) -> PollsItem:
    """The caller's item; someone else's item is NotFound, like a missing one."""
    mine = PollsItem.owner_id == actor.user_id
    return get_or_404(session, PollsItem, item_id, where=mine, missing=ItemNotFound())


def list_items(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[PollsItem]:
    """The caller's items, newest first, one keyset page at a time."""
    query = select(PollsItem).where(PollsItem.owner_id == actor.user_id)
    return paginate_by_creation(session, query, kind="polls-items", limit=limit, cursor=cursor)
