from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="FeedsUnreadCountsSubscriptionsItem")



@_attrs_define
class FeedsUnreadCountsSubscriptionsItem:
    """ 
        Attributes:
            subscription_id (UUID):
            unread_count (int):
     """

    subscription_id: UUID
    unread_count: int





    def to_dict(self) -> dict[str, Any]:
        subscription_id = str(self.subscription_id)

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "subscription_id": subscription_id,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = UUID(d.pop("subscription_id"))




        unread_count = d.pop("unread_count")

        feeds_unread_counts_subscriptions_item = cls(
            subscription_id=subscription_id,
            unread_count=unread_count,
        )

        return feeds_unread_counts_subscriptions_item

