from __future__ import annotations

import time
import uuid

import pytest

from services import presence
from services.presence import state
from tests.factories.identity import actor_of, make_user
from tests.factories.presence import make_presence_room


def test_a_room_is_seen_by_its_owner_and_members_only(session, user):
    member, stranger = make_user(), make_user()
    room = presence.create_room(session, actor_of(user), name="Doc", members=[member.email.upper()])
    assert [m.user_id for m in room.members] == [member.id]
    assert presence.get_room(session, actor_of(member), room_id=room.id) is room
    with pytest.raises(presence.RoomNotFound):
        presence.get_room(session, actor_of(stranger), room_id=room.id)


def test_members_are_ids_or_emails_and_unknown_ones_are_refused(session, user):
    member = make_user()
    room = presence.create_room(
        session,
        actor_of(user),
        name="Doc",
        members=[str(member.id), member.email, str(user.id)],  # repeats and the owner: ignored
    )
    assert [m.user_id for m in room.members] == [member.id]
    with pytest.raises(presence.UnknownMember):
        presence.create_room(session, actor_of(user), name="Doc", members=["nobody@example.com"])
    with pytest.raises(presence.UnknownMember):
        presence.create_room(session, actor_of(user), name="Doc", members=[str(uuid.uuid4())])


def test_only_the_owner_deletes_a_room(session, user):
    member = make_user()
    room = make_presence_room(user, members=[member])
    with pytest.raises(presence.NotOwner):
        presence.delete_room(session, actor_of(member), room_id=room.id)
    with pytest.raises(presence.RoomNotFound):
        presence.delete_room(session, actor_of(make_user()), room_id=room.id)
    presence.delete_room(session, actor_of(user), room_id=room.id)
    with pytest.raises(presence.RoomNotFound):
        presence.get_room(session, actor_of(user), room_id=room.id)


def test_rooms_list_mine_and_those_i_am_a_member_of(session, user):
    owned = make_presence_room(user, name="owned")
    joined = make_presence_room(make_user(), name="joined", members=[user])
    make_presence_room(make_user(), name="not mine")
    first = presence.list_rooms(session, actor_of(user), limit=1)
    rest = presence.list_rooms(session, actor_of(user), limit=1, cursor=first.next)
    assert [r.id for r in first.items + rest.items] == [joined.id, owned.id]


def _entry(connection: str) -> state.Entry:
    return {
        "connection_id": connection,
        "user_id": str(uuid.uuid4()),
        "display_name": "Ada",
        "joined_at": f"2026-12-03T10:00:0{connection[-1]}+00:00",
        "cursor": None,
        "selection": None,
    }


def test_the_state_store_expires_entries_and_removes_each_once():
    room, now = uuid.uuid4(), time.time()
    state.put(room, _entry("a" * 31 + "1"), now + 60)
    state.put(room, _entry("b" * 31 + "2"), now - 1)
    assert [e["connection_id"] for e in state.present(room)] == ["a" * 31 + "1"]
    assert state.touch(room, "a" * 31 + "1", now + 60, {"cursor": {"line": 3}})
    assert state.present(room)[0]["cursor"] == {"line": 3}
    gone = state.sweep(now)
    assert [(r, e["connection_id"]) for r, e in gone] == [(str(room), "b" * 31 + "2")]
    assert state.sweep(now) == []
    assert not state.touch(room, "b" * 31 + "2", now + 60)
    assert state.remove(room, "a" * 31 + "1") is not None
    assert state.remove(room, "a" * 31 + "1") is None
    assert state.present(room) == []


def test_the_participants_list_shows_the_oldest_connections_up_to_its_limit(session, user):
    room = make_presence_room(user)
    now = time.time()
    for number in range(presence.PARTICIPANTS_LISTED + 1):
        entry = _entry(f"{number:032d}")
        entry["joined_at"] = f"2026-12-03T10:{number // 60:02d}:{number % 60:02d}+00:00"
        state.put(room.id, entry, now + 60)
    shown = presence.participants(session, actor_of(user), room_id=room.id)
    assert len(shown) == presence.PARTICIPANTS_LISTED
    assert shown[0]["connection_id"] == f"{0:032d}"
    assert f"{presence.PARTICIPANTS_LISTED:032d}" not in {e["connection_id"] for e in shown}
