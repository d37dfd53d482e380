from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="FeedsReadMarksCreate")



@_attrs_define
class FeedsReadMarksCreate:
    """ 
        Example:
            {'up_to_entry_id': '8e4d2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f'}

        Attributes:
            up_to_entry_id (UUID): An entry of your timeline: it and every entry before it in timeline order (older) are
                marked read.
            subscription_id (UUID | Unset): Only the entries of this subscription's feed.
     """

    up_to_entry_id: UUID
    subscription_id: UUID | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        up_to_entry_id = str(self.up_to_entry_id)

        subscription_id: str | Unset = UNSET
        if not isinstance(self.subscription_id, Unset):
            subscription_id = str(self.subscription_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "up_to_entry_id": up_to_entry_id,
        })
        if subscription_id is not UNSET:
            field_dict["subscription_id"] = subscription_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        up_to_entry_id = UUID(d.pop("up_to_entry_id"))




        _subscription_id = d.pop("subscription_id", UNSET)
        subscription_id: UUID | Unset
        if isinstance(_subscription_id,  Unset):
            subscription_id = UNSET
        else:
            subscription_id = UUID(_subscription_id)




        feeds_read_marks_create = cls(
            up_to_entry_id=up_to_entry_id,
            subscription_id=subscription_id,
        )

        return feeds_read_marks_create

