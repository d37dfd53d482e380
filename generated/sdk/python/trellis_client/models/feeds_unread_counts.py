from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.feeds_unread_counts_subscriptions_item import FeedsUnreadCountsSubscriptionsItem





T = TypeVar("T", bound="FeedsUnreadCounts")



@_attrs_define
class FeedsUnreadCounts:
    """ 
        Example:
            {'total': 12, 'subscriptions': [{'subscription_id': '5a1c9e3b-7d2f-4e6a-8b0c-1f2e3d4c5b6a', 'unread_count':
                12}]}

        Attributes:
            total (int): Unread entries in your timeline (an entry two of your feeds carry counts once).
            subscriptions (list[FeedsUnreadCountsSubscriptionsItem]): Every subscription of yours, oldest first, with its
                unread count.
     """

    total: int
    subscriptions: list[FeedsUnreadCountsSubscriptionsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.feeds_unread_counts_subscriptions_item import FeedsUnreadCountsSubscriptionsItem # noqa: PLC0415
        total = self.total

        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "total": total,
            "subscriptions": subscriptions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feeds_unread_counts_subscriptions_item import FeedsUnreadCountsSubscriptionsItem # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        for subscriptions_item_data in (_subscriptions):
            subscriptions_item = FeedsUnreadCountsSubscriptionsItem.from_dict(subscriptions_item_data)



            subscriptions.append(subscriptions_item)


        feeds_unread_counts = cls(
            total=total,
            subscriptions=subscriptions,
        )

        return feeds_unread_counts

