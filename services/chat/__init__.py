"""Chat: rooms and direct rooms, their members, persisted messages, read and delivered marks and
presence.

Every member (the owner included) has a `ChatMember` row; a room is visible to its members only
(anyone else gets 404, like a missing room). The owner renames, deletes, adds and removes members;
a member leaves. A direct room holds exactly two users and is unique per pair (`direct_key`), so
asking twice gives the same room. A message's id counts up from 1 in its room: posting bumps
`ChatRoom.last_message_id` with one UPDATE, which holds the room's row lock until commit, so a
room's messages commit (and are published) in id order. Unread = last_message_id - last_read_id.
A member's delivered mark (what their device acknowledged) only moves up, and reading moves it too.
Everything a socket needs to hear goes out on the room's channel once the transaction commits.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import Forbidden, NotFound, RuleViolated
from core.pagination import Page, paginate_by_creation
from core.realtime import publish_after_commit
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.models.chat import ChatMember, ChatMessage, ChatRoom
from db.models.identity import User
from services import notifications
from services.chat import online
from services.chat.settings import ChatSettings

__all__ = ["ChatMember", "ChatMessage", "ChatRoom", "ChatSettings", "RoomView", "online"]

MENTION_KIND = "chat.mention"
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})")
#: Most messages one history page (or a socket's catch-up read) holds.
MOST_MESSAGES = 100


class RoomNotFound(NotFound, type="/problems/chat/room-not-found"): ...


class NotOwner(Forbidden, type="/problems/chat/not-owner"): ...


class UnknownUser(RuleViolated, type="/problems/chat/unknown-user"): ...


class NotWithYourself(RuleViolated, type="/problems/chat/direct-with-yourself"): ...


class DirectRoomFixed(RuleViolated, type="/problems/chat/direct-room-members"): ...


class OwnerStays(RuleViolated, type="/problems/chat/owner-stays"): ...


class MemberNotFound(NotFound, type="/problems/chat/member-not-found"): ...


class UserNotFound(NotFound, type="/problems/chat/user-not-found"): ...


class EmptyMessage(RuleViolated, type="/problems/chat/empty-message"): ...


class UnknownMessage(RuleViolated, type="/problems/chat/unknown-message"): ...


def channel(room_id: uuid.UUID) -> str:
    """The realtime channel of a room's events."""
    return f"chat:{room_id}"


def _mine(actor: Actor):  # type: ignore[no-untyped-def]
    member = select(ChatMember.room_id).where(ChatMember.user_id == actor.user_id)
    return ChatRoom.id.in_(member)


def _known_users(session: Session, user_ids: set[uuid.UUID]) -> None:
    found = (
        set(session.scalars(select(User.id).where(User.id.in_(user_ids)))) if user_ids else set()
    )
    for missing in sorted(user_ids - found):
        raise UnknownUser(f"No user has the id {missing}.")


def create_room(
    session: Session,
    actor: Actor,
    *,
    name: str,
    member_ids: list[uuid.UUID] | None = None,
    receipts: bool = True,
) -> ChatRoom:
    """Creates a group room owned by the caller, with the given existing users as members."""
    members = set(member_ids or []) - {actor.user_id}
    _known_users(session, members)
    room = ChatRoom(owner_id=actor.user_id, name=name, kind="GROUP", receipts=receipts)
    session.add(room)
    session.flush()
    for user_id in [actor.user_id, *sorted(members)]:
        session.add(ChatMember(room_id=room.id, user_id=user_id))
    session.flush()
    return room


def open_direct_room(
    session: Session, actor: Actor, *, user_id: uuid.UUID
) -> tuple[ChatRoom, bool]:
    """The one direct room of the caller and `user_id` (created when missing: True)."""
    if user_id == actor.user_id:
        raise NotWithYourself("A direct room is between two different users.")
    _known_users(session, {user_id})
    key = ":".join(sorted((str(actor.user_id), str(user_id))))
    created = False
    room = session.scalars(select(ChatRoom).where(ChatRoom.direct_key == key)).first()
    if room is None:
        rows = session.execute(
            select(User.id, User.display_name).where(User.id.in_([actor.user_id, user_id]))
        )
        names = {row[0]: row[1] for row in rows}
        try:
            with session.begin_nested():
                room = ChatRoom(
                    owner_id=actor.user_id,
                    name=f"{names[actor.user_id]} & {names[user_id]}"[:200],
                    kind="DIRECT",
                    direct_key=key,
                )
                session.add(room)
                session.flush()
            created = True
        except IntegrityError:  # the other one asked at the same moment: theirs is the room
            room = session.scalars(select(ChatRoom).where(ChatRoom.direct_key == key)).one()
    for member in (actor.user_id, user_id):
        insert_ignoring_duplicates(session, ChatMember, room_id=room.id, user_id=member)
    return room, created


def get_room(session: Session, actor: Actor, *, room_id: uuid.UUID) -> ChatRoom:
    """A room the caller is a member of; any other is RoomNotFound."""
    return get_or_404(session, ChatRoom, room_id, where=_mine(actor), missing=RoomNotFound())


@dataclass(frozen=True)
class RoomView:
    room: ChatRoom
    unread_count: int


def list_rooms(
    session: Session,
    actor: Actor,
    *,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[RoomView]:
    """The caller's rooms, newest first, by name substring `q`, with their unread counts."""
    query = select(ChatRoom).where(_mine(actor))
    if q:
        query = query.where(func.lower(ChatRoom.name).contains(q.lower(), autoescape=True))
    page = paginate_by_creation(session, query, kind="chat-rooms", limit=limit, cursor=cursor)
    ids = [room.id for room in page.items]
    read: dict[uuid.UUID, int] = {}
    if ids:
        marks = session.execute(
            select(ChatMember.room_id, ChatMember.last_read_id).where(
                ChatMember.user_id == actor.user_id, ChatMember.room_id.in_(ids)
            )
        )
        read = {row[0]: row[1] for row in marks}
    views = [
        RoomView(room, max(0, room.last_message_id - read.get(room.id, 0))) for room in page.items
    ]
    return Page(views, page.next)


def _owned(session: Session, actor: Actor, room_id: uuid.UUID, doing: str) -> ChatRoom:
    room = get_room(session, actor, room_id=room_id)
    if room.owner_id != actor.user_id:
        raise NotOwner(f"Only the room's owner may {doing}.")
    return room


def update_room(
    session: Session,
    actor: Actor,
    *,
    room_id: uuid.UUID,
    name: str | None = None,
    receipts: bool | None = None,
) -> ChatRoom:
    """Renames a room or switches its receipts; the owner only (a member gets NotOwner)."""
    room = _owned(session, actor, room_id, "change it")
    if name is not None:
        room.name = name
    if receipts is not None:
        room.receipts = receipts
    room.version += 1
    session.flush()
    return room


def delete_room(session: Session, actor: Actor, *, room_id: uuid.UUID) -> None:
    """Deletes a room and its messages; the owner only. Its sockets are closed (4404)."""
    room = _owned(session, actor, room_id, "delete it")
    session.execute(delete(ChatRoom).where(ChatRoom.id == room.id))
    publish_after_commit(session, channel(room.id), {"type": "room-deleted"})


@dataclass(frozen=True)
class MemberView:
    user_id: uuid.UUID
    display_name: str
    last_read_id: int
    last_seen_at: datetime | None
    online: bool
    delivered_id: int


def members(session: Session, actor: Actor, *, room_id: uuid.UUID) -> list[MemberView]:
    """A visible room's members, with read and delivered marks, last_seen and whether they are
    online now."""
    room = get_room(session, actor, room_id=room_id)
    rows = session.execute(
        select(ChatMember, User.display_name)
        .join(User, User.id == ChatMember.user_id)
        .where(ChatMember.room_id == room.id)
        .order_by(ChatMember.joined_at, ChatMember.user_id)
    )
    listed = list(rows)
    live = online.online(member.user_id for member, _ in listed)
    return [
        MemberView(
            m.user_id, name, m.last_read_id, m.last_seen_at, m.user_id in live, m.delivered_id
        )
        for m, name in listed
    ]


def add_member(session: Session, actor: Actor, *, room_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Adds an existing user to a group room (owner only); True when they were not a member."""
    room = _owned(session, actor, room_id, "add members")
    if room.kind == "DIRECT":
        raise DirectRoomFixed("A direct room's two members cannot change.")
    if session.get(User, user_id) is None:
        raise UserNotFound(f"No user has the id {user_id}.")
    return insert_ignoring_duplicates(session, ChatMember, room_id=room.id, user_id=user_id)


def remove_member(
    session: Session, actor: Actor, *, room_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    """The owner removes a member, or a member leaves; their sockets on the room close (4404)."""
    room = get_room(session, actor, room_id=room_id)
    if user_id != actor.user_id and room.owner_id != actor.user_id:
        raise NotOwner("Only the room's owner may remove other members.")
    if user_id == room.owner_id and room.kind == "GROUP":
        raise OwnerStays("The owner cannot leave the room; delete it instead.")
    gone = session.execute(
        delete(ChatMember).where(ChatMember.room_id == room.id, ChatMember.user_id == user_id)
    ).rowcount  # type: ignore[attr-defined]
    if not gone:
        raise MemberNotFound(f"{user_id} is not a member of this room.")
    publish_after_commit(
        session, channel(room.id), {"type": "member-removed", "user_id": str(user_id)}
    )


def message_json(message: ChatMessage) -> dict[str, Any]:
    """A message as the API and the sockets show it."""
    return {
        "id": message.id,
        "room_id": str(message.room_id),
        "author_id": str(message.author_id),
        "body": message.body,
        "created_at": message.created_at.isoformat(),
    }


def _mentioned(
    session: Session, room_id: uuid.UUID, author: uuid.UUID, body: str
) -> set[uuid.UUID]:
    handles = {handle.lower().rstrip(".") for handle in _MENTION.findall(body)}
    if not handles:
        return set()
    rows = session.execute(
        select(User.id, User.display_name, User.email)
        .join(ChatMember, ChatMember.user_id == User.id)
        .where(ChatMember.room_id == room_id)
    )
    found = set()
    for user_id, display_name, email in rows:
        names = {display_name.replace(" ", "").lower(), email.partition("@")[0].lower()}
        if names & handles and user_id != author:
            found.add(user_id)
    return found


def post_message(session: Session, actor: Actor, *, room_id: uuid.UUID, body: str) -> ChatMessage:
    """Appends a message to a room the caller is in (the next id of the room), marks it read for
    its author, notifies the members it @mentions, and publishes it once committed."""
    if not body.strip():
        raise EmptyMessage("A message needs some text.")
    room = get_room(session, actor, room_id=room_id)
    message_id = session.execute(
        update(ChatRoom)
        .where(ChatRoom.id == room.id)
        .values(last_message_id=ChatRoom.last_message_id + 1)
        .returning(ChatRoom.last_message_id),
        execution_options={"synchronize_session": False},
    ).scalar_one()
    message = ChatMessage(room_id=room.id, id=message_id, author_id=actor.user_id, body=body)
    session.add(message)
    session.execute(
        update(ChatMember)
        .where(ChatMember.room_id == room.id, ChatMember.user_id == actor.user_id)
        .values(last_read_id=message_id, delivered_id=message_id),
        execution_options={"synchronize_session": False},
    )
    session.flush()
    for user_id in sorted(_mentioned(session, room.id, actor.user_id, body)):
        notifications.notify(
            session,
            user_id=user_id,
            kind=MENTION_KIND,
            subject=f"You were mentioned in {room.name}"[:200],
            payload={"room_id": str(room.id), "message_id": message_id},
        )
    publish_after_commit(
        session, channel(room.id), {"type": "message.created", "message": message_json(message)}
    )
    return message


def list_messages(
    session: Session,
    actor: Actor,
    *,
    room_id: uuid.UUID,
    before: int | None = None,
    after: int | None = None,
    limit: int = 50,
) -> tuple[list[ChatMessage], bool]:
    """A page of a visible room's history in id order: the `limit` messages right after `after`
    (below `before` if given too), or right before `before` (the newest without either); and
    whether more lie beyond in that direction."""
    room = get_room(session, actor, room_id=room_id)
    query = select(ChatMessage).where(ChatMessage.room_id == room.id)
    if after is not None:
        if before is not None:
            query = query.where(ChatMessage.id < before)
        rows = list(
            session.scalars(
                query.where(ChatMessage.id > after).order_by(ChatMessage.id).limit(limit + 1)
            )
        )
        return rows[:limit], len(rows) > limit
    if before is not None:
        query = query.where(ChatMessage.id < before)
    rows = list(session.scalars(query.order_by(ChatMessage.id.desc()).limit(limit + 1)))
    return list(reversed(rows[:limit])), len(rows) > limit


def messages_between(
    session: Session, *, room_id: uuid.UUID, after: int, below: int | None = None
) -> list[ChatMessage]:
    """A room's messages with `after` < id (< `below`), oldest first, MOST_MESSAGES at most
    (for a socket catching up; the socket checked membership when it opened)."""
    query = select(ChatMessage).where(ChatMessage.room_id == room_id, ChatMessage.id > after)
    if below is not None:
        query = query.where(ChatMessage.id < below)
    return list(session.scalars(query.order_by(ChatMessage.id).limit(MOST_MESSAGES)))


def mark_read(
    session: Session, actor: Actor, *, room_id: uuid.UUID, message_id: int
) -> tuple[int, int]:
    """Moves the caller's read mark up to `message_id` (never back), and their delivered mark with
    it (reading implies delivered); broadcasts a read receipt when the room has receipts on.
    Gives (last_read_id, unread_count)."""
    room = get_room(session, actor, room_id=room_id)
    if message_id > room.last_message_id:
        raise UnknownMessage(f"The room has no message {message_id} yet.")
    member = session.get_one(ChatMember, (room.id, actor.user_id))
    if message_id > member.last_read_id:
        member.last_read_id = message_id
        member.delivered_id = max(member.delivered_id, message_id)
        session.flush()
        if room.receipts:
            receipt = {
                "type": "receipt",
                "kind": "read",
                "user_id": str(actor.user_id),
                "last_read_id": message_id,
            }
            publish_after_commit(session, channel(room.id), receipt)
    return member.last_read_id, max(0, room.last_message_id - member.last_read_id)


def mark_delivered(session: Session, actor: Actor, *, room_id: uuid.UUID, up_to_id: int) -> int:
    """Moves the caller's delivered mark up to `up_to_id` (never back, never past the room's
    newest message) with one conditional UPDATE; broadcasts a delivered receipt when it moved and
    the room has receipts on. Gives the delivered mark now."""
    room = get_room(session, actor, room_id=room_id)
    if up_to_id > room.last_message_id:
        raise UnknownMessage(f"The room has no message {up_to_id} yet.")
    moved = session.execute(
        update(ChatMember)
        .where(
            ChatMember.room_id == room.id,
            ChatMember.user_id == actor.user_id,
            ChatMember.delivered_id < up_to_id,
        )
        .values(delivered_id=up_to_id),
        execution_options={"synchronize_session": False},
    ).rowcount  # type: ignore[attr-defined]
    if not moved:
        mark = session.scalar(
            select(ChatMember.delivered_id).where(
                ChatMember.room_id == room.id, ChatMember.user_id == actor.user_id
            )
        )
        return int(mark or 0)
    if room.receipts:
        receipt = {
            "type": "receipt",
            "kind": "delivered",
            "user_id": str(actor.user_id),
            "delivered_id": up_to_id,
        }
        publish_after_commit(session, channel(room.id), receipt)
    return up_to_id


def room_position(session: Session, actor: Actor, *, room_id: uuid.UUID) -> int:
    """The id of the newest message of a room the caller is in (RoomNotFound otherwise)."""
    return get_room(session, actor, room_id=room_id).last_message_id


def seen(session: Session, actor: Actor, *, room_id: uuid.UUID) -> datetime:
    """Records that the caller was on the room's socket now (their last_seen_at)."""
    now = utcnow()
    session.execute(
        update(ChatMember)
        .where(ChatMember.room_id == room_id, ChatMember.user_id == actor.user_id)
        .values(last_seen_at=now),
        execution_options={"synchronize_session": False},
    )
    return now


def room_view(session: Session, actor: Actor, *, room: ChatRoom) -> RoomView:
    """A room the caller is in, with their unread count."""
    read = session.scalar(
        select(ChatMember.last_read_id).where(
            ChatMember.room_id == room.id, ChatMember.user_id == actor.user_id
        )
    )
    return RoomView(room, max(0, room.last_message_id - (read or 0)))
