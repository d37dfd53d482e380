from __future__ import annotations

from datetime import timedelta
from typing import Any

from core.db import transaction, utcnow
from db.models.identity import User
from db.models.polls import PollsPoll
from services import polls
from tests.factories.identity import actor_of


def make_poll(
    owner: User, *, options: tuple[str, ...] = ("Red", "Green", "Blue"), **fields: Any
) -> PollsPoll:
    """A poll of `owner`, open now unless `fields` say otherwise."""
    fields.setdefault("question", "Which colour?")
    with transaction(write=True) as session:
        return polls.create_poll(session, actor_of(owner), options=list(options), **fields).poll


def make_scheduled_poll(owner: User, **fields: Any) -> PollsPoll:
    return make_poll(owner, opens_at=utcnow() + timedelta(days=1), **fields)


def make_closed_poll(owner: User, **fields: Any) -> PollsPoll:
    """A poll its owner has closed (early)."""
    poll = make_poll(owner, **fields)
    with transaction(write=True) as session:
        polls.update_poll(session, actor_of(owner), poll_id=poll.id, changes={"status": "CLOSED"})
    return poll
