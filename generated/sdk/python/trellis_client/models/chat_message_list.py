from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.chat_message import ChatMessage





T = TypeVar("T", bound="ChatMessageList")



@_attrs_define
class ChatMessageList:
    """ 
        Attributes:
            items (list[ChatMessage]): Oldest first.
            has_more (bool): More messages lie beyond this page in the direction asked (before the first item for `before`
                or the newest page, after the last for `after`).
     """

    items: list[ChatMessage]
    has_more: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_message import ChatMessage # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        has_more = self.has_more


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "items": items,
            "has_more": has_more,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_message import ChatMessage # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ChatMessage.from_dict(items_item_data)



            items.append(items_item)


        has_more = d.pop("has_more")

        chat_message_list = cls(
            items=items,
            has_more=has_more,
        )

        return chat_message_list

