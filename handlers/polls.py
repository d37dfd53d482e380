from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.http import header, iso
from core.idempotency import idempotent
from core.security import current_actor, optional_actor
from core.timeutil import with_datetimes
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import polls
from services.polls import BallotView, PollView

DEVICE_HEADER = "X-Device-Id"


def _poll_json(view: PollView) -> dict[str, Any]:
    poll, tally = view.poll, view.tally
    results = None
    if tally is not None:
        results = {
            "ballots": tally.ballots,
            "options": [
                {"option_id": str(option.id), "votes": tally.votes.get(option.id, 0)}
                for option in poll.options
            ],
        }
    return {
        "id": str(poll.id),
        "question": poll.question,
        "description": poll.description,
        "options": [{"id": str(option.id), "text": option.text} for option in poll.options],
        "status": view.status,
        "opens_at": poll.opens_at.isoformat(),
        "closes_at": iso(poll.closes_at),
        "multiple_choice": poll.multiple_choice,
        "max_choices": poll.max_choices,
        "allow_vote_change": poll.allow_vote_change,
        "results_visibility": poll.results_visibility,
        "anonymous": poll.anonymous,
        "mine": view.mine,
        "results_visible": view.results_visible,
        "results": results,
        "votes_version": poll.votes_version,
        "created_at": poll.created_at.isoformat(),
        "updated_at": poll.updated_at.isoformat(),
    }


def _with_etag(view: PollView) -> Answer:
    return with_etag(_poll_json(view), view.poll.version)


def _ballot_json(poll_id: uuid.UUID, view: BallotView) -> dict[str, Any]:
    return {
        "poll_id": str(poll_id),
        "option_ids": [str(option_id) for option_id in view.option_ids],
        "created_at": view.ballot.created_at.isoformat(),
        "updated_at": view.ballot.updated_at.isoformat(),
    }


def list_polls(
    scope: str = "MINE",
    status: str | None = None,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = polls.list_polls(
            session, current_actor(), scope=scope, status=status, q=q, limit=limit, cursor=cursor
        )
        return page_json(page, _poll_json)


@idempotent
def create_poll(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        arguments = with_datetimes(body, "opens_at", "closes_at")
        view = polls.create_poll(session, current_actor(), **arguments)
        return created(_poll_json(view), view.poll.version, "polls", view.poll.id)


def get_poll(poll_id: str) -> Answer:
    with transaction(write=False) as session:
        return _with_etag(polls.get_poll(session, optional_actor(), poll_id=uuid.UUID(poll_id)))


def update_poll(poll_id: str, body: dict[str, Any]) -> Answer:
    changes = with_datetimes(body, "opens_at", "closes_at")
    return change_under_if_match(
        polls.update_poll, _with_etag, poll_id=uuid.UUID(poll_id), changes=changes
    )


def delete_poll(poll_id: str) -> NoContent:
    return delete_under_if_match(polls.delete_poll, poll_id=uuid.UUID(poll_id))


def cast_poll_ballot(poll_id: str, body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        view, new = polls.cast_ballot(
            session,
            optional_actor(),
            poll_id=uuid.UUID(poll_id),
            option_ids=[uuid.UUID(option_id) for option_id in body["option_ids"]],
            device_id=body.get("device_id") or header(DEVICE_HEADER),
        )
        return _ballot_json(view.ballot.poll_id, view), 201 if new else 200, {}


def get_poll_ballot(poll_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        view = polls.get_my_ballot(
            session, optional_actor(), poll_id=uuid.UUID(poll_id), device_id=header(DEVICE_HEADER)
        )
        return _ballot_json(view.ballot.poll_id, view)


def delete_poll_ballot(poll_id: str) -> NoContent:
    with transaction(write=True) as session:
        polls.withdraw_ballot(
            session, optional_actor(), poll_id=uuid.UUID(poll_id), device_id=header(DEVICE_HEADER)
        )
    return None, 204
