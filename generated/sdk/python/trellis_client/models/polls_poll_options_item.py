from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PollsPollOptionsItem")



@_attrs_define
class PollsPollOptionsItem:
    """ 
        Attributes:
            id (UUID):
            text (str):
     """

    id: UUID
    text: str





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        text = d.pop("text")

        polls_poll_options_item = cls(
            id=id,
            text=text,
        )

        return polls_poll_options_item

