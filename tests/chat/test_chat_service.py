from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from core.db import transaction
from db.models.notifications import NotificationsItem
from services import chat
from services.chat import online
from tests.factories.chat import make_chat_room, post_chat_messages
from tests.factories.identity import actor_of, make_user


def test_mentions_notify_the_members_named_and_nobody_else(user):
    grace = make_user(email="grace.hopper@example.com")
    outsider = make_user(email="linus@example.com")
    room = make_chat_room(user, members=[grace], name="Compilers")
    post_chat_messages(room, user, "ping @Grace.Hopper and @linus, mail grace.hopper@example.com")
    with transaction(write=False) as session:
        items = session.scalars(
            select(NotificationsItem).where(NotificationsItem.kind == chat.MENTION_KIND)
        ).all()
    assert [item.user_id for item in items] == [grace.id]
    assert items[0].payload == {"room_id": str(room.id), "message_id": 1}
    assert outsider.id not in [item.user_id for item in items]


def test_message_ids_count_up_per_room_and_mark_the_authors_read(user):
    other = make_user()
    first, second = make_chat_room(user, members=[other]), make_chat_room(user)
    post_chat_messages(first, user, "a", "b")
    post_chat_messages(second, user, "c")
    post_chat_messages(first, other, "d")
    with transaction(write=False) as session:
        page = chat.list_rooms(session, actor_of(user))
        unread = {view.room.id: view.unread_count for view in page.items}
        listed, more = chat.list_messages(session, actor_of(user), room_id=first.id)
    assert [m.id for m in listed] == [1, 2, 3] and not more
    assert unread == {first.id: 1, second.id: 0}


def test_two_users_opening_their_direct_room_at_once_get_one_room(user):
    other = make_user()

    def open_it(who, whom):  # type: ignore[no-untyped-def]
        with transaction(write=True) as session:
            room, created = chat.open_direct_room(session, actor_of(who), user_id=whom.id)
            return room.id, created

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(open_it, (user, other), (other, user)))
    assert answers[0][0] == answers[1][0]
    assert sorted(created for _, created in answers) == [False, True]


def test_online_counts_live_connections_until_their_deadline(user):
    online.connect(user.id, "a", 2e9)
    online.connect(user.id, "b", 1.0)  # a process that died long ago left this one
    assert online.online([user.id]) == {user.id}
    assert online.disconnect(user.id, "a") is False
    assert online.online([user.id]) == set()


def test_typing_passes_once_per_window_per_member_and_room(user):
    seconds = 30.0
    room, other_room = make_chat_room(user), make_chat_room(user)
    assert online.allow_typing(room.id, user.id, seconds) is True
    assert online.allow_typing(room.id, user.id, seconds) is False
    assert online.allow_typing(other_room.id, user.id, seconds) is True
