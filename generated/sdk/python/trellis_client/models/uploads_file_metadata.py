from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="UploadsFileMetadata")



@_attrs_define
class UploadsFileMetadata:
    """ What the metadata job found; null members until it is DONE, or not applicable.

        Attributes:
            width (int | None): Image width in pixels.
            height (int | None): Image height in pixels.
            page_count (int | None): Pages of a PDF.
     """

    width: int | None
    height: int | None
    page_count: int | None





    def to_dict(self) -> dict[str, Any]:
        width: int | None
        width = self.width

        height: int | None
        height = self.height

        page_count: int | None
        page_count = self.page_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "width": width,
            "height": height,
            "page_count": page_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_width(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        width = _parse_width(d.pop("width"))


        def _parse_height(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        height = _parse_height(d.pop("height"))


        def _parse_page_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        page_count = _parse_page_count(d.pop("page_count"))


        uploads_file_metadata = cls(
            width=width,
            height=height,
            page_count=page_count,
        )

        return uploads_file_metadata

