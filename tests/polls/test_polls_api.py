from __future__ import annotations

from datetime import timedelta

import pytest

from core.db import utcnow
from tests.factories.identity import auth_headers, make_user
from tests.factories.polls import make_closed_poll, make_poll, make_scheduled_poll
from tests.problems import assert_problem
from tests.support.answers import assert_created
from tests.support.pages import every_api_item

URL = "/api/v1/polls"
DEVICE = {"X-Device-Id": "device-0001"}


def _ballot(poll_id: object) -> str:
    return f"{URL}/{poll_id}/my-ballot"


def _vote(client, poll, *choices: int, headers=None):  # type: ignore[no-untyped-def]
    ids = [str(poll.options[n].id) for n in choices]
    return client.put(_ballot(poll.id), json={"option_ids": ids}, headers=headers or {})


def _counts(body: dict) -> list[int]:  # type: ignore[type-arg]
    return [option["votes"] for option in body["results"]["options"]]


@pytest.fixture
def me(user):  # type: ignore[no-untyped-def]
    return auth_headers(user)


# ---- create -------------------------------------------------------------------------------------


def test_create_poll_answers_it_with_etag_location_and_zero_results(client, me):
    body = {
        "question": "Lunch?",
        "options": ["Pizza", " Sushi "],
        "multiple_choice": True,
        "closes_at": (utcnow() + timedelta(hours=1)).isoformat(),
    }
    poll = assert_created(client.post(URL, json=body, headers=me), URL)
    assert [option["text"] for option in poll["options"]] == ["Pizza", "Sushi"]
    assert (poll["status"], poll["max_choices"], poll["mine"]) == ("OPEN", 2, True)
    assert poll["results"] == {
        "ballots": 0,
        "options": [{"option_id": option["id"], "votes": 0} for option in poll["options"]],
    }


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"options": ["A", " a"]}, "duplicate-options"),
        ({"options": ["A", "B"], "max_choices": 2}, "invalid-max-choices"),
        ({"options": ["A", "B"], "multiple_choice": True, "max_choices": 3}, "invalid-max-choices"),
        ({"options": ["A", "B"], "closes_at": "2020-01-01T00:00:00Z"}, "invalid-schedule"),
    ],
)
def test_create_poll_refuses_broken_rules_and_stores_nothing(client, me, body, problem):
    response = client.post(URL, json={"question": "Q?", **body}, headers=me)
    assert_problem(response, 422, f"/problems/polls/{problem}")
    assert client.get(URL, headers=me).json()["items"] == []


def test_create_poll_needs_two_to_twenty_options(client, me):
    for options in (["only"], [f"o{n}" for n in range(21)]):
        response = client.post(URL, json={"question": "Q?", "options": options}, headers=me)
        assert_problem(response, 400, "/problems/validation")


def test_create_poll_needs_an_account(client):
    response = client.post(URL, json={"question": "Q?", "options": ["A", "B"]})
    assert_problem(response, 401, "/problems/unauthorized")


# ---- read ---------------------------------------------------------------------------------------


def test_anyone_with_the_id_reads_a_poll_with_its_results(client, user):
    poll = make_poll(user, anonymous=True)
    assert _vote(client, poll, 2, headers=DEVICE).status_code == 201
    response = client.get(f"{URL}/{poll.id}")
    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    body = response.json()
    assert (body["mine"], body["results_visible"], _counts(body)) == (False, True, [0, 0, 1])
    assert body["votes_version"] == 1


def test_results_hidden_until_close_except_from_the_owner(client, user, me):
    poll = make_poll(user, results_visibility="AFTER_CLOSE")
    voter = auth_headers(make_user())
    assert _vote(client, poll, 0, headers=voter).status_code == 201
    hidden = client.get(f"{URL}/{poll.id}", headers=voter).json()
    assert (hidden["results_visible"], hidden["results"]) == (False, None)
    assert _counts(client.get(f"{URL}/{poll.id}", headers=me).json()) == [1, 0, 0]
    closed = client.patch(f"{URL}/{poll.id}", json={"status": "CLOSED"}, headers=me)
    assert closed.json()["status"] == "CLOSED"
    assert _counts(client.get(f"{URL}/{poll.id}", headers=voter).json()) == [1, 0, 0]


def test_an_unknown_poll_is_404(client):
    response = client.get(f"{URL}/5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f")
    assert_problem(response, 404, "/problems/polls/poll-not-found")


# ---- list ---------------------------------------------------------------------------------------


def test_list_filters_mine_by_status_and_question_and_pages_them_all(client, user, me):
    opened = [make_poll(user, question=f"Open question {n}") for n in range(3)]
    scheduled = make_scheduled_poll(user, question="Later question")
    closed = make_closed_poll(user, question="Finished one")
    make_poll(make_user(), question="Open question of someone else")

    def ids(**params: str) -> list[str]:
        return [item["id"] for item in every_api_item(client, URL, me, limit=2, **params)]

    everything = [closed, scheduled, *reversed(opened)]
    assert ids() == [str(poll.id) for poll in everything]
    assert ids(status="OPEN") == [str(poll.id) for poll in reversed(opened)]
    assert ids(status="SCHEDULED") == [str(scheduled.id)]
    assert ids(status="CLOSED") == [str(closed.id)]
    assert ids(q="QUESTION 1") == [str(opened[1].id)]
    assert ids(q="%") == []


def test_list_voted_shows_the_polls_i_voted_in_with_visible_results(client, user, me):
    voted = make_poll(make_user())
    hidden = make_poll(make_user(), results_visibility="AFTER_CLOSE")
    make_poll(make_user())
    for poll in (voted, hidden):
        assert _vote(client, poll, 1, headers=me).status_code == 201
    items = client.get(URL, params={"scope": "VOTED"}, headers=me).json()["items"]
    assert [item["id"] for item in items] == [str(hidden.id), str(voted.id)]
    assert items[0]["results"] is None
    assert _counts(items[1]) == [0, 1, 0]


def test_a_page_costs_the_same_statements_whatever_its_size(client, user, me, statement_counter):
    for n in range(6):
        poll = make_poll(user, question=f"Q{n}", anonymous=True)
        _vote(client, poll, 0, headers=DEVICE)
    client.get(URL, headers=me)  # the account cache (with Redis) reads the caller once
    counts = []
    for limit in (1, 6):
        with statement_counter() as counted:
            response = client.get(URL, params={"limit": limit}, headers=me)
        assert len(response.json()["items"]) == limit
        assert all(_counts(item) == [1, 0, 0] for item in response.json()["items"])
        counts.append(len(counted.statements))
    assert counts[0] == counts[1]


# ---- update and delete --------------------------------------------------------------------------


def test_update_poll_under_if_match(client, user, me):
    poll = make_poll(user)
    body = {"question": "Which colour now?", "results_visibility": "AFTER_CLOSE"}
    response = client.patch(f"{URL}/{poll.id}", json=body, headers={**me, "If-Match": '"1"'})
    assert response.status_code == 200
    assert response.headers["etag"] == '"2"'
    assert response.json()["question"] == "Which colour now?"
    stale = client.patch(f"{URL}/{poll.id}", json=body, headers={**me, "If-Match": '"1"'})
    assert_problem(stale, 412, "/problems/precondition-failed")


def test_update_poll_refuses_a_bad_schedule_and_a_closed_poll(client, user, me):
    poll = make_poll(user)
    past = {"closes_at": "2020-01-01T00:00:00Z"}
    assert_problem(
        client.patch(f"{URL}/{poll.id}", json=past, headers=me),
        422,
        "/problems/polls/invalid-schedule",
    )
    closed = make_closed_poll(user)
    again = client.patch(f"{URL}/{closed.id}", json={"status": "CLOSED"}, headers=me)
    assert_problem(again, 409, "/problems/polls/closed")


def test_someone_elses_poll_is_404_on_change_and_delete(client, user):
    poll = make_poll(make_user())
    me = auth_headers(user)
    change = client.patch(f"{URL}/{poll.id}", json={"question": "Mine?"}, headers=me)
    assert_problem(change, 404, "/problems/polls/poll-not-found")
    assert_problem(
        client.delete(f"{URL}/{poll.id}", headers=me), 404, "/problems/polls/poll-not-found"
    )
    assert client.get(f"{URL}/{poll.id}").json()["question"] == "Which colour?"


def test_delete_poll_removes_it_with_its_ballots(client, user, me):
    poll = make_poll(user)
    assert _vote(client, poll, 0, headers=me).status_code == 201
    assert client.delete(f"{URL}/{poll.id}", headers={**me, "If-Match": '"1"'}).status_code == 204
    assert_problem(client.get(f"{URL}/{poll.id}"), 404, "/problems/polls/poll-not-found")


def test_changes_need_an_account(client, user):
    poll = make_poll(user)
    for response in (
        client.patch(f"{URL}/{poll.id}", json={"question": "x"}),
        client.delete(f"{URL}/{poll.id}"),
        client.get(URL),
    ):
        assert_problem(response, 401, "/problems/unauthorized")


# ---- ballots ------------------------------------------------------------------------------------


def test_vote_once_then_read_my_ballot(client, user, me):
    poll = make_poll(user, multiple_choice=True)
    cast = _vote(client, poll, 2, 0, headers=me)
    assert cast.status_code == 201
    assert cast.json()["option_ids"] == [str(poll.options[0].id), str(poll.options[2].id)]
    mine = client.get(_ballot(poll.id), headers=me)
    assert mine.json()["option_ids"] == cast.json()["option_ids"]
    again = _vote(client, poll, 1, headers=me)
    assert_problem(again, 409, "/problems/polls/already-voted")
    assert _counts(client.get(f"{URL}/{poll.id}").json()) == [1, 0, 1]


def test_vote_change_replaces_the_ballot_and_withdraw_removes_it(client, user, me):
    poll = make_poll(user, allow_vote_change=True)
    assert _vote(client, poll, 0, headers=me).status_code == 201
    changed = _vote(client, poll, 1, headers=me)
    assert changed.status_code == 200
    assert changed.json()["option_ids"] == [str(poll.options[1].id)]
    assert _counts(client.get(f"{URL}/{poll.id}").json()) == [0, 1, 0]
    assert client.delete(_ballot(poll.id), headers=me).status_code == 204
    body = client.get(f"{URL}/{poll.id}").json()
    assert (_counts(body), body["results"]["ballots"], body["votes_version"]) == ([0, 0, 0], 0, 3)
    missing = client.get(_ballot(poll.id), headers=me)
    assert_problem(missing, 404, "/problems/polls/ballot-not-found")
    assert_problem(
        client.delete(_ballot(poll.id), headers=me), 404, "/problems/polls/ballot-not-found"
    )


def test_withdraw_is_refused_where_votes_cannot_change(client, user, me):
    poll = make_poll(user)
    assert _vote(client, poll, 0, headers=me).status_code == 201
    response = client.delete(_ballot(poll.id), headers=me)
    assert_problem(response, 409, "/problems/polls/vote-change-not-allowed")


def test_voting_outside_the_window_is_409(client, user, me):
    scheduled, closed = make_scheduled_poll(user), make_closed_poll(user)
    assert_problem(_vote(client, scheduled, 0, headers=me), 409, "/problems/polls/not-open")
    assert_problem(_vote(client, closed, 0, headers=me), 409, "/problems/polls/closed")


def test_an_option_of_another_poll_or_too_many_choices_is_422(client, user, me):
    poll, other = make_poll(user, multiple_choice=True, max_choices=2), make_poll(user)
    body = {"option_ids": [str(other.options[0].id)]}
    stranger = client.put(_ballot(poll.id), json=body, headers=me)
    assert assert_problem(stranger, 422, "/problems/polls/unknown-option")["option_ids"] == [
        str(other.options[0].id)
    ]
    too_many = _vote(client, poll, 0, 1, 2, headers=me)
    assert_problem(too_many, 422, "/problems/polls/invalid-choice-count")
    assert_problem(
        client.get(_ballot(poll.id), headers=me), 404, "/problems/polls/ballot-not-found"
    )


def test_an_account_poll_needs_an_account_to_vote_or_read_a_ballot(client, user):
    poll = make_poll(user)
    assert_problem(_vote(client, poll, 0), 401, "/problems/unauthorized")
    assert_problem(client.get(_ballot(poll.id)), 401, "/problems/unauthorized")
    assert_problem(client.delete(_ballot(poll.id)), 401, "/problems/unauthorized")


def test_an_anonymous_poll_counts_one_ballot_per_device(client, user):
    poll = make_poll(user, anonymous=True)
    assert_problem(_vote(client, poll, 0), 422, "/problems/polls/device-id-required")
    assert_problem(client.get(_ballot(poll.id)), 422, "/problems/polls/device-id-required")
    assert _vote(client, poll, 0, headers=DEVICE).status_code == 201
    body = {"option_ids": [str(poll.options[1].id)], "device_id": "device-0001"}
    assert_problem(client.put(_ballot(poll.id), json=body), 409, "/problems/polls/already-voted")
    body["device_id"] = "device-0002"
    assert client.put(_ballot(poll.id), json=body).status_code == 201
    assert client.get(_ballot(poll.id), headers=DEVICE).json()["option_ids"] == [
        str(poll.options[0].id)
    ]
    assert _counts(client.get(f"{URL}/{poll.id}").json()) == [1, 1, 0]


def test_a_ballot_of_an_unknown_poll_is_404(client, me):
    response = client.get(_ballot("5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f"), headers=me)
    assert_problem(response, 404, "/problems/polls/poll-not-found")


def test_a_malformed_device_id_is_400_and_counts_nothing(client, user):
    poll = make_poll(user, anonymous=True)
    response = _vote(client, poll, 0, headers={"X-Device-Id": "no spaces allowed"})
    assert_problem(response, 400, "/problems/validation")
    body = {"option_ids": [str(poll.options[0].id)], "device_id": "short"}
    assert_problem(client.put(_ballot(poll.id), json=body), 400, "/problems/validation")
    assert client.get(f"{URL}/{poll.id}").json()["results"]["ballots"] == 0
