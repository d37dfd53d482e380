from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from db.models.notifications import NotificationsItem
from services import notifications
from tests.factories.identity import actor_of


def make_notifications_item(owner: User, *, name: str = "An item") -> NotificationsItem:
    with transaction(write=True) as session:
        return notifications.create_item(session, actor_of(owner), name=name)
