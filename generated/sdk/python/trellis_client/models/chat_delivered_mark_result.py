from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChatDeliveredMarkResult")



@_attrs_define
class ChatDeliveredMarkResult:
    """ 
        Example:
            {'delivered_id': 42}

        Attributes:
            delivered_id (int): Your delivered mark now (at least `up_to_id`, higher when it already was).
     """

    delivered_id: int





    def to_dict(self) -> dict[str, Any]:
        delivered_id = self.delivered_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "delivered_id": delivered_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_id = d.pop("delivered_id")

        chat_delivered_mark_result = cls(
            delivered_id=delivered_id,
        )

        return chat_delivered_mark_result

