from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PollsBallotCast")



@_attrs_define
class PollsBallotCast:
    """ 
        Example:
            {'option_ids': ['8c1d4f3a-2b5e-4c6d-9e7f-0a1b2c3d4e5f']}

        Attributes:
            option_ids (list[UUID]): The options you choose: exactly one on a single-choice poll, 1 to `max_choices` on a
                multiple-choice one.
            device_id (str | Unset): Anonymous polls only, instead of the X-Device-Id header (this field wins).
     """

    option_ids: list[UUID]
    device_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        option_ids = []
        for option_ids_item_data in self.option_ids:
            option_ids_item = str(option_ids_item_data)
            option_ids.append(option_ids_item)



        device_id = self.device_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "option_ids": option_ids,
        })
        if device_id is not UNSET:
            field_dict["device_id"] = device_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        option_ids = []
        _option_ids = d.pop("option_ids")
        for option_ids_item_data in (_option_ids):
            option_ids_item = UUID(option_ids_item_data)



            option_ids.append(option_ids_item)


        device_id = d.pop("device_id", UNSET)

        polls_ballot_cast = cls(
            option_ids=option_ids,
            device_id=device_id,
        )

        return polls_ballot_cast

