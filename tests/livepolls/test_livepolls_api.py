from __future__ import annotations

from tests.factories.identity import auth_headers, make_user
from tests.factories.livepolls import make_livepolls_item
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/livepolls/items"


def test_create_item_answers_it_with_etag_and_location(client, user):
    response = client.post(URL, json={"name": "First item"}, headers=auth_headers(user))
    body = assert_created(response, URL)
    assert body["name"] == "First item"


def test_get_item(client, user):
    item = make_livepolls_item(user)
    response = client.get(f"{URL}/{item.id}", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["id"] == str(item.id)


def test_someone_elses_item_is_404(client, user):
    item = make_livepolls_item(make_user())
    response = client.get(f"{URL}/{item.id}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/livepolls/item-not-found")


def test_list_shows_only_my_items(client, user):
    mine = make_livepolls_item(user)
    make_livepolls_item(make_user())
    response = client.get(URL, headers=auth_headers(user))
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(mine.id)]
