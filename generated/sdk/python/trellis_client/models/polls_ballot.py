from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PollsBallot")



@_attrs_define
class PollsBallot:
    """ 
        Attributes:
            poll_id (UUID):
            option_ids (list[UUID]): The chosen options, in the poll's order.
            created_at (datetime.datetime):
            updated_at (datetime.datetime): When the ballot was last replaced.
     """

    poll_id: UUID
    option_ids: list[UUID]
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        poll_id = str(self.poll_id)

        option_ids = []
        for option_ids_item_data in self.option_ids:
            option_ids_item = str(option_ids_item_data)
            option_ids.append(option_ids_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "poll_id": poll_id,
            "option_ids": option_ids,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        poll_id = UUID(d.pop("poll_id"))




        option_ids = []
        _option_ids = d.pop("option_ids")
        for option_ids_item_data in (_option_ids):
            option_ids_item = UUID(option_ids_item_data)



            option_ids.append(option_ids_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        polls_ballot = cls(
            poll_id=poll_id,
            option_ids=option_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        return polls_ballot

