from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.thumbnails_image_content_type import ThumbnailsImageContentType






T = TypeVar("T", bound="ThumbnailsImage")



@_attrs_define
class ThumbnailsImage:
    """ A thumbnail made visible by the job (its bytes were stored whole before this appeared).

        Attributes:
            size (int): The side of the square it fits in; the download's `size` takes this number.
            width (int):
            height (int):
            content_type (ThumbnailsImageContentType): JPEG for a JPEG original, WebP for WebP, PNG for PNG and GIF (first
                frame).
            byte_size (int):
            sha256 (str): SHA-256 of the stored bytes (the download's ETag).
     """

    size: int
    width: int
    height: int
    content_type: ThumbnailsImageContentType
    byte_size: int
    sha256: str





    def to_dict(self) -> dict[str, Any]:
        size = self.size

        width = self.width

        height = self.height

        content_type = self.content_type.value

        byte_size = self.byte_size

        sha256 = self.sha256


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "size": size,
            "width": width,
            "height": height,
            "content_type": content_type,
            "byte_size": byte_size,
            "sha256": sha256,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size")

        width = d.pop("width")

        height = d.pop("height")

        content_type = ThumbnailsImageContentType(d.pop("content_type"))




        byte_size = d.pop("byte_size")

        sha256 = d.pop("sha256")

        thumbnails_image = cls(
            size=size,
            width=width,
            height=height,
            content_type=content_type,
            byte_size=byte_size,
            sha256=sha256,
        )

        return thumbnails_image

