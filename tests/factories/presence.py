from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from db.models.presence import PresenceRoom
from services import presence
from tests.factories.identity import actor_of


def make_presence_room(
    owner: User, *, name: str = "A document", members: list[User] = ()
) -> PresenceRoom:
    with transaction(write=True) as session:
        return presence.create_room(
            session,
            actor_of(owner),
            name=name,
            members=[str(member.id) for member in members],
        )
