"""Presence: document rooms (an owner and members) and who is in each room now.

A room is visible to its owner and its members, and to nobody else (404, like a missing one);
only the owner deletes it. Who is in a room is not in the database: `state` keeps one entry per
open connection with a heartbeat deadline, in Redis when REDIS_URL is set (so every app process
sees every connection) and in memory otherwise. Changes go out on the room's realtime channel.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from core.errors import Forbidden, NotFound, RuleViolated
from core.pagination import Page, paginate_by_creation
from core.realtime import publish_after_commit
from core.rows import get_or_404
from core.security import Actor
from db.models.identity import User
from db.models.presence import PresenceMember, PresenceRoom
from services import identity
from services.presence import state
from services.presence.settings import PresenceSettings

__all__ = [
    "PresenceRoom",
    "PresenceSettings",
    "RoomAccess",
    "channel",
    "create_room",
    "delete_room",
    "get_room",
    "list_rooms",
    "room_access",
    "state",
]


#: How many connections the participants list shows at most (its schema's maxItems).
PARTICIPANTS_LISTED = 200


class RoomNotFound(NotFound, type="/problems/presence/room-not-found"): ...


class NotOwner(Forbidden, type="/problems/presence/not-owner"): ...


class UnknownMember(RuleViolated, type="/problems/presence/unknown-member"): ...


def channel(room_id: uuid.UUID) -> str:
    """The realtime channel of a room's events."""
    return f"presence:{room_id}"


def _visible(actor: Actor):  # type: ignore[no-untyped-def]
    member = select(PresenceMember.room_id).where(PresenceMember.user_id == actor.user_id)
    return or_(PresenceRoom.owner_id == actor.user_id, PresenceRoom.id.in_(member))


def _resolve_members(session: Session, owner: uuid.UUID, members: list[str]) -> set[uuid.UUID]:
    ids: set[uuid.UUID] = set()
    emails: dict[str, str] = {}
    for given in members:
        try:
            ids.add(uuid.UUID(given))
        except ValueError:
            emails[identity.email_key(given)] = given
    found_ids = set(session.scalars(select(User.id).where(User.id.in_(ids)))) if ids else set()
    for missing in ids - found_ids:
        raise UnknownMember(f"No user has the id {missing}.")
    if emails:
        rows = session.execute(select(User.email_key, User.id).where(User.email_key.in_(emails)))
        by_email = {row.email_key: row.id for row in rows}
        for key, given in emails.items():
            if key not in by_email:
                raise UnknownMember(f"No user is known as {given}.")
        found_ids |= set(by_email.values())
    found_ids.discard(owner)
    return found_ids


def create_room(
    session: Session, actor: Actor, *, name: str, members: list[str] | None = None
) -> PresenceRoom:
    """Creates a room owned by the caller; members are user ids or emails of existing users."""
    member_ids = _resolve_members(session, actor.user_id, members or [])
    room = PresenceRoom(owner_id=actor.user_id, name=name)
    room.members = [PresenceMember(user_id=user_id) for user_id in sorted(member_ids)]
    session.add(room)
    session.flush()
    return room


def get_room(session: Session, actor: Actor, *, room_id: uuid.UUID) -> PresenceRoom:
    """A room the caller owns or is a member of; any other is RoomNotFound."""
    return get_or_404(session, PresenceRoom, room_id, where=_visible(actor), missing=RoomNotFound())


def list_rooms(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[PresenceRoom]:
    """The rooms the caller owns or is a member of, newest first, one keyset page at a time."""
    query = select(PresenceRoom).where(_visible(actor))
    return paginate_by_creation(session, query, kind="presence-rooms", limit=limit, cursor=cursor)


def delete_room(session: Session, actor: Actor, *, room_id: uuid.UUID) -> None:
    """Deletes a room the caller owns (a member gets NotOwner); its sockets are told to close."""
    room = get_room(session, actor, room_id=room_id)
    if room.owner_id != actor.user_id:
        raise NotOwner("Only the room's owner may delete it.")
    session.execute(delete(PresenceRoom).where(PresenceRoom.id == room.id))
    publish_after_commit(session, channel(room.id), {"type": "room-deleted"})


@dataclass(frozen=True)
class RoomAccess:
    room_id: uuid.UUID
    display_name: str


def room_access(session: Session, actor: Actor, *, room_id: uuid.UUID) -> RoomAccess:
    """What a socket joining a room needs: the room must be visible to the caller."""
    room = get_room(session, actor, room_id=room_id)
    name = session.scalar(select(User.display_name).where(User.id == actor.user_id))
    return RoomAccess(room.id, name or "")


def participants(session: Session, actor: Actor, *, room_id: uuid.UUID) -> list[state.Entry]:
    """Who is in a room the caller may see, now, on every app process: the PARTICIPANTS_LISTED
    oldest connections (a user may hold several, so members do not bound their number)."""
    room = get_room(session, actor, room_id=room_id)
    return state.present(room.id)[:PARTICIPANTS_LISTED]
