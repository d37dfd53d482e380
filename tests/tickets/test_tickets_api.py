"""Tickets over HTTP: each operation's happy path and its domain's errors (the answers every
operation shares are tested once, in tests/test_shared_answers.py)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.factories.identity import auth_headers, make_user
from tests.factories.tickets import make_ticket, move_ticket
from tests.problems import assert_problem
from tests.support.answers import assert_created

URL = "/api/v1/tickets"


# ---- createTicket -----------------------------------------------------------------------------


def test_create_ticket(client, user):
    assignee = make_user()
    response = client.post(
        URL,
        json={"title": "Login times out", "priority": "HIGH", "assignee_id": str(assignee.id)},
        headers=auth_headers(user),
    )
    body = assert_created(response, URL)
    assert body["state"] == "OPEN"
    assert body["priority"] == "HIGH"
    assert body["description"] == ""
    assert body["reporter_id"] == str(user.id)
    assert body["assignee_id"] == str(assignee.id)
    assert body["closed_at"] is None


def test_create_ticket_defaults_to_medium_unassigned(client, user):
    body = client.post(URL, json={"title": "x"}, headers=auth_headers(user)).json()
    assert (body["priority"], body["assignee_id"]) == ("MEDIUM", None)


def test_create_ticket_with_unknown_assignee_is_422(client, user):
    response = client.post(
        URL, json={"title": "x", "assignee_id": str(uuid.uuid4())}, headers=auth_headers(user)
    )
    assert_problem(response, 422, "/problems/tickets/unknown-assignee")


def test_create_ticket_replays_an_idempotency_key(client, user):
    headers = {**auth_headers(user), "Idempotency-Key": "ticket-1"}
    first = client.post(URL, json={"title": "Once"}, headers=headers)
    second = client.post(URL, json={"title": "Once"}, headers=headers)
    assert second.json()["id"] == first.json()["id"]
    other = client.post(URL, json={"title": "Other"}, headers=headers)
    assert other.status_code == 422


# ---- listTickets ------------------------------------------------------------------------------


def test_list_tickets_filters_and_pages(client, user):
    other = make_user()
    for number in range(3):
        make_ticket(user, title=f"Mine {number}", assignee_id=other.id)
    make_ticket(other, title="Theirs")
    headers = auth_headers(user)

    first = client.get(URL, params={"assignee_id": str(other.id), "limit": 2}, headers=headers)
    assert first.status_code == 200
    page = first.json()
    assert [item["title"] for item in page["items"]] == ["Mine 2", "Mine 1"]
    rest = client.get(
        URL,
        params={"assignee_id": str(other.id), "limit": 2, "cursor": page["next"]},
        headers=headers,
    ).json()
    assert [item["title"] for item in rest["items"]] == ["Mine 0"]
    assert rest["next"] is None

    unassigned = client.get(URL, params={"assignee_id": "none"}, headers=headers).json()
    assert [item["title"] for item in unassigned["items"]] == ["Theirs"]
    oldest = client.get(URL, params={"sort": "created_at", "limit": 1}, headers=headers).json()
    assert oldest["items"][0]["title"] == "Mine 0"


# ---- getTicket --------------------------------------------------------------------------------


def test_any_user_reads_a_ticket(client, user):
    ticket = make_ticket(make_user())
    response = client.get(f"{URL}/{ticket.id}", headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["id"] == str(ticket.id)
    assert response.headers["etag"] == '"1"'


# ---- updateTicket -----------------------------------------------------------------------------


def test_reporter_reassigns_with_if_match(client, user):
    ticket = make_ticket(user)
    assignee = make_user()
    response = client.patch(
        f"{URL}/{ticket.id}",
        json={"assignee_id": str(assignee.id), "priority": "URGENT"},
        headers={**auth_headers(user), "If-Match": '"1"'},
    )
    assert response.status_code == 200
    assert response.json()["assignee_id"] == str(assignee.id)
    assert response.headers["etag"] == '"2"'
    unassign = client.patch(
        f"{URL}/{ticket.id}", json={"assignee_id": None}, headers=auth_headers(assignee)
    )
    assert unassign.json()["assignee_id"] is None


def test_update_ticket_errors(client, user):
    ticket = make_ticket(user)
    path = f"{URL}/{ticket.id}"
    headers = auth_headers(user)
    assert_problem(
        client.patch(path, json={"state": "CLOSED"}, headers=headers), 400, "/problems/validation"
    )
    assert_problem(
        client.patch(path, json={"title": "x"}, headers=auth_headers(make_user())),
        403,
        "/problems/tickets/forbidden",
    )
    assert_problem(
        client.patch(path, json={"assignee_id": str(uuid.uuid4())}, headers=headers),
        422,
        "/problems/tickets/unknown-assignee",
    )
    # None of the refused requests changed anything.
    after = client.get(path, headers=headers)
    assert after.headers["etag"] == '"1"'
    assert after.json()["title"] == ticket.title


# ---- createTicketTransition -------------------------------------------------------------------


def test_assignee_moves_the_ticket(client, user):
    assignee = make_user()
    ticket = make_ticket(user, assignee_id=assignee.id)
    response = client.post(
        f"{URL}/{ticket.id}/transitions",
        json={"from": "OPEN", "to": "CLOSED"},
        headers=auth_headers(assignee),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "CLOSED"
    assert body["closed_at"] is not None
    assert response.headers["etag"] == '"2"'


def test_transition_errors(client, user):
    ticket = make_ticket(user)
    path = f"{URL}/{ticket.id}/transitions"
    headers = auth_headers(user)
    assert_problem(
        client.post(path, json={"from": "OPEN", "to": "CLOSED"}, headers=auth_headers(make_user())),
        403,
        "/problems/tickets/forbidden",
    )
    conflict = assert_problem(
        client.post(path, json={"from": "IN_PROGRESS", "to": "CLOSED"}, headers=headers),
        409,
        "/problems/tickets/state-changed",
    )
    assert conflict["state"] == "OPEN"
    illegal = assert_problem(
        client.post(path, json={"from": "CLOSED", "to": "IN_PROGRESS"}, headers=headers),
        422,
        "/problems/tickets/illegal-transition",
    )
    assert illegal["allowed"] == ["OPEN"]
    assert client.get(f"{URL}/{ticket.id}", headers=headers).json()["state"] == "OPEN"


def test_concurrent_transitions_from_one_state_have_exactly_one_winner(live_server, user):
    ticket = make_ticket(user)
    headers = auth_headers(user)
    targets = ["IN_PROGRESS", "CLOSED"] * 8
    barrier = threading.Barrier(len(targets))

    def transition(target: str) -> int:
        with httpx.Client(base_url=live_server, timeout=30) as http:
            barrier.wait(timeout=60)
            return http.post(
                f"{URL}/{ticket.id}/transitions",
                json={"from": "OPEN", "to": target},
                headers=headers,
            ).status_code

    with ThreadPoolExecutor(max_workers=len(targets)) as pool:
        statuses = sorted(pool.map(transition, targets))
    assert statuses.count(200) == 1
    assert statuses.count(409) == len(targets) - 1
    with httpx.Client(base_url=live_server) as http:
        log = http.get(f"{URL}/{ticket.id}/activity", headers=headers).json()["items"]
    assert [entry["kind"] for entry in log] == ["CREATED", "TRANSITIONED"]


# ---- listTicketActivity -----------------------------------------------------------------------


def test_activity_log_pages_oldest_first(client, user):
    ticket = make_ticket(user)
    move_ticket(user, ticket, "OPEN", "IN_PROGRESS")
    move_ticket(user, ticket, "IN_PROGRESS", "OPEN")
    headers = auth_headers(user)
    first = client.get(f"{URL}/{ticket.id}/activity", params={"limit": 2}, headers=headers).json()
    assert [(entry["kind"], entry["to"]) for entry in first["items"]] == [
        ("CREATED", "OPEN"),
        ("TRANSITIONED", "IN_PROGRESS"),
    ]
    rest = client.get(
        f"{URL}/{ticket.id}/activity", params={"limit": 2, "cursor": first["next"]}, headers=headers
    ).json()
    assert [(entry["from"], entry["to"]) for entry in rest["items"]] == [("IN_PROGRESS", "OPEN")]
    assert rest["items"][0]["actor_id"] == str(user.id)


# ---- comments ---------------------------------------------------------------------------------


def test_comment_thread(client, user):
    ticket = make_ticket(user)
    commenter = make_user()
    path = f"{URL}/{ticket.id}/comments"
    created = client.post(path, json={"body": "Cold cache only."}, headers=auth_headers(commenter))
    assert created.status_code == 201
    comment = created.json()
    assert comment["author_id"] == str(commenter.id)
    assert comment["ticket_id"] == str(ticket.id)
    listed = client.get(path, headers=auth_headers(user)).json()
    assert [item["body"] for item in listed["items"]] == ["Cold cache only."]

    deleted = client.delete(f"{path}/{comment['id']}", headers=auth_headers(commenter))
    assert deleted.status_code == 204
    assert client.get(path, headers=auth_headers(user)).json()["items"] == []


def test_delete_comment_errors(client, user):
    ticket = make_ticket(user)
    comment = client.post(
        f"{URL}/{ticket.id}/comments", json={"body": "mine"}, headers=auth_headers(user)
    ).json()
    path = f"{URL}/{ticket.id}/comments/{comment['id']}"
    assert_problem(
        client.delete(path, headers=auth_headers(make_user())), 403, "/problems/tickets/forbidden"
    )
    other_ticket = make_ticket(user)
    assert_problem(
        client.delete(
            f"{URL}/{other_ticket.id}/comments/{comment['id']}", headers=auth_headers(user)
        ),
        404,
        "/problems/tickets/comment-not-found",
    )
    admin = make_user(role="ADMIN")
    assert client.delete(path, headers=auth_headers(admin)).status_code == 204


@pytest.mark.parametrize("method", ["put", "delete"])
def test_unsupported_methods_on_a_ticket_are_405(client, user, method):
    ticket = make_ticket(user)
    response = client.request(method.upper(), f"{URL}/{ticket.id}", headers=auth_headers(user))
    assert_problem(response, 405, "/problems/method-not-allowed")
    assert response.headers["allow"] == "GET, PATCH, HEAD"
