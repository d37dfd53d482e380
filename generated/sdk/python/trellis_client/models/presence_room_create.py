from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PresenceRoomCreate")



@_attrs_define
class PresenceRoomCreate:
    """ 
        Example:
            {'name': 'Design review'}

        Attributes:
            name (str): What the document is.
            members (list[str] | Unset): Who else may join, each a user id or an email address (any case). Unknown users
                answer 422 `/problems/presence/unknown-member`; the owner and repeats are ignored.
     """

    name: str
    members: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        members = cast(list[str], d.pop("members", UNSET))


        presence_room_create = cls(
            name=name,
            members=members,
        )

        return presence_room_create

