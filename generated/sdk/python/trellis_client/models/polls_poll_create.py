from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.polls_poll_create_results_visibility import PollsPollCreateResultsVisibility
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PollsPollCreate")



@_attrs_define
class PollsPollCreate:
    """ 
        Example:
            {'question': 'Where should the team offsite be?', 'description': 'Pick up to two.', 'options': ['Lisbon',
                'Kraków', 'Tallinn'], 'multiple_choice': True, 'max_choices': 2, 'allow_vote_change': True,
                'results_visibility': 'ALWAYS'}

        Attributes:
            question (str):
            options (list[str]): 2 to 20 option texts, distinct (ignoring case and surrounding spaces).
            description (str | Unset):
            opens_at (datetime.datetime | Unset): When voting starts; now when omitted.
            closes_at (datetime.datetime | None | Unset): When voting ends (after `opens_at` and in the future); null or
                omitted keeps the poll open until you close it.
            multiple_choice (bool | Unset):  Default: False.
            max_choices (int | Unset): Multiple choice only: how many options one ballot may choose, 2 to the number of
                options (default: all of them). A single-choice poll takes 1 or nothing.
            allow_vote_change (bool | Unset): Voters may replace or withdraw their ballot while the poll is open. Default:
                False.
            results_visibility (PollsPollCreateResultsVisibility | Unset):  Default:
                PollsPollCreateResultsVisibility.ALWAYS.
            anonymous (bool | Unset): Anyone may vote without an account, one ballot per device id (best effort). Default:
                False.
     """

    question: str
    options: list[str]
    description: str | Unset = UNSET
    opens_at: datetime.datetime | Unset = UNSET
    closes_at: datetime.datetime | None | Unset = UNSET
    multiple_choice: bool | Unset = False
    max_choices: int | Unset = UNSET
    allow_vote_change: bool | Unset = False
    results_visibility: PollsPollCreateResultsVisibility | Unset = PollsPollCreateResultsVisibility.ALWAYS
    anonymous: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        question = self.question

        options = self.options



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

        multiple_choice = self.multiple_choice

        max_choices = self.max_choices

        allow_vote_change = self.allow_vote_change

        results_visibility: str | Unset = UNSET
        if not isinstance(self.results_visibility, Unset):
            results_visibility = self.results_visibility.value


        anonymous = self.anonymous


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "question": question,
            "options": options,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if closes_at is not UNSET:
            field_dict["closes_at"] = closes_at
        if multiple_choice is not UNSET:
            field_dict["multiple_choice"] = multiple_choice
        if max_choices is not UNSET:
            field_dict["max_choices"] = max_choices
        if allow_vote_change is not UNSET:
            field_dict["allow_vote_change"] = allow_vote_change
        if results_visibility is not UNSET:
            field_dict["results_visibility"] = results_visibility
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question")

        options = cast(list[str], d.pop("options"))


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


        multiple_choice = d.pop("multiple_choice", UNSET)

        max_choices = d.pop("max_choices", UNSET)

        allow_vote_change = d.pop("allow_vote_change", UNSET)

        _results_visibility = d.pop("results_visibility", UNSET)
        results_visibility: PollsPollCreateResultsVisibility | Unset
        if isinstance(_results_visibility,  Unset):
            results_visibility = UNSET
        else:
            results_visibility = PollsPollCreateResultsVisibility(_results_visibility)




        anonymous = d.pop("anonymous", UNSET)

        polls_poll_create = cls(
            question=question,
            options=options,
            description=description,
            opens_at=opens_at,
            closes_at=closes_at,
            multiple_choice=multiple_choice,
            max_choices=max_choices,
            allow_vote_change=allow_vote_change,
            results_visibility=results_visibility,
            anonymous=anonymous,
        )

        return polls_poll_create

