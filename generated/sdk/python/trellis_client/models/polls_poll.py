from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.polls_poll_results_visibility import PollsPollResultsVisibility
from ..models.polls_poll_status import PollsPollStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.polls_poll_options_item import PollsPollOptionsItem
  from ..models.polls_poll_results_type_0 import PollsPollResultsType0





T = TypeVar("T", bound="PollsPoll")



@_attrs_define
class PollsPoll:
    """ A poll as you see it. `results` is null while the results are hidden from you (results visibility AFTER_CLOSE and
    the poll not closed yet); the owner always sees them.

        Attributes:
            id (UUID):
            question (str):
            description (str):
            options (list[PollsPollOptionsItem]): In the order they were given.
            status (PollsPollStatus): SCHEDULED before `opens_at`, CLOSED from `closes_at` on, OPEN in between.
            opens_at (datetime.datetime):
            closes_at (datetime.datetime | None): Null while the poll stays open until its owner closes it.
            multiple_choice (bool):
            max_choices (int): How many options one ballot may choose (1 on single-choice polls).
            allow_vote_change (bool):
            results_visibility (PollsPollResultsVisibility):
            anonymous (bool): Voting needs no account; one ballot per device id (best effort).
            mine (bool): You own this poll.
            results_visible (bool):
            results (None | PollsPollResultsType0):
            votes_version (int): Grows by one with every committed ballot change; realtime messages on the poll's channel
                carry the same number, so a client keeps the counts of the highest version it saw.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    question: str
    description: str
    options: list[PollsPollOptionsItem]
    status: PollsPollStatus
    opens_at: datetime.datetime
    closes_at: datetime.datetime | None
    multiple_choice: bool
    max_choices: int
    allow_vote_change: bool
    results_visibility: PollsPollResultsVisibility
    anonymous: bool
    mine: bool
    results_visible: bool
    results: None | PollsPollResultsType0
    votes_version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.polls_poll_options_item import PollsPollOptionsItem # noqa: PLC0415
        from ..models.polls_poll_results_type_0 import PollsPollResultsType0 # noqa: PLC0415
        id = str(self.id)

        question = self.question

        description = self.description

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)



        status = self.status.value

        opens_at = self.opens_at.isoformat()

        closes_at: None | str
        if isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        multiple_choice = self.multiple_choice

        max_choices = self.max_choices

        allow_vote_change = self.allow_vote_change

        results_visibility = self.results_visibility.value

        anonymous = self.anonymous

        mine = self.mine

        results_visible = self.results_visible

        results: dict[str, Any] | None
        if isinstance(self.results, PollsPollResultsType0):
            results = self.results.to_dict()
        else:
            results = self.results

        votes_version = self.votes_version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "question": question,
            "description": description,
            "options": options,
            "status": status,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "multiple_choice": multiple_choice,
            "max_choices": max_choices,
            "allow_vote_change": allow_vote_change,
            "results_visibility": results_visibility,
            "anonymous": anonymous,
            "mine": mine,
            "results_visible": results_visible,
            "results": results,
            "votes_version": votes_version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.polls_poll_options_item import PollsPollOptionsItem # noqa: PLC0415
        from ..models.polls_poll_results_type_0 import PollsPollResultsType0 # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        question = d.pop("question")

        description = d.pop("description")

        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = PollsPollOptionsItem.from_dict(options_item_data)



            options.append(options_item)


        status = PollsPollStatus(d.pop("status"))




        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))




        def _parse_closes_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closes_at_type_0 = datetime.datetime.fromisoformat(data)



                return closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closes_at = _parse_closes_at(d.pop("closes_at"))


        multiple_choice = d.pop("multiple_choice")

        max_choices = d.pop("max_choices")

        allow_vote_change = d.pop("allow_vote_change")

        results_visibility = PollsPollResultsVisibility(d.pop("results_visibility"))




        anonymous = d.pop("anonymous")

        mine = d.pop("mine")

        results_visible = d.pop("results_visible")

        def _parse_results(data: object) -> None | PollsPollResultsType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                results_type_0 = PollsPollResultsType0.from_dict(data)



                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PollsPollResultsType0, data)

        results = _parse_results(d.pop("results"))


        votes_version = d.pop("votes_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        polls_poll = cls(
            id=id,
            question=question,
            description=description,
            options=options,
            status=status,
            opens_at=opens_at,
            closes_at=closes_at,
            multiple_choice=multiple_choice,
            max_choices=max_choices,
            allow_vote_change=allow_vote_change,
            results_visibility=results_visibility,
            anonymous=anonymous,
            mine=mine,
            results_visible=results_visible,
            results=results,
            votes_version=votes_version,
            created_at=created_at,
            updated_at=updated_at,
        )

        return polls_poll

