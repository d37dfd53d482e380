from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.notifications import NotificationsItem
from services import notifications

KIND = "blog.comment_on_my_post"


def make_notification(
    user: User, *, kind: str = KIND, subject: str = "Something happened", **payload: Any
) -> NotificationsItem:
    with transaction(write=True) as session:
        item = notifications.notify(
            session, user_id=user.id, kind=kind, subject=subject, payload=payload
        )
        assert item is not None, "the user does not receive this kind"
        return item
