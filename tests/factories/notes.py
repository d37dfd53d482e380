from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.notes import NotePage
from services import notes
from tests.factories.identity import actor_of


def make_page(owner: User, *, title: str = "Release checklist", **fields: Any) -> NotePage:
    with transaction(write=True) as session:
        return notes.create_page(session, actor_of(owner), title=title, **fields)


def edit_page(owner: User, page: NotePage, **changes: Any) -> NotePage:
    with transaction(write=True) as session:
        return notes.update_page(session, actor_of(owner), page_id=page.id, changes=changes)
