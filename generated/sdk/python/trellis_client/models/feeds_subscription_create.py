from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FeedsSubscriptionCreate")



@_attrs_define
class FeedsSubscriptionCreate:
    """ 
        Example:
            {'url': 'https://news.example.org/feed.xml'}

        Attributes:
            url (str): The RSS or Atom feed's URL (absolute http or https).
            title (str | Unset): Your own name for the feed (the feed's title is shown otherwise).
     """

    url: str
    title: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        title = d.pop("title", UNSET)

        feeds_subscription_create = cls(
            url=url,
            title=title,
        )

        return feeds_subscription_create

