from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from db.models.shortlinks import ShortlinksItem
from services import shortlinks
from tests.factories.identity import actor_of


def make_shortlinks_item(owner: User, *, name: str = "An item") -> ShortlinksItem:
    with transaction(write=True) as session:
        return shortlinks.create_item(session, actor_of(owner), name=name)
