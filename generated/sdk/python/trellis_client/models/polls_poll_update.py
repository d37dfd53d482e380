from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.polls_poll_update_results_visibility import PollsPollUpdateResultsVisibility
from ..models.polls_poll_update_status import PollsPollUpdateStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PollsPollUpdate")



@_attrs_define
class PollsPollUpdate:
    """ The fields to change. Options and voting rules are fixed once created. `status: CLOSED` closes the poll now;
    `opens_at` moves only while the poll is scheduled; a closed poll stays closed.

        Example:
            {'question': 'Where should the spring offsite be?'}

        Attributes:
            question (str | Unset):
            description (str | Unset):
            opens_at (datetime.datetime | Unset):
            closes_at (datetime.datetime | None | Unset):
            results_visibility (PollsPollUpdateResultsVisibility | Unset):
            status (PollsPollUpdateStatus | Unset):
     """

    question: str | Unset = UNSET
    description: str | Unset = UNSET
    opens_at: datetime.datetime | Unset = UNSET
    closes_at: datetime.datetime | None | Unset = UNSET
    results_visibility: PollsPollUpdateResultsVisibility | Unset = UNSET
    status: PollsPollUpdateStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        question = self.question

        description = self.description

        opens_at: str | Unset = UNSET
        if not isinstance(self.opens_at, Unset):
            opens_at = self.opens_at.isoformat()

        closes_at: None | str | Unset
        if isinstance(self.closes_at, Unset):
            closes_at = UNSET
        elif isinstance(self.closes_at, datetime.datetime):
            closes_at = self.closes_at.isoformat()
        else:
            closes_at = self.closes_at

        results_visibility: str | Unset = UNSET
        if not isinstance(self.results_visibility, Unset):
            results_visibility = self.results_visibility.value


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if question is not UNSET:
            field_dict["question"] = question
        if description is not UNSET:
            field_dict["description"] = description
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if results_visibility is not UNSET:
            field_dict["results_visibility"] = results_visibility
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question", UNSET)

        description = d.pop("description", UNSET)

        _opens_at = d.pop("opens_at", UNSET)
        opens_at: datetime.datetime | Unset
        if isinstance(_opens_at,  Unset):
            opens_at = UNSET
        else:
            opens_at = datetime.datetime.fromisoformat(_opens_at)




        def _parse_closes_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closes_at_type_0 = datetime.datetime.fromisoformat(data)



                return closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closes_at = _parse_closes_at(d.pop("closes_at", UNSET))


        _results_visibility = d.pop("results_visibility", UNSET)
        results_visibility: PollsPollUpdateResultsVisibility | Unset
        if isinstance(_results_visibility,  Unset):
            results_visibility = UNSET
        else:
            results_visibility = PollsPollUpdateResultsVisibility(_results_visibility)




        _status = d.pop("status", UNSET)
        status: PollsPollUpdateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PollsPollUpdateStatus(_status)




        polls_poll_update = cls(
            question=question,
            description=description,
            opens_at=opens_at,
            closes_at=closes_at,
            results_visibility=results_visibility,
            status=status,
        )

        return polls_poll_update

