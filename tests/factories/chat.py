from __future__ import annotations

from collections.abc import Sequence

from core.db import transaction
from db.models.chat import ChatMessage, ChatRoom
from db.models.identity import User
from services import chat
from tests.factories.identity import actor_of


def make_chat_room(
    owner: User, *, name: str = "A room", members: Sequence[User] = (), receipts: bool = True
) -> ChatRoom:
    with transaction(write=True) as session:
        return chat.create_room(
            session,
            actor_of(owner),
            name=name,
            member_ids=[member.id for member in members],
            receipts=receipts,
        )


def post_chat_messages(room: ChatRoom, author: User, *bodies: str) -> list[ChatMessage]:
    """Posts the messages in one transaction each, in order."""
    posted = []
    for body in bodies:
        with transaction(write=True) as session:
            posted.append(chat.post_message(session, actor_of(author), room_id=room.id, body=body))
    return posted
