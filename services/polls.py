"""Polls: questions with options that people vote on, once each, within an opening window.

One ballot per voter and poll is the database's UNIQUE key (poll, voter key), not a read-then-write
check: casting inserts the ballot with ON CONFLICT DO NOTHING, so of two concurrent first votes of
one voter exactly one inserts and the other finds it (then replaces it when the poll allows vote
changes, under the ballot's row lock, or answers AlreadyVoted). Results are counted from the
ballots' choices in one grouped statement, so they are exact whatever ran concurrently. Every
committed ballot change bumps the poll's `votes_version` under its row lock and publishes the
counts it saw on `polls:<poll id>` (core.realtime) once the transaction commits.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import realtime
from core.concurrency import versioned_delete, versioned_write
from core.db import utcnow
from core.errors import Conflict, NotFound, RuleViolated, Unauthorized
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.base import new_id
from db.models.polls import PollsBallot, PollsChoice, PollsOption
from db.models.polls import PollsPoll as PollsPoll  # re-exported for handlers

MAX_OPTIONS = 20
UPDATABLE = ("question", "description", "results_visibility")


class PollNotFound(NotFound, type="/problems/polls/poll-not-found"): ...


class BallotNotFound(NotFound, type="/problems/polls/ballot-not-found"): ...


class PollNotOpen(Conflict, type="/problems/polls/not-open"): ...


class PollClosed(Conflict, type="/problems/polls/closed"): ...


class AlreadyVoted(Conflict, type="/problems/polls/already-voted"): ...


class VoteChangeNotAllowed(Conflict, type="/problems/polls/vote-change-not-allowed"): ...


class UnknownOption(RuleViolated, type="/problems/polls/unknown-option"): ...


class InvalidChoiceCount(RuleViolated, type="/problems/polls/invalid-choice-count"): ...


class DuplicateOptions(RuleViolated, type="/problems/polls/duplicate-options"): ...


class InvalidMaxChoices(RuleViolated, type="/problems/polls/invalid-max-choices"): ...


class InvalidSchedule(RuleViolated, type="/problems/polls/invalid-schedule"): ...


class DeviceIdRequired(RuleViolated, type="/problems/polls/device-id-required"): ...


def channel(poll_id: uuid.UUID) -> str:
    """The realtime channel of a poll's changes."""
    return f"polls:{poll_id}"


@dataclass(frozen=True)
class Tally:
    """A poll's counts: ballots cast, and votes per option id (every option, zeros included)."""

    ballots: int
    votes: dict[uuid.UUID, int]


@dataclass(frozen=True)
class PollView:
    """A poll as one caller sees it: its results only when they are visible to that caller."""

    poll: PollsPoll
    status: str
    mine: bool
    results_visible: bool
    tally: Tally | None


# --- rules on times and visibility -----------------------------------------------------------


def status_of(poll: PollsPoll, now: datetime) -> str:
    if now < poll.opens_at:
        return "SCHEDULED"
    if poll.closes_at is not None and now >= poll.closes_at:
        return "CLOSED"
    return "OPEN"


def _results_visible(poll: PollsPoll, actor: Actor | None, now: datetime) -> bool:
    if actor is not None and actor.user_id == poll.owner_id:
        return True
    return poll.results_visibility == "ALWAYS" or status_of(poll, now) == "CLOSED"


def _check_schedule(opens_at: datetime, closes_at: datetime | None, now: datetime) -> None:
    if closes_at is None:
        return
    if closes_at <= opens_at:
        raise InvalidSchedule("closes_at must be after opens_at.")
    if closes_at <= now:
        raise InvalidSchedule("closes_at must be in the future.")


def _view(
    poll: PollsPoll, actor: Actor | None, now: datetime, tallies: dict[uuid.UUID, Tally]
) -> PollView:
    visible = _results_visible(poll, actor, now)
    return PollView(
        poll=poll,
        status=status_of(poll, now),
        mine=actor is not None and actor.user_id == poll.owner_id,
        results_visible=visible,
        tally=tallies.get(poll.id, Tally(0, {o.id: 0 for o in poll.options})) if visible else None,
    )


def tallies(session: Session, poll_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Tally]:
    """The counts of these polls, from their ballots, in one statement (one snapshot)."""
    if not poll_ids:
        return {}
    ballots = (
        select(func.count())
        .select_from(PollsBallot)
        .where(PollsBallot.poll_id == PollsOption.poll_id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(PollsOption.poll_id, PollsOption.id, func.count(PollsChoice.ballot_id), ballots)
        .outerjoin(PollsChoice, PollsChoice.option_id == PollsOption.id)
        .where(PollsOption.poll_id.in_(poll_ids))
        .group_by(PollsOption.poll_id, PollsOption.id)
    )
    found: dict[uuid.UUID, Tally] = {}
    for poll_id, option_id, votes, ballot_count in rows:
        tally = found.setdefault(poll_id, Tally(int(ballot_count), {}))
        tally.votes[option_id] = int(votes)
    return found


# --- polls -------------------------------------------------------------------------------------


def create_poll(
    session: Session,
    actor: Actor,
    *,
    question: str,
    options: Sequence[str],
    description: str = "",
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    multiple_choice: bool = False,
    max_choices: int | None = None,
    allow_vote_change: bool = False,
    results_visibility: str = "ALWAYS",
    anonymous: bool = False,
) -> PollView:
    """Creates the caller's poll: 2..20 distinct options, a future close, a sane choice limit."""
    now = utcnow()
    opens = opens_at or now
    _check_schedule(opens, closes_at, now)
    texts = [text.strip() for text in options]
    if len({text.casefold() for text in texts}) != len(texts):
        raise DuplicateOptions("Two options have the same text.")
    if not 2 <= len(texts) <= MAX_OPTIONS:
        raise InvalidChoiceCount(f"A poll has 2 to {MAX_OPTIONS} options.")
    if not multiple_choice:
        if max_choices not in (None, 1):
            raise InvalidMaxChoices("A single-choice poll takes exactly one choice.")
        limit = 1
    else:
        limit = len(texts) if max_choices is None else max_choices
        if not 2 <= limit <= len(texts):
            raise InvalidMaxChoices("max_choices runs from 2 to the number of options.")
    poll = PollsPoll(
        owner_id=actor.user_id,
        question=question.strip(),
        description=description,
        opens_at=opens,
        closes_at=closes_at,
        multiple_choice=multiple_choice,
        max_choices=limit,
        allow_vote_change=allow_vote_change,
        results_visibility=results_visibility,
        anonymous=anonymous,
        options=[PollsOption(position=n, text=text) for n, text in enumerate(texts)],
    )
    session.add(poll)
    session.flush()
    return _view(poll, actor, now, {})


def _poll(session: Session, poll_id: uuid.UUID, *, lock: bool = False) -> PollsPoll:
    return get_or_404(session, PollsPoll, poll_id, missing=PollNotFound("No such poll."), lock=lock)


def _my_poll(session: Session, actor: Actor, poll_id: uuid.UUID) -> PollsPoll:
    mine = PollsPoll.owner_id == actor.user_id
    missing = PollNotFound("No such poll.")
    return get_or_404(session, PollsPoll, poll_id, where=mine, missing=missing, lock=True)


def get_poll(session: Session, actor: Actor | None, *, poll_id: uuid.UUID) -> PollView:
    """Any poll by id (ids are unguessable links), with results when visible to the caller."""
    poll = _poll(session, poll_id)
    now = utcnow()
    visible = _results_visible(poll, actor, now)
    return _view(poll, actor, now, tallies(session, [poll.id]) if visible else {})


def update_poll(
    session: Session,
    actor: Actor,
    *,
    poll_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> PollView:
    """Edits the caller's poll; the schedule only moves forward and a closed poll stays closed."""
    poll = _my_poll(session, actor, poll_id)
    now = utcnow()
    status = status_of(poll, now)
    with versioned_write(session, poll, if_match=if_match):
        if changes.get("status") == "CLOSED":
            if "closes_at" in changes or "opens_at" in changes:
                raise InvalidSchedule("Close the poll, or move its schedule, not both at once.")
            if status == "CLOSED":
                raise PollClosed("The poll is already closed.")
            poll.opens_at, poll.closes_at = min(poll.opens_at, now), now
        if "opens_at" in changes or "closes_at" in changes:
            if status == "CLOSED":
                raise PollClosed("A closed poll cannot be reopened.")
            opens = changes.get("opens_at", poll.opens_at)
            if "opens_at" in changes and (status != "SCHEDULED" or opens is None):
                raise InvalidSchedule("opens_at moves only while the poll is scheduled.")
            closes = changes.get("closes_at", poll.closes_at)
            _check_schedule(max(opens, now) if "opens_at" in changes else opens, closes, now)
            poll.opens_at, poll.closes_at = opens, closes
        for field in UPDATABLE:
            if field in changes:
                setattr(
                    poll, field, changes[field].strip() if field == "question" else changes[field]
                )
    message = {"type": "POLL_CHANGED", "poll_id": str(poll.id), "poll_version": poll.version}
    realtime.publish_after_commit(session, channel(poll.id), message)
    return _view(poll, actor, now, tallies(session, [poll.id]))


def delete_poll(
    session: Session, actor: Actor, *, poll_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes the caller's poll with its ballots (guarded by If-Match when given)."""
    poll = _my_poll(session, actor, poll_id)
    versioned_delete(session, poll, if_match=if_match)
    realtime.publish_after_commit(
        session, channel(poll_id), {"type": "POLL_DELETED", "poll_id": str(poll_id)}
    )


def list_polls(
    session: Session,
    actor: Actor,
    *,
    scope: str = "MINE",
    status: str | None = None,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[PollView]:
    """The polls I made (MINE) or voted in (VOTED), newest first, filtered by status and text."""
    query = select(PollsPoll)
    if scope == "VOTED":
        voted = exists().where(
            PollsBallot.poll_id == PollsPoll.id, PollsBallot.voter_key == _user_key(actor)
        )
        query = query.where(voted)
    else:
        query = query.where(PollsPoll.owner_id == actor.user_id)
    now = utcnow()
    if status == "SCHEDULED":
        query = query.where(PollsPoll.opens_at > now)
    elif status == "OPEN":
        still_open = PollsPoll.closes_at.is_(None) | (PollsPoll.closes_at > now)
        query = query.where(PollsPoll.opens_at <= now, still_open)
    elif status == "CLOSED":
        query = query.where(PollsPoll.closes_at <= now)
    if q:
        query = query.where(func.lower(PollsPoll.question).contains(q.lower(), autoescape=True))
    page = paginate_by_creation(
        session, query, kind=f"polls:{scope}:{status}", limit=limit, cursor=cursor
    )
    shown = [poll.id for poll in page.items if _results_visible(poll, actor, now)]
    counted = tallies(session, shown)
    return Page([_view(poll, actor, now, counted) for poll in page.items], page.next)


# --- ballots -----------------------------------------------------------------------------------


def _user_key(actor: Actor) -> str:
    return f"u:{actor.user_id}"


def _voter_key(poll: PollsPoll, actor: Actor | None, device_id: str | None) -> str:
    """Who votes: the device on anonymous polls (best effort), else the signed-in account."""
    if poll.anonymous:
        if not device_id:
            raise DeviceIdRequired("An anonymous poll counts one ballot per device id; send one.")
        return f"d:{device_id}"
    if actor is None:
        raise Unauthorized("This poll counts one ballot per account; sign in to vote.")
    return _user_key(actor)


def _check_open(poll: PollsPoll, now: datetime) -> None:
    status = status_of(poll, now)
    if status == "SCHEDULED":
        raise PollNotOpen("The poll is not open yet.", opens_at=poll.opens_at.isoformat())
    if status == "CLOSED":
        raise PollClosed("The poll is closed.")


def _check_choices(poll: PollsPoll, option_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    chosen = list(dict.fromkeys(option_ids))
    known = {option.id for option in poll.options}
    strangers = [str(option_id) for option_id in chosen if option_id not in known]
    if strangers:
        raise UnknownOption("Not an option of this poll.", option_ids=strangers)
    if not 1 <= len(chosen) <= poll.max_choices:
        raise InvalidChoiceCount(
            f"Choose 1 to {poll.max_choices} option(s).", max_choices=poll.max_choices
        )
    return chosen


def _votes_changed(session: Session, poll: PollsPoll) -> None:
    """Orders this change after every earlier one (the poll's row lock, held to commit) and
    publishes the counts it sees then: with the lock held they include every committed ballot."""
    version = session.execute(
        update(PollsPoll)
        .where(PollsPoll.id == poll.id)
        # updated_at is the poll's own edits; a vote is not one.
        .values(votes_version=PollsPoll.votes_version + 1, updated_at=PollsPoll.updated_at)
        .returning(PollsPoll.votes_version)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    tally = tallies(session, [poll.id]).get(poll.id, Tally(0, {}))
    message = {
        "type": "VOTES_CHANGED",
        "poll_id": str(poll.id),
        "version": version,
        "ballots": tally.ballots,
        "options": [
            {"option_id": str(option.id), "votes": tally.votes.get(option.id, 0)}
            for option in poll.options
        ],
    }
    realtime.publish_after_commit(session, channel(poll.id), message)


def _find_ballot(
    session: Session, poll_id: uuid.UUID, voter: str, *, lock: bool = False
) -> PollsBallot | None:
    query = select(PollsBallot).where(
        PollsBallot.poll_id == poll_id, PollsBallot.voter_key == voter
    )
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def _choices(session: Session, ballot_id: uuid.UUID) -> list[uuid.UUID]:
    query = (
        select(PollsChoice.option_id)
        .join(PollsOption, PollsOption.id == PollsChoice.option_id)
        .where(PollsChoice.ballot_id == ballot_id)
        .order_by(PollsOption.position)
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class BallotView:
    ballot: PollsBallot
    option_ids: list[uuid.UUID]


def cast_ballot(
    session: Session,
    actor: Actor | None,
    *,
    poll_id: uuid.UUID,
    option_ids: Sequence[uuid.UUID],
    device_id: str | None = None,
) -> tuple[BallotView, bool]:
    """Casts the caller's ballot (True) or replaces it when the poll allows changes (False)."""
    poll = _poll(session, poll_id)
    voter = _voter_key(poll, actor, device_id)
    now = utcnow()
    _check_open(poll, now)
    chosen = _check_choices(poll, option_ids)
    ballot_id = new_id()
    try:
        inserted = insert_ignoring_duplicates(
            session,
            PollsBallot,
            id=ballot_id,
            poll_id=poll.id,
            voter_key=voter,
            created_at=now,
            updated_at=now,
        )
    except IntegrityError as exc:  # the poll was deleted while this vote waited for it
        raise PollNotFound("No such poll.") from exc
    if inserted:
        ballot = session.get_one(PollsBallot, ballot_id)
    else:
        if not poll.allow_vote_change:
            raise AlreadyVoted("You have already voted in this poll.")
        found = _find_ballot(session, poll.id, voter, lock=True)
        if found is None:  # withdrawn between our insert and this read: vote again
            return cast_ballot(
                session, actor, poll_id=poll_id, option_ids=option_ids, device_id=device_id
            )
        ballot = found
        session.execute(delete(PollsChoice).where(PollsChoice.ballot_id == ballot.id))
        ballot.updated_at = now
    session.add_all(
        PollsChoice(ballot_id=ballot.id, option_id=option_id, poll_id=poll.id)
        for option_id in chosen
    )
    session.flush()
    _votes_changed(session, poll)
    ordered = [option.id for option in poll.options if option.id in set(chosen)]
    return BallotView(ballot, ordered), inserted


def get_my_ballot(
    session: Session, actor: Actor | None, *, poll_id: uuid.UUID, device_id: str | None = None
) -> BallotView:
    """The caller's ballot in this poll (by account, or by device id on anonymous polls)."""
    poll = _poll(session, poll_id)
    ballot = _find_ballot(session, poll.id, _voter_key(poll, actor, device_id))
    if ballot is None:
        raise BallotNotFound("You have not voted in this poll.")
    return BallotView(ballot, _choices(session, ballot.id))


def withdraw_ballot(
    session: Session, actor: Actor | None, *, poll_id: uuid.UUID, device_id: str | None = None
) -> None:
    """Withdraws the caller's ballot while the poll is open, if it allows vote changes."""
    poll = _poll(session, poll_id)
    voter = _voter_key(poll, actor, device_id)
    _check_open(poll, utcnow())
    if not poll.allow_vote_change:
        raise VoteChangeNotAllowed("This poll does not allow changing or withdrawing a vote.")
    ballot = _find_ballot(session, poll.id, voter, lock=True)
    if ballot is None:
        raise BallotNotFound("You have not voted in this poll.")
    session.delete(ballot)
    session.flush()
    _votes_changed(session, poll)
