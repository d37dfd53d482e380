from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PollsOptionCount")



@_attrs_define
class PollsOptionCount:
    """ 
        Attributes:
            option_id (UUID):
            votes (int):
     """

    option_id: UUID
    votes: int





    def to_dict(self) -> dict[str, Any]:
        option_id = str(self.option_id)

        votes = self.votes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "option_id": option_id,
            "votes": votes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        option_id = UUID(d.pop("option_id"))




        votes = d.pop("votes")

        polls_option_count = cls(
            option_id=option_id,
            votes=votes,
        )

        return polls_option_count

