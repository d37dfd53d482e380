from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from db.models.polls import PollsItem
from services import polls
from tests.factories.identity import actor_of


def make_polls_item(owner: User, *, name: str = "An item") -> PollsItem:
    with transaction(write=True) as session:
        return polls.create_item(session, actor_of(owner), name=name)
