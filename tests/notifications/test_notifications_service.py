from __future__ import annotations

import threading

import pytest

from core.db import transaction
from db.models.notifications import NotificationsItem
from services import notifications
from tests.factories.identity import actor_of, make_user
from tests.factories.notifications import make_notification
from tests.support.locks import until_a_transaction_waits_for_a_lock

KIND = "blog.comment_on_my_post"


def test_notify_records_the_notification_for_the_user(session, user):
    item = notifications.notify(
        session, user_id=user.id, kind=KIND, subject="s" * 300, payload={"post_slug": "p"}
    )
    assert item is not None
    assert (item.user_id, item.kind, item.payload, item.read_at) == (
        user.id,
        KIND,
        {"post_slug": "p"},
        None,
    )
    assert item.subject == "s" * 200  # a producer's long subject is cut, never refused


def test_notify_refuses_a_kind_nobody_registered(session, user):
    with pytest.raises(ValueError, match="not registered"):
        notifications.notify(session, user_id=user.id, kind="blog.nothing", subject="x")


def test_notify_skips_a_user_who_opted_out_of_the_kind_only(session, user):
    notifications.set_subscription(session, actor_of(user), kind=KIND, enabled=False)
    assert notifications.notify(session, user_id=user.id, kind=KIND, subject="x") is None
    assert notifications.notify(session, user_id=user.id, kind="chat.mention", subject="x")
    other = make_user()
    assert notifications.notify(session, user_id=other.id, kind=KIND, subject="x")


def _notify_then_fail(user_id) -> None:  # type: ignore[no-untyped-def]
    with transaction(write=True) as session:
        notifications.notify(session, user_id=user_id, kind=KIND, subject="x")
        raise RuntimeError("the producer's change failed")


def test_a_rolled_back_notify_leaves_nothing(user):
    with pytest.raises(RuntimeError):
        _notify_then_fail(user.id)
    with transaction(write=False) as session:
        assert session.query(NotificationsItem).count() == 0


def test_replay_reads_after_an_id_oldest_first_and_only_the_users(session, user):
    ids = [make_notification(user).id for _ in range(4)]
    make_notification(make_user())
    replayed = notifications.replay(session, user_id=user.id, after_id=ids[0], limit=2)
    assert [item["id"] for item in replayed] == ids[1:3]


def test_read_up_to_marks_only_the_callers_unread_notifications(session, user):
    mine = [make_notification(user).id for _ in range(2)]
    theirs = make_notification(make_user()).id
    assert notifications.mark_read_up_to(session, actor_of(user), up_to_id=theirs) == 2
    assert notifications.unread_count(session, actor_of(user)).unread == 0
    assert notifications.get_notification(session, actor_of(user), notification_id=mine[0]).read_at
    other = notifications.unread_count(session, actor_of(make_user()))
    assert (other.unread, other.last_id) == (0, None)


def test_someone_elses_notification_is_not_found(session, user):
    item = make_notification(make_user())
    with pytest.raises(notifications.NotificationNotFound):
        notifications.get_notification(session, actor_of(user), notification_id=item.id)


def test_a_users_notifications_commit_in_id_order(user):
    # A stream skips ids at or below the last one it sent: a lower id committed after a higher
    # one would be lost. The second notify waits for the first one's transaction to end.
    flushed, release = threading.Event(), threading.Event()
    found: dict[str, int] = {}

    def first() -> None:
        with transaction(write=True) as session:
            item = notifications.notify(session, user_id=user.id, kind=KIND, subject="first")
            assert item is not None
            found["first"] = item.id
            flushed.set()
            assert release.wait(20)

    def second() -> None:
        with transaction(write=True) as session:
            item = notifications.notify(session, user_id=user.id, kind=KIND, subject="second")
            assert item is not None
            found["second"] = item.id

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert flushed.wait(20)
    threads[1].start()
    until_a_transaction_waits_for_a_lock()
    assert "second" not in found
    release.set()
    for thread in threads:
        thread.join(20)
    assert found["first"] < found["second"]


def test_assigning_a_ticket_notifies_the_new_assignee_but_not_someone_assigning_themselves(user):
    from services import tickets
    from tests.factories.tickets import make_ticket

    assignee, third = make_user(), make_user()
    ticket = make_ticket(user, title="Printer on fire", assignee_id=assignee.id)
    make_ticket(user, title="Mine", assignee_id=user.id)
    with transaction(write=True) as session:
        changes = {"assignee_id": third.id}
        tickets.update_ticket(session, actor_of(user), ticket_id=ticket.id, changes=changes)
    with transaction(write=True) as session:
        # Not a reassignment (same assignee): nothing new.
        tickets.update_ticket(session, actor_of(user), ticket_id=ticket.id, changes=changes)

    def received(someone) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
        with transaction(write=False) as session:
            page = notifications.list_notifications(session, actor_of(someone))
            return [(item.kind, item.payload["ticket_id"]) for item in page.items]

    assert received(assignee) == [("tickets.assigned", str(ticket.id))]
    assert received(third) == [("tickets.assigned", str(ticket.id))]
    assert received(user) == []
