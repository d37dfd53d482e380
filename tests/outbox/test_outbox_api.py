from __future__ import annotations

import uuid

from core.db import utcnow
from core.jobs import queue
from services.outbox import DEAD, SENT
from tests.factories.identity import auth_headers, make_user
from tests.factories.outbox import make_outbox_message
from tests.problems import assert_problem
from tests.support.pages import every_api_item

URL = "/api/v1/outbox/messages"
DEAD_URL = "/api/v1/outbox/dead-letters"
MAIL = {"to": "ada@example.com", "subject": "Your report", "text": "It is ready."}


def test_create_message_queues_it_pending(client, user):
    queue.flush()
    response = client.post(URL, json=MAIL, headers=auth_headers(user))
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"{URL}/{body['id']}"
    assert (body["status"], body["attempts"], body["to"]) == ("PENDING", 0, "ada@example.com")
    assert body["message_id"] == f"<outbox.{body['id']}@localhost>"
    assert queue.pending_count() == 1


def test_a_retried_create_with_the_same_idempotency_key_queues_one_message(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "report-42"}
    first = client.post(URL, json=MAIL, headers=headers)
    again = client.post(URL, json=MAIL, headers=headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    listed = client.get(URL, headers=auth_headers(user)).json()["items"]
    assert [item["id"] for item in listed] == [first.json()["id"]]


def test_create_message_needs_a_login(client):
    assert_problem(client.post(URL, json=MAIL), 401, "/problems/unauthorized")


def test_create_message_refuses_bad_input(client, user):
    for bad in (
        {**MAIL, "to": "not an address"},
        {**MAIL, "subject": "two\nlines"},
        {**MAIL, "text": ""},
        {"to": "ada@example.com", "subject": "no body"},
        {**MAIL, "cc": "eve@example.com"},
    ):
        response = client.post(URL, json=bad, headers=auth_headers(user))
        assert_problem(response, 400, "/problems/validation")
    assert client.get(URL, headers=auth_headers(user)).json()["items"] == []


def test_get_my_message(client, user):
    message = make_outbox_message(user, status=SENT, attempts=1, sent_at=utcnow())
    response = client.get(f"{URL}/{message.id}", headers=auth_headers(user))
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["attempts"]) == ("SENT", 1)


def test_someone_elses_message_is_404(client, user):
    message = make_outbox_message(make_user())
    response = client.get(f"{URL}/{message.id}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/outbox/message-not-found")


def test_list_shows_only_my_messages_and_filters_by_status(client, user):
    mine = make_outbox_message(user)
    dead = make_outbox_message(user, status=DEAD)
    make_outbox_message(make_user())
    everything = client.get(URL, headers=auth_headers(user)).json()["items"]
    assert [item["id"] for item in everything] == [str(dead.id), str(mine.id)]
    only_dead = client.get(URL, params={"status": "DEAD"}, headers=auth_headers(user))
    assert [item["id"] for item in only_dead.json()["items"]] == [str(dead.id)]


def test_list_refuses_an_unknown_status_and_needs_a_login(client, user):
    response = client.get(URL, params={"status": "LOST"}, headers=auth_headers(user))
    assert_problem(response, 400, "/problems/validation")
    assert_problem(client.get(URL), 401, "/problems/unauthorized")


def test_admin_lists_dead_letters_of_everyone_without_bodies(client, admin, user):
    dead = make_outbox_message(user, status=DEAD, last_error="recipient refused (550)")
    internal = make_outbox_message(status=DEAD)
    make_outbox_message(user)
    response = client.get(DEAD_URL, headers=auth_headers(admin))
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [str(internal.id), str(dead.id)]
    assert items[1]["owner_id"] == str(user.id) and items[0]["owner_id"] is None
    assert "text" not in items[0]


def test_admin_requeues_a_dead_letter(client, admin, user):
    dead = make_outbox_message(user, status=DEAD, attempts=5, dead_at=utcnow())
    queue.flush()
    response = client.post(f"{DEAD_URL}/{dead.id}/requeues", headers=auth_headers(admin))
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["attempts"]) == ("PENDING", 0)
    assert queue.pending_count() == 1
    mine = client.get(f"{URL}/{dead.id}", headers=auth_headers(user)).json()
    assert mine["status"] == "PENDING"


def test_requeue_of_a_message_that_is_not_dead_is_409(client, admin, user):
    sent = make_outbox_message(user, status=SENT)
    response = client.post(f"{DEAD_URL}/{sent.id}/requeues", headers=auth_headers(admin))
    assert_problem(response, 409, "/problems/outbox/message-not-dead")
    assert client.get(f"{URL}/{sent.id}", headers=auth_headers(user)).json()["status"] == "SENT"


def test_requeue_of_a_missing_message_is_404(client, admin):
    response = client.post(f"{DEAD_URL}/{uuid.uuid4()}/requeues", headers=auth_headers(admin))
    assert_problem(response, 404, "/problems/outbox/message-not-found")


def test_dead_letter_operations_are_for_admins_only(client, user):
    dead = make_outbox_message(user, status=DEAD)
    assert_problem(client.get(DEAD_URL, headers=auth_headers(user)), 403, "/problems/forbidden")
    response = client.post(f"{DEAD_URL}/{dead.id}/requeues", headers=auth_headers(user))
    assert_problem(response, 403, "/problems/forbidden")
    assert_problem(client.get(DEAD_URL), 401, "/problems/unauthorized")


def test_queueing_past_the_per_user_limit_is_429(client, user, configure):
    configure(OUTBOX_SEND_LIMIT_PER_USER="2/hour")
    for _ in range(2):
        assert client.post(URL, json=MAIL, headers=auth_headers(user)).status_code == 201
    refused = client.post(URL, json=MAIL, headers=auth_headers(user))
    assert_problem(refused, 429, "/problems/outbox/send-limit-reached")
    assert int(refused.headers["retry-after"]) > 0
    assert len(client.get(URL, headers=auth_headers(user)).json()["items"]) == 2
    other = client.post(URL, json=MAIL, headers=auth_headers(make_user()))
    assert other.status_code == 201


def test_both_lists_page_by_cursor_at_the_same_statement_count_whatever_the_page_size(
    client, admin, user, statement_counter
):
    made = [make_outbox_message(user, status=DEAD) for _ in range(4)]
    for url, headers in ((URL, auth_headers(user)), (DEAD_URL, auth_headers(admin))):
        listed = every_api_item(client, url, headers, limit=3)
        assert [item["id"] for item in listed] == [str(m.id) for m in reversed(made)]
        counts = []
        for limit in (1, 4):
            with statement_counter() as counted:
                assert client.get(url, params={"limit": limit}, headers=headers).status_code == 200
            counts.append(len(counted.selects))
        assert counts[0] == counts[1], url
