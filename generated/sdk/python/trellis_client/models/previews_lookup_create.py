from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PreviewsLookupCreate")



@_attrs_define
class PreviewsLookupCreate:
    """ 
        Example:
            {'url': 'https://news.example.org/2026/11/bridges'}

        Attributes:
            url (str): An absolute http or https URL of a public host.
            refresh (bool | Unset): Fetch the page again even when a cached preview has not expired. Default: False.
     """

    url: str
    refresh: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        refresh = self.refresh


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })
        if refresh is not UNSET:
            field_dict["refresh"] = refresh

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        refresh = d.pop("refresh", UNSET)

        previews_lookup_create = cls(
            url=url,
            refresh=refresh,
        )

        return previews_lookup_create

