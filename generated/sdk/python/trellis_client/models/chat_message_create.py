from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChatMessageCreate")



@_attrs_define
class ChatMessageCreate:
    """ 
        Example:
            {'body': 'Ship it, @grace?'}

        Attributes:
            body (str): The text; `@name` mentions notify members (display name without spaces, or the part of their email
                before the @).
     """

    body: str





    def to_dict(self) -> dict[str, Any]:
        body = self.body


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        chat_message_create = cls(
            body=body,
        )

        return chat_message_create

