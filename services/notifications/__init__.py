"""Notifications: other domains tell a user something happened (`notify`, inside their own
transaction); the row is kept per user and, once committed, published on the user's realtime
channel `notifications:<user_id>`, which the SSE stream (services.notifications.stream) reads.

Users choose the kinds they receive (`KINDS`, each with its default); ids are integers that grow
in commit order per user (`notify` locks the user's inbox row), so they serve as SSE event ids."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from core import realtime
from core.db import utcnow
from core.errors import NotFound
from core.pagination import Page, paginate
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.models.notifications import NotificationsInbox, NotificationsSubscription
from db.models.notifications import NotificationsItem as NotificationsItem  # for handlers


class NotificationNotFound(NotFound, type="/problems/notifications/notification-not-found"): ...


class KindNotFound(NotFound, type="/problems/notifications/kind-not-found"): ...


@dataclass(frozen=True)
class Kind:
    description: str
    #: Received by a user who never chose: what a user would be surprised to miss is on.
    default: bool = True


#: Every kind a domain may notify; a new producer registers its kind here with `register_kind`.
KINDS: dict[str, Kind] = {}


def register_kind(kind: str, description: str, *, default: bool = True) -> None:
    """Adds a kind users can receive and choose (`<domain>.<event>`)."""
    KINDS[kind] = Kind(description, default)


register_kind("blog.comment_on_my_post", "Someone commented on one of your blog posts.")
register_kind("chat.mention", "Someone mentioned you in a chat message.")
register_kind("tickets.assigned", "A ticket was assigned to you.")

#: The SSE stream's event name, and the `type` of the channel message carrying a notification.
CREATED = "notification.created"


def channel(user_id: uuid.UUID) -> str:
    """The realtime channel of one user's notifications."""
    return f"notifications:{user_id}"


def notification_json(item: NotificationsItem) -> dict[str, Any]:
    """A notification on the wire: REST answers, channel messages and stream events alike."""
    return {
        "id": item.id,
        "kind": item.kind,
        "subject": item.subject,
        "payload": item.payload,
        "created_at": item.created_at.isoformat(),
        "read_at": item.read_at.isoformat() if item.read_at else None,
    }


def _known(kind: str) -> Kind:
    found = KINDS.get(kind)
    if found is None:
        raise KindNotFound(f"No notification kind {kind!r}.")
    return found


def receives(session: Session, *, user_id: uuid.UUID, kind: str) -> bool:
    """Whether the user receives `kind`: their explicit choice, else the kind's default."""
    chosen = session.scalar(
        select(NotificationsSubscription.enabled).where(
            NotificationsSubscription.user_id == user_id, NotificationsSubscription.kind == kind
        )
    )
    return _known(kind).default if chosen is None else chosen


def notify(
    session: Session,
    *,
    user_id: uuid.UUID,
    kind: str,
    subject: str,
    payload: dict[str, Any] | None = None,
) -> NotificationsItem | None:
    """Records a notification for a user who receives `kind` (None for one who opted out) in the
    caller's transaction, and publishes it on their channel once that commits."""
    if kind not in KINDS:
        raise ValueError(f"notification kind {kind!r} is not registered (register_kind)")
    if not receives(session, user_id=user_id, kind=kind):
        return None
    # The user's notifications commit one at a time in id order (see NotificationsInbox).
    insert_ignoring_duplicates(session, NotificationsInbox, user_id=user_id)
    session.execute(
        select(NotificationsInbox.user_id)
        .where(NotificationsInbox.user_id == user_id)
        .with_for_update()
    )
    item = NotificationsItem(
        user_id=user_id, kind=kind, subject=subject[:200], payload=payload or {}
    )
    session.add(item)
    session.flush()
    realtime.publish_after_commit(
        session, channel(user_id), {"type": CREATED, "notification": notification_json(item)}
    )
    return item


def list_notifications(
    session: Session,
    actor: Actor,
    *,
    unread: bool | None = None,
    kind: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[NotificationsItem]:
    """The caller's notifications, newest first; `unread` True/False keeps unread/read ones."""
    query = select(NotificationsItem).where(NotificationsItem.user_id == actor.user_id)
    if unread is not None:
        read_at = NotificationsItem.read_at
        query = query.where(read_at.is_(None) if unread else read_at.is_not(None))
    if kind is not None:
        query = query.where(NotificationsItem.kind == kind)
    return paginate(
        session,
        query,
        kind="notifications-items",
        columns=[NotificationsItem.id],
        limit=limit,
        cursor=cursor,
        descending=True,
    )


def get_notification(session: Session, actor: Actor, *, notification_id: int) -> NotificationsItem:
    """The caller's notification; someone else's is NotFound, like a missing one."""
    mine = NotificationsItem.user_id == actor.user_id
    return get_or_404(
        session, NotificationsItem, notification_id, where=mine, missing=NotificationNotFound()
    )


def mark_read(
    session: Session, actor: Actor, *, notification_id: int, read: bool
) -> NotificationsItem:
    """Marks one of the caller's notifications read (keeping the first read time) or unread."""
    item = get_notification(session, actor, notification_id=notification_id)
    if not read:
        item.read_at = None
    elif item.read_at is None:
        item.read_at = utcnow()
    session.flush()
    return item


def mark_read_up_to(session: Session, actor: Actor, *, up_to_id: int) -> int:
    """Marks every unread notification of the caller with an id up to `up_to_id` read; how many."""
    result = session.execute(
        update(NotificationsItem)
        .where(
            NotificationsItem.user_id == actor.user_id,
            NotificationsItem.id <= up_to_id,
            NotificationsItem.read_at.is_(None),
        )
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class UnreadCount:
    unread: int
    #: The newest notification's id (read or not), None when there is none: a client's resume point.
    last_id: int | None


def unread_count(session: Session, actor: Actor) -> UnreadCount:
    """How many of the caller's notifications are unread, and the newest one's id."""
    mine = NotificationsItem.user_id == actor.user_id
    unread = session.scalar(
        select(func.count())
        .select_from(NotificationsItem)
        .where(mine, NotificationsItem.read_at.is_(None))
    )
    last_id = session.scalar(select(func.max(NotificationsItem.id)).where(mine))
    return UnreadCount(int(unread or 0), last_id)


def delete_notification(session: Session, actor: Actor, *, notification_id: int) -> None:
    """Deletes one of the caller's notifications (its id is never handed out again)."""
    session.delete(get_notification(session, actor, notification_id=notification_id))
    session.flush()


def replay(
    session: Session, *, user_id: uuid.UUID, after_id: int, limit: int
) -> list[dict[str, Any]]:
    """The user's notifications with an id above `after_id`, oldest first, at most `limit`."""
    rows = session.scalars(
        select(NotificationsItem)
        .where(NotificationsItem.user_id == user_id, NotificationsItem.id > after_id)
        .order_by(NotificationsItem.id)
        .limit(limit)
    )
    return [notification_json(item) for item in rows]


@dataclass(frozen=True)
class Subscription:
    kind: str
    description: str
    enabled: bool
    #: True when the user chose; False when `enabled` is the kind's default.
    chosen: bool


def list_subscriptions(session: Session, actor: Actor) -> list[Subscription]:
    """Every kind with whether the caller receives it, by their choice or by default."""
    rows = session.execute(
        select(NotificationsSubscription.kind, NotificationsSubscription.enabled).where(
            NotificationsSubscription.user_id == actor.user_id
        )
    )
    choices: dict[str, bool] = {row.kind: row.enabled for row in rows}
    return [
        Subscription(name, kind.description, choices.get(name, kind.default), name in choices)
        for name, kind in sorted(KINDS.items())
    ]


def _subscription(session: Session, actor: Actor, kind: str) -> Subscription:
    return next(s for s in list_subscriptions(session, actor) if s.kind == kind)


def set_subscription(session: Session, actor: Actor, *, kind: str, enabled: bool) -> Subscription:
    """Records whether the caller receives a known kind."""
    _known(kind)
    if not insert_ignoring_duplicates(
        session,
        NotificationsSubscription,
        user_id=actor.user_id,
        kind=kind,
        enabled=enabled,
        updated_at=utcnow(),
    ):
        session.execute(
            update(NotificationsSubscription)
            .where(
                NotificationsSubscription.user_id == actor.user_id,
                NotificationsSubscription.kind == kind,
            )
            .values(enabled=enabled, updated_at=utcnow())
        )
    return _subscription(session, actor, kind)


def reset_subscription(session: Session, actor: Actor, *, kind: str) -> Subscription:
    """Forgets the caller's choice for a known kind: its default applies again."""
    _known(kind)
    session.execute(
        delete(NotificationsSubscription).where(
            NotificationsSubscription.user_id == actor.user_id,
            NotificationsSubscription.kind == kind,
        )
    )
    return _subscription(session, actor, kind)
