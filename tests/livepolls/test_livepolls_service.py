from __future__ import annotations

import pytest

from services import livepolls
from tests.factories.identity import actor_of, make_user
from tests.factories.livepolls import make_livepolls_item


def test_an_item_belongs_to_its_creator(session, user):
    item = livepolls.create_item(session, actor_of(user), name="Mine")
    assert item.owner_id == user.id
    assert livepolls.get_item(session, actor_of(user), item_id=item.id) is item


def test_someone_elses_item_is_not_found(session, user):
    item = make_livepolls_item(make_user())
    with pytest.raises(livepolls.ItemNotFound):
        livepolls.get_item(session, actor_of(user), item_id=item.id)


def test_items_list_newest_first_one_page_at_a_time(session, user):
    names = [make_livepolls_item(user, name=f"item {n}").name for n in range(3)]
    make_livepolls_item(make_user(), name="not mine")
    first = livepolls.list_items(session, actor_of(user), limit=2)
    assert [item.name for item in first.items] == names[:0:-1]
    rest = livepolls.list_items(session, actor_of(user), limit=2, cursor=first.next)
    assert [item.name for item in rest.items] == names[:1]
    assert rest.next is None
