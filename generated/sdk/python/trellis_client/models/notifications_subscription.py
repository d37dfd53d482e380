from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NotificationsSubscription")



@_attrs_define
class NotificationsSubscription:
    """ 
        Example:
            {'kind': 'blog.comment_on_my_post', 'description': 'Someone commented on one of your blog posts.', 'enabled':
                True, 'chosen': False}

        Attributes:
            kind (str):
            description (str):
            enabled (bool): Whether you receive this kind.
            chosen (bool): true when `enabled` is your choice; false when it is the kind's default.
     """

    kind: str
    description: str
    enabled: bool
    chosen: bool





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        description = self.description

        enabled = self.enabled

        chosen = self.chosen


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "description": description,
            "enabled": enabled,
            "chosen": chosen,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        description = d.pop("description")

        enabled = d.pop("enabled")

        chosen = d.pop("chosen")

        notifications_subscription = cls(
            kind=kind,
            description=description,
            enabled=enabled,
            chosen=chosen,
        )

        return notifications_subscription

